"""似ている記録の確認: records that look like the same thing, for a person to merge.

Desks that held data before joining the municipality bring their own copy of
the same 町会 or サロン under another id. The groups are listed (kind, name,
ふりがな); the records of the chosen group show where they belong, when they
were created and which desk sent them (from the server's history, asked on the
sync thread when logged in). The person chooses the record to keep and
merges the others into it (after a confirmation: a merge re-points every
reference; Ctrl+Z, here or in the main window, takes it back exactly — see
:mod:`coordinator_app.ui.sync.look_alikes_undo`), or keeps the chosen record
apart from the others, and the pair is not listed again on any desk.
"""

from __future__ import annotations

import contextlib
import uuid
from collections.abc import Callable

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from coordinator_app.domain.changes import Changes
from coordinator_app.domain.enums import ProfileRole
from coordinator_app.domain.validation import ValidationError
from coordinator_app.services.base import NotFoundError
from coordinator_app.services.look_alikes import (
    LOOK_ALIKE_MODELS,
    Creator,
    LookAlike,
    LookAlikeGroup,
    LookAlikeService,
    record_creators,
    server_refusals,
)
from coordinator_app.services.storage_errors import WRITE_ERRORS, storage_message
from coordinator_app.sync.worker import SyncWorker
from coordinator_app.ui.common.list_table import list_table
from coordinator_app.ui.common.table_model import fit_columns, select_row
from coordinator_app.ui.context import UiContext
from coordinator_app.ui.labels import error_text, kind_label, message_text
from coordinator_app.ui.sync.controller import SyncController
from coordinator_app.ui.sync.look_alikes_model import (
    LookAlikeGroupModel,
    LookAlikeRecordModel,
    local_time,
)
from coordinator_app.ui.sync.look_alikes_undo import MergeCommand

CREATORS_TAG = "look_alikes:creators"
ROLE_TAG = "look_alikes:role"


def look_alike_service(ctx: UiContext) -> LookAlikeService:
    """The service, guarded by the same actor as every other one of the window."""
    service = LookAlikeService(ctx.services.db)
    service.bind_actor(ctx.services.actor)
    return service


def _plain(label: QLabel) -> QLabel:
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label


