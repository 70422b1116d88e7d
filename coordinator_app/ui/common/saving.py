"""Saving a form: read the fields, call the service, show errors where they belong."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TypeVar

from PySide6.QtWidgets import QWidget

from coordinator_app.domain.models import Record
from coordinator_app.services.storage_errors import storage_message
from coordinator_app.ui.common.form import FieldForm

STORAGE_FIELD = "storage"
"""The error key of a failure of the database or the disk (no field owns it)."""

R = TypeVar("R", bound=Record)


def clone(record: R) -> R:
    """A detached copy to fill from the form, so a failed save leaves the original intact."""
    return type(record)(**record.model_dump())


def input_errors(forms: Sequence[FieldForm]) -> dict[str, str]:
    """Errors of fields whose text cannot be read, over several forms."""
    errors: dict[str, str] = {}
    for form in forms:
        errors.update(form.input_errors())
    return errors


def show_errors(forms: Sequence[FieldForm], errors: Mapping[str, str]) -> QWidget | None:
    """Clear old messages and show ``errors`` next to their fields.

    Messages no form owns go to the first form's general label.

    Returns:
        The first widget showing an error (to focus it), or None.
    """
    for form in forms:
        form.clear_errors()
    first: QWidget | None = None
    owned: set[str] = set()
    for form in forms:
        mine = {name: text for name, text in errors.items() if form.owns(name)}
        if mine:
            widget = form.show_errors(mine, general=False)
            first = first or widget
            owned.update(mine)
    rest = {name: text for name, text in errors.items() if name not in owned}
    if rest and forms:
        widget = forms[0].show_errors(rest)
        first = first or widget
    return first


def storage_failure(exc: BaseException) -> dict[str, str]:
    """The errors to show when storage refused a save (disk full, read-only, locked...).

    The message goes above the form (no field owns it); the fields are not
    touched, so what the user typed stays.
    """
    return {STORAGE_FIELD: storage_message(exc)}


def clear_errors(forms: Sequence[FieldForm]) -> None:
    for form in forms:
        form.clear_errors()
