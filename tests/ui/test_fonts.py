"""The window's fonts: IPAexGothic first, the bundled MJ fallback for rare characters."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtGui import QFont, QFontDatabase, QRawFont, QTextLayout
from PySide6.QtWidgets import QApplication

from coordinator_app.ui.fonts import register_fallback_font, use_bundled_font

YOSHI = 0x20BB7  # 𠮷, of 𠮷田: not in IPAexGothic


@pytest.fixture
def app_font(qapp: QApplication) -> Iterator[QApplication]:
    before = QFont(qapp.font())
    yield qapp
    qapp.setFont(before)


def _families_drawing(font: QFont, text: str) -> list[str]:
    layout = QTextLayout(text, font)
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    return [run.rawFont().familyName() for run in layout.glyphRuns()]


@pytest.mark.parametrize("latin_first", [False, True])
def test_application_font_falls_back_to_the_bundled_mj_font(
    app_font: QApplication, latin_first: bool
) -> None:
    family = use_bundled_font(app_font, latin_first=latin_first)
    rare = register_fallback_font()
    assert family == "IPAexGothic" and rare == "MJ Fallback Mincho"
    assert rare in QFontDatabase.families(), "registered with Qt"
    families = app_font.font().families()
    assert families.index(family) + 1 == families.index(rare), "right after IPAexGothic"

    assert not QRawFont.fromFont(QFont(family)).supportsCharacter(YOSHI)
    assert QRawFont.fromFont(QFont(rare)).supportsCharacter(YOSHI)
    drawn = _families_drawing(app_font.font(), "\U00020bb7田")
    assert rare in drawn, "𠮷 is drawn with the fallback, not as a box"
    assert family in drawn or latin_first, "田 keeps IPAexGothic"


def test_a_widget_naming_ipaexgothic_alone_still_finds_rare_characters(
    app_font: QApplication,
) -> None:
    use_bundled_font(app_font)
    assert "mj fallback mincho" in [s.lower() for s in QFont.substitutes("IPAexGothic")]
    assert "MJ Fallback Mincho" in _families_drawing(QFont("IPAexGothic"), "\U00020bb7")
