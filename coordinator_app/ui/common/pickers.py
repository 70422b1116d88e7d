"""Pickers of related records: a single choice (combo) and a multiple choice (check list).

Both search their :class:`OptionSource` as the user types and hold only what
is chosen plus at most :data:`SEARCH_LIMIT` matches, so a form stays quick
with 20,000 organisations. ``set_options`` takes a source (``options_of(
service)``) or, for short fixed lists such as areas, the options themselves.
The check list lives in :mod:`check_list`; both are importable from here.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import Enum
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPoint, Qt, QTimer
from PySide6.QtGui import QFocusEvent, QKeyEvent, QWheelEvent
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFrame,
    QLabel,
    QLineEdit,
    QListView,
    QVBoxLayout,
    QWidget,
)

from coordinator_app.ui.common.check_list import CheckList
from coordinator_app.ui.common.option_sources import (
    ContactOptions,
    Option,
    OptionSource,
    ServiceOptions,
    StaticOptions,
    TaggedOptions,
    options_of,
)
from coordinator_app.ui.common.picker_base import (
    SEARCH_DELAY_MS,
    SEARCH_LIMIT,
    as_source,
    more_hint,
)
from coordinator_app.ui.labels import enum_choices

__all__ = [
    "SEARCH_DELAY_MS",
    "SEARCH_LIMIT",
    "CheckList",
    "ContactOptions",
    "EnumCombo",
    "Option",
    "OptionSource",
    "RecordCombo",
    "ServiceOptions",
    "StaticOptions",
    "TaggedOptions",
    "options_of",
]


def _missing() -> str:
    return QCoreApplication.translate("RecordCombo", "(見つかりません)")


class RecordCombo(QComboBox):
    """Choose one record (or none), searching as the user types.

    The items are the "none" item (when ``none_text`` is given), the current
    choice, then the matches of the last search. Clicking the combo, Space, F4
    or typing a character opens :class:`SearchPopup`: a search field over
    those items.

    Item data is a text key: Qt compares Python objects such as UUIDs by
    identity, so equal ids would not be found again; the values themselves
    are kept on the Python side.

    Attributes:
        more: the last search found more than :data:`SEARCH_LIMIT` matches.
    """

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        none_text: str | None = None,
        source: OptionSource | None = None,
    ) -> None:
        super().__init__(parent)
        self._none_text = none_text
        self._source: OptionSource = source if source is not None else StaticOptions(())
        self._values: dict[str, object] = {}
        self.search_text = ""
        self.more = False
        self._searched = True
        self.popup: SearchPopup | None = None
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(12)
        if none_text is not None:
            self.addItem(none_text, None)

    # -- choices -------------------------------------------------------------------

    @property
    def source(self) -> OptionSource:
        return self._source

    def set_options(self, options: OptionSource | Iterable[Option], *, lazy: bool = False) -> None:
        """Use ``options`` (a source, or a short fixed list), keeping the current choice
        when it still exists.

        ``lazy``: search only when the user reaches the combo (focus, popup, wheel);
        until then it holds the none item and the current choice, verified.
        """
        self._source = as_source(options)
        if lazy:
            self._fill([], verify=True)
            self._searched = False
        else:
            self.refresh()

    def refresh(self) -> None:
        """Search again (records may have changed); a current choice that is gone shows as
        「(見つかりません)」 so that saving reports it instead of silently dropping it."""
        self._fill(self._source.search(self.search_text, limit=SEARCH_LIMIT + 1), verify=True)
        self._searched = True

    def ensure_searched(self) -> None:
        """The matches of a lazy :meth:`set_options`, searched now if not yet."""
        if not self._searched:
            self.refresh()

    def search(self, text: str) -> int:
        """Show the matches of ``text`` after the none item and the current choice.

        Returns:
            The row of the first match; -1 when nothing matches.
        """
        self.search_text = text
        self._searched = True
        return self._fill(self._source.search(text, limit=SEARCH_LIMIT + 1), verify=False)

    def current_value(self) -> object:
        key = self.currentData()
        return self._values.get(key) if isinstance(key, str) else None

    def set_current_value(self, value: object) -> None:
        """Select ``value``, looking it up when it is not among the items; a value that
        no longer exists (a deleted record) is kept as a visible placeholder."""
        self.blockSignals(True)
        try:
            if value is not None and self.findData(str(value)) < 0:
                found = self._source.lookup([value])
                text = found[0].text if found else _missing()
                self._insert(self._first_record_row(), text, value)
            self._select(value)
        finally:
            self.blockSignals(False)

    # -- popup ---------------------------------------------------------------------

    def showPopup(self) -> None:
        self.open_search("")

    def hidePopup(self) -> None:
        if self.popup is not None:
            self.popup.hide()
        super().hidePopup()

    def open_search(self, text: str = "") -> SearchPopup:
        """Open the search popup with ``text`` already typed."""
        if self.popup is None:
            self.popup = SearchPopup(self)
        self.popup.open_with(text)
        return self.popup

    def focusInEvent(self, event: QFocusEvent) -> None:
        self.ensure_searched()  # arrow keys step through the matches
        super().focusInEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:
        self.ensure_searched()
        super().wheelEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        self.ensure_searched()
        text = event.text()
        plain = not event.modifiers() & (
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
        )
        if plain and text and text.isprintable() and not text.isspace():
            self.open_search(text)
            return
        super().keyPressEvent(event)

    # -- internals -----------------------------------------------------------------

    def _first_record_row(self) -> int:
        return 1 if self._none_text is not None else 0

    def _current_option(self) -> Option | None:
        value = self.current_value()
        return None if value is None else Option(value, self.currentText())

    def _fill(self, found: list[Option], *, verify: bool) -> int:
        self.more = len(found) > SEARCH_LIMIT
        found = found[:SEARCH_LIMIT]
        current = self._current_option()
        if current is not None and all(o.value != current.value for o in found):
            if verify:
                still = self._source.lookup([current.value])
                text = still[0].text if still else _missing()
                current = Option(current.value, text)
        else:
            current = None  # the current choice is among the matches
        self.blockSignals(True)
        try:
            value = self.current_value()
            self.clear()
            self._values.clear()
            if self._none_text is not None:
                self.addItem(self._none_text, None)
            if current is not None:
                self._add(current.text, current.value)
            first = self.count()
            for option in found:
                self._add(option.text, option.value)
            self._select(value)
        finally:
            self.blockSignals(False)
        return first if found else -1

    def _add(self, text: str, value: object) -> None:
        self._insert(self.count(), text, value)

    def _insert(self, row: int, text: str, value: object) -> None:
        key = str(value)
        self._values[key] = value
        self.insertItem(row, text, key)

    def _select(self, value: object) -> None:
        if value is None:
            index = self.findData(None) if self._none_text is not None else 0
            self.setCurrentIndex(index if self.count() else -1)
            return
        index = self.findData(str(value))
        if index < 0:
            self._insert(self._first_record_row(), _missing(), value)
            index = self._first_record_row()
        self.setCurrentIndex(index)


class SearchPopup(QFrame):
    """The drop-down of a :class:`RecordCombo`: a search field over the combo's items.

    Up/Down move in the list, Enter chooses, Esc closes without changing anything.
    """

    def __init__(self, combo: RecordCombo) -> None:
        super().__init__(combo, Qt.WindowType.Popup)
        self.combo = combo
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.edit = QLineEdit(self)
        self.edit.setPlaceholderText(
            QCoreApplication.translate("RecordCombo", "名前・ふりがなで検索")
        )
        self.edit.setClearButtonEnabled(True)
        self.view = QListView(self)
        self.view.setModel(combo.model())
        self.view.setUniformItemSizes(True)
        self.view.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.hint.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(4)
        layout.addWidget(self.edit)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.hint)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.run_search)
        self.edit.textChanged.connect(self._timer.start)
        self.edit.installEventFilter(self)
        self.view.clicked.connect(lambda index: self.choose_row(index.row()))

    def open_with(self, text: str) -> None:
        combo = self.combo
        width, height = max(combo.width(), 300), 320
        below = combo.mapToGlobal(QPoint(0, combo.height()))
        screen = combo.screen().availableGeometry()
        if below.y() + height > screen.bottom():
            below.setY(max(screen.top(), combo.mapToGlobal(QPoint(0, 0)).y() - height))
        self.setGeometry(below.x(), below.y(), width, height)
        self.edit.blockSignals(True)
        self.edit.setText(text)
        self.edit.blockSignals(False)
        self.run_search()
        self.show()
        self.edit.setFocus(Qt.FocusReason.PopupFocusReason)

    def run_search(self) -> None:
        """Search now (typing waits :data:`SEARCH_DELAY_MS` first)."""
        self._timer.stop()
        text = self.edit.text()
        first = self.combo.search(text)
        row = first if text and first >= 0 else self.combo.currentIndex()
        self.view.setCurrentIndex(self.combo.model().index(row, 0))
        if text and first < 0:
            self.hint.setText(QCoreApplication.translate("RecordCombo", "該当するものがありません"))
        elif self.combo.more:
            self.hint.setText(more_hint())
        self.hint.setVisible((bool(text) and first < 0) or self.combo.more)

    def choose_row(self, row: int) -> None:
        """Make ``row`` the combo's choice and close."""
        self.hide()
        if 0 <= row < self.combo.count():
            self.combo.setCurrentIndex(row)
        self.combo.setFocus(Qt.FocusReason.PopupFocusReason)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.edit and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key = event.key()
            if key in (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown):
                QApplication.sendEvent(self.view, event)
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if self._timer.isActive():
                    self.run_search()
                self.choose_row(self.view.currentIndex().row())
                return True
            if key == Qt.Key.Key_Escape:
                self.hide()
                return True
        return super().eventFilter(watched, event)


class EnumCombo(QComboBox):
    """Choose a member of an enum, shown by its translated label."""

    def __init__(
        self, enum_cls: type[Enum], parent: QWidget | None = None, *, none_text: str | None = None
    ) -> None:
        super().__init__(parent)
        self._enum = enum_cls
        if none_text is not None:
            self.addItem(none_text, None)
        for member, text in enum_choices(enum_cls):
            self.addItem(text, member.value)

    def value(self) -> Any:
        """The chosen member (None for the "none" item)."""
        data = self.currentData()
        # Qt hands a StrEnum back as a plain str: rebuild the member.
        return None if data is None else self._enum(data)

    def set_value(self, member: Enum | None) -> None:
        index = self.findData(None if member is None else member.value)
        self.setCurrentIndex(max(index, 0))
