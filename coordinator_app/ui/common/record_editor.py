"""The detail form of a page: load a record, edit it, save it through the service."""

from __future__ import annotations

import uuid
from typing import Any, ClassVar

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QScrollArea, QTabWidget, QVBoxLayout, QWidget

from coordinator_app.domain.models import Record
from coordinator_app.domain.record_kind import RecordKind
from coordinator_app.services.base import EntityService, NotFoundError
from coordinator_app.ui.common.form import FieldForm
from coordinator_app.ui.common.saving import (
    STORAGE_FIELD,
    changed_on_both_sides,
    clear_errors,
    clone,
    confirm_overwrite,
    edited_fields,
    field_caption,
    input_errors,
    onto_current,
    save_form,
    show_errors,
    storage_failure,
)
from coordinator_app.ui.context import UiContext
from coordinator_app.ui.labels import error_text


class RecordEditor(QWidget):
    """Base of the detail forms. Subclasses build fields and implement the hooks.

    Nothing the user typed is lost on a failed save: the widgets are only
    written by :meth:`load`, never after an error.

    Signals:
        saved(record_id): the record was stored.
        loaded(record_id): a record (None: a new, empty one) is now shown.
        dirty_changed(dirty: bool): the form has (or no longer has) unsaved edits.
    """

    saved = Signal(object)
    loaded = Signal(object)
    dirty_changed = Signal(bool)

    kind: ClassVar[RecordKind]

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.forms: list[FieldForm] = []
        self.tabs: QTabWidget | None = None
        self._record: Record | None = None
        self._shown: Record | None = None
        self._is_new = True
        self._loading = False
        self._dirty = False
        self.first_field: QWidget | None = None
        self.heading = QLabel(self)
        font = QFont(self.heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.heading.setFont(font)
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(0, 0, 0, 0)
        self.body.addWidget(self.heading)
        self.sync_notice = QLabel(self)
        self.sync_notice.setObjectName("sync_notice")
        self.sync_notice.setTextFormat(Qt.TextFormat.PlainText)
        self.sync_notice.setWordWrap(True)
        self.sync_notice.setStyleSheet("color: #8a5a00; font-weight: bold;")
        self.sync_notice.hide()
        self.body.addWidget(self.sync_notice)

    # -- hooks -------------------------------------------------------------------

    @property
    def service(self) -> EntityService[Any]:
        raise NotImplementedError

    def blank(self) -> Record:
        """A new record with default values."""
        raise NotImplementedError

    def fill(self, record: Record) -> None:
        """Show ``record`` in the widgets."""
        raise NotImplementedError

    def apply(self, record: Record) -> None:
        """Write the widgets' values into ``record`` (input errors are checked before)."""
        raise NotImplementedError

    def store(self, record: Record) -> Record:
        """Save through the service (subclasses pass link ids along)."""
        return self.service.save(record)

    def fill_related(self, record_id: uuid.UUID | None) -> None:
        """Load links and child lists of the record (None for a new one)."""

    def refresh_choices(self) -> None:
        """Reload the choices of pickers (other pages may have changed them)."""

    def display_name(self, record: Record) -> str:
        return str(getattr(record, "name", "") or getattr(record, "title", ""))

    def new_heading(self) -> str:
        return QCoreApplication.translate("RecordEditor", "新規登録")

    # -- building helpers --------------------------------------------------------

    def add_form(self, form: FieldForm) -> FieldForm:
        self.forms.append(form)
        form.changed.connect(self.mark_dirty)
        return form

    def add_tab(self, widget: QWidget, title: str, *, scroll: bool = True) -> QWidget:
        """Add a tab (creating the tab widget on first use)."""
        if self.tabs is None:
            self.tabs = QTabWidget(self)
            self.body.addWidget(self.tabs, 1)
        page: QWidget = widget
        if scroll:
            page = _scrolled(widget, self.tabs)
        self.tabs.addTab(page, title)
        return page

    def add_scrolled(self, widget: QWidget) -> None:
        """Put ``widget`` under the heading in a scroll area (editors without tabs)."""
        self.body.addWidget(_scrolled(widget, self), 1)

    # -- state -------------------------------------------------------------------

    @property
    def record(self) -> Record | None:
        return self._record

    @property
    def current_id(self) -> uuid.UUID | None:
        """The id of the stored record shown; None while a new one is being entered."""
        if self._record is None or self._is_new:
            return None
        return self._record.id

    @property
    def is_dirty(self) -> bool:
        return self._dirty

    def mark_dirty(self) -> None:
        if not self._loading:
            self._set_dirty(True)

    def _set_dirty(self, dirty: bool) -> None:
        if dirty != self._dirty:
            self._dirty = dirty
            self.dirty_changed.emit(dirty)

    def received_elsewhere(self) -> None:
        """Another desk's change to the shown record arrived by sync.

        A clean form shows it; a form with unsaved edits keeps what was typed
        and says so (saving then records only the fields the user changed, so
        the received change to any other field stays).
        """
        if not self._dirty:
            record_id = self.current_id
            try:
                if record_id is not None:
                    self.service.get(record_id)
            except NotFoundError:
                self.load(None)
                self.sync_notice.setText(
                    QCoreApplication.translate(
                        "RecordEditor", "表示していた記録は、他の端末で削除されました。"
                    )
                )
                self.sync_notice.show()
                return
            self.load(record_id)
            return
        self.sync_notice.setText(
            QCoreApplication.translate(
                "RecordEditor",
                "他の端末での変更を受信しました。入力中の内容はそのまま残しています"
                "(保存すると、あなたが変更した項目だけが記録され、受信した変更はそのまま残ります)。",
            )
        )
        self.sync_notice.show()

    # -- actions -----------------------------------------------------------------

    def focus_first(self) -> None:
        """Put the cursor in the first field (after Ctrl+N)."""
        if self.tabs is not None:
            self.tabs.setCurrentIndex(0)
        if self.first_field is not None:
            self.first_field.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def load(self, record_id: uuid.UUID | None) -> None:
        """Show the stored record ``record_id``, or an empty form for a new one."""
        record: Record
        if record_id is None:
            record, is_new = self.blank(), True
        else:
            try:
                record, is_new = self.service.get(record_id), False
            except NotFoundError as exc:
                self._warn(error_text(exc))
                record, is_new = self.blank(), True
        self._loading = True
        try:
            self._record, self._is_new = record, is_new
            self.refresh_choices()
            self.fill(record)
            self.fill_related(None if is_new else record.id)
            self._shown = self._as_shown(record)
            clear_errors(self.forms)
            self._update_heading()
            self.sync_notice.hide()
        finally:
            self._loading = False
        self._set_dirty(False)
        self.loaded.emit(self.current_id)

    def save(self) -> bool:
        """Validate and store the form; on failure show each message by its field."""
        if self._record is None:
            self.load(None)
        original = self._record
        shown = None if self._is_new else self._shown
        if shown is not None and not self._may_overwrite(original, shown):
            return False

        def write() -> Record:
            record = clone(original)
            self.apply(record)
            if shown is not None:
                # Only what the user changed: a field changed elsewhere since the
                # form was loaded (a pulled change) keeps its new value.
                current = self.service.get(original.id)
                record = onto_current(current, edited_fields(shown, record))
            return self.store(record)

        outcome = save_form(
            write,
            forms=self.forms,
            show=self._show_errors,
            warn=self._warn,
            then=lambda stored: self.load(stored.id),
        )
        if outcome.stored is not None:
            self.saved.emit(outcome.stored.id)
        return outcome.ok

    def _may_overwrite(self, loaded: Record, shown: Record) -> bool:
        """False when the user declines to overwrite fields they changed that another
        desk (or window) changed too since the form was loaded; the form keeps the edits."""
        if input_errors(self.forms):
            return True  # the save stops on the unreadable field first
        edited = clone(loaded)
        self.apply(edited)
        try:
            current = self.service.get(loaded.id)
        except NotFoundError:
            return True  # the save says the record is gone
        clashes = changed_on_both_sides(loaded, current, edited_fields(shown, edited))
        if not clashes:
            return True
        captions = (field_caption(self.forms, name) for name in clashes)
        return confirm_overwrite(self.ctx.prompts, self, captions)

    def _as_shown(self, record: Record) -> Record | None:
        """What the freshly filled widgets hold, read back as a record (None when a
        field cannot be read, then the whole form is saved as before)."""
        if input_errors(self.forms):
            return None
        shown = clone(record)
        self.apply(shown)
        return shown

    def show_storage_failure(self, exc: BaseException) -> None:
        """The database or the disk refused the save: say why, above the form and in a box.

        The widgets keep what was typed and the form stays dirty (the
        transaction was rolled back, nothing half-written is stored).
        """
        errors = storage_failure(exc)
        self._show_errors(errors)
        self._warn(errors[STORAGE_FIELD])

    def _show_errors(self, errors: dict[str, str]) -> None:
        first = show_errors(self.forms, errors)
        if first is None:
            return
        if self.tabs is not None:
            for i in range(self.tabs.count()):
                if self.tabs.widget(i).isAncestorOf(first):
                    self.tabs.setCurrentIndex(i)
                    break
        first.setFocus(Qt.FocusReason.OtherFocusReason)

    def _update_heading(self) -> None:
        if self._record is None or self._is_new:
            self.heading.setText(self.new_heading())
        else:
            # A name is data, never markup (a "<img src=...>" name shows as typed).
            self.heading.setText(self.display_name(self._record))

    def _warn(self, text: str) -> None:
        self.ctx.prompts.warn(
            self, title=QCoreApplication.translate("RecordEditor", "保存できません"), text=text
        )


def _scrolled(widget: QWidget, parent: QWidget) -> QScrollArea:
    """``widget`` at its natural height at the top of a scroll area."""
    holder = QWidget()
    column = QVBoxLayout(holder)
    column.setContentsMargins(0, 0, 0, 0)
    column.addWidget(widget)
    column.addStretch(1)
    area = QScrollArea(parent)
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    area.setWidget(holder)
    return area
