"""Reading a whole-database export (.xlsx or .zip of CSV) back into an empty database.

This is a restore from a spreadsheet, not a list import: rows keep their IDs,
timestamps and deleted marks, references are IDs, and every row goes in as
it was, in one transaction. Each cell is parsed by its column's type; the
database's own constraints (NOT NULL, foreign keys, CHECK, UNIQUE) do the
rest. A single problem anywhere stops the whole import: nothing is written.
"""

from __future__ import annotations

import csv
import io
import re
import uuid
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session

from coordinator_app.services.registry import Services
from coordinator_app.services.transfer.cells import restore_text
from coordinator_app.services.transfer.exporting import (
    NO,
    YES,
    dump_columns,
    dump_tables,
)
from coordinator_app.services.transfer.fields import parse_enum
from coordinator_app.services.transfer.labels import column_label, table_label
from coordinator_app.services.transfer.reading import TransferError, cell_text, decode_csv
from coordinator_app.storage.engine import writing
from coordinator_app.storage.integrity import ReadOnlyDatabaseError
from coordinator_app.storage.schema_check import describe_differences, schema_differences

MAX_REPORTED = 20
_ZIP_NAME = re.compile(r"^\d+_(.+)\.csv$")


@dataclass
class DatabaseImportResult:
    counts: dict[str, int] = field(default_factory=dict)
    """Rows stored per table (Japanese table name)."""
    ignored_sheets: list[str] = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(self.counts.values())


class _CellError(ValueError):
    pass


def _raw_sheets(path: Path) -> Iterator[tuple[str, list[list[str]]]]:
    """(sheet title, rows of text) for each sheet of an .xlsx or CSV in a .zip."""
    if path.suffix.lower() == ".zip":
        try:
            archive = zipfile.ZipFile(path)
        except (OSError, zipfile.BadZipFile) as exc:
            raise TransferError(f"「{path.name}」を読めませんでした。詳細: {exc}") from exc
        with archive:
            for name in archive.namelist():
                match = _ZIP_NAME.match(Path(name).name)
                if match is None:
                    continue
                text, _encoding = decode_csv(archive.read(name))
                rows = [
                    [restore_text(v) for v in row]
                    for row in csv.reader(io.StringIO(text, newline=""))
                ]
                yield match.group(1), rows
        return
    if path.suffix.lower() != ".xlsx":
        raise TransferError(
            "データベース全体の取り込みには .xlsx か .zip のファイルを選んでください。"
        )
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:
        # openpyxl raises many kinds of errors for a file it cannot read.
        raise TransferError(f"「{path.name}」を読めませんでした。詳細: {exc}") from exc
    try:
        for ws in workbook.worksheets:
            yield ws.title, [[cell_text(v) for v in row] for row in ws.iter_rows(values_only=True)]
    finally:
        workbook.close()


def _parse(column: sa.Column[Any], text: str) -> object:
    kind = column.type
    enum_class = kind.enum_class if isinstance(kind, sa.Enum) else None
    python_type = None if enum_class else _python_type(column)
    if python_type is not str:
        text = text.strip()
    if text == "":
        if column.nullable:
            return None
        if python_type is str:
            return ""
        raise _CellError("空欄にはできません")
    try:
        if enum_class is not None:
            member = parse_enum(enum_class, text)
            if member is None:
                raise _CellError(f"「{text}」は選べる値ではありません")
            return member
        if python_type is uuid.UUID:
            return uuid.UUID(text)
        if python_type is bool:
            if text in (YES, "1", "TRUE", "True", "true"):
                return True
            if text in (NO, "0", "FALSE", "False", "false"):
                return False
            raise _CellError(f"「{text}」は「{YES}」か「{NO}」で入力してください")
        if python_type is int:
            return int(text)
        if python_type is datetime:
            value = datetime.fromisoformat(text)
            return value if value.tzinfo else value.replace(tzinfo=UTC)
        if python_type is date:
            return date.fromisoformat(text[:10])
        if python_type is time:
            return time.fromisoformat(text)
    except _CellError:
        raise
    except ValueError as exc:
        raise _CellError(f"「{text}」を読み取れません") from exc
    return text


