"""The meeting list's second filter row: 年度, 月, 協議体, プロジェクト, コーディネーター, 地域.

(種類 and the text box are on the page's first row.) Each combo sets one
service list filter; ``None`` means everything.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QGridLayout, QWidget

from coordinator_app.domain.changes import Changes
from coordinator_app.domain.era import EraError, format_wareki_year
from coordinator_app.domain.fiscal import fiscal_year
from coordinator_app.domain.record_kind import RecordKind
from coordinator_app.ui.common.pickers import Option, RecordCombo, options_of
from coordinator_app.ui.context import UiContext
from coordinator_app.ui.meetings.meeting_fields import DeferredOptions

FISCAL_MONTHS = (4, 5, 6, 7, 8, 9, 10, 11, 12, 1, 2, 3)
FILTERS_PER_ROW = 3
RECORD_FILTERS = ("council_id", "project_id", "coordinator_id", "area_id")
WATCHED = frozenset(
    {
        RecordKind.COUNCIL,
        RecordKind.PROJECT,
        RecordKind.COORDINATOR,
        RecordKind.AREA,
        RecordKind.MEETING,
    }
)


class MeetingFilterBar(QWidget):
    """Filter combos; :attr:`filter_changed` carries the list filter key and value.

    Signals:
        filter_changed(key: str, value: object): a combo changed (value None: all).
    """

    filter_changed = Signal(str, object)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.year_combo = QComboBox(self)
        self.month_combo = QComboBox(self)
        self.council_combo = RecordCombo(self, none_text=self.tr("すべての協議体"))
        self.project_combo = RecordCombo(self, none_text=self.tr("すべてのプロジェクト"))
        self.coordinator_combo = RecordCombo(self, none_text=self.tr("すべてのコーディネーター"))
        self.area_combo = RecordCombo(self, none_text=self.tr("すべての地域"))
        self.month_combo.addItem(self.tr("すべての月"), None)
        month_names = self._month_names()
        for month in FISCAL_MONTHS:
            self.month_combo.addItem(month_names[month - 1], month)
        self.combos: dict[str, QComboBox] = {
            "fiscal_year": self.year_combo,
            "month": self.month_combo,
            "council_id": self.council_combo,
            "project_id": self.project_combo,
            "coordinator_id": self.coordinator_combo,
            "area_id": self.area_combo,
        }
        # Two rows of three, each combo as narrow as a few characters: the list must
        # fit beside the form on a 1366 px screen with the search dock open.
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for position, (key, combo) in enumerate(self.combos.items()):
            combo.setObjectName(f"filter_{key}")
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(6)
            layout.addWidget(combo, *divmod(position, FILTERS_PER_ROW))
            combo.currentIndexChanged.connect(lambda _i, key=key: self._changed(key))
        for column in range(FILTERS_PER_ROW):
            layout.setColumnStretch(column, 1)
        ctx.events.sig_records_changed.connect(self._records_changed)
        ctx.events.sig_display_changed.connect(self.refresh_years)
        self.refresh_years()
        self.refresh_choices()

    def value(self, key: str) -> object:
        combo = self.combos[key]
        if isinstance(combo, RecordCombo):
            return combo.current_value()
        return combo.currentData()

    def values(self) -> dict[str, object]:
        """The filters set (without the ones showing "all")."""
        return {key: v for key in self.combos if (v := self.value(key)) is not None}

    def set_value(self, key: str, value: object) -> None:
        """Choose ``value`` (None: all) as if the user had; emits :attr:`filter_changed`."""
        combo = self.combos[key]
        if isinstance(combo, RecordCombo):
            combo.set_current_value(value)
        else:
            combo.setCurrentIndex(max(combo.findData(value), 0))
        self._changed(key)

    def clear(self) -> None:
        """Everything back to "all" without signals (the page resets the list itself)."""
        for combo in self.combos.values():
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)

    def refresh_years(self) -> None:
        """The fiscal years from the oldest meeting to the newer of the latest and now."""
        current = fiscal_year(date.today())
        first = last = current
        span = self.ctx.services.meetings.held_on_span()
        if span is not None:
            first, last = min(first, fiscal_year(span[0])), max(last, fiscal_year(span[1]))
        chosen = self.year_combo.currentData()
        self.year_combo.blockSignals(True)
        try:
            self.year_combo.clear()
            self.year_combo.addItem(self.tr("すべての年度"), None)
            for year in range(last, first - 1, -1):
                self.year_combo.addItem(self._year_text(year), year)
            self.year_combo.setCurrentIndex(max(self.year_combo.findData(chosen), 0))
        finally:
            self.year_combo.blockSignals(False)

    def refresh_choices(self) -> None:
        """The combos' sources; each searches when the user reaches it (focus, popup,
        wheel), not when the list opens: a closed combo shows only its choice."""
        services = self.ctx.services
        self.council_combo.set_options(options_of(services.councils), lazy=True)
        self.project_combo.set_options(options_of(services.projects), lazy=True)
        self.coordinator_combo.set_options(options_of(services.coordinators), lazy=True)
        areas = DeferredOptions(
            lambda: (
                Option(node.area.id, "　" * node.depth + node.area.name, node.area.kana)
                for node in services.areas.tree()
            )
        )
        self.area_combo.set_options(areas, lazy=True)

    def _year_text(self, year: int) -> str:
        if self.ctx.dates.wareki:
            try:
                # 1 May, not 1 April: 2019年度 is called 令和元年度 though it began in 平成.
                return self.tr("{era_year}度").format(era_year=format_wareki_year(date(year, 5, 1)))
            except EraError:
                pass
        return self.tr("{year}年度").format(year=year)

    def _month_names(self) -> list[str]:
        return [
            self.tr("1月"),
            self.tr("2月"),
            self.tr("3月"),
            self.tr("4月"),
            self.tr("5月"),
            self.tr("6月"),
            self.tr("7月"),
            self.tr("8月"),
            self.tr("9月"),
            self.tr("10月"),
            self.tr("11月"),
            self.tr("12月"),
        ]

    def _changed(self, key: str) -> None:
        self.filter_changed.emit(key, self.value(key))

    def _records_changed(self, changes: Changes) -> None:
        if changes.touches(RecordKind.MEETING):
            self.refresh_years()
        if changes.touches(*(WATCHED - {RecordKind.MEETING})):
            self.refresh_choices()