class LookAlikeDialog(QDialog):
    """The look-alike groups; merge into the chosen record, or keep it apart."""

    def __init__(
        self,
        ctx: UiContext,
        controller: SyncController | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.controller = controller
        self.service = look_alike_service(ctx)
        self.setWindowTitle(self.tr("似ている記録の確認"))
        intro = _plain(
            QLabel(
                self.tr(
                    "種類・名称・ふりがなが同じで、別々に登録された記録です。"
                    "同じものなら残す記録を選んで「統合する」を、"
                    "別のものなら「別の記録として残す」を押してください。"
                ),
                self,
            )
        )
        self.groups_model = LookAlikeGroupModel(ctx.dates, self)
        self.groups_table = list_table(
            self.groups_model,
            self,
            selection=QAbstractItemView.SelectionMode.SingleSelection,
            stretch=LookAlikeGroupModel.NAME,
        )
        self.groups_table.setObjectName("look_alike_groups")
        self.empty_label = _plain(QLabel(self.tr("似ている記録はありません。"), self))
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.records_label = _plain(QLabel(self.tr("残す記録を選んでください:"), self))
        self.records_model = LookAlikeRecordModel(ctx.dates, self)
        self.records_table = list_table(
            self.records_model,
            self,
            selection=QAbstractItemView.SelectionMode.SingleSelection,
            stretch=LookAlikeRecordModel.ORIGIN,
        )
        self.records_table.setObjectName("look_alike_records")
        self.message = _plain(QLabel(self))
        self.server_note = _plain(QLabel(self))
        self.server_note.setObjectName("look_alike_server_note")
        self.server_note.setStyleSheet("color: #8a5a00;")
        self.server_note.hide()
        self.server_role: ProfileRole | None = None
        """The role of the sync server's user (None: not logged in, or not known yet)."""
        self.merge_button = QPushButton(self.tr("統合する…"), self)
        self.merge_button.setToolTip(
            self.tr("選んだ記録を残し、このグループのほかの記録をまとめます")
        )
        self.apart_button = QPushButton(self.tr("別の記録として残す"), self)
        self.apart_button.setToolTip(
            self.tr("選んだ記録はほかの記録と別のものとして、この一覧に出なくなります")
        )
        self.merge_button.clicked.connect(self.merge_selected)
        # The window's undo stack, reachable while this (modal) dialog has the keyboard.
        self.undo_action = QAction(self.tr("元に戻す"), self)
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.undo_action.triggered.connect(ctx.undo_stack.undo)
        self.addAction(self.undo_action)
        self.redo_action = QAction(self.tr("やり直す"), self)
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.redo_action.triggered.connect(ctx.undo_stack.redo)
        self.addAction(self.redo_action)
        self.apart_button.clicked.connect(self.keep_selected_apart)
        buttons = QDialogButtonBox(self)
        close = buttons.addButton(self.tr("閉じる"), QDialogButtonBox.ButtonRole.RejectRole)
        close.clicked.connect(self.reject)
        actions = QHBoxLayout()
        actions.addWidget(self.merge_button)
        actions.addWidget(self.apart_button)
        actions.addStretch(1)
        actions.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.empty_label, 5)
        layout.addWidget(self.groups_table, 2)
        layout.addWidget(self.records_label)
        layout.addWidget(self.records_table, 3)
        layout.addWidget(self.server_note)
        layout.addWidget(self.message)
        layout.addLayout(actions)
        self.resize(860, 560)
        self.groups_table.selectionModel().currentRowChanged.connect(self._group_chosen)
        self.records_table.selectionModel().currentRowChanged.connect(self._update_buttons)
        if controller is not None:
            controller.call_finished.connect(self._call_finished)
        ctx.events.sig_records_changed.connect(self._records_changed)
        self.reload()
        self._ask_role()

    # -- showing -----------------------------------------------------------------

    @property
    def group(self) -> LookAlikeGroup | None:
        return self.groups_model.row_item(self.groups_table.currentIndex().row())

    @property
    def chosen(self) -> LookAlike | None:
        return self.records_model.row_item(self.records_table.currentIndex().row())

    def reload(self) -> None:
        """Read the groups again and show the first one (or the one shown before)."""
        shown = self.group
        groups = self.service.groups()
        self.groups_model.set_rows(groups)
        has_any = bool(groups)
        self.empty_label.setVisible(not has_any)
        for widget in (self.groups_table, self.records_label, self.records_table):
            widget.setVisible(has_any)
        row = 0
        if shown is not None:
            row = next((i for i, g in enumerate(groups) if g.ids & shown.ids), 0)
        select_row(self.groups_table, row if has_any else -1)
        if not has_any:
            self._group_chosen()
        fit_columns(self.groups_table)

    def _records_changed(self, changes: Changes) -> None:
        # A pull (or another window) changed records of these kinds: the groups may have too.
        if changes.touches(*LOOK_ALIKE_MODELS):
            self.reload()

    def _group_chosen(self, *_args: object) -> None:
        group = self.group
        self.records_model.set_rows(group.records if group is not None else ())
        if group is not None:
            select_row(self.records_table, 0)
            self._ask_creators(group)
        fit_columns(self.records_table)
        self._update_buttons()

    def _update_buttons(self, *_args: object) -> None:
        ready = self.chosen is not None
        group = self.group
        merging, apart = "", ""
        if group is not None and self.server_role is not None:
            merging, apart = server_refusals(self.server_role, group.kind)
        self.merge_button.setEnabled(ready and not merging)
        self.apart_button.setEnabled(ready and not apart)
        # Done here anyway, the change would only wait among the refused ones: say so first.
        reasons = list(dict.fromkeys(r for r in (merging, apart) if r))
        self.server_note.setText(
            self.tr(
                "同期サーバーが受け付けないため、この端末のログインではできません: {reasons}"
            ).format(reasons=" / ".join(reasons))
            if reasons
            else ""
        )
        self.server_note.setVisible(bool(reasons))

    def _say(self, text: str, *, error: bool = False) -> None:
        self.message.setStyleSheet("color: #b00020;" if error else "")
        self.message.setText(text)

    # -- deciding ----------------------------------------------------------------

    def merge_selected(self) -> bool:
        """Merge the group's other records into the chosen one, after a confirmation."""
        group, keep = self.group, self.chosen
        if group is None or keep is None:
            return False
        others = [r.id for r in group.records if r.id != keep.id]
        text = self.tr(
            "「{name}」({created} 作成)を残し、ほかの {n} 件をこの記録に統合します。\n"
            "ほかの記録を参照している会議・委員・担当などは、すべて残す記録を参照するように"
            "なり、統合した記録は削除されます。\n統合は Ctrl+Z で元に戻せます。"
        ).format(name=keep.name, created=local_time(keep.created_at), n=len(others))
        if not self.ctx.prompts.confirm(
            self,
            title=self.tr("記録の統合"),
            text=text,
            accept_text=self.tr("統合する"),
        ):
            return False
        try:
            results = self.service.merge_group(group.kind, keep=keep.id, others=others)
        except (ValidationError, NotFoundError) as exc:
            self._say(error_text(exc), error=True)
            self.reload()
            return False
        except WRITE_ERRORS as exc:
            self._say(message_text(storage_message(exc, action="変更")), error=True)
            return False
        self.ctx.undo_stack.push(
            MergeCommand(
                service=self.service,
                kind=group.kind,
                keep=keep.id,
                others=others,
                results=results,
                text=self.tr("「{name}」への統合").format(name=keep.name),
                on_error=self._undo_failed(),
                on_done=self._undo_done(keep.name),
            )
        )
        moved = sum(sum(r.repointed.values()) + r.links_moved + r.links_joined for r in results)
        self.reload()
        self._say(
            self.tr(
                "{kind}「{name}」に {n} 件を統合しました(参照の付け替え {moved} 件)。"
                "Ctrl+Z で元に戻せます。"
            ).format(kind=kind_label(group.kind), name=keep.name, n=len(results), moved=moved)
        )
        return True

    def _undo_done(self, name: str) -> Callable[[bool], None]:
        """What says, while this dialog is open, that Ctrl+Z (Ctrl+Y) took the merge
        back (merged again)."""

        def done(undone: bool) -> None:
            if shiboken6.isValid(self) and self.isVisible():
                text = (
                    self.tr("「{name}」への統合を元に戻しました。")
                    if undone
                    else self.tr("「{name}」への統合をやり直しました。")
                )
                self._say(text.format(name=name))

        return done

    def _undo_failed(self) -> Callable[[str], None]:
        """What tells the user why a Ctrl+Z (or Ctrl+Y) of a merge was refused: in this
        dialog while it is open, and in a box (over the window once it is closed)."""
        prompts, window = self.ctx.prompts, self.parentWidget()
        title = self.tr("元に戻せませんでした")

        def failed(text: str) -> None:
            open_here = shiboken6.isValid(self) and self.isVisible()
            if open_here:
                self._say(text, error=True)
            prompts.warn(self if open_here else window, title=title, text=text)

        return failed

    def keep_selected_apart(self) -> bool:
        """Remember the chosen record as a different thing from the rest of its group."""
        group, chosen = self.group, self.chosen
        if group is None or chosen is None:
            return False
        others = [r.id for r in group.records if r.id != chosen.id]
        try:
            self.service.keep_apart(chosen.id, others)
        except ValidationError as exc:
            self._say(error_text(exc), error=True)
            return False
        except WRITE_ERRORS as exc:
            self._say(message_text(storage_message(exc, action="保存")), error=True)
            return False
        self.reload()
        self._say(
            self.tr("「{name}」をほかの記録とは別の記録として残しました。").format(name=chosen.name)
        )
        return True

    # -- who sent each record (the server's history) ------------------------------

    def _ask_creators(self, group: LookAlikeGroup) -> None:
        controller = self.controller
        wanted = [
            (r.kind, r.id)
            for r in group.records
            if not r.unsent and r.id not in self.records_model.creators
        ]
        if controller is None or not controller.state.logged_in or not wanted:
            return

        def ask(worker: SyncWorker) -> dict[uuid.UUID, Creator]:
            return record_creators(worker, wanted)

        self.records_model.asking = True
        self.records_model.redisplay()
        controller.call(CREATORS_TAG, ask)

    def _ask_role(self) -> None:
        controller = self.controller
        if controller is None or not controller.state.logged_in:
            return

        def ask(worker: SyncWorker) -> str:
            return str(worker.client.request("GET", "/v1/me")["role"])

        controller.call(ROLE_TAG, ask)

    def _call_finished(self, tag: str, result: object, _message: str) -> None:
        if tag == ROLE_TAG:
            if isinstance(result, str) and result in set(ProfileRole):
                self.server_role = ProfileRole(result)
                self._update_buttons()
            return
        if tag != CREATORS_TAG:
            return
        self.records_model.asking = False
        if isinstance(result, dict):
            self.records_model.creators.update(result)
        self.records_model.redisplay()
        fit_columns(self.records_table)

    def done(self, result: int) -> None:
        with contextlib.suppress(RuntimeError, TypeError):
            self.ctx.events.sig_records_changed.disconnect(self._records_changed)
        if self.controller is not None:
            with contextlib.suppress(RuntimeError, TypeError):
                self.controller.call_finished.disconnect(self._call_finished)
        super().done(result)


def open_look_alikes(
    ctx: UiContext, controller: SyncController | None, parent: QWidget
) -> LookAlikeDialog:
    """Open the dialog (window-modal, deleted when closed)."""
    dialog = LookAlikeDialog(ctx, controller, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
