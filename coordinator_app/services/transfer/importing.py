"""Importing a spreadsheet: a preview of every row, then all valid rows in one transaction.

The preview and the import run the same code: each row is built, checked for
duplicates, and saved through the record's service (its ``clean`` and
``validate``) inside a savepoint, in one write transaction. The preview rolls
that transaction back; the import commits it. So a row the preview accepts is
a row the import stores, and the problems shown are the services' own
messages (``ValidationError.errors``). Any unexpected error rolls back the
whole import: all valid rows or nothing.
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING, Any

from sqlmodel import Session

from coordinator_app.domain.changes import Origin
from coordinator_app.domain.enums import AreaKind, OrgKind, SupportCenterOperation
from coordinator_app.domain.models import Area, Contact, Organisation, OrganisationArea, Record
from coordinator_app.domain.texts import QT_TRANSLATE_NOOP, Message, joined
from coordinator_app.domain.texts import field as field_name
from coordinator_app.domain.validation import ValidationError
from coordinator_app.services.base import sync_links
from coordinator_app.services.transfer.fields import (
    AREAS,
    CONTACTS,
    ORGANISATIONS,
    ImportKind,
    choices_text,
    name_key,
    parse_area_kind,
    parse_operation,
    parse_org_kind,
    split_names,
)
from coordinator_app.services.transfer.import_lookup import ImportContext as _Context
from coordinator_app.services.transfer.import_rows import (
    SAME_NAME_REASON,
    STATUS_LABELS,
    ImportOutcome,
    PreviewRow,
    RowStatus,
    skip_report_sheet,
    write_skip_report,
)
from coordinator_app.services.transfer.mappings import Mapping, mapping_problems
from coordinator_app.services.transfer.reading import SourceRow, SourceTable, TransferError
from coordinator_app.storage.change_collector import ChangeCollector
from coordinator_app.storage.engine import writing
from coordinator_app.storage.read_only import ReadOnlyDatabaseError

if TYPE_CHECKING:
    from coordinator_app.services.registry import Services

# Service error keys that name a different import field.
_ERROR_FIELDS = {"organisation_id": "organisation", "parent_id": "parent"}

__all__ = [
    "SAME_NAME_REASON",
    "STATUS_LABELS",
    "ImportOutcome",
    "PreviewRow",
    "RowStatus",
    "preview_import",
    "run_import",
    "skip_report_sheet",
    "write_skip_report",
]


def _unknown_kind(text: str, enum_cls: type[OrgKind] | type[AreaKind]) -> Message:
    # The examples stay Japanese in English too: they are what the file must say.
    return Message(
        "import",
        QT_TRANSLATE_NOOP("import", "種別「{text}」が分かりません(例: {choices})"),
        text=text,
        choices=choices_text(enum_cls),
    )


def _resolve(
    ctx: _Context, model: type[Record], name: str, label: str, problems: dict[str, str], key: str
) -> uuid.UUID | None:
    found = ctx.find(model, name)
    if not found:
        problems[key] = Message(
            "import",
            QT_TRANSLATE_NOOP("import", "{label}「{name}」が見つかりません(先に登録してください)"),
            label=field_name(label),
            name=name,
        )
        return None
    if len({k.id for k in found}) > 1:
        problems[key] = Message(
            "import",
            QT_TRANSLATE_NOOP(
                "import", "{label}「{name}」が複数あります。区別できる名前にしてください"
            ),
            label=field_name(label),
            name=name,
        )
        return None
    return found[0].id


def _build(ctx: _Context, kind: ImportKind, row: PreviewRow) -> tuple[Any, list[uuid.UUID] | None]:
    values, problems, notes = row.values, row.problems, row.notes
    text = {k: v for k, v in values.items() if k in {f.key for f in kind.fields}}
    plain: dict[str, Any] = {
        k: v
        for k, v in text.items()
        if k not in ("kind", "operation", "areas", "organisation", "parent")
    }
    area_ids: list[uuid.UUID] | None = None
    if kind is ORGANISATIONS:
        org_kind = parse_org_kind(text.get("kind", "")) if text.get("kind") else OrgKind.OTHER
        if not text.get("kind"):
            notes.append(
                Message(
                    "import", QT_TRANSLATE_NOOP("import", "種別が空欄のため「その他」にしました")
                )
            )
        if org_kind is None:
            problems["kind"] = _unknown_kind(text["kind"], OrgKind)
        operation: SupportCenterOperation | None = None
        if text.get("operation"):
            operation = parse_operation(text["operation"])
            if operation is None:
                problems["operation"] = Message(
                    "import",
                    QT_TRANSLATE_NOOP(
                        "import", "運営形態は「直営」か「委託」で入力してください(「{text}」)"
                    ),
                    text=text["operation"],
                )
        if "areas" in text:
            area_ids = []
            for name in split_names(text["areas"]):
                found = _resolve(ctx, Area, name, "担当地域", problems, "areas")
                if found is not None:
                    area_ids.append(found)
        obj: Any = Organisation(**plain, kind=org_kind or OrgKind.OTHER, operation=operation)
    elif kind is CONTACTS:
        org_id = (
            _resolve(
                ctx,
                Organisation,
                text.get("organisation", ""),
                "所属機関",
                problems,
                "organisation",
            )
            if text.get("organisation")
            else None
        )
        obj = Contact(**plain, organisation_id=org_id)  # type: ignore[arg-type]  # None is refused by validate
    elif kind is AREAS:
        area_kind: AreaKind | None = None
        if not text.get("kind"):
            problems["kind"] = Message(
                "import",
                QT_TRANSLATE_NOOP("import", "種別を入力してください(例: {choices})"),
                choices=choices_text(AreaKind),
            )
        else:
            area_kind = parse_area_kind(text["kind"])
            if area_kind is None:
                problems["kind"] = _unknown_kind(text["kind"], AreaKind)
        parent_id = (
            _resolve(ctx, Area, text["parent"], "上位地域", problems, "parent")
            if text.get("parent")
            else None
        )
        obj = Area(**plain, kind=area_kind or AreaKind.OTHER, parent_id=parent_id)
    else:
        obj = kind.model(**plain)
    return obj, area_ids


def _row_values(
    kind: ImportKind, source: SourceRow, mapping: Mapping
) -> tuple[dict[str, str], list[str]]:
    values: dict[str, str] = {}
    notes: list[str] = []  # messages
    for index, key in mapping.items():
        if not key:
            continue
        value = source.get(index)
        if (
            key == "phone"
            and index in source.numeric
            and value.isdigit()
            and not value.startswith("0")
        ):
            value = "0" + value
            notes.append(
                Message(
                    "import",
                    QT_TRANSLATE_NOOP(
                        "import", "電話番号が数値として保存されていたため、先頭の0を補いました"
                    ),
                )
            )
        if index in source.uncomputed:
            label = next((f.label for f in kind.fields if f.key == key), key)
            notes.append(
                Message(
                    "import",
                    QT_TRANSLATE_NOOP(
                        "import",
                        "「{label}」は数式の計算結果がファイルに保存されていないため空欄として"
                        "読みました(Excel で開いて保存し直すと値が入ります)",
                    ),
                    label=field_name(label),
                )
            )
        values[key] = value
    return values, notes


def _processing_order(kind: ImportKind, table: SourceTable, mapping: Mapping) -> list[SourceRow]:
    """Rows in file order, except that an area comes after the area it belongs to."""
    if kind is not AREAS:
        return list(table.rows)
    name_column = next((i for i, k in mapping.items() if k == "name"), None)
    parent_column = next((i for i, k in mapping.items() if k == "parent"), None)
    if name_column is None or parent_column is None:
        return list(table.rows)
    by_name: dict[str, list[SourceRow]] = {}
    for row in table.rows:
        by_name.setdefault(name_key(row.get(name_column)), []).append(row)
    ordered: list[SourceRow] = []
    state: dict[int, str] = {}

    def visit(row: SourceRow) -> None:
        if state.get(row.line) is not None:
            return  # done, or a cycle (reported by the service as an error)
        state[row.line] = "visiting"
        parent = row.get(parent_column)
        for parent_row in by_name.get(name_key(parent), []) if parent else []:
            visit(parent_row)
        state[row.line] = "done"
        ordered.append(row)

    for row in table.rows:
        visit(row)
    return ordered


def _store(
    ctx: _Context,
    services: Services,
    kind: ImportKind,
    row: PreviewRow,
    *,
    include_duplicates: bool,
    include_same_name: bool,
) -> None:
    obj, area_ids = _build(ctx, kind, row)
    if row.problems:
        row.status = RowStatus.ERROR
        return
    service = getattr(services, kind.service_attr)
    service.clean(obj)
    duplicate = ctx.duplicate(obj)
    if duplicate is not None and not include_duplicates:
        row.status = RowStatus.DUPLICATE
        row.duplicate_of = Message(
            "import",
            QT_TRANSLATE_NOOP("import", "{where}「{name}」"),
            where=duplicate.where,
            name=duplicate.name,
        )
        return
    same_name = ctx.same_name_other_phone(obj) if duplicate is None else None
    if same_name is not None and not include_same_name:
        row.status = RowStatus.SAME_NAME
        row.duplicate_of = Message(
            "import",
            QT_TRANSLATE_NOOP("import", "{where}「{name}」(電話 {phone})"),
            where=same_name.where,
            name=same_name.name,
            phone=same_name.phone_text,
        )
        return
    session = ctx.session
    savepoint = session.begin_nested()
    try:
        stored = service._save(session, obj)
        if area_ids is not None:
            sync_links(
                session,
                OrganisationArea,
                owner_column="organisation_id",
                owner_id=stored.id,
                target_column="area_id",
                target_ids=area_ids,
            )
        savepoint.commit()
    except ValidationError as exc:
        savepoint.rollback()
        row.status = RowStatus.ERROR
        row.problems.update({_ERROR_FIELDS.get(k, k): v for k, v in exc.errors.items()})
        return
    row.record_id = stored.id
    ctx.stored(stored, row.line)


def _run(
    services: Services,
    kind: ImportKind,
    table: SourceTable,
    mapping: Mapping,
    *,
    commit: bool,
    include_duplicates: bool,
    include_same_name: bool,
) -> ImportOutcome:
    problems = mapping_problems(kind, table.headers, mapping)
    if problems:
        raise TransferError(joined(problems, "\n"))
    if commit:
        services.actor.require_write()
    db = services.db
    if getattr(db, "read_only", False):
        raise ReadOnlyDatabaseError(db.path)
    rows: dict[int, PreviewRow] = {}
    collector = ChangeCollector()
    with Session(writing(db.engine), expire_on_commit=False) as session:
        collector.attach(session)
        try:
            ctx = _Context(session)
            for source in _processing_order(kind, table, mapping):
                values, notes = _row_values(kind, source, mapping)
                row = PreviewRow(line=source.line, source=source, values=values, notes=notes)
                _store(
                    ctx,
                    services,
                    kind,
                    row,
                    include_duplicates=include_duplicates,
                    include_same_name=include_same_name,
                )
                rows[source.line] = row
            if commit:
                session.commit()
            else:
                session.rollback()
        except BaseException:
            session.rollback()
            raise
    if commit:
        feed = db.changes
        feed.publish(collector.changes(origin=Origin.IMPORT, profile_id=feed.profile_id()))
    ordered = [rows[source.line] for source in table.rows]
    if not commit:
        for row in ordered:
            row.record_id = None
    return ImportOutcome(kind=kind, table=table, rows=ordered, committed=commit)


def preview_import(
    services: Services,
    kind: ImportKind,
    table: SourceTable,
    mapping: Mapping,
    *,
    include_duplicates: bool = False,
    include_same_name: bool = False,
) -> ImportOutcome:
    """Every row with its problems, exactly as :func:`run_import` would treat it; writes nothing.

    Raises:
        TransferError: the mapping lacks a required field or maps one twice.
    """
    return _run(
        services,
        kind,
        table,
        mapping,
        commit=False,
        include_duplicates=include_duplicates,
        include_same_name=include_same_name,
    )


def run_import(
    services: Services,
    kind: ImportKind,
    table: SourceTable,
    mapping: Mapping,
    *,
    include_duplicates: bool = False,
    include_same_name: bool = False,
) -> ImportOutcome:
    """Store every valid row in one transaction; rows with problems and duplicates are skipped.

    An organisation whose name is already taken by one with another phone number
    is skipped too (``RowStatus.SAME_NAME``) unless ``include_same_name`` is set.

    Raises:
        TransferError: the mapping is unusable; nothing was stored.
        AccessDenied: the profile in use is a supervisor's (reading only).
    """
    problems = mapping_problems(kind, table.headers, mapping)
    if problems:
        raise TransferError(joined(problems, "\n"))
    services.actor.require_write()
    return _run(
        services,
        kind,
        table,
        mapping,
        commit=True,
        include_duplicates=include_duplicates,
        include_same_name=include_same_name,
    )
