"""集計: the round's answers as a table, counts per area and kind, weekdays without a place."""

from __future__ import annotations

import uuid
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from coordinator_app.services.survey_results import SurveyResults
from coordinator_app.ui.common.list_table import list_table
from coordinator_app.ui.common.plain_text import plain
from coordinator_app.ui.context import UiContext
from coordinator_app.ui.labels import error_text, message_text, names_text
from coordinator_app.ui.prompts import safe_file_name
from coordinator_app.ui.reports.report_table_model import ReportTableModel


def _table(parent: QWidget) -> QTableView:
    return list_table(ReportTableModel([], [], parent), parent, rows=False, stretch_last=False)


class ResultsTab(QWidget):
    """The results of one round, and 保存 as .xlsx (every table) or .csv (the answers).

    Attributes:
        results: what is shown.
        written: files saved from here (tests read it).
    """

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.round_id: uuid.UUID | None = None
        self.results: SurveyResults | None = None
        self.written: list[Path] = []
        self.summary = plain(QLabel(self))
        self.summary.setWordWrap(True)
        self.export_button = QPushButton(self.tr("Excel・CSVで保存…"), self)
        self.export_button.clicked.connect(self.export)
        self.tabs = QTabWidget(self)
        self.answers_view = _table(self)
        self.counts_view = _table(self)
        self.gaps_view = _table(self)
        self.tabs.addTab(self.answers_view, self.tr("回答一覧"))
        self.tabs.addTab(self.counts_view, self.tr("地域・種類別"))
        self.tabs.addTab(self.gaps_view, self.tr("通いの場がない曜日"))
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        self.set_round(None)

    def set_round(self, round_id: uuid.UUID | None) -> None:
        self.round_id = round_id
        self.refresh()

    def refresh(self) -> None:
        results = self.ctx.services.surveys.results(self.round_id) if self.round_id else None
        self.results = results
        self.export_button.setEnabled(results is not None and bool(results.rows))
        if results is None:
            self.summary.setText(self.tr("調査を選んでください"))
            for view in (self.answers_view, self.counts_view, self.gaps_view):
                view.setModel(ReportTableModel([], [], view))
            return
        self.summary.setText(
            self.tr(
                "回答 {places} か所 / 参加者 {participants:,} 人 / 未回答 {unanswered} か所"
            ).format(
                places=results.places,
                participants=results.participants,
                unanswered=len(results.unanswered),
            )
            + (
                self.tr("(未回答: {names})").format(names=names_text(results.unanswered[:10]))
                + ("…" if len(results.unanswered) > 10 else "")
                if results.unanswered
                else ""
            )
        )
        headers = [self.tr("通いの場"), self.tr("地域"), self.tr("種類")]
        self._show(
            self.answers_view,
            headers + [message_text(c.header) for c in results.columns],
            [
                [
                    r.place,
                    r.area,
                    QCoreApplication.translate("GatheringPlaceKind", r.kind),
                    *r.values,
                ]
                for r in results.rows
            ],
        )
        self._show(
            self.counts_view,
            [self.tr("地域"), self.tr("種類"), self.tr("か所数"), self.tr("参加者数")],
            [[c.area, c.kind, c.places, c.participants] for c in results.counts]
            + [[self.tr("合計"), "", results.places, results.participants]],
        )
        self._show(
            self.gaps_view,
            [self.tr("地域"), self.tr("回答したか所数"), self.tr("通いの場がない曜日")],
            [[g.area, g.places, g.missing_text] for g in results.gaps],
        )

    @staticmethod
    def _show(view: QTableView, headers: list[str], rows: list[list[object]]) -> None:
        shown = [[message_text(v) if isinstance(v, str) else v for v in row] for row in rows]
        view.setModel(ReportTableModel(headers, shown, view))
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)

    def export(self) -> Path | None:
        from coordinator_app.services.transfer.reading import TransferError  # loads openpyxl

        if self.results is None or self.round_id is None:
            return None
        path = self.ctx.prompts.choose_save_file(
            self,
            title=self.tr("集計の保存先"),
            suggested=safe_file_name(self.tr("{name}_集計").format(name=self.results.round_name))
            + ".xlsx",
            filters=self.tr("Excel (*.xlsx);;CSV (*.csv)"),
        )
        if path is None:
            return None
        if path.suffix.lower() not in (".xlsx", ".csv"):
            path = path.with_name(path.name + ".xlsx")
        try:
            self.ctx.services.surveys.export_results(self.round_id, path, text=message_text)
        except (OSError, TransferError) as exc:
            self.ctx.prompts.warn(
                self,
                title=self.tr("保存できませんでした"),
                text=error_text(exc),
            )
            return None
        self.written.append(path)
        self.ctx.prompts.file_saved(self, title=self.tr("集計"), path=path)
        return path
