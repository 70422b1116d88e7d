"""Where pickers get their choices: a search that returns a bounded page, and a lookup.

A picker never holds every record of a big table. It asks an
:class:`OptionSource` for the first matches of what the user typed (at most
``limit``, searched in SQL with the same kana folding as the list filters)
and looks up the records a form has already chosen. Short fixed lists (areas)
use :class:`StaticOptions`.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from coordinator_app.domain import kana
from coordinator_app.services.base import Choice, ListQuery, NotFoundError


@dataclass(frozen=True)
class Option:
    """One choice: the value stored (usually a record id), its label and reading."""

    value: object
    text: str
    reading: str = ""

    def matches(self, needle: str) -> bool:
        """True when ``needle`` (already normalised) is in the text or the reading."""
        return needle in kana.normalise(self.text) or (
            bool(self.reading) and needle in kana.normalise(self.reading)
        )


class OptionSource(Protocol):
    """The choices of a picker."""

    def search(self, text: str, *, limit: int) -> list[Option]:
        """Options matching ``text`` (every option when empty) in display order, at most
        ``limit`` of them (a static list may return all)."""
        ...

    def lookup(self, values: Sequence[object]) -> list[Option]:
        """The options of ``values`` that still exist (a form's current choice)."""
        ...


class ChoiceService(Protocol):
    def choices(
        self,
        text: str = "",
        *,
        limit: int | None = 50,
        ids: Sequence[uuid.UUID] | None = None,
        filters: dict[str, Any] | None = None,
    ) -> list[Choice]: ...


class StaticOptions:
    """A short fixed list (areas, enum-like choices), filtered in Python; never cut."""

    def __init__(self, options: Iterable[Option]) -> None:
        self.options = list(options)

    def search(self, text: str, *, limit: int) -> list[Option]:
        needle = kana.normalise(text)
        return [o for o in self.options if not needle or o.matches(needle)]

    def lookup(self, values: Sequence[object]) -> list[Option]:
        wanted = set(values)
        return [o for o in self.options if o.value in wanted]


class ServiceOptions:
    """The live records of a service, searched and looked up in SQL (``choices``)."""

    def __init__(self, service: ChoiceService, *, filters: dict[str, Any] | None = None) -> None:
        self.service = service
        self.filters = dict(filters or {})

    def search(self, text: str, *, limit: int) -> list[Option]:
        found = self.service.choices(text, limit=limit, filters=self.filters or None)
        return [Option(c.id, c.label, c.reading) for c in found]

    def lookup(self, values: Sequence[object]) -> list[Option]:
        ids = as_ids(values)
        if not ids:
            return []
        # No filters here: a choice made earlier is shown even if it no longer matches them.
        return [Option(c.id, c.label, c.reading) for c in self.service.choices(ids=ids, limit=None)]


def options_of(service: ChoiceService, *, filters: dict[str, Any] | None = None) -> ServiceOptions:
    """The records of ``service`` as a picker source (nothing is read until it searches)."""
    return ServiceOptions(service, filters=filters)


class ContactOptions:
    """Contacts labelled with their organisation, e.g. 「山田 花子(若葉市社会福祉協議会)」."""

    def __init__(self, services: Any) -> None:
        self.contacts = services.contacts
        self.organisations = services.organisations

    def search(self, text: str, *, limit: int) -> list[Option]:
        query = ListQuery(text=text, sort="kana", limit=limit, with_total=False)
        rows = self.contacts.list_rows(query).rows
        return [self._option(row.record, row.extra.get("organisation_name", "")) for row in rows]

    def lookup(self, values: Sequence[object]) -> list[Option]:
        records = []
        for record_id in as_ids(values):
            try:
                records.append(self.contacts.get(record_id))
            except NotFoundError:
                continue
        org_ids = list({r.organisation_id for r in records if r.organisation_id is not None})
        names = {c.id: c.label for c in self.organisations.choices(ids=org_ids, limit=None)}
        return [self._option(r, names.get(r.organisation_id, "")) for r in records]

    @staticmethod
    def _option(record: Any, organisation: str) -> Option:
        return Option(record.id, f"{record.name}({organisation})", record.kana)


class TaggedOptions:
    """Several sources in one picker (e.g. an owner who is a coordinator or a contact).

    Values are ``f"{tag}{inner value}"``; labels get the part's suffix.
    A search shares the limit between the parts, so each kind stays visible.
    """

    def __init__(self, parts: Sequence[tuple[str, OptionSource, str]]) -> None:
        self.parts = list(parts)

    def search(self, text: str, *, limit: int) -> list[Option]:
        found = [source.search(text, limit=limit) for _tag, source, _suffix in self.parts]
        quotas = _share(limit, [len(f) for f in found])
        return [
            self._tagged(tag, option, suffix)
            for (tag, _source, suffix), options, quota in zip(
                self.parts, found, quotas, strict=True
            )
            for option in options[:quota]
        ]

    def lookup(self, values: Sequence[object]) -> list[Option]:
        result: list[Option] = []
        for tag, source, suffix in self.parts:
            inner = [
                v.removeprefix(tag) for v in values if isinstance(v, str) and v.startswith(tag)
            ]
            if inner:
                result += [self._tagged(tag, o, suffix) for o in source.lookup(inner)]
        return result

    @staticmethod
    def _tagged(tag: str, option: Option, suffix: str) -> Option:
        return Option(f"{tag}{option.value}", f"{option.text}{suffix}", option.reading)


def _share(limit: int, available: list[int]) -> list[int]:
    """Split ``limit`` between parts fairly; what one part cannot use goes to the others."""
    quotas = [0] * len(available)
    remaining = limit
    open_parts = [i for i, n in enumerate(available) if n > 0]
    while remaining > 0 and open_parts:
        each = max(1, remaining // len(open_parts))
        for i in list(open_parts):
            take = min(each, available[i] - quotas[i], remaining)
            quotas[i] += take
            remaining -= take
            if quotas[i] >= available[i]:
                open_parts.remove(i)
            if remaining == 0:
                break
    return quotas


def area_options(nodes: Iterable[Any]) -> list[Option]:
    """Areas as tree-indented options that match by name and by ふりがな.

    Args:
        nodes: :class:`~coordinator_app.services.areas.AreaNode` items, depth first
            (``AreaService.tree()``).
    """
    return [
        Option(node.area.id, "　" * node.depth + node.area.name, node.area.kana) for node in nodes
    ]


def as_ids(values: Iterable[object]) -> list[uuid.UUID]:
    """The values that are record ids (UUIDs or their text)."""
    ids: list[uuid.UUID] = []
    for value in values:
        if isinstance(value, uuid.UUID):
            ids.append(value)
        elif isinstance(value, str):
            try:
                ids.append(uuid.UUID(value))
            except ValueError:
                continue
    return ids
