"""実績報告: the fiscal-year activity report in a window, exported to .xlsx and PDF."""

from __future__ import annotations

import logging
import uuid
from datetime import date
from pathlib import Path

from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QFont, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from coordinator_app.domain.changes import Changes
from coordinator_app.domain.era import format_fiscal_year
from coordinator_app.domain.fiscal import fiscal_year
from coordinator_app.domain.record_kind import RecordKind
from coordinator_app.services.reports import ActivityReport
from coordinator_app.ui.common.icons import icon
from coordinator_app.ui.common.list_table import (
    column_widths,
    keep_widths,
    list_table,
    size_columns,
)
from coordinator_app.ui.common.option_sources import area_options
from coordinator_app.ui.common.pickers import RecordCombo, options_of
from coordinator_app.ui.common.plain_text import plain
from coordinator_app.ui.context import UiContext
from coordinator_app.ui.labels import message_text
from coordinator_app.ui.projects.display import fiscal_year_text
from coordinator_app.ui.prompts import safe_file_name
from coordinator_app.ui.reports.month_chart import MonthChart
from coordinator_app.ui.reports.report_table_model import ReportTableModel

log = logging.getLogger(__name__)

SUMMARY_SHEET = "概要"
"""The export's summary table; the window shows it as figures above the tables."""


