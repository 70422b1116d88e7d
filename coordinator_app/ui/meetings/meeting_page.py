"""The 会議 page: the meeting list (or its month calendar) and the meeting form."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from coordinator_app.domain.enums import MeetingKind
from coordinator_app.domain.fiscal import fiscal_year
from coordinator_app.domain.record_kind import RecordKind
from coordinator_app.ui.common.icons import icon
from coordinator_app.ui.common.record_page import RecordPage
from coordinator_app.ui.context import UiContext
from coordinator_app.ui.labels import enum_choices
from coordinator_app.ui.meetings.column_widths import ensure_min_widths
from coordinator_app.ui.meetings.meeting_editor import MeetingEditor
from coordinator_app.ui.meetings.meeting_filters import MeetingFilterBar
from coordinator_app.ui.meetings.meeting_model import MeetingTableModel
from coordinator_app.ui.meetings.meeting_output import export_ics, export_minutes_pdf
from coordinator_app.ui.meetings.series_edit_dialog import open_series_for
from coordinator_app.ui.prompts import DISCARD, SAVE, unsaved_choices

if TYPE_CHECKING:
    from coordinator_app.ui.meetings.meeting_calendar import MeetingCalendar

LIST_TAB, CALENDAR_TAB = range(2)
PAGE_NAME = "meeting_page"
"""The page's object name, under which its layout (the list's sort) is saved."""
SPARE_EDITOR = "spare_meeting_editor"
"""The property marking a form built ahead of the page (:func:`build_spare_editor`)."""


def build_spare_editor(window: QWidget, ctx: UiContext) -> MeetingEditor | None:
    """The page's form, built ahead while the app is idle and kept hidden under
    ``window`` until the page is first opened there (it takes the form instead of
    building one after its list's first paint). None when the page or a spare exists."""
    if window.findChild(MeetingPage) is not None or _spare_under(window) is not None:
        return None
    editor = MeetingEditor(ctx, window)
    editor.hide()
    editor.setProperty(SPARE_EDITOR, True)
    return editor


def _spare_under(window: QWidget) -> MeetingEditor | None:
    for child in window.findChildren(MeetingEditor, "", Qt.FindChildOption.FindDirectChildrenOnly):
        if child.property(SPARE_EDITOR):
            return child
    return None


def _spare_or_new(page: RecordPage) -> MeetingEditor:
    """The form built ahead for ``page``'s window and context, else a new one."""
    spare = _spare_under(page.window())
    if spare is not None and spare.ctx is page.ctx:
        spare.setProperty(SPARE_EDITOR, False)
        return spare
    return MeetingEditor(page.ctx)


def first_reads(ctx: UiContext) -> list[Callable[[], object]]:
    """What opening the page reads first, as calls of the same code with the same
    statements: the list's first page (in the default sort, then in the sort saved with
    the page's layout), the 年度 span of the filter row, the form's last time slot.

    The idle step after the window's first paint runs them with the statements only
    compiled (``app.prepare_while_idle``), so that opening the page finds them in
    SQLAlchemy's compiled cache; ``tests/ui/test_first_statements.py`` counts the misses.
    """
    meetings = ctx.services.meetings

    def first_page() -> None:
        model = MeetingTableModel(meetings, ctx.dates)
        model.refresh()
        state = ctx.settings.layout_state(f"{PAGE_NAME}/header")
        if state is not None:  # as RecordPage.restore_layout sorts the list
            header = QHeaderView(Qt.Orientation.Horizontal)
            header.setModel(model)
            if header.restoreState(state):
                model.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())
            header.deleteLater()
        model.deleteLater()

    return [first_page, meetings.held_on_span, meetings.last_time_slot]


