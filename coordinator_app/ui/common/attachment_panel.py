"""Attachments of one record (a meeting, a project's outcome, a progress entry):
add, open, save a copy of and remove photos and documents.

Contents are stored in the database (a backup carries them); opening one
writes a copy to a private temporary folder and hands it to the system's
viewer. Adding and removing are edits: a supervisor's profile is refused.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QModelIndex, QSize, Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from coordinator_app.domain.changes import Changes
from coordinator_app.domain.filenames import safe_filename
from coordinator_app.domain.record_kind import RecordKind
from coordinator_app.domain.validation import ValidationError
from coordinator_app.services.attachments import (
    MAX_ATTACHMENT_BYTES,
    AttachmentInfo,
    ViewingFolder,
)
from coordinator_app.services.base import NotFoundError
from coordinator_app.services.profiles import require_editor
from coordinator_app.services.storage_errors import WRITE_ERRORS, storage_message
from coordinator_app.ui.common.attachment_model import AttachmentTableModel, Owner, size_text
from coordinator_app.ui.common.icons import icon
from coordinator_app.ui.common.list_table import SelectionMode, list_table, size_columns
from coordinator_app.ui.common.plain_text import plain
from coordinator_app.ui.common.table_model import select_row
from coordinator_app.ui.common.undo import SoftDeleteCommand
from coordinator_app.ui.context import UiContext
from coordinator_app.ui.labels import error_text, message_text
from coordinator_app.ui.profiles.current import current_profile, gate_writes
from coordinator_app.ui.prompts import Prompts

PREVIEW_SIZE = 220
ATTACHABLE = "*.jpg *.jpeg *.png *.gif *.bmp *.heic *.pdf *.docx *.xlsx *.pptx *.txt"


def size_limit() -> str:
    """The largest file that can be attached, as text (``25.0 MB``)."""
    return size_text(MAX_ATTACHMENT_BYTES)


class AttachmentPanel(QWidget):
    """The attachments of one owner record, with a preview of the selected photo.

    Args:
        ctx: the window's context.
        owner: which record kind owns the attachments.
        prompts: asks for files and confirmations.
        title: the line above the list.
        ensure_saved: saves a new owner record first and returns its id (None when
            the save failed); without it, 添付 waits until the owner exists.
        preview: show the selected photo beside the list (where there is room for it;
            the list shows thumbnails in any case).
    """

    def __init__(
        self,
        ctx: UiContext,
        *,
        owner: Owner,
        prompts: Prompts,
        title: str,
        ensure_saved: Callable[[], uuid.UUID | None] | None = None,
        preview: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.prompts = prompts
        self._ensure_saved = ensure_saved
        self._editable = True
        self.viewing = ViewingFolder()
        self.model = AttachmentTableModel(ctx.services.attachments, ctx.dates, self, owner=owner)
        self.table = list_table(
            self.model,
            self,
            selection=SelectionMode.SingleSelection,
            wrap=True,
            stretch=AttachmentTableModel.NAME,
            tooltip=self.tr("ダブルクリックで開きます"),
        )
        self.table.setIconSize(QSize(32, 32))
        self.table.setMinimumHeight(72)
        self.table.doubleClicked.connect(self._double_clicked)
        self.preview = QLabel(self)
        self.preview.setObjectName("attachment_preview")
        self.preview.setFixedSize(PREVIEW_SIZE, PREVIEW_SIZE)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setStyleSheet("border: 1px solid #c8c8c8; background: #fafafa;")
        self.preview.setVisible(preview)
        self.title = plain(QLabel(title, self))
        self.title.setWordWrap(True)

        self.add_button = QPushButton(icon("new"), self.tr("ファイルを添付…"), self)
        self.open_button = QPushButton(self.tr("開く"), self)
        self.save_button = QPushButton(icon("save"), self.tr("名前を付けて保存…"), self)
        self.delete_button = QPushButton(icon("delete"), self.tr("添付を外す"), self)
        self.add_button.clicked.connect(lambda: self.add_files())
        self.open_button.clicked.connect(self.open_selected)
        self.save_button.clicked.connect(self.save_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.open_button, self.save_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.delete_button)

        row = QHBoxLayout()
        row.addWidget(self.table, 1)
        row.addWidget(self.preview, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        if ensure_saved is None:
            layout.setContentsMargins(0, 0, 0, 0)  # a part of a tab, not a tab of its own
        layout.addWidget(self.title)
        layout.addLayout(row, 1)
        layout.addLayout(buttons)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        ctx.events.sig_records_changed.connect(self._records_changed)
        ctx.events.sig_display_changed.connect(self._selection_changed)
        self.set_owner(None)

    # -- state -------------------------------------------------------------------

    @property
    def owner_id(self) -> uuid.UUID | None:
        return self.model.owner_id

    def set_owner(self, owner_id: uuid.UUID | None) -> None:
        self.model.load(owner_id)
        size_columns(self.table)
        self._selection_changed()

    def set_editable(self, editable: bool) -> None:
        """Allow adding and removing (False for a supervisor's profile)."""
        self._editable = editable
        self._selection_changed()

    def refresh(self) -> None:
        """Reload the list, keeping the selection."""
        selected = self.selected_id()
        self.model.refresh()
        size_columns(self.table)
        self.select(selected)

    def select(self, attachment_id: uuid.UUID | None) -> None:
        row = self.model.row_of(attachment_id)
        if row >= 0:
            select_row(self.table, row)
        self._selection_changed()

    def select_row(self, row: int) -> None:
        select_row(self.table, row)

    def selected_id(self) -> uuid.UUID | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.id_at(rows[0].row()) if rows else None

    def selected_info(self) -> AttachmentInfo | None:
        return self.model.row_item(self.model.row_of(self.selected_id()))

    # -- actions -----------------------------------------------------------------

    def add_files(self, paths: list[Path] | None = None) -> int:
        """Attach files (asked for when not given); saves a new owner first.

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
        return len(self._attach(paths)) if paths else 0

    def add_file(self, path: Path) -> AttachmentInfo | None:
        """Attach the file at ``path``; None when refused (the user was told why)."""
        added = self._attach([path])
        return added[0] if added else None

    def _attach(self, paths: list[Path]) -> list[AttachmentInfo]:
        try:
            require_editor(current_profile(self.ctx))
        except ValidationError as exc:
            self._warn(error_text(exc))
            return []
        owner_id = self.owner_id
        if owner_id is None and self._ensure_saved is not None:
            owner_id = self._ensure_saved()
        if owner_id is None:
            return []
        added: list[AttachmentInfo] = []
        problems: list[str] = []
        with self.ctx.services.db.changes.batch():  # the views refresh once for all files
            for path in paths:
                try:
                    added.append(
                        self.ctx.services.attachments.add_file(path, **{self.model.owner: owner_id})
                    )
                except OSError as exc:
                    problems.append(f"{path.name}: {exc.strerror or exc}")
                except (ValidationError, NotFoundError) as exc:
                    problems.append(f"{path.name}: {exc}")
                except WRITE_ERRORS as exc:
                    problems.append(
                        f"{path.name}: {message_text(storage_message(exc, action='添付'))}"
                    )
        if added:
            self.select(added[-1].id)
        if problems:
            self._warn("\n".join(problems))
        return added

    def open_selected(self) -> Path | None:
        """Write the selected attachment to a private temporary folder and open it.

        The stored name is reduced to a safe base name first: a database from
        elsewhere cannot make this write outside that folder.
        """
        info = self.selected_info()
        if info is None:
            return None
        try:
            content = self.ctx.services.attachments.content(info.id)
            path = self.viewing.write(info.id, info.filename, content)
        except (NotFoundError, ValidationError) as exc:
            self._warn(error_text(exc))
            return None
        except OSError as exc:
            self._warn(
                self.tr("一時ファイルを書けません: {error}").format(error=exc.strerror or exc)
            )
            return None
        if not self.prompts.open_file(path):
            self._warn(
                self.tr("「{name}」を開くアプリが見つかりません。").format(name=info.filename)
            )
        return path

    def save_selected(self) -> Path | None:
        """Write the selected attachment to a file the user picks."""
        info = self.selected_info()
        if info is None:
            return None
        target = self.prompts.choose_save_file(
            self,
            title=self.tr("添付ファイルを保存"),
            suggested=safe_filename(
                info.filename, fallback="attachment", limit=200, from_path=True
            ),
            filters="",
        )
        if target is None:
            return None
        try:
            target.write_bytes(self.ctx.services.attachments.content(info.id))
        except (OSError, NotFoundError) as exc:
            self._warn(error_text(exc))
            return None
        return target

    def delete_selected(self) -> bool:
        """Remove the selected attachment after confirming (Ctrl+Z restores it)."""
        info = self.selected_info()
        if info is None:
            return False
        if not self.prompts.confirm(
            self,
            title=self.tr("添付を外す"),
            text=self.tr("「{name}」を外しますか?\n(Ctrl+Z で元に戻せます)").format(
                name=info.filename
            ),
            accept_text=self.tr("外す"),
        ):
            return False
        service = self.ctx.services.attachments
        try:
            require_editor(current_profile(self.ctx))
            service.soft_delete(info.id)
        except (ValidationError, NotFoundError) as exc:
            self._warn(error_text(exc))
            return False
        except WRITE_ERRORS as exc:
            self._warn(message_text(storage_message(exc, action="削除")))
            return False
        self.ctx.undo_stack.push(
            SoftDeleteCommand(
                service=service,
                record_id=info.id,
                text=self.tr("「{name}」の添付の取り外し").format(name=info.filename),
                on_error=self._warn,
            )
        )
        return True

    # -- internals ---------------------------------------------------------------

    def _double_clicked(self, index: QModelIndex) -> None:
        if index.isValid():
            select_row(self.table, index.row())
            self.open_selected()

    def _records_changed(self, changes: Changes) -> None:
        if changes.touches(RecordKind.ATTACHMENT):
            self.refresh()

    def _selection_changed(self, *_args: object) -> None:
        info = self.selected_info()
        selected = info is not None
        for button in (self.open_button, self.save_button):
            button.setEnabled(selected)
        can_add = self._editable and (self.owner_id is not None or self._ensure_saved is not None)
        gate_writes(self.ctx, (self.add_button,), enabled=can_add)
        gate_writes(self.ctx, (self.delete_button,), enabled=selected and self._editable)
        self.preview.clear()
        self.preview.setText(self.tr("プレビューなし"))
        if info is None or not info.media_type.startswith("image/") or self.preview.isHidden():
            return
        try:
            pixmap = QPixmap()
            if pixmap.loadFromData(self.ctx.services.attachments.content(info.id)):
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
        self.prompts.warn(self, title=self.tr("添付ファイル"), text=text)
