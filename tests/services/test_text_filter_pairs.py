"""The list filter's composition table: the same answer as the Unicode scan, without it.

The first text filter of a process used to read the decomposition of every code
point below U+20000 (30-110 ms, most of an absent word's filter on any list);
the table holds that scan's result for the Unicode version of this Python.
"""

from __future__ import annotations

import unicodedata

import pytest

from coordinator_app.services import text_filter, text_filter_pairs


@pytest.fixture
def fresh_pairs():
    text_filter._composition_pairs.cache_clear()
    yield
    text_filter._composition_pairs.cache_clear()


def test_table_is_the_scan_of_this_unicode_version(fresh_pairs):
    if unicodedata.unidata_version != text_filter_pairs.UNIDATA_VERSION:
        pytest.skip("another Unicode: the filter scans (regenerate the table from the scan)")
    first, second = text_filter._composition_pairs()
    scanned_first, scanned_second = text_filter.scan_composition_pairs()
    for code in range(0x110000):
        if 0xD800 <= code < 0xE000:
            continue
        ch = chr(code)
        assert (ch in first) == (ch in scanned_first), hex(code)
        assert (ch in second) == (ch in scanned_second), hex(code)


def test_filter_term_reads_no_decomposition(fresh_pairs, monkeypatch):
    """Finding the index term of a filter scans no code point (the table answers)."""
    calls: list[str] = []
    real = unicodedata.decomposition

    def counted(ch: str) -> str:
        calls.append(ch)
        return real(ch)

    monkeypatch.setattr(unicodedata, "decomposition", counted)
    term = text_filter.index_term("存在しない語句ぬ")
    assert term is not None and term.parameter == "%存在しない語句ぬ%"
    trimmed = text_filter.index_term("存在しないか")  # か + ゛ composes: trimmed
    assert trimmed is not None and trimmed.parameter == "%存在しない%"
    assert calls == []


def test_another_unicode_version_scans(fresh_pairs, monkeypatch):
    monkeypatch.setattr(text_filter_pairs, "UNIDATA_VERSION", "0.0.0")
    first, second = text_filter._composition_pairs()
    assert isinstance(first, frozenset) and "\u3099" in second and "か" in first
