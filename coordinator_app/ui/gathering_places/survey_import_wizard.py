"""Answers of a survey round from Excel or CSV: the import wizard's pages, reused.

File and column mapping are the import wizard's own pages (the mapping is
remembered by header text); the preview runs the survey's import and stores
nothing until 取り込む; the result page offers the skipped rows as CSV.
"""

from __future__ import annotations

import uuid

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFormLayout, QWidget, QWizard

from coordinator_app.domain.validation import ValidationError
from coordinator_app.services.storage_errors import WRITE_ERRORS, storage_message
from coordinator_app.services.transfer.mappings import MappingStore
from coordinator_app.services.transfer.reading import TransferError
from coordinator_app.ui.context import UiContext
from coordinator_app.ui.data_safety.import_pages import (
    MappingPage,
    PreviewPage,
    ResultPage,
    SourcePage,
)
from coordinator_app.ui.data_safety.import_wizard import ImportState
from coordinator_app.ui.labels import error_text, message_text


class SurveyPreviewPage(PreviewPage):
    """Every row with what the import does with it (a place found, answers readable)."""

    w: SurveyImportWizard

    def initializePage(self) -> None:
        self.duplicates_check.setVisible(False)
        self.same_name_check.setVisible(False)
        self.setSubTitle(
            self.tr(
                "問題のない行の回答だけを、まとめて一度に取り込みます。空欄の回答は"
                "取り込まず、すでにある回答を残します。"
            )
        )
        self.refresh()

    def refresh(self) -> None:
        state = self.w.state
        assert state.table is not None
        try:
            state.preview = self.w.services.surveys.preview_import(
                self.w.round_id, state.table, state.mapping
            )
        except (TransferError, LookupError, ValidationError) as exc:  # read-only file …
            state.preview = None
            self.summary_label.setText(error_text(exc))
            self.model.set_rows(state.kind, [], set())
            self.completeChanged.emit()
            return
        self.summary_label.setText(state.preview.summary())
        self.model.set_rows(state.kind, state.preview.rows, set(state.mapping.values()))
        self.completeChanged.emit()

    def validatePage(self) -> bool:
        state = self.w.state
        assert state.table is not None
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            state.outcome = self.w.services.surveys.run_import(
                self.w.round_id, state.table, state.mapping
            )
            MappingStore(self.w.services.db).remember(
                state.kind, state.table.headers, state.mapping
            )
        except (TransferError, ValidationError, LookupError) as exc:
            QGuiApplication.restoreOverrideCursor()
            text = error_text(exc)
            self.w.prompts.warn(self, title=self.tr("取り込めませんでした"), text=text)
            return False
        except WRITE_ERRORS as exc:
            QGuiApplication.restoreOverrideCursor()
            self.w.prompts.warn(
                self,
                title=self.tr("取り込めませんでした"),
                text=message_text(storage_message(exc, action="取り込み")),
            )
            return False
        QGuiApplication.restoreOverrideCursor()
        ids = [r.record_id for r in state.outcome.rows if r.record_id is not None]
        self.w.imported.emit(state.kind.key, ids)
        return True


class SurveyImportWizard(QWizard):
    """Import one round's answers: file -> columns -> preview -> result.

    Signals:
        imported(str, list): the kind's key and the ids of the places whose answers
            were stored, after the import committed.
    """

    imported = Signal(str, list)

    def __init__(self, ctx: UiContext, round_id: uuid.UUID, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = ctx.services
        self.prompts = ctx.prompts
        self.round_id = round_id
        self.state = ImportState(kind=ctx.services.surveys.import_kind(round_id))
        self.setWindowTitle(self.tr("調査の回答をExcel・CSVから取り込み"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("次へ >"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("< 戻る"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("キャンセル"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("完了"))
        self.source_page = SourcePage(self)  # type: ignore[arg-type]  # the same attributes
        self.mapping_page = MappingPage(self)  # type: ignore[arg-type]
        self.preview_page = SurveyPreviewPage(self)  # type: ignore[arg-type]
        self.result_page = ResultPage(self)  # type: ignore[arg-type]
        # The file holds one round's answers: there is nothing else to choose.
        form = self.source_page.layout()
        assert isinstance(form, QFormLayout)
        form.setRowVisible(self.source_page.kind_combo, False)
        self.result_page.setSubTitle(self.tr("取り込んだ回答は「回答」と「集計」に表示されます。"))
        for page in (self.source_page, self.mapping_page, self.preview_page, self.result_page):
            self.addPage(page)
        self.resize(820, 560)
