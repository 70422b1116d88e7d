from __future__ import annotations

from coordinator_app.domain.enums import AreaKind
from coordinator_app.domain.validation import area_fits_tier, clean_text, normalise_phone


def test_clean_text_drops_controls_and_surrogates() -> None:
    assert clean_text("a\x00b\x07c\ud800d") == "abcd"


def test_clean_text_single_line_joins_lines() -> None:
    assert clean_text("  a\r\nb \t c ") == "a b   c"


def test_clean_text_multiline_keeps_lines() -> None:
    assert clean_text("a\r\nb\rc", multiline=True) == "a\nb\nc"


def test_full_width_phone_becomes_ascii() -> None:
    assert normalise_phone("０４２－５５１－１５１１") == "042-551-1511"
    assert normalise_phone("042ー551ー1511") == "042-551-1511"


def test_area_fits_tier() -> None:
    assert area_fits_tier(1, AreaKind.MUNICIPALITY)
    assert not area_fits_tier(1, AreaKind.DAILY_LIFE_AREA)
    assert area_fits_tier(2, AreaKind.DAILY_LIFE_AREA)
    assert area_fits_tier(2, AreaKind.SCHOOL_DISTRICT)
    assert not area_fits_tier(2, AreaKind.MUNICIPALITY)