class MeetingPage(RecordPage):
    """Meetings, newest first, filtered by 種類, 年度, 月, 協議体, プロジェクト,
    コーディネーター and 地域; the same meetings as a month calendar.

    Attributes:
        meeting_editor: the form (``editor``, typed as the meeting form), built once the
            list has painted or when first asked for.
        series_dialog: the 連続開催 dialog opened last (None before the first).
    """

    kind = RecordKind.MEETING
    watched = frozenset(
        {
            RecordKind.COUNCIL,
            RecordKind.PROJECT,
            RecordKind.COORDINATOR,
            RecordKind.ORGANISATION,
            RecordKind.CONTACT,
            RecordKind.AREA,
        }
    )

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(
            ctx,
            model=MeetingTableModel(ctx.services.meetings, ctx.dates),
            # Built once the list has painted, unless the window built it while idle.
            editor=lambda: _spare_or_new(self),
            parent=parent,
        )
        self.setObjectName(PAGE_NAME)
        self.series_dialog: QDialog | None = None
        self.kind_filter = self.add_filter_combo(
            "kind", self.tr("すべての種類"), [(m.value, t) for m, t in enum_choices(MeetingKind)]
        )
        self.filters = MeetingFilterBar(ctx, self)
        self.filters.filter_changed.connect(self._filter_changed)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self._calendar: MeetingCalendar | None = None
        self._calendar_place = QWidget(self)  # the calendar, built when first shown
        QVBoxLayout(self._calendar_place).setContentsMargins(0, 0, 0, 0)
        self.views = QTabWidget(self)
        self.views.setDocumentMode(True)

        self.series_button = QPushButton(self.tr("連続開催…"), self)
        self.series_button.setToolTip(
            self.tr("右の入力内容で、毎週・毎月などの会議をまとめて作成します")
        )
        self.pdf_button = QPushButton(self.tr("議事録PDF…"), self)
        self.pdf_button.setToolTip(self.tr("表示中の会議の議事録をPDFで保存します"))
        self.ics_button = QPushButton(icon("calendar"), self.tr("カレンダーに書き出す…"), self)
        self.ics_button.setToolTip(
            self.tr("選んだ会議を .ics ファイルに書き出します(Outlook・Googleカレンダーなど)")
        )
        self.series_button.clicked.connect(self.open_series)
        self.pdf_button.clicked.connect(self.export_pdf)
        self.ics_button.clicked.connect(self.export_ics)
        self.add_write_controls(self.series_button)
        tools = QHBoxLayout()
        tools.addWidget(self.series_button)
        tools.addWidget(self.pdf_button)
        tools.addWidget(self.ics_button)
        tools.addStretch(1)

        # RecordPage lays out filter row, table and count; the list and the calendar
        # share the table's place as two tabs, with the second filter row above them.
        holder = self.table.parentWidget()
        assert holder is not None
        left = holder.layout()
        assert isinstance(left, QVBoxLayout)
        left.replaceWidget(self.table, self.views)
        self.views.addTab(self.table, icon("meeting"), self.tr("一覧"))
        self.views.addTab(self._calendar_place, icon("calendar"), self.tr("カレンダー"))
        self.views.currentChanged.connect(self._view_changed)
        left.insertWidget(1, self.filters)
        left.addLayout(tools)
        self.model.modelReset.connect(self._sync_calendar)
        ctx.events.sig_display_changed.connect(self._readable_columns)
        self._readable_columns()

    @property
    def meeting_editor(self) -> MeetingEditor:
        editor = self.editor
        assert isinstance(editor, MeetingEditor)
        return editor

    @property
    def calendar(self) -> MeetingCalendar:
        """The month calendar, built (module, holidays and month grid) on first use:
        the page opens on the list, and most visits never look at the calendar."""
        if self._calendar is None:
            from coordinator_app.ui.meetings.meeting_calendar import MeetingCalendar

            calendar = MeetingCalendar(self.ctx, self._calendar_place)
            calendar.meeting_activated.connect(self.select_record)
            layout = self._calendar_place.layout()
            assert layout is not None
            layout.addWidget(calendar)
            calendar.show()  # at once when the tab shows (reading the month), else with it
            self._calendar = calendar
            calendar.set_query(self.model.query)
            self._jump_calendar()
        return self._calendar

    @property
    def calendar_built(self) -> bool:
        return self._calendar is not None

    def restore_layout(self) -> None:
        super().restore_layout()
        self._readable_columns()

    def _readable_columns(self) -> None:
        """Whole dates (also 和暦) and whole headers (also English), whatever was saved;
        the title takes the free width (not the last column)."""
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(MeetingTableModel.TITLE, QHeaderView.ResizeMode.Stretch)
        ensure_min_widths(self.table, date_columns=(MeetingTableModel.DATE,), dates=self.ctx.dates)

    def filter_placeholder(self) -> str:
        return self.tr("会議名・会場で絞り込み (Ctrl+F)")

    def filter_value(self, key: str, data: object) -> object:
        return MeetingKind(str(data)) if data is not None else None

    # -- actions -----------------------------------------------------------------

    def selected_ids(self) -> list[uuid.UUID]:
        """The meetings selected in the list (the one shown when none is)."""
        rows = sorted(index.row() for index in self.table.selectionModel().selectedRows())
        ids = [i for i in (self.model.id_at(row) for row in rows) if i is not None]
        if not ids and self.editor.current_id is not None:
            ids = [self.editor.current_id]
        return ids

    def show_calendar(self, visible: bool = True) -> None:
        self.views.setCurrentIndex(CALENDAR_TAB if visible else LIST_TAB)

    def open_series(self) -> QDialog | None:
        """連続開催…: a new series, or (for a session of one) edit that series."""
        dialog = open_series_for(self.ctx, self.meeting_editor, self)
        self.series_dialog = dialog
        return dialog

    def export_pdf(self) -> bool:
        """The minutes of the meeting shown (saved first when it has edits)."""
        if self.editor.is_dirty and not self.save_record():
            return False
        meeting_id = self.editor.current_id
        if meeting_id is None:
            self.ctx.prompts.inform(
                self,
                title=self.tr("議事録PDF"),
                text=self.tr("議事録を作る会議を一覧で選んでください。"),
            )
            return False
        return (
            export_minutes_pdf(self.ctx, self.meeting_editor.prompts, meeting_id, self) is not None
        )

    def export_ics(self) -> bool:
        return (
            export_ics(self.ctx, self.meeting_editor.prompts, self.selected_ids(), self) is not None
        )

    def confirm_discard(self) -> bool:
        """Unsaved edits: 保存する, 破棄する (the draft goes too) or キャンセル."""
        if not self.editor_built or not self.editor.is_dirty:
            return True
        self.meeting_editor.draft_writer.flush()
        answer = self.meeting_editor.prompts.ask(
            self,
            title=self.tr("未保存の変更"),
            text=self.tr("{page}に保存していない変更があります。保存しますか?").format(
                page=self.title()
            ),
            choices=unsaved_choices(),
        )
        if answer == SAVE:
            return self.editor.save()
        if answer == DISCARD:
            self.meeting_editor.discard_draft()
            return True
        return False

    def clear_filters(self) -> None:
        self.filters.clear()
        super().clear_filters()
        for key in self.filters.combos:
            self.model.set_filter(key, None)

    # -- internals ---------------------------------------------------------------

    def _filter_changed(self, key: str, value: object) -> None:
        self.model.set_filter(key, value)
        self._reselect()
        if key in ("fiscal_year", "month") and self._calendar is not None:
            self._jump_calendar()

    def _jump_calendar(self) -> None:
        """Show the month the 年度/月 filters point at."""
        year, month = self.filters.value("fiscal_year"), self.filters.value("month")
        if not isinstance(month, int):
            if not isinstance(year, int):
                return
            shown = date(self.calendar.model.year, self.calendar.model.month, 1)
            if fiscal_year(shown) == year:
                return
            month = 4
        if not isinstance(year, int):
            year = fiscal_year(date.today())
        self.calendar.show_month(year if month >= 4 else year + 1, month)

    def _sync_calendar(self) -> None:
        if self._calendar is not None:  # a calendar not built yet takes the query when it is
            self._calendar.set_query(self.model.query)

    def _view_changed(self, index: int) -> None:
        if index == CALENDAR_TAB:
            _ = self.calendar  # built on first view; it reads its month when shown
