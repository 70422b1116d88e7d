"""会議の記録: the meeting form in a window of its own, for fast entry from anywhere.

The window is not modal: the main window stays usable while a meeting is
being logged. Ctrl+S saves and keeps the window open (to add action items
and attachments); Esc or 閉じる closes it and, with unsaved changes, asks
保存する / 破棄する / キャンセル. Drafts restored after a crash open here.
"""

from __future__ import annotations

import itertools
import uuid

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from coordinator_app.domain.changes import Changes, Origin
from coordinator_app.domain.record_kind import RecordKind
from coordinator_app.services.drafts import Draft
from coordinator_app.ui.common.icons import icon
from coordinator_app.ui.common.keyboard import with_focus_frames
from coordinator_app.ui.common.screen_fit import fit_to_screen
from coordinator_app.ui.context import UiContext
from coordinator_app.ui.meetings.meeting_editor import MeetingEditor
from coordinator_app.ui.meetings.meeting_output import export_minutes_pdf
from coordinator_app.ui.meetings.series_edit_dialog import open_series_for
from coordinator_app.ui.profiles.current import gate_writes, may_write, set_fields_read_only
from coordinator_app.ui.prompts import DISCARD, SAVE, unsaved_choices


class MeetingDialog(QDialog):
    """A :class:`MeetingEditor` with 保存, 連続開催…, 議事録PDF… and 閉じる.

    Args:
        ctx: the shared UI context.
        parent: the window it belongs to (it stays on top of it).
        meeting_id: a stored meeting to edit; None for a new one.
        draft: a draft to restore exactly as it was typed (takes precedence).

    Attributes:
        series_dialog: the 連続開催 dialog opened last (None before the first).
    """

    def __init__(
        self,
        ctx: UiContext,
        parent: QWidget | None = None,
        *,
        meeting_id: uuid.UUID | None = None,
        draft: Draft | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("meeting_dialog")
        self.ctx = ctx
        self.series_dialog: QDialog | None = None
        self.setWindowModality(Qt.WindowModality.NonModal)
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        with_focus_frames(self)  # before the form: its widgets are polished once
        self.editor = MeetingEditor(ctx, self)
        self.prompts = self.editor.prompts
        self.save_button = QPushButton(icon("save"), self.tr("保存"), self)
        self.save_button.setToolTip(self.tr("保存 (Ctrl+S)"))
        self.series_button = QPushButton(self.tr("連続開催…"), self)
        self.series_button.setToolTip(
            self.tr("この内容で、毎週・毎月などの会議をまとめて作成します")
        )
        self.pdf_button = QPushButton(self.tr("議事録PDF…"), self)
        self.close_button = QPushButton(self.tr("閉じる"), self)
        buttons = QHBoxLayout()
        buttons.addWidget(self.series_button)
        buttons.addWidget(self.pdf_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.close_button)
        for button in (self.save_button, self.series_button, self.pdf_button, self.close_button):
            # Enter in a field must not save or close the window: only Ctrl+S and Esc do.
            button.setAutoDefault(False)
            button.setDefault(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.editor, 1)
        layout.addLayout(buttons)
        # Tab goes through the bottom row left to right, as it reads.
        order = (self.series_button, self.pdf_button, self.save_button, self.close_button)
        for before, after in itertools.pairwise(order):
            QWidget.setTabOrder(before, after)
        self.save_button.clicked.connect(self.save)
        self.series_button.clicked.connect(self.open_series)
        self.pdf_button.clicked.connect(self.export_pdf)
        self.close_button.clicked.connect(self.reject)
        save_shortcut = QShortcut(QKeySequence.StandardKey.Save, self)
        save_shortcut.activated.connect(self.save)
        self.editor.loaded.connect(self._update_title)
        self.editor.dirty_changed.connect(self._update_title)
        self.editor.loaded.connect(self.apply_role)
        ctx.events.sig_display_changed.connect(self.apply_role)
        ctx.events.sig_records_changed.connect(self._records_changed)
        self.resize(900, 720)
        fit_to_screen(self)
        if draft is not None:
            self.editor.restore_draft(draft)
        else:
            self.editor.load(meeting_id)
        self._update_title()
        if draft is not None:
            # Back where the user was typing: the tab of the draft, its first field.
            self.editor.show_tab(self.editor.tabs.currentIndex() if self.editor.tabs else 0)
        else:
            self.editor.focus_first()

    # -- actions -----------------------------------------------------------------

    def apply_role(self, *_args: object) -> None:
        """A supervisor's profile reads the meeting only (no save, no series)."""
        gate_writes(self.ctx, (self.save_button, self.series_button), enabled=True)
        set_fields_read_only(self.editor.forms, not may_write(self.ctx))

    def save(self) -> bool:
        return self.editor.save()

    def open_series(self) -> QDialog | None:
        """連続開催…: a new series, or (for a session of one) edit that series."""
        dialog = open_series_for(self.ctx, self.editor, self)
        self.series_dialog = dialog
        return dialog

    def export_pdf(self) -> bool:
        """Save the meeting (when needed) and export its minutes."""
        if self.editor.is_dirty and not self.save():
            return False
        meeting_id = self.editor.ensure_saved()
        if meeting_id is None:
            return False
        return export_minutes_pdf(self.ctx, self.prompts, meeting_id, self) is not None

    def confirm_close(self) -> bool:
        """True when the window may close: nothing unsaved, saved now, or thrown away."""
        if not self.editor.is_dirty:
            return True
        self.editor.draft_writer.flush()
        answer = self.prompts.ask(
            self,
            title=self.tr("未保存の変更"),
            text=self.tr("この会議に保存していない変更があります。保存しますか?"),
            choices=unsaved_choices(),
        )
        if answer == SAVE:
            return self.save()
        if answer == DISCARD:
            self.editor.discard_draft()
            return True
        return False  # キャンセル (or the question was closed): keep editing

    def reject(self) -> None:
        # closeEvent and Esc both come here.
        if self.confirm_close():
            super().reject()

    def _records_changed(self, changes: Changes) -> None:
        # Another desk changed the meeting shown: a clean form shows it, unsaved edits
        # stay with a notice (the save then writes only the fields the user changed).
        if changes.origin is Origin.SYNC and self.editor.current_id in changes.ids(
            RecordKind.MEETING
        ):
            self.editor.received_elsewhere()

    def _update_title(self, *_args: object) -> None:
        mark = " *" if self.editor.is_dirty else ""
        self.setWindowTitle(
            self.tr("会議の記録 — {name}").format(name=self.editor.heading.text()) + mark
        )


def open_meeting_dialog(
    ctx: UiContext,
    parent: QWidget | None = None,
    *,
    meeting_id: uuid.UUID | None = None,
    draft: Draft | None = None,
) -> MeetingDialog:
    """Show a meeting window (new, ``meeting_id`` or a restored ``draft``); it deletes
    itself when closed."""
    dialog = MeetingDialog(ctx, parent, meeting_id=meeting_id, draft=draft)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    return dialog


def close_meeting_windows(parent: QWidget) -> bool:
    """Close the open meeting windows of ``parent`` (the main window, at quit), each
    asking about its unsaved changes.

    Returns:
        False when the user chose キャンセル in one: the caller should not quit.
    """
    for dialog in parent.findChildren(MeetingDialog):
        if dialog.isVisible() and not dialog.close():
            return False
    return True
