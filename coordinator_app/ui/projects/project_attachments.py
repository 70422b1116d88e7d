"""Photos and files attached to a progress entry or a project, with add / save / open / remove."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Literal

from PySide6.QtCore import QSize, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QIcon, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from coordinator_app.domain.changes import Changes
from coordinator_app.domain.filenames import safe_filename
from coordinator_app.domain.record_kind import RecordKind
from coordinator_app.domain.validation import ValidationError
from coordinator_app.services.attachments import AttachmentInfo, ViewingFolder
from coordinator_app.services.base import NotFoundError
from coordinator_app.services.profiles import require_editor
from coordinator_app.services.storage_errors import WRITE_ERRORS, storage_message
from coordinator_app.ui.common.icons import icon
from coordinator_app.ui.common.plain_text import plain_tooltip
from coordinator_app.ui.context import UiContext
from coordinator_app.ui.data_safety.prompts import with_file_pickers
from coordinator_app.ui.profiles.current import current_profile
from coordinator_app.ui.projects.display import format_size, format_stamp
from coordinator_app.ui.undo import SoftDeleteCommand

Owner = Literal["progress_entry_id", "project_id"]
THUMBNAIL = QSize(48, 48)
MAX_THUMBNAIL_SOURCE = 8 * 1024 * 1024
"""Larger images get the file icon instead of a thumbnail (loading them would stall)."""


class ProjectAttachmentPanel(QWidget):
    """The attachments of one owner record.

    The content lives in the database (a backup carries it). Adding and
    removing are project edits: a supervisor's profile is refused.
    """

    def __init__(
        self, ctx: UiContext, *, owner: Owner, title: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.owner = owner
        self.owner_id: uuid.UUID | None = None
        self._editable = True
        self.viewing = ViewingFolder()
        self.title = QLabel(title, self)
        self.list = QListWidget(self)
        self.list.setIconSize(THUMBNAIL)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setMinimumHeight(72)
        self.list.itemDoubleClicked.connect(lambda _item: self.open_selected())
        self.add_button = QPushButton(icon("new"), self.tr("ファイルを添付…"), self)
        self.save_button = QPushButton(icon("save"), self.tr("名前を付けて保存…"), self)
        self.open_button = QPushButton(self.tr("開く"), self)
        self.delete_button = QPushButton(icon("delete"), self.tr("添付を外す"), self)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.open_button, self.save_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        self.add_button.clicked.connect(self.add)
        self.save_button.clicked.connect(self.save_selected)
        self.open_button.clicked.connect(self.open_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.list.currentRowChanged.connect(lambda _row: self._update_buttons())
        ctx.events.sig_records_changed.connect(self._records_changed)
        self.set_owner(None)

    # -- state -------------------------------------------------------------------

    def set_owner(self, owner_id: uuid.UUID | None) -> None:
        self.owner_id = owner_id
        self.refresh()

    def set_editable(self, editable: bool) -> None:
        self._editable = editable
        self._update_buttons()

    def refresh(self) -> None:
        selected = self.selected_id()
        self.list.clear()
        for info in self.infos():
            item = QListWidgetItem(self._icon(info), self._text(info), self.list)
            item.setData(Qt.ItemDataRole.UserRole, str(info.id))
            item.setToolTip(plain_tooltip(info.media_type))
            if info.id == selected:
                self.list.setCurrentItem(item)
        self._update_buttons()

    def infos(self) -> list[AttachmentInfo]:
        if self.owner_id is None:
            return []
        return self.ctx.services.attachments.list_for(**{self.owner: self.owner_id})

    def selected_id(self) -> uuid.UUID | None:
        item = self.list.currentItem()
        return uuid.UUID(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None

    def selected_info(self) -> AttachmentInfo | None:
        selected = self.selected_id()
        return next((i for i in self.infos() if i.id == selected), None)

    # -- actions -----------------------------------------------------------------

    def add(self) -> AttachmentInfo | None:
        """Pick a file (through the prompts) and attach it."""
        if self.owner_id is None:
            return None
        path = with_file_pickers(self.ctx.prompts).choose_open_file(
            self,
            title=self.tr("添付するファイルを選ぶ"),
            filters=self.tr(
                "すべてのファイル (*);;画像 (*.png *.jpg *.jpeg *.gif *.bmp);;PDF (*.pdf)"
            ),
        )
        return self.add_file(path) if path is not None else None

    def add_file(self, path: Path) -> AttachmentInfo | None:
        """Attach the file at ``path`` (refused for a supervisor's profile)."""
        if self.owner_id is None:
            return None
        try:
            require_editor(current_profile(self.ctx))
            info = self.ctx.services.attachments.add_file(path, **{self.owner: self.owner_id})
        except OSError as exc:
            self._warn(self.tr("ファイルを読めません: {error}").format(error=exc.strerror or exc))
            return None
        except ValidationError as exc:
            self._warn(str(exc))
            return None
        except WRITE_ERRORS as exc:
            self._warn(storage_message(exc, action="添付"))
            return None
        for i in range(self.list.count()):
            if self.list.item(i).data(Qt.ItemDataRole.UserRole) == str(info.id):
                self.list.setCurrentRow(i)
        return info

    def save_selected(self) -> Path | None:
        """Write the selected attachment to a file the user picks."""
        info = self.selected_info()
        if info is None:
            return None
        path = with_file_pickers(self.ctx.prompts).choose_save_file(
            self,
            title=self.tr("添付ファイルを保存"),
            suggested=safe_filename(
                info.filename, fallback="attachment", limit=200, from_path=True
            ),
            filters="",
        )
        if path is None:
            return None
        try:
            path.write_bytes(self.ctx.services.attachments.content(info.id))
        except (OSError, NotFoundError) as exc:
            self._warn(str(exc))
            return None
        return path

    def open_selected(self) -> Path | None:
        """Open the selected attachment with the program the system chooses.

        It is written to a private temporary folder under a safe base name, so
        a name from a database cannot make this write anywhere else.
        """
        info = self.selected_info()
        if info is None:
            return None
        try:
            content = self.ctx.services.attachments.content(info.id)
            path = self.viewing.write(info.id, info.filename, content)
        except (NotFoundError, ValidationError) as exc:
            self._warn(str(exc))
            return None
        except OSError as exc:
            self._warn(
                self.tr("一時ファイルを書けません: {error}").format(error=exc.strerror or exc)
            )
            return None
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
        return path

    def delete_selected(self) -> bool:
        """Remove the selected attachment after confirming (Ctrl+Z restores it)."""
        info = self.selected_info()
        if info is None:
            return False
        if not self.ctx.prompts.confirm(
            self,
            title=self.tr("添付を外す"),
            text=self.tr("「{name}」を外しますか?\n(Ctrl+Z で元に戻せます)").format(
                name=info.filename
            ),
            accept_text=self.tr("外す"),
        ):
            return False
        try:
            require_editor(current_profile(self.ctx))
            self.ctx.services.attachments.soft_delete(info.id)
        except (ValidationError, NotFoundError) as exc:
            self._warn(str(exc))
            return False
        self.ctx.undo_stack.push(
            SoftDeleteCommand(
                service=self.ctx.services.attachments,
                record_id=info.id,
                text=self.tr("「{name}」の添付の取り外し").format(name=info.filename),
                on_error=self._warn,
            )
        )
        return True

    # -- internals ---------------------------------------------------------------

    def _records_changed(self, changes: Changes) -> None:
        if changes.touches(RecordKind.ATTACHMENT):
            self.refresh()

    def _text(self, info: AttachmentInfo) -> str:
        stamp = format_stamp(self.ctx.dates, info.created_at)
        return f"{info.filename}\n{format_size(info.size)}・{stamp}"

    def _icon(self, info: AttachmentInfo) -> QIcon:
        if info.media_type.startswith("image/") and info.size <= MAX_THUMBNAIL_SOURCE:
            pixmap = QPixmap()
            if pixmap.loadFromData(self.ctx.services.attachments.content(info.id)):
                return QIcon(
                    pixmap.scaled(
                        THUMBNAIL,
                        Qt.AspectRatioMode.KeepAspectRatio,
                        Qt.TransformationMode.SmoothTransformation,
                    )
                )
        return self.style().standardIcon(QStyle.StandardPixmap.SP_FileIcon)

    def _update_buttons(self) -> None:
        has_owner = self.owner_id is not None
        selected = self.list.currentItem() is not None
        self.add_button.setEnabled(has_owner and self._editable)
        self.delete_button.setEnabled(selected and self._editable)
        self.save_button.setEnabled(selected)
        self.open_button.setEnabled(selected)

    def _warn(self, text: str) -> None:
        self.ctx.prompts.warn(self, title=self.tr("添付ファイル"), text=text)
