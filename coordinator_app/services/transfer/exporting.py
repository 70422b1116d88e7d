"""Exporting every list and the whole database to .xlsx or CSV (UTF-8 with BOM).

* A **list** is what a service lists (live records, its default order) with
  Japanese headers, references shown by name, enums by their Japanese label
  and link tables folded into one column ("担当地域: 北部、南部"). The four
  importable lists use the import's field labels, so they map themselves.
* The **whole database** is every table, every row (deleted ones too) and
  every column except binary content, with IDs, as one workbook (a sheet per
  table) or a .zip of CSV files.
  Photos, logos and attached files are not in it: the backup (.sqlite3) is
  the complete copy, and the workbook says so on its first sheet.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, fields
from datetime import date, datetime, time
from enum import Enum
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlmodel import col, select

from coordinator_app import __version__
from coordinator_app.domain.enums import label
from coordinator_app.domain.models import ALL_TABLES, Record
from coordinator_app.domain.texts import QT_TRANSLATE_NOOP, Message
from coordinator_app.services.base import EntityService, ListQuery, live
from coordinator_app.services.registry import Services
from coordinator_app.services.transfer.cells import (
    Cell,
    Sheet,
    WriteReport,
    write_csv,
    write_csv_zip,
    write_xlsx,
)
from coordinator_app.services.transfer.labels import (
    LINK_COLUMN_LABELS,
    column_label,
    table_label,
)
from coordinator_app.services.transfer.reading import TransferError

SKIPPED_COLUMNS = frozenset({"id", "created_at", "updated_at", "deleted_at", "sort_kana"})
DISPLAY_ATTRS = ("name", "title", "filename", "key")
YES, NO = "はい", "いいえ"


def _models_by_table() -> dict[str, type[Record]]:
    return {model.__table__.name: model for model in ALL_TABLES}


def is_binary(column: sa.Column[Any]) -> bool:
    return isinstance(column.type, sa.LargeBinary)


def link_tables() -> list[sa.Table]:
    """Tables that only link two records (organisation_area, meeting_coordinator …)."""
    found = []
    for model in ALL_TABLES:
        table = model.__table__
        data = [c for c in table.columns if c.name not in SKIPPED_COLUMNS]
        if len(data) == 2 and all(c.foreign_keys for c in data):
            found.append(table)
    return found


def _referenced_table(column: sa.Column[Any]) -> str:
    return next(iter(column.foreign_keys)).column.table.name


def display_value(value: object) -> Cell:
    """A value as a list shows it: labels for enums, はい/いいえ, local time."""
    if value is None:
        return None
    if isinstance(value, Enum):
        return label(value)
    if isinstance(value, bool):
        return YES if value else NO
    if isinstance(value, datetime):
        return value.astimezone().replace(tzinfo=None) if value.tzinfo else value
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, str | int | float | date | time):
        return value
    return str(value)


# -- lists ---------------------------------------------------------------------------


@dataclass(frozen=True)
class ListInfo:
    key: str
    label: str


def entity_services(services: Services) -> dict[str, EntityService[Any]]:
    """Every service that lists records, by its attribute name on :class:`Services`."""
    return {
        f.name: getattr(services, f.name)
        for f in fields(services)
        if isinstance(getattr(services, f.name), EntityService)
    }


def available_lists(services: Services) -> list[ListInfo]:
    return [
        ListInfo(key=key, label=table_label(service.model.__table__.name))
        for key, service in entity_services(services).items()
    ]


def list_sheet(services: Services, key: str) -> Sheet:
    """The list ``key`` (an attribute of :class:`Services`) as a sheet."""
    service = entity_services(services).get(key)
    if service is None:
        raise TransferError(
            Message(
                "transfer",
                QT_TRANSLATE_NOOP("transfer", "「{key}」という一覧はありません。"),
                key=key,
            )
        )
    model = service.model
    table: sa.Table = model.__table__
    columns = [c for c in table.columns if c.name not in SKIPPED_COLUMNS and not is_binary(c)]
    links = [t for t in link_tables() if _referenced_table(_link_columns(t)[0]) == table.name]
    headers = [column_label(table.name, c.name) for c in columns]
    headers += [LINK_COLUMN_LABELS.get(t.name, table_label(t.name)) for t in links]
    records = service.list(ListQuery()).rows
    ids = [r.id for r in records]
    models = _models_by_table()
    with services.db.reading() as session:
        names: dict[str, dict[uuid.UUID, str]] = {}
        for c in columns:
            if c.foreign_keys:
                names[c.name] = _names(
                    session,
                    models[_referenced_table(c)],
                    {getattr(r, c.name) for r in records if getattr(r, c.name) is not None},
                )
        linked = [_linked_names(session, t, ids, models) for t in links]
    sheet = Sheet(title=table_label(table.name), headers=headers, name=key)
    for record in records:
        row: list[Cell] = []
        for c in columns:
            value = getattr(record, c.name)
            if c.foreign_keys and value is not None:
                row.append(names[c.name].get(value, ""))
            else:
                row.append(display_value(value))
        row += ["、".join(by_owner.get(record.id, [])) for by_owner in linked]
        sheet.rows.append(row)
    return sheet


def _link_columns(table: sa.Table) -> list[sa.Column[Any]]:
    return [c for c in table.columns if c.name not in SKIPPED_COLUMNS]


def _names(session: Any, model: type[Record], ids: set[uuid.UUID]) -> dict[uuid.UUID, str]:
    if not ids:
        return {}
    attr = next((a for a in DISPLAY_ATTRS if hasattr(model, a)), "id")
    rows = session.exec(select(model.id, getattr(model, attr)).where(col(model.id).in_(ids)))
    return {row[0]: str(row[1]) for row in rows}


def _linked_names(
    session: Any, table: sa.Table, owner_ids: list[uuid.UUID], models: dict[str, type[Record]]
) -> dict[uuid.UUID, list[str]]:
    owner, target = _link_columns(table)
    link_model = models[table.name]
    target_model = models[_referenced_table(target)]
    attr = next((a for a in DISPLAY_ATTRS if hasattr(target_model, a)), "id")
    if not owner_ids:
        return {}
    sort = getattr(target_model, "sort_kana", getattr(target_model, attr))
    rows = session.exec(
        select(getattr(link_model, owner.name), getattr(target_model, attr))
        .join(target_model, target_model.id == getattr(link_model, target.name))
        .where(col(getattr(link_model, owner.name)).in_(owner_ids))
        .where(live(link_model))
        .where(live(target_model))
        .order_by(sort, col(target_model.id))
    ).all()
    result: dict[uuid.UUID, list[str]] = {}
    for owner_id, name in rows:
        result.setdefault(owner_id, []).append(str(name))
    return result


def export_list(services: Services, key: str, path: Path | str) -> WriteReport:
    """Write the list ``key`` to ``path`` (.xlsx, or .csv in UTF-8 with BOM)."""
    path = Path(path)
    sheet = list_sheet(services, key)
    if path.suffix.lower() == ".csv":
        write_csv(sheet, path)
        return WriteReport()
    if path.suffix.lower() == ".xlsx":
        return write_xlsx([sheet], path)
    raise TransferError(
        Message(
            "transfer",
            QT_TRANSLATE_NOOP(
                "transfer", "保存先のファイル名は .xlsx か .csv で終わるようにしてください。"
            ),
        )
    )


# -- the whole database ------------------------------------------------------------------


def dump_tables() -> list[sa.Table]:
    """Every table of the model (in the model's order), except those that are mostly binary."""
    tables = [model.__table__ for model in ALL_TABLES]
    return [t for t in tables if not any(is_binary(c) and not c.nullable for c in t.columns)]


def dump_columns(table: sa.Table) -> list[sa.Column[Any]]:
    return [c for c in table.columns if not is_binary(c)]


def dump_value(value: object) -> Cell:
    """A stored value as the whole-database export writes it (exact, re-importable)."""
    if value is None:
        return None
    if isinstance(value, Enum):
        return label(value)
    if isinstance(value, bool):
        return YES if value else NO
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, str | int | float | date | time):
        return value
    return str(value)


