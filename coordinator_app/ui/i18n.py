"""Loading translations: Japanese is the source language, English a translation."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

TRANSLATION_BASENAME = "coordinator_app"


def translation_file(language: str) -> Path | None:
    """The compiled .qm of ``language`` shipped with the app, if any."""
    resource = resources.files("coordinator_app.resources") / "translations"
    candidate = resource / f"{TRANSLATION_BASENAME}_{language}.qm"
    if isinstance(candidate, Path) and candidate.is_file():
        return candidate
    return None


class QtGapsJa(QTranslator):
    """Japanese for the few Qt texts that Qt's own qtbase_ja.qm leaves in English
    (the file dialog's 場所 and ファイルの種類 labels); every other text goes on to
    the next translator (None: no translation here)."""

    GAPS = {
        ("QFileDialog", "&Look in:"): "場所(&L):",
        ("QFileDialog", "Files of &type:"): "ファイルの種類(&T):",
    }

    def translate(  # type: ignore[override]
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        return self.GAPS.get((context, source))

    def isEmpty(self) -> bool:
        return False


def install_translators(app: QApplication, language: str) -> list[QTranslator]:
    """Install the translators for ``language`` ("ja" or "en") on ``app``.

    Japanese needs no translation of our strings, but Qt's own dialogs (file
    pickers, standard buttons) get Qt's Japanese catalogue.

    Returns:
        The installed translators; keep them alive as long as the app runs.
    """
    installed: list[QTranslator] = []
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt_translator = QTranslator(app)
    if qt_translator.load(QLocale(language), "qtbase", "_", qt_dir):
        app.installTranslator(qt_translator)
        installed.append(qt_translator)
    if language == "ja":
        gaps = QtGapsJa(app)
        app.installTranslator(gaps)
        installed.append(gaps)
    if language != "ja":
        path = translation_file(language)
        ours = QTranslator(app)
        if path is not None and ours.load(str(path)):
            app.installTranslator(ours)
            installed.append(ours)
    QLocale.setDefault(QLocale(language))
    return installed


def remove_translators(app: QApplication, translators: list[QTranslator]) -> None:
    """Undo :func:`install_translators` (used by tests that switch language)."""
    for translator in translators:
        app.removeTranslator(translator)
    QLocale.setDefault(QLocale("ja"))
