"""The rows of a long list as a window of pages: any page read by keyset, few kept.

A :class:`PageWindow` knows how many rows the list has (one COUNT) and reads a
page only when a row of it is asked for: after the key of the row before it,
before the key of the row after it (the list's order reversed, so the last
rows of 500,000 are one seek from the end), or, far from every key it knows,
after the key of the row next to the page, counted from the nearest key it
knows or end of the list (one ``LIMIT 1 OFFSET`` statement over the sort's
index alone: nothing in between is loaded, no ladder of every page is
built). It keeps at most ``capacity`` pages, dropping the farthest
from the one just read, so memory stays flat however far the list is scrolled.
No Qt here: :class:`~coordinator_app.ui.common.table_model.RecordTableModel`
drives it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from coordinator_app.services.listing import ListQuery, Page, Row

Key = tuple[Any, ...]
Fetch = Callable[[ListQuery], Page[Row[Any]]]
Ladder = Callable[[ListQuery, int], list[Key]]


class PageWindow:
    """``total`` rows of ``query``, read a page at a time through ``fetch``."""

    def __init__(
        self,
        query: ListQuery,
        total: int,
        *,
        fetch: Fetch,
        ladder: Ladder,
        page_size: int,
        capacity: int,
    ) -> None:
        self.query = replace(query, offset=0, after=None, with_total=False)
        self.total = total
        self.page_size = page_size
        self.capacity = max(capacity, 2)
        self._fetch = fetch
        self._ladder = ladder
        self._pages: dict[int, list[Row[Any]]] = {}
        self._keys: dict[int, Key] = {}
        """Known keys by row position: each read page's first and last row, and the
        keys looked up by position next to a page (two per page read at most)."""
        self.reads = 0
        """Pages read so far (tests and benchmarks)."""
        self.seeks = 0
        """Keys looked up by position so far (tests and benchmarks)."""

    # -- reading -----------------------------------------------------------------

    def seed(self, rows: list[Row[Any]], keys: list[Key] | None) -> None:
        """Take the rows already read from the top (positions 0...) as pages."""
        size = self.page_size
        for start in range(0, len(rows), size):
            page = rows[start : start + size]
            if len(page) == size or start + len(page) == self.total:
                self._store(start // size, page, keys[start : start + size] if keys else None)

    def prime(self) -> None:
        """Read the key of the row after the rows seeded, by the statement a jump far
        down walks the sort's index with (one index entry read): the jump that follows
        (the scroll bar released, Ctrl+End) then finds it built and compiled."""
        known = [p for p in self._keys if p < self.total - 2]
        if known:  # (an offset, as a jump has: the same statement with other values)
            last = max(known)
            step = replace(self.query, after=self._keys[last], offset=1, limit=1)
            found = self._ladder(step, 1)
            if found:
                self._keys[last + 2] = found[0]

    def row(self, position: int) -> Row[Any] | None:
        """The row at ``position``, reading its page when it is not kept."""
        if not 0 <= position < self.total:
            return None
        number = position // self.page_size
        page = self._pages.get(number)
        if page is None:
            page = self._read(number)
        offset = position - number * self.page_size
        return page[offset] if offset < len(page) else None

    def cached(self, position: int) -> Row[Any] | None:
        """The row at ``position`` if its page is kept; never reads."""
        page = self._pages.get(position // self.page_size)
        if page is None:
            return None
        offset = position % self.page_size
        return page[offset] if offset < len(page) else None

    def kept(self) -> list[tuple[int, Row[Any]]]:
        """Every kept row with its position."""
        return [
            (number * self.page_size + i, row)
            for number in sorted(self._pages)
            for i, row in enumerate(self._pages[number])
        ]

    @property
    def kept_pages(self) -> int:
        return len(self._pages)

    # -- pages -------------------------------------------------------------------

    def _read(self, number: int) -> list[Row[Any]]:
        start = number * self.page_size
        count = min(self.page_size, self.total - start)
        before = self._keys.get(start - 1)
        after = self._keys.get(start + count)
        if number == 0 or before is not None:
            rows, keys = self._forward(before, count)
        elif start + count == self.total or after is not None:
            rows, keys = self._backward(after, count)
        else:
            rows, keys = self._seek(start, count)
        self.reads += 1
        self._store(number, rows, keys)
        return rows

    def _forward(self, after: Key | None, count: int) -> tuple[list[Row[Any]], list[Key] | None]:
        page = self._fetch(replace(self.query, after=after, limit=count))
        return list(page.rows), page.keys

    def _backward(self, before: Key | None, count: int) -> tuple[list[Row[Any]], list[Key] | None]:
        """The ``count`` rows before ``before`` (the list's end when None): the
        reversed order read forward, turned round."""
        reverse = replace(self.query, descending=not self.query.descending)
        page = self._fetch(replace(reverse, after=before, limit=count))
        keys = list(reversed(page.keys)) if page.keys is not None else None
        return list(reversed(page.rows)), keys

    def _seek(self, start: int, count: int) -> tuple[list[Row[Any]], list[Key] | None]:
        """A page far from every key known: the key next to it counted from the
        nearest key known or end of the list (one ``LIMIT 1 OFFSET`` walk of the
        sort's index, see :func:`~coordinator_app.services.listing.ladder_statement`),
        then a seek from that key."""
        end = start + count  # the row after the page
        # (steps to walk, the anchor's key or None for an end, True to read forward)
        anchors: list[tuple[int, Key | None, bool]] = [
            (start - 1, None, True),
            (self.total - 1 - end, None, False),
        ]
        for position, known in self._keys.items():
            if position < start - 1:
                anchors.append((start - 2 - position, known, True))
            elif position > end:
                anchors.append((position - end - 1, known, False))
        steps, anchor, forward = min(anchors, key=lambda a: a[0])
        if forward:
            key = self._key_at(replace(self.query, after=anchor), steps)
            if key is not None:
                self._keys[start - 1] = key
                return self._forward(key, count)
        else:
            reverse = replace(self.query, descending=not self.query.descending, after=anchor)
            key = self._key_at(reverse, steps)
            if key is not None:
                self._keys[end] = key
                return self._backward(key, count)
        # The list shrank under the count: read the page from the top.
        page = self._fetch(replace(self.query, offset=start, limit=count))
        return list(page.rows), page.keys

    def _key_at(self, query: ListQuery, steps: int) -> Key | None:
        """The key ``steps`` rows on from ``query.after`` (the first row's when None)
        in ``query``'s order; None past the end."""
        self.seeks += 1
        found = self._ladder(replace(query, offset=steps, limit=1), 1)
        return found[0] if found else None

    def _store(self, number: int, rows: list[Row[Any]], keys: list[Key] | None) -> None:
        self._pages[number] = rows
        start = number * self.page_size
        if keys:
            self._keys[start] = keys[0]
            self._keys[start + len(keys) - 1] = keys[-1]
        while len(self._pages) > self.capacity:
            farthest = max(self._pages, key=lambda n: abs(n - number))
            del self._pages[farthest]
