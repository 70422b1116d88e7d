"""A form whose every field shows its own error message right under it."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from coordinator_app.ui.labels import message_text

ERROR_STYLE = "color: #c62828;"


class FieldForm(QWidget):
    """Labelled fields, each with a red error label (hidden until needed).

    Service errors arrive as ``{field name: Japanese message}``; a field may
    answer to several names (e.g. ``member`` for both member pickers). Errors
    for names no field answers to appear in a general label at the top.

    Signals:
        changed(): the user changed any field.
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QFormLayout(self)
        self._layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._layout.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self._general = _error_label("error_general")
        self._layout.addRow(self._general)
        self._widgets: dict[str, QWidget] = {}
        self._errors: dict[str, QLabel] = {}
        self._aliases: dict[str, str] = {}

    # -- building ----------------------------------------------------------------

    def add_field(
        self,
        name: str,
        label: str,
        widget: QWidget,
        *,
        required: bool = False,
        aliases: Iterable[str] = (),
    ) -> QWidget:
        """Add a field row: label, widget and its (hidden) error label."""
        container = QWidget(self)
        column = QVBoxLayout(container)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        error = _error_label(f"error_{name}")
        column.addWidget(error)
        caption = QLabel(f"{label} *" if required else label, self)
        caption.setTextFormat(Qt.TextFormat.PlainText)
        caption.setBuddy(widget)
        caption.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        caption.setContentsMargins(0, 4, 0, 0)
        self._layout.addRow(caption, container)
        self._widgets[name] = widget
        self._errors[name] = error
        for alias in aliases:
            self._aliases[alias] = name
        self.watch(widget)
        return widget

    def add_row(self, label: str, widget: QWidget) -> None:
        """A row without validation (e.g. a read-only value or a button row)."""
        self._layout.addRow(label, widget)

    def watch(self, widget: QWidget) -> None:
        """Emit :attr:`changed` whenever the user edits ``widget``."""
        if isinstance(widget, QLineEdit):
            widget.textEdited.connect(self.changed)
        elif isinstance(widget, QPlainTextEdit):
            widget.textChanged.connect(self.changed)
        elif isinstance(widget, QComboBox):
            widget.currentIndexChanged.connect(self.changed)
            if widget.isEditable():
                widget.editTextChanged.connect(self.changed)
        elif isinstance(widget, QAbstractButton):
            widget.toggled.connect(self.changed)
        elif isinstance(widget, QAbstractSpinBox) and hasattr(widget, "valueChanged"):
            widget.valueChanged.connect(self.changed)
        elif hasattr(widget, "changed"):
            widget.changed.connect(self.changed)

    # -- errors ------------------------------------------------------------------

    def owns(self, name: str) -> bool:
        return name in self._widgets or name in self._aliases

    def widget(self, name: str) -> QWidget:
        return self._widgets[self._aliases.get(name, name)]

    def error_label(self, name: str) -> QLabel:
        """The error label of field ``name`` (``general`` for the top one)."""
        if name == "general":
            return self._general
        return self._errors[self._aliases.get(name, name)]

    def error_text(self, name: str) -> str:
        label = self.error_label(name)
        return label.text() if not label.isHidden() else ""

    def input_errors(self) -> dict[str, str]:
        """Errors of fields whose text cannot be read (dates, times, numbers)."""
        errors: dict[str, str] = {}
        for name, widget in self._widgets.items():
            check = getattr(widget, "input_error", None)
            message = check() if callable(check) else None
            if message:
                errors[name] = message
        return errors

    def show_errors(self, errors: Mapping[str, str], *, general: bool = True) -> QWidget | None:
        """Show the messages of the fields this form owns.

        With ``general`` the messages no field owns go to the top label.

        Returns:
            The first field that shows an error (to focus it), or this form
            when only the general label shows one; None when nothing was shown.
        """
        first: QWidget | None = None
        unowned: list[str] = []
        for name, message in errors.items():
            if self.owns(name):
                label = self.error_label(name)
                label.setText(message_text(message))
                label.show()
                first = first or self.widget(name)
            else:
                unowned.append(message_text(message))
        if general and unowned:
            self._general.setText("\n".join(unowned))
            self._general.show()
            first = first or self
        return first

    def clear_errors(self) -> None:
        for label in (self._general, *self._errors.values()):
            label.clear()
            label.hide()


def _error_label(name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setStyleSheet(ERROR_STYLE)
    label.setTextFormat(Qt.TextFormat.PlainText)  # messages quote what the user typed
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.hide()
    return label


def left_aligned(widget: QWidget) -> QWidget:
    """``widget`` in a row of its own, kept at its natural width on the left."""
    row = QWidget()
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(widget)
    layout.addStretch(1)
    return row
