"""The app's translation catalogue read without Qt (for the command line).

The window translates with Qt (``ui.labels.message_text``); a command that
must speak the window's language reads the same catalogue, the ``.ts`` file
shipped beside the compiled ``.qm``, and shows messages with
:func:`~coordinator_app.domain.texts.render`. Japanese is the source
language: it needs no catalogue.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable
from importlib import resources

from coordinator_app.domain.texts import render

SOURCE_LANGUAGE = "ja"
LANGUAGES = ("ja", "en")


def _one_or_more(n: int) -> int:
    return 0 if n == 1 else 1


def _no_plural(n: int) -> int:
    return 0


PLURAL_RULES: dict[str, Callable[[int], int]] = {"en": _one_or_more}
"""Which of a text's plural forms a number takes, per language (as Qt counts them)."""


class Catalogue:
    """The translations of one language: (context, source) -> its forms."""

    def __init__(self, language: str, entries: dict[tuple[str, str], list[str]]) -> None:
        self.language = language
        self.entries = entries
        self._plural = PLURAL_RULES.get(language, _no_plural)

    @classmethod
    def load(cls, language: str) -> Catalogue:
        """The shipped catalogue of ``language`` (empty for Japanese, the source).

        Raises:
            ValueError: no such language.
        """
        if language not in LANGUAGES:
            raise ValueError(f"unknown language {language!r}")
        if language == SOURCE_LANGUAGE:
            return cls(language, {})
        name = f"coordinator_app_{language}.ts"
        source = resources.files("coordinator_app.resources") / "translations" / name
        return cls(language, read_ts(source.read_text(encoding="utf-8")))

    def translate(self, context: str, source: str, n: int = -1) -> str:
        """As ``QCoreApplication.translate``: the form for ``n`` (%n filled in), or ``source``."""
        forms = self.entries.get((context, source))
        text = source
        if forms:
            text = forms[0] if n < 0 else forms[min(self._plural(n), len(forms) - 1)]
        return text.replace("%n", str(n)) if n >= 0 else text

    def text(self, value: object) -> str:
        """``value`` in this language (a message translated; anything else as it is)."""
        if not self.entries:
            return "" if value is None else str(value)  # Japanese: the message as made
        return render(value, self.translate)


def read_ts(xml: str) -> dict[tuple[str, str], list[str]]:
    """The finished translations of a Qt Linguist ``.ts`` text."""
    entries: dict[tuple[str, str], list[str]] = {}
    for context in ET.fromstring(xml).iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type") in ("unfinished", "obsolete"):
                continue
            forms = [f.text or "" for f in translation.iter("numerusform")]
            if not forms:
                forms = [translation.text or ""]
            if any(forms):
                entries[(name, message.findtext("source") or "")] = forms
    return entries