def _python_type(column: sa.Column[Any]) -> type | None:
    kind = column.type
    if isinstance(kind, sa.types.TypeDecorator):
        kind = kind.impl_instance
    try:
        python_type: type = kind.python_type
    except NotImplementedError:
        return None
    return python_type


def _require_our_schema(session: Session, db_path: Path) -> None:
    """Refuse a target whose schema is not exactly ours: a trigger of a tampered file
    would run on every imported row (see :mod:`coordinator_app.storage.schema_check`)."""
    raw = session.connection().connection.driver_connection
    problems = schema_differences(raw)  # type: ignore[arg-type]
    if problems:
        raise TransferError(describe_differences(db_path.name, problems, refused="取り込めません"))


def _require_empty(session: Session, tables: list[sa.Table]) -> None:
    connection = session.connection()
    for table in tables:
        if connection.execute(sa.select(sa.func.count()).select_from(table)).scalar():
            raise TransferError(
                "データベース全体の取り込みは、空のデータベースにだけ行えます"
                f"(「{table_label(table.name)}」にデータがあります)。"
                "新しいデータベースを作ってから取り込んでください。"
            )


def import_database(services: Services, path: Path | str) -> DatabaseImportResult:
    """Read a whole-database export into this (empty) database, all of it or nothing.

    Raises:
        TransferError: the file cannot be read, a cell cannot be parsed, a
            reference points nowhere, or the database is not empty; nothing
            was written. The message lists the first problems with their
            sheet and row.
    """
    services.actor.require_write()
    path = Path(path)
    db = services.db
    if getattr(db, "read_only", False):
        raise ReadOnlyDatabaseError(db.path)
    tables = dump_tables()
    by_title = {table_label(t.name): t for t in tables} | {t.name: t for t in tables}
    result = DatabaseImportResult()
    problems: list[str] = []
    parsed: dict[str, list[dict[str, object]]] = {}
    for title, rows in _raw_sheets(path):
        table = by_title.get(title)
        if table is None:
            result.ignored_sheets.append(title)
            continue
        if not rows:
            continue
        columns = {column_label(table.name, c.name): c for c in dump_columns(table)}
        columns |= {c.name: c for c in dump_columns(table)}
        headers = [h.strip() for h in rows[0]]
        unknown = [h for h in headers if h and h not in columns]
        if unknown:
            problems.append(f"シート「{title}」: 分からない列「{'」「'.join(unknown)}」があります")
            continue
        values_of = parsed.setdefault(table.name, [])
        for line, row in enumerate(rows[1:], start=2):
            if not any(v.strip() for v in row):
                continue
            values: dict[str, object] = {}
            for header, text in zip(headers, row, strict=False):
                if not header:
                    continue
                column = columns[header]
                try:
                    values[column.name] = _parse(column, text)
                except _CellError as exc:
                    problems.append(f"シート「{title}」{line}行目「{header}」: {exc}")
            values_of.append(values)
    if problems:
        raise TransferError(_problem_text(problems))
    with Session(writing(db.engine)) as session:
        try:
            _require_our_schema(session, db.path)
            _require_empty(session, tables)
            connection = session.connection()
            # References are checked at commit, so rows may come in any order
            # (an area before its parent area).
            connection.exec_driver_sql("PRAGMA defer_foreign_keys = ON")
            for table in tables:
                records = parsed.get(table.name, [])
                if records:
                    connection.execute(sa.insert(table), records)
                    result.counts[table_label(table.name)] = len(records)
            session.commit()
        except sa.exc.IntegrityError as exc:
            session.rollback()
            raise TransferError(
                "取り込めませんでした(参照先が見つからない行、必須の値がない行、または"
                f"重複した ID があります)。何も書き込んでいません。詳細: {exc.orig}"
            ) from exc
        except BaseException:
            session.rollback()
            raise
    return result


def _problem_text(problems: list[str]) -> str:
    shown = problems[:MAX_REPORTED]
    more = len(problems) - len(shown)
    text = "取り込めませんでした。何も書き込んでいません。\n" + "\n".join(shown)
    return text + (f"\nほか{more}件" if more > 0 else "")