class ActivityReportWindow(QWidget):
    """Choose 年度 and optionally an area and a coordinator; see the figures, the
    meetings-by-month chart and the tables; save them as .xlsx or PDF.

    A separate top-level window (also when given a parent). The tables are
    exactly those of the export (``report_tables``), so what is seen is what
    is saved.

    Attributes:
        report: the report shown.
        tables: the table views by sheet name.
    """

    def __init__(
        self, ctx: UiContext, parent: QWidget | None = None, *, year: int | None = None
    ) -> None:
        """``year``: the 年度 shown first (default: the newest one with meetings, up to now)."""
        super().__init__(parent)
        self.setWindowFlag(Qt.WindowType.Window)
        self.setObjectName("activity_report")
        self.ctx = ctx
        self.setWindowTitle(self.tr("実績報告"))
        self.setWindowIcon(icon("meeting"))
        self.report: ActivityReport | None = None
        self.tables: dict[str, QTableView] = {}
        self._sized: set[str] = set()
        """Tables whose columns were fitted (or kept); the others are fitted when first shown."""
        self._stale = False

        self.year_combo = QComboBox(self)
        self.area_combo = RecordCombo(none_text=self.tr("全域(地域を限定しない)"))
        self.coordinator_combo = RecordCombo(none_text=self.tr("すべてのコーディネーター"))
        for combo in (self.area_combo, self.coordinator_combo):
            combo.setMinimumContentsLength(16)
        self.xlsx_button = QPushButton(icon("save"), self.tr("Excelで保存…"), self)
        self.pdf_button = QPushButton(icon("save"), self.tr("PDFで保存…"), self)
        self.append_pages_check = QCheckBox(
            self.tr("PDFに各プロジェクトの紹介ページ(この年度の確認済みの進捗)を付ける"), self
        )
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("年度"), self))
        bar.addWidget(self.year_combo)
        bar.addWidget(QLabel(self.tr("地域"), self))
        bar.addWidget(self.area_combo)
        bar.addWidget(QLabel(self.tr("コーディネーター"), self))
        bar.addWidget(self.coordinator_combo)
        bar.addStretch(1)
        bar.addWidget(self.xlsx_button)
        bar.addWidget(self.pdf_button)

        self.title_label = plain(QLabel(self))
        font = QFont(self.title_label.font())
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title_label.setFont(font)
        self.scope_label = plain(QLabel(self))
        self.figures: dict[str, QLabel] = {}
        self.cards = QWidget(self)
        # One style sheet for the five cards (a sheet per widget re-polishes each).
        self.cards.setStyleSheet("QFrame#figure_card { background: #f4f7fb; border-radius: 4px; }")
        cards = QGridLayout(self.cards)
        cards.setContentsMargins(0, 0, 0, 0)
        captions = (
            ("会議の開催数", self.tr("会議の開催数")),
            ("参加者数(延べ)", self.tr("参加者数(延べ)")),
            ("協議体の開催数", self.tr("協議体の開催数")),
            ("新規の関係機関", self.tr("新規の関係機関")),
            ("新規の担当者", self.tr("新規の担当者")),
        )
        for column, (key, caption) in enumerate(captions):
            cards.addWidget(self._card(key, caption), 0, column)

        self.chart = MonthChart(self)
        self.table_tabs = QTabWidget(self)
        self.table_tabs.currentChanged.connect(self._size_current)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.chart)
        splitter.addWidget(self.table_tabs)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([700, 480])
        self.splitter = splitter
        self.status_label = QLabel(self)
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.append_pages_check, 0, Qt.AlignmentFlag.AlignRight)
        layout.addWidget(self.title_label)
        layout.addWidget(self.scope_label)
        layout.addWidget(self.cards)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.status_label)

        self.refresh_choices(select_year=year)
        for combo in (self.year_combo, self.area_combo, self.coordinator_combo):
            combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.xlsx_button.clicked.connect(self.export_xlsx)
        self.pdf_button.clicked.connect(self.export_pdf)
        ctx.events.sig_records_changed.connect(self._records_changed)
        ctx.events.sig_display_changed.connect(self._display_changed)
        self.resize(1200, 780)
        self.refresh()

    # -- choosing ------------------------------------------------------------------

    def refresh_choices(self, *, select_year: int | None = None) -> None:
        """Fill the 年度, area and coordinator choices (keeping what is chosen)."""
        services = self.ctx.services
        current = select_year if select_year is not None else self.year_combo.currentData()
        years = services.reports.available_years()
        this_year = fiscal_year(date.today())
        if not years:
            years = [this_year]
        if current is None:
            current = max((y for y in years if y <= this_year), default=years[-1])
        self.year_combo.blockSignals(True)
        try:
            self.year_combo.clear()
            for year in sorted({*years, int(current)}, reverse=True):
                self.year_combo.addItem(fiscal_year_text(self.ctx.dates, year), year)
            self.year_combo.setCurrentIndex(max(self.year_combo.findData(int(current)), 0))
        finally:
            self.year_combo.blockSignals(False)
        self.area_combo.set_options(area_options(services.areas.tree()))
        self.coordinator_combo.set_options(options_of(services.coordinators))

    def set_scope(
        self,
        *,
        year: int,
        area_id: uuid.UUID | None = None,
        coordinator_id: uuid.UUID | None = None,
    ) -> None:
        """Show the report of one 年度 (and area / coordinator) at once."""
        for combo in (self.year_combo, self.area_combo, self.coordinator_combo):
            combo.blockSignals(True)
        try:
            index = self.year_combo.findData(year)
            if index < 0:
                self.year_combo.addItem(fiscal_year_text(self.ctx.dates, year), year)
                index = self.year_combo.count() - 1
            self.year_combo.setCurrentIndex(index)
            self.area_combo.set_current_value(area_id)
            self.coordinator_combo.set_current_value(coordinator_id)
        finally:
            for combo in (self.year_combo, self.area_combo, self.coordinator_combo):
                combo.blockSignals(False)
        self.refresh()

    def refresh(self) -> None:
        """Aggregate the chosen report again and show it."""
        year = self.year_combo.currentData()
        if year is None:
            return
        area = self.area_combo.current_value()
        coordinator = self.coordinator_combo.current_value()
        self.report = self.ctx.services.reports.activity_report(
            int(year),
            area_id=area if isinstance(area, uuid.UUID) else None,
            coordinator_id=coordinator if isinstance(coordinator, uuid.UUID) else None,
        )
        self._show(self.report)

    # -- export --------------------------------------------------------------------

    def export_xlsx(self) -> Path | None:
        """Save the report as an .xlsx workbook (one sheet per table)."""
        report = self.report
        if report is None:
            return None
        path = self._choose(".xlsx", self.tr("Excelで保存"), self.tr("Excel ブック (*.xlsx)"))
        if path is None:
            return None
        from coordinator_app.services.report_export import report_to_xlsx

        try:
            data = report_to_xlsx(report, wareki=self.ctx.dates.wareki, text=message_text)
        except Exception as exc:  # any failure must reach the user, not only the log
            return self._failed(exc)
        written = self._write(path, data)
        if written is not None:
            self.ctx.prompts.file_saved(self, title=self.tr("Excelで保存"), path=written)
        return written

    def export_pdf(self) -> Path | None:
        """Save the report as PDF (A4, tables and the monthly chart; with the
        project pages of the year when 紹介ページを付ける is ticked)."""
        report = self.report
        if report is None:
            return None
        path = self._choose(".pdf", self.tr("PDFで保存"), self.tr("PDF (*.pdf)"))
        if path is None:
            return None
        from coordinator_app.documents.render.report import ReportRenderer
        from coordinator_app.services.report_export import report_data

        try:
            appendix = (
                self.ctx.services.project_pages.pages_of_year(
                    report.project_ids, report.fiscal_year, wareki=self.ctx.dates.wareki
                )
                if self.append_pages_check.isChecked()
                else []
            )
            data = report_data(
                report, wareki=self.ctx.dates.wareki, appendix=appendix, text=message_text
            )
            document = ReportRenderer().render(data)
        except Exception as exc:  # any failure must reach the user, not only the log
            return self._failed(exc)
        written = self._write(path, document.pdf)
        if written is not None:
            note = ""
            if document.warnings:
                note = self.tr("次の点を確認してください:\n{items}").format(
                    items="\n".join(f"・{w}" for w in document.warnings)
                )
            self.ctx.prompts.file_saved(self, title=self.tr("PDFで保存"), path=written, note=note)
        return written

    # -- internals -------------------------------------------------------------------

    def _card(self, key: str, caption: str) -> QFrame:
        frame = QFrame(self.cards)
        frame.setObjectName("figure_card")
        frame.setFrameShape(QFrame.Shape.StyledPanel)
        value = QLabel("0", frame)
        font = QFont(value.font())
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        value.setFont(font)
        value.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label = QLabel(caption, frame)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        column = QVBoxLayout(frame)
        column.addWidget(value)
        column.addWidget(label)
        self.figures[key] = value
        return frame

    def _show(self, report: ActivityReport) -> None:
        from coordinator_app.services.report_export import report_tables, shown_tables

        wareki = self.ctx.dates.wareki
        self.title_label.setText(message_text(report.title(wareki=wareki)))
        self.scope_label.setText(
            self.tr("対象: {scope}").format(scope=message_text(report.scope()))
        )
        tables = report_tables(report, wareki=wareki)
        summary = {
            row[0]: row[1] for name, _h, rows in tables if name == SUMMARY_SHEET for row in rows
        }
        for key, label in self.figures.items():
            value = summary.get(key, 0)
            label.setText(f"{value:,}" if isinstance(value, int) else str(value))
        self.chart.set_data(
            title=self.tr("月別の会議開催数"),
            # 4月 … in Japanese, Apr … in English: short enough never to be cut in the chart
            labels=[
                QLocale().standaloneMonthName(m.month, QLocale.FormatType.ShortFormat)
                for m in report.by_month
            ],
            values=[m.meetings for m in report.by_month],
        )
        current = self.table_tabs.currentIndex()
        widths = {
            name: column_widths(view) for name, view in self.tables.items() if name in self._sized
        }
        self.table_tabs.blockSignals(True)  # sized below, once the tabs are all there
        self.table_tabs.clear()
        self.tables.clear()
        self._sized = set()
        shown = shown_tables(tables, message_text)  # in the window's language
        for (key, _h, _r), (name, headers, rows) in zip(tables, shown, strict=True):
            if key == SUMMARY_SHEET:
                continue
            model = ReportTableModel(headers, rows)
            view = list_table(
                model,
                self.table_tabs,
                rows=False,
                wrap=True,
                stretch_last=False,
            )
            model.setParent(view)
            # Sized once, then as the user left them: refreshing keeps the widths. A
            # table in a hidden tab is measured when its tab is first shown.
            if keep_widths(view, widths.get(key, [])):
                self._sized.add(key)
            self.table_tabs.addTab(view, name)
            self.tables[key] = view
        self.table_tabs.setCurrentIndex(max(current, 0))
        self.table_tabs.blockSignals(False)
        self._size_current()

    def _size_current(self, *_args: object) -> None:
        """Fit the shown table's columns the first time it is shown."""
        view = self.table_tabs.currentWidget()
        for key, table in self.tables.items():
            if table is view and key not in self._sized:
                size_columns(table)
                self._sized.add(key)

    def _choose(self, suffix: str, title: str, filters: str) -> Path | None:
        assert self.report is not None
        suggested = self.tr("実績報告_{year}").format(
            year=format_fiscal_year(self.report.fiscal_year, wareki=self.ctx.dates.wareki)
        )
        path = self.ctx.prompts.choose_save_file(
            self, title=title, suggested=safe_file_name(suggested + suffix), filters=filters
        )
        if path is None:
            return None
        return path if path.suffix.lower() == suffix else path.with_name(path.name + suffix)

    def _failed(self, error: Exception) -> None:
        log.exception("activity report export failed")
        self.ctx.prompts.warn(
            self,
            title=self.tr("保存できません"),
            text=self.tr("実績報告を作成できませんでした: {error}").format(error=error),
        )

    def _write(self, path: Path, data: bytes) -> Path | None:
        try:
            path.write_bytes(data)
        except OSError as exc:
            self.ctx.prompts.warn(
                self,
                title=self.tr("保存できません"),
                text=self.tr("「{path}」に保存できませんでした: {error}").format(
                    path=path, error=exc.strerror or exc
                ),
            )
            return None
        self.status_label.setText(self.tr("保存しました: {path}").format(path=path))
        return path

    def _records_changed(self, changes: Changes) -> None:
        if not self.isVisible():
            # Aggregating a year is not free: a hidden window catches up when shown.
            self._stale = True
            return
        if changes.touches(RecordKind.AREA, RecordKind.COORDINATOR):
            self.refresh_choices()
        if changes.touches(
            RecordKind.MEETING,
            RecordKind.COUNCIL,
            RecordKind.PROJECT,
            RecordKind.ORGANISATION,
            RecordKind.CONTACT,
            RecordKind.AREA,
            RecordKind.COORDINATOR,
        ):
            self.refresh()

    def _display_changed(self) -> None:
        self.refresh_choices()
        self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        if self._stale:
            self._stale = False
            self.refresh_choices()
            self.refresh()
        super().showEvent(event)
