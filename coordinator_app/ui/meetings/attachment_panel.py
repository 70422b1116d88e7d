"""The 添付 tab of a meeting: add, open, save a copy of and remove photos and documents.

Contents are stored in the database (a backup carries them); opening one
writes a copy to a temporary folder and hands it to the system's viewer.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from coordinator_app.domain.changes import Changes
from coordinator_app.domain.filenames import safe_filename
from coordinator_app.domain.record_kind import RecordKind
from coordinator_app.domain.validation import ValidationError
from coordinator_app.services.attachments import MAX_ATTACHMENT_BYTES, ViewingFolder
from coordinator_app.services.base import NotFoundError
from coordinator_app.services.storage_errors import WRITE_ERRORS, storage_message
from coordinator_app.ui.common.icons import icon
from coordinator_app.ui.common.table_model import fit_columns
from coordinator_app.ui.context import UiContext
from coordinator_app.ui.meetings.attachment_model import AttachmentTableModel, size_text
from coordinator_app.ui.meetings.meeting_prompts import MeetingPrompts
from coordinator_app.ui.profiles.current import gate_writes
from coordinator_app.ui.undo import SoftDeleteCommand

PREVIEW_SIZE = 220
ATTACHABLE = "*.jpg *.jpeg *.png *.gif *.heic *.pdf *.docx *.xlsx *.pptx *.txt"


class AttachmentPanel(QWidget):
    """Attachments of one meeting, with a preview of the selected photo."""

    def __init__(
        self,
        ctx: UiContext,
        *,
        prompts: MeetingPrompts,
        ensure_saved: Callable[[], uuid.UUID | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.prompts = prompts
        self._ensure_saved = ensure_saved
        self.viewing = ViewingFolder()
        self.model = AttachmentTableModel(ctx.services.attachments, ctx.dates, self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(
            AttachmentTableModel.NAME, QHeaderView.ResizeMode.Stretch
        )
        self.table.doubleClicked.connect(self._double_clicked)
        self.preview = QLabel(self)
        self.preview.setObjectName("attachment_preview")
        self.preview.setFixedSize(PREVIEW_SIZE, PREVIEW_SIZE)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setStyleSheet("border: 1px solid #c8c8c8; background: #fafafa;")
        self.hint = QLabel(
            self.tr("写真や配布資料を会議に添付します(1ファイル{limit}まで)。").format(
                limit=size_text(MAX_ATTACHMENT_BYTES)
            ),
            self,
        )
        self.hint.setWordWrap(True)

        self.add_button = QPushButton(icon("new"), self.tr("追加…"), self)
        self.open_button = QPushButton(self.tr("開く"), self)
        self.save_button = QPushButton(icon("save"), self.tr("別名で保存…"), self)
        self.delete_button = QPushButton(icon("delete"), self.tr("削除"), self)
        self.add_button.clicked.connect(lambda: self.add_files())
        self.open_button.clicked.connect(self.open_selected)
        self.save_button.clicked.connect(self.save_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.open_button, self.save_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)

        row = QHBoxLayout()
        row.addWidget(self.table, 1)
        row.addWidget(self.preview, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addLayout(row, 1)
        layout.addLayout(buttons)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        ctx.events.sig_records_changed.connect(self._records_changed)
        ctx.events.sig_display_changed.connect(self._selection_changed)
        self.set_owner(None)

    @property
    def owner_id(self) -> uuid.UUID | None:
        return self.model.owner_id

    def set_owner(self, meeting_id: uuid.UUID | None) -> None:
        self.model.load(meeting_id)
        fit_columns(self.table)
        self._selection_changed()

    def selected_id(self) -> uuid.UUID | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.id_at(rows[0].row()) if rows else None

    # -- actions -----------------------------------------------------------------

    def add_files(self, paths: list[Path] | None = None) -> int:
        """Attach files (asked for when not given); saves a new meeting first.

        Returns:
            How many files were attached.
        """
        if paths is None:
            media, everything = self.tr("写真・文書"), self.tr("すべてのファイル")
            paths = self.prompts.choose_open_files(
                self,
                title=self.tr("添付するファイルを選ぶ"),
                filters=f"{media} ({ATTACHABLE});;{everything} (*)",
            )
        if not paths:
            return 0
        meeting_id = self.owner_id or self._ensure_saved()
        if meeting_id is None:
            return 0
        added, problems = 0, []
        with self.ctx.services.db.changes.batch():  # the views refresh once for all files
            for path in paths:
                try:
                    self.ctx.services.attachments.add_file(path, meeting_id=meeting_id)
                    added += 1
                except OSError as exc:
                    problems.append(f"{path.name}: {exc.strerror or exc}")
                except (ValidationError, NotFoundError) as exc:
                    problems.append(f"{path.name}: {exc}")
                except WRITE_ERRORS as exc:
                    problems.append(f"{path.name}: {storage_message(exc, action='添付')}")
        if problems:
            self._warn("\n".join(problems))
        return added

    def open_selected(self) -> Path | None:
        """Write the selected attachment to a private temporary folder and open it.

        The stored name is reduced to a safe base name first: a database from
        elsewhere cannot make this write outside that folder.
        """
        attachment_id = self.selected_id()
        if attachment_id is None:
            return None
        row = self.model.row_item(self.model.row_of(attachment_id))
        assert row is not None
        try:
            content = self.ctx.services.attachments.content(attachment_id)
            path = self.viewing.write(attachment_id, row.filename, content)
        except (NotFoundError, ValidationError) as exc:
            self._warn(str(exc))
            return None
        except OSError as exc:
            self._warn(
                self.tr("一時ファイルを書けません: {error}").format(error=exc.strerror or exc)
            )
            return None
        if not self.prompts.open_file(path):
            self._warn(
                self.tr("「{name}」を開くアプリが見つかりません。").format(name=row.filename)
            )
        return path

    def save_selected(self) -> Path | None:
        attachment_id = self.selected_id()
        if attachment_id is None:
            return None
        row = self.model.row_item(self.model.row_of(attachment_id))
        assert row is not None
        target = self.prompts.choose_save_file(
            self,
            title=self.tr("添付ファイルを保存"),
            suggested=safe_filename(row.filename, fallback="attachment", limit=200, from_path=True),
            filters="",
        )
        if target is None:
            return None
        try:
            target.write_bytes(self.ctx.services.attachments.content(attachment_id))
        except (OSError, NotFoundError) as exc:
            self._warn(str(exc))
            return None
        return target

    def delete_selected(self) -> bool:
        attachment_id = self.selected_id()
        if attachment_id is None:
            return False
        name = self.model.describe(self.model.row_of(attachment_id))
        if not self.prompts.confirm(
            self,
            title=self.tr("削除の確認"),
            text=self.tr("添付ファイル「{name}」を削除しますか?\n(Ctrl+Z で元に戻せます)").format(
                name=name
            ),
            accept_text=self.tr("削除する"),
        ):
            return False
        service = self.ctx.services.attachments
        try:
            service.soft_delete(attachment_id)
        except NotFoundError as exc:
            self._warn(str(exc))
            return False
        self.ctx.undo_stack.push(
            SoftDeleteCommand(
                service=service,
                record_id=attachment_id,
                text=self.tr("添付ファイル「{name}」の削除").format(name=name),
                on_error=self._warn,
            )
        )
        return True

    # -- internals ---------------------------------------------------------------

    def _double_clicked(self, index: QModelIndex) -> None:
        if index.isValid():
            self.table.selectRow(index.row())
            self.open_selected()

    def _records_changed(self, changes: Changes) -> None:
        if changes.touches(RecordKind.ATTACHMENT):
            self.model.refresh()
            fit_columns(self.table)
            self._selection_changed()

    def _selection_changed(self, *_args: object) -> None:
        attachment_id = self.selected_id()
        for button in (self.open_button, self.save_button):
            button.setEnabled(attachment_id is not None)
        gate_writes(self.ctx, (self.add_button,), enabled=True)
        gate_writes(self.ctx, (self.delete_button,), enabled=attachment_id is not None)
        self.preview.clear()
        self.preview.setText(self.tr("プレビューなし"))
        if attachment_id is None:
            return
        row = self.model.row_item(self.model.row_of(attachment_id))
        if row is None or not row.media_type.startswith("image/"):
            return
        try:
            pixmap = QPixmap()
            if pixmap.loadFromData(self.ctx.services.attachments.content(attachment_id)):
                self.preview.setPixmap(
                    pixmap.scaled(
                        PREVIEW_SIZE - 4,
                        PREVIEW_SIZE - 4,
                        Qt.AspectRatioMode.KeepAspectRatio,
                        Qt.TransformationMode.SmoothTransformation,
                    )
                )
        except NotFoundError:
            pass  # removed meanwhile; the list refreshes on the change signal

    def _warn(self, text: str) -> None:
        self.prompts.warn(self, title=self.tr("添付できません"), text=text)