def database_sheets(services: Services) -> list[Sheet]:
    sheets = []
    with services.db.reading() as session:
        connection = session.connection()
        for table in dump_tables():
            columns = dump_columns(table)
            result = connection.execute(
                sa.select(*columns).order_by(table.c.created_at, table.c.id)
            )
            sheet = Sheet(
                title=table_label(table.name),
                headers=[column_label(table.name, c.name) for c in columns],
                name=table.name,
            )
            sheet.rows = [[dump_value(v) for v in row] for row in result]
            sheets.append(sheet)
    return sheets


def database_notes(exported_at: datetime | None = None) -> list[str]:
    when = (exported_at or datetime.now()).strftime("%Y年%m月%d日 %H:%M")
    return [
        "生活支援コーディネーター業務管理 データベース全体の書き出し",
        f"書き出し日時: {when}(アプリ版 {__version__})",
        "各シートが1つの表です。ID の列は、このファイルを空のデータベースに"
        "取り込み直すときに使います。",
        "写真・ロゴ・添付ファイルはこのファイルに含まれません。すべてを残すにはバックアップ(.sqlite3)を"
        "お使いください。",
        "日時の列は協定世界時(UTC)です。「'」で始まるセルは、表計算ソフトが式として実行しないように"
        "先頭に「'」を付けたものです。",
    ]


def export_database(
    services: Services, path: Path | str, *, exported_at: datetime | None = None
) -> WriteReport:
    """Write the whole database to ``path``: .xlsx (a sheet per table) or .zip of CSV files."""
    path = Path(path)
    sheets = database_sheets(services)
    notes = database_notes(exported_at)
    if path.suffix.lower() == ".xlsx":
        report = write_xlsx(sheets, path, notes=notes)
        if report.truncated:
            # Said inside the file too, so whoever opens it later knows.
            notes.append(
                f"Excel の上限(1セル32,767文字)を超えた{len(report.truncated)}件の文章は途中で"
                "切れています。全文はバックアップか CSV の書き出しにあります。"
            )
            write_xlsx(sheets, path, notes=notes)
        return report
    if path.suffix.lower() == ".zip":
        write_csv_zip(sheets, path, notes=notes)
        return WriteReport()
    raise TransferError(
        Message(
            "transfer",
            QT_TRANSLATE_NOOP(
                "transfer", "保存先のファイル名は .xlsx か .zip(CSV)で終わるようにしてください。"
            ),
        )
    )
