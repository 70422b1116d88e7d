"""Saving a form: read the fields, call the service, show errors where they belong.

:func:`save_form` is the one routine every record editor and dialog saves
through: unreadable fields stop it before the service is called; a refusal
(invalid fields, a record deleted meanwhile, a full or locked disk) is shown
in Japanese while the form keeps everything typed; a success is announced.

A form open while the record changes underneath it (a pulled change from
another desk, another window of this desk) writes only what its user changed:
:func:`edited_fields` compares the form with what it showed when it was
loaded, :func:`onto_current` lays those edits over the record as it is now.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QWidget

from coordinator_app.domain.models import Record
from coordinator_app.domain.validation import ValidationError
from coordinator_app.services.base import NotFoundError
from coordinator_app.services.storage_errors import WRITE_ERRORS, storage_message
from coordinator_app.ui.common.form import FieldForm
from coordinator_app.ui.labels import error_text, message_text, names_text
from coordinator_app.ui.prompts import Prompts

STORAGE_FIELD = "storage"
"""The error key of a failure of the database or the disk (no field owns it)."""

GENERAL_FIELD = "general"
"""The error key of a refusal no field owns (the record was deleted meanwhile)."""

R = TypeVar("R", bound=Record)
T = TypeVar("T")


@dataclass(frozen=True)
class Saved(Generic[T]):
    """What :func:`save_form` did: the service's result, or the errors shown."""

    ok: bool
    stored: T | None = None
    errors: dict[str, str] = field(default_factory=dict)


def save_form(
    write: Callable[[], T],
    *,
    show: Callable[[dict[str, str]], None],
    warn: Callable[[str], None],
    forms: Sequence[FieldForm] = (),
    then: Callable[[T], None] | None = None,
    announce: Callable[[], None] | None = None,
) -> Saved[T]:
    """Validate, write, and on failure keep the form and show why; on success announce.

    Args:
        write: reads the form and calls the service (one transaction); what it
            returns is handed to ``then``.
        show: shows errors by their fields (an empty mapping clears them).
        warn: a message box for what the user must not miss (a record deleted
            meanwhile, the disk refusing the write).
        forms: the forms whose unreadable fields (a date like 2024-13-01) stop
            the save before the service is called.
        then: on success, before the change is announced (reload the form).
        announce: on success, tell the window what changed.
    """
    problems = input_errors(forms)
    if problems:
        show(problems)
        return Saved(ok=False, errors=problems)
    try:
        stored = write()
    except ValidationError as exc:
        show(exc.errors)
        return Saved(ok=False, errors=exc.errors)
    except NotFoundError as exc:
        show({})
        warn(error_text(exc))
        return Saved(ok=False, errors={GENERAL_FIELD: exc.args[0] if exc.args else str(exc)})
    except WRITE_ERRORS as exc:
        # Disk full, read-only, locked, file gone: the transaction was rolled back
        # and the form keeps everything typed; the reason goes above it and in a box.
        errors = storage_failure(exc)
        show(errors)
        warn(message_text(errors[STORAGE_FIELD]))
        return Saved(ok=False, errors=errors)
    if then is not None:
        then(stored)
    if announce is not None:
        announce()
    return Saved(ok=True, stored=stored)


def cannot_save(prompts: Prompts, parent: QWidget | None) -> Callable[[str], None]:
    """The ``warn`` of :func:`save_form`: a 保存できません box over ``parent``."""

    def warn(text: str) -> None:
        title = QCoreApplication.translate("RecordDialog", "保存できません")
        prompts.warn(parent, title=title, text=text)

    return warn


def clone(record: R) -> R:
    """A detached copy to fill from the form, so a failed save leaves the original intact."""
    return type(record)(**record.model_dump())


BOOKKEEPING_FIELDS = frozenset({"id", "created_at", "updated_at", "deleted_at"})
"""Fields no form edits: the service keeps them."""


def edited_fields(shown: Record, edited: Record) -> dict[str, object]:
    """The fields whose value in the form differs from what the form showed at load.

    Args:
        shown: the form's values right after it was loaded (read back from the
            widgets, so both sides went through the same conversions).
        edited: the form's values now.
    """
    return {
        name: getattr(edited, name)
        for name in type(edited).model_fields
        if name not in BOOKKEEPING_FIELDS and getattr(edited, name) != getattr(shown, name)
    }


def onto_current(current: R, edits: Mapping[str, object]) -> R:
    """A detached copy of ``current`` (the record as stored now) with ``edits`` laid over it.

    A field another desk changed after the form was loaded keeps its new value
    unless the user changed that field too (then the user's value is saved; when
    both desks' values reach the server, it keeps them as a conflict).
    """
    record = clone(current)
    for name, value in edits.items():
        setattr(record, name, value)
    return record


def changed_on_both_sides(
    loaded: Record, current: Record, edits: Mapping[str, object]
) -> list[str]:
    """The fields of ``edits`` that were also changed elsewhere since the form was loaded
    (the record as loaded, ``loaded``, and as stored now, ``current``, differ there), to a
    value other than the user's: saving would overwrite that change."""
    return [
        name
        for name, value in edits.items()
        if getattr(current, name) != getattr(loaded, name) and getattr(current, name) != value
    ]


def field_caption(forms: Sequence[FieldForm], name: str, default: str | None = None) -> str:
    """The label the forms show for field ``name`` (``default``, else the name, when none)."""
    for form in forms:
        if form.owns(name):
            widget = form.widget(name)
            for caption in form.findChildren(QLabel):
                if caption.buddy() is widget:
                    return caption.text().removesuffix(" *")
    return name if default is None else default


def confirm_overwrite(prompts: Prompts, parent: QWidget, captions: Iterable[str]) -> bool:
    """Asks whether the user's input may overwrite the fields (their ``captions``) that
    another desk or window changed since the form was loaded (the forms' one question)."""
    return prompts.confirm(
        parent,
        title=QCoreApplication.translate("RecordEditor", "他の端末でも変更されています"),
        text=QCoreApplication.translate(
            "RecordEditor",
            "この画面を開いた後、次の項目が他の端末でも変更されました: {fields}\n"
            "あなたの入力で上書きしますか?(上書きしないときは、入力中の内容はそのまま残ります)",
        ).format(fields=names_text(dict.fromkeys(captions))),
        accept_text=QCoreApplication.translate("RecordEditor", "上書きして保存"),
    )


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
