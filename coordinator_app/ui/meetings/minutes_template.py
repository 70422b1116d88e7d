"""The section template of the minutes: 議題・報告事項・協議事項・決定事項・次回予定
(headings in the interface language).

議題 and 決定事項 have fields of their own; the other sections are headings
put into an empty 議事録 field. Headings left without text are dropped when
the meeting is saved, so the template never stores empty structure and
turning it off or on changes nothing that was written.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication

from coordinator_app.ui.settings import AppSettings

SECTIONS = ("報告事項", "協議事項", "次回予定")
"""The headings the template puts into 議事録, in the source language."""

_SETTING = "meetings/minutes_template"


def section_names() -> tuple[str, ...]:
    """The headings in the interface language (the English window writes English ones)."""
    return (
        QCoreApplication.translate("MinutesTemplate", "報告事項"),
        QCoreApplication.translate("MinutesTemplate", "協議事項"),
        QCoreApplication.translate("MinutesTemplate", "次回予定"),
    )


def heading(name: str) -> str:
    """One heading line's text: 【報告事項】 for Japanese, [Reports] for a Latin name."""
    return f"[{name}]" if name.isascii() else f"【{name}】"


def _heading_pattern() -> re.Pattern[str]:
    """A template heading in either language: minutes begun in the Japanese window
    and saved from the English one (or the reverse) lose their empty headings too."""
    lines = {heading(name) for name in (*SECTIONS, *section_names())}
    return re.compile(r"^(?:" + "|".join(re.escape(line) for line in sorted(lines)) + r")\s*$")


def template_text() -> str:
    """The empty template: each heading followed by an empty line."""
    return "".join(f"{heading(name)}\n\n" for name in section_names()).rstrip("\n") + "\n"


def is_bare_template(text: str) -> bool:
    """True when ``text`` holds the headings and nothing written under them."""
    return bool(text.strip()) and not strip_empty_sections(text)


def strip_empty_sections(text: str) -> str:
    """``text`` without the template headings that have nothing under them."""
    pattern = _heading_pattern()
    lines = text.split("\n")
    kept: list[str] = []
    i = 0
    while i < len(lines):
        if pattern.match(lines[i]):
            end = i + 1
            while end < len(lines) and not pattern.match(lines[end]):
                end += 1
            body = lines[i + 1 : end]
            if any(line.strip() for line in body):
                kept.append(lines[i])
                kept.extend(body)
            i = end
        else:
            kept.append(lines[i])
            i += 1
    return "\n".join(kept).strip("\n")


class MinutesTemplateSetting:
    """Whether the user wants the template (remembered per user, default on)."""

    def __init__(self, settings: AppSettings) -> None:
        self._settings = settings

    @property
    def enabled(self) -> bool:
        value = self._settings.store.value(_SETTING, True)
        if isinstance(value, str):  # INI files give "true"/"false" back
            return value.strip().lower() in ("1", "true", "yes")
        return bool(value)

    @enabled.setter
    def enabled(self, value: bool) -> None:
        self._settings.store.setValue(_SETTING, bool(value))
