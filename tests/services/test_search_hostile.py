"""Issue 11.11: search tolerates any string (lone surrogates, NUL, FTS syntax, huge)."""

from __future__ import annotations

import pytest

from coordinator_app.services.registry import Services
from tests.conftest import Factory

HOSTILE_QUERIES = [
    "\ud800",
    "山田\udfff",
    "\udc80\udc81",
    "\x00",
    "a\x00b",
    '"',
    '""山田""',
    "*",
    "山田*",
    "NOT",
    "AND OR NOT",
    "NEAR(a b)",
    "(",
    "^",
    "-",
    "title:山田",
    "'; DROP TABLE meeting; --",
    "\u202e田山",
    "🙂" * 3,
    "e\u0301",
    "あ" * 10_000,
    " \t\n ",
    "\ufeff",
]


@pytest.mark.parametrize("query", HOSTILE_QUERIES)
def test_search_tolerates_any_string(services: Services, make: Factory, query: str) -> None:
    make.coordinator(name="山田 太郎", kana="やまだ たろう")
    results = services.search.search(query)
    assert results.total_shown >= 0


def test_a_query_with_a_lone_surrogate_still_finds_the_rest(
    services: Services, make: Factory
) -> None:
    make.coordinator(name="山田 太郎", kana="やまだ たろう")
    assert services.search.search("山田\ud800").total_shown == 1
    assert services.search.search("\u202e山田").total_shown == 1
