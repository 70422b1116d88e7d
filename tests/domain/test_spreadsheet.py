from __future__ import annotations

from coordinator_app.domain.spreadsheet import csv_safe, is_formula_like


def test_formula_like_text() -> None:
    for text in ("=1+1", "+81", "-3", "@SUM(A1)", "\t=x"):
        assert is_formula_like(text)
        assert csv_safe(text) == "'" + text
    assert csv_safe("町会 = 自治会") == "町会 = 自治会"
    assert csv_safe("") == ""
