"""The one fake of :class:`coordinator_app.ui.prompts.Prompts` for the GUI tests.

Every question is answered from a queue (or a default when the queue is
empty) and everything the app said or asked is recorded, so a test scripts
the user's answers first and checks what was shown afterwards.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter


class FakePrompts:
    """Answers from queues and records everything asked.

    Queues (answers, first in first out):
        answers: :meth:`confirm` (default ``default_answer``, True).
        choices: :meth:`ask`, the index chosen (default 0, the first answer).
        open_files: :meth:`choose_open_file` (photos and logos too); None cancels.
        open_paths: :meth:`choose_open_files`, one list per question.
        save_files: :meth:`choose_save_file`; None cancels.
        folders: :meth:`choose_folder`; None cancels.
        print_to: where :meth:`setup_printer` prints (a PDF file); None cancels.
    """

    def __init__(self) -> None:
        self.answers: list[bool] = []
        self.default_answer = True
        self.choices: list[int] = []
        self.open_files: list[Path | None] = []
        self.open_paths: list[list[Path]] = []
        self.save_files: list[Path | None] = []
        self.folders: list[Path | None] = []
        self.print_to: Path | None = None

        self.questions: list[str] = []
        """Text of every yes/no question."""
        self.asked: list[str] = []
        """Text of every question with several answers."""
        self.warnings: list[str] = []
        self.infos: list[str] = []
        self.suggested: list[str] = []
        """The file name suggested by every save picker."""
        self.saved: list[tuple[Path, str]] = []
        """(path, note) of every 保存しました message."""
        self.opened: list[Path] = []
        """Files handed to the system's viewer."""

    def confirm(
        self, parent: QWidget | None, *, title: str, text: str, accept_text: str = ""
    ) -> bool:
        self.questions.append(text)
        return self.answers.pop(0) if self.answers else self.default_answer

    def ask(self, parent: QWidget | None, *, title: str, text: str, choices: Sequence[str]) -> int:
        self.asked.append(text)
        return self.choices.pop(0) if self.choices else 0

    def inform(self, parent: QWidget | None, *, title: str, text: str) -> None:
        self.infos.append(text)

    def warn(self, parent: QWidget | None, *, title: str, text: str) -> None:
        self.warnings.append(text)

    def choose_open_file(self, parent: QWidget | None, *, title: str, filters: str) -> Path | None:
        return self.open_files.pop(0) if self.open_files else None

    def choose_open_files(self, parent: QWidget | None, *, title: str, filters: str) -> list[Path]:
        if self.open_paths:
            return self.open_paths.pop(0)
        # A test that queued one file in open_files means "the user picked that file".
        single = self.choose_open_file(parent, title=title, filters=filters)
        return [single] if single is not None else []

    def choose_save_file(
        self, parent: QWidget | None, *, title: str, suggested: str, filters: str
    ) -> Path | None:
        self.suggested.append(suggested)
        return self.save_files.pop(0) if self.save_files else None

    def choose_folder(self, parent: QWidget | None, *, title: str) -> Path | None:
        return self.folders.pop(0) if self.folders else None

    def setup_printer(self, parent: QWidget | None, printer: QPrinter, *, title: str) -> bool:
        if self.print_to is None:
            return False
        from PySide6.QtPrintSupport import QPrinter

        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(self.print_to))
        return True

    def file_saved(self, parent: QWidget | None, *, title: str, path: Path, note: str = "") -> None:
        self.saved.append((path, note))

    def open_file(self, path: Path) -> bool:
        self.opened.append(path)
        return True
