"""取り込み: the wizard that brings a list in from Excel or CSV.

File -> column mapping -> preview of every row -> one transaction -> result
with a report of the skipped rows. The pages live in :mod:`.import_pages`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget, QWizard

from coordinator_app.services.registry import Services
from coordinator_app.services.transfer.fields import IMPORT_KINDS, ImportKind
from coordinator_app.services.transfer.importing import ImportOutcome
from coordinator_app.services.transfer.mappings import Mapping
from coordinator_app.services.transfer.reading import SourceTable
from coordinator_app.ui.data_safety.import_pages import (
    MappingPage,
    PreviewPage,
    ResultPage,
    SourcePage,
)
from coordinator_app.ui.prompts import Prompts


@dataclass
class ImportState:
    """What the pages have decided so far."""

    kind: ImportKind
    path: Path | None = None
    table: SourceTable | None = None
    mapping: Mapping = field(default_factory=dict)
    preview: ImportOutcome | None = None
    outcome: ImportOutcome | None = None


class ImportWizard(QWizard):
    """Import organisations, contacts, coordinators or areas from a spreadsheet.

    Args:
        services: the services of the open database.
        prompts: file pickers and messages.
        initial_kind: ``"organisations"``, ``"contacts"``, ``"coordinators"`` or ``"areas"``.

    Signals:
        imported(str, list): the kind's key and the ids of the stored records,
            after the import committed (views of that kind should reload).
    """

    imported = Signal(str, list)

    def __init__(
        self,
        services: Services,
        prompts: Prompts,
        *,
        initial_kind: str = "organisations",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.prompts = prompts
        self.state = ImportState(kind=IMPORT_KINDS.get(initial_kind, IMPORT_KINDS["organisations"]))
        self.setWindowTitle(self.tr("Excel・CSVから取り込み"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("次へ >"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("< 戻る"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("キャンセル"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("完了"))
        self.source_page = SourcePage(self)
        self.mapping_page = MappingPage(self)
        self.preview_page = PreviewPage(self)
        self.result_page = ResultPage(self)
        for page in (self.source_page, self.mapping_page, self.preview_page, self.result_page):
            self.addPage(page)
        self.resize(820, 560)
