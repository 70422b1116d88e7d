"""Pickers of related records: a single choice (combo) and a multiple choice (check list)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from coordinator_app.domain import kana
from coordinator_app.services.base import Choice
from coordinator_app.ui.labels import enum_choices


@dataclass(frozen=True)
class Option:
    """One choice: the value stored (usually a record id), its label and reading."""

    value: object
    text: str
    reading: str = ""

    def matches(self, needle: str) -> bool:
        """True when ``needle`` (already normalised) is in the text or the reading."""
        return needle in kana.normalise(self.text) or (
            bool(self.reading) and needle in kana.normalise(self.reading)
        )


class ChoiceSource(Protocol):
    def choices(self, text: str = "", *, limit: int | None = 50) -> list[Choice]: ...


def options_of(service: ChoiceSource) -> list[Option]:
    """Every live record of a service as picker options (light rows, sorted in SQL)."""
    return [Option(c.id, c.label, c.reading) for c in service.choices(limit=None)]


class RecordCombo(QComboBox):
    """Choose one record (or none).

    Item data is a text key: Qt compares Python objects such as UUIDs by
    identity, so equal ids would not be found again; the values themselves
    are kept on the Python side.
    """

    def __init__(self, parent: QWidget | None = None, *, none_text: str | None = None) -> None:
        super().__init__(parent)
        self._none_text = none_text
        self._values: dict[str, object] = {}
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(12)

    def set_options(self, options: Iterable[Option]) -> None:
        """Replace the choices, keeping the current one when it still exists."""
        current = self.current_value()
        self.blockSignals(True)
        try:
            self.clear()
            self._values.clear()
            if self._none_text is not None:
                self.addItem(self._none_text, None)
            for option in options:
                self._add(option.text, option.value)
            self._select(current)
        finally:
            self.blockSignals(False)

    def current_value(self) -> object:
        key = self.currentData()
        return self._values.get(key) if isinstance(key, str) else None

    def set_current_value(self, value: object) -> None:
        """Select ``value``; a value that is not among the choices (a deleted record)
        is kept as a visible placeholder so that saving reports it instead of
        silently dropping it."""
        self.blockSignals(True)
        try:
            self._select(value)
        finally:
            self.blockSignals(False)

    def _add(self, text: str, value: object) -> None:
        key = str(value)
        self._values[key] = value
        self.addItem(text, key)

    def _select(self, value: object) -> None:
        if value is None:
            index = self.findData(None) if self._none_text is not None else 0
            self.setCurrentIndex(index if self.count() else -1)
            return
        index = self.findData(str(value))
        if index < 0:
            self._add(QCoreApplication.translate("RecordCombo", "(見つかりません)"), value)
            index = self.count() - 1
        self.setCurrentIndex(index)


class CheckList(QWidget):
    """Choose several records: a filter box over a list of check boxes.

    Signals:
        changed(): the user checked or unchecked an item.
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText(
            QCoreApplication.translate("CheckList", "名前・ふりがなで絞り込み")
        )
        self.filter.setClearButtonEnabled(True)
        self.list = QListWidget(self)
        self.list.setMinimumHeight(120)
        self.summary = QLabel(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filter)
        layout.addWidget(self.list)
        layout.addWidget(self.summary)
        self._options: list[Option] = []
        self._loading = False
        self.filter.textChanged.connect(self._apply_filter)
        self.list.itemChanged.connect(self._item_changed)
        self._update_summary()

    def set_options(self, options: Sequence[Option]) -> None:
        """Replace the choices, keeping the checked ones that still exist."""
        checked = set(self.checked_values())
        self._options = list(options)
        self._loading = True
        try:
            self.list.clear()
            for option in self._options:
                item = QListWidgetItem(option.text, self.list)
                item.setData(Qt.ItemDataRole.UserRole, option.value)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(
                    Qt.CheckState.Checked if option.value in checked else Qt.CheckState.Unchecked
                )
        finally:
            self._loading = False
        self._apply_filter(self.filter.text())
        self._update_summary()

    def checked_values(self) -> list[object]:
        """The checked values, in the order of the choices."""
        return [
            self.list.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.list.count())
            if self.list.item(i).checkState() == Qt.CheckState.Checked
        ]

    def set_checked_values(self, values: Iterable[object]) -> None:
        wanted = set(values)
        self._loading = True
        try:
            for i in range(self.list.count()):
                item = self.list.item(i)
                state = (
                    Qt.CheckState.Checked
                    if item.data(Qt.ItemDataRole.UserRole) in wanted
                    else Qt.CheckState.Unchecked
                )
                item.setCheckState(state)
        finally:
            self._loading = False
        self._update_summary()

    def item_for(self, value: object) -> QListWidgetItem | None:
        for i in range(self.list.count()):
            if self.list.item(i).data(Qt.ItemDataRole.UserRole) == value:
                return self.list.item(i)
        return None

    def _apply_filter(self, text: str) -> None:
        needle = kana.normalise(text)
        for i, option in enumerate(self._options):
            self.list.item(i).setHidden(bool(needle) and not option.matches(needle))

    def _item_changed(self, _item: QListWidgetItem) -> None:
        if self._loading:
            return
        self._update_summary()
        self.changed.emit()

    def _update_summary(self) -> None:
        self.summary.setText(
            QCoreApplication.translate("CheckList", "{count}件を選択").format(
                count=len(self.checked_values())
            )
        )


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
