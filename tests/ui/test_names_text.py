"""Issue 18: lists of names in the window use the window's separator (「、」 in
Japanese, ", " in English), never a Japanese comma written into the code."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtWidgets import QApplication

import coordinator_app.ui
from coordinator_app.ui.i18n import install_translators, remove_translators
from coordinator_app.ui.labels import names_text

UI = Path(coordinator_app.ui.__file__).parent
JOINED = re.compile(r"""["']、["']\s*\.join\(""")


def test_names_are_listed_with_the_windows_separator(qapp: QApplication) -> None:
    assert names_text(["若葉台町会", "北山サロン"]) == "若葉台町会、北山サロン"
    translators = install_translators(qapp, "en")
    try:
        assert names_text(["若葉台町会", "Kitayama salon"]) == "若葉台町会, Kitayama salon"
    finally:
        remove_translators(qapp, translators)


def test_no_window_code_joins_with_a_japanese_comma() -> None:
    found = [
        f"{path.relative_to(UI)}:{number}"
        for path in sorted(UI.rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if JOINED.search(line)
    ]
    assert found == [], "use ui.labels.names_text: " + ", ".join(found)
