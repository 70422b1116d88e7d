"""A new desk from the server's snapshot, instead of replaying the whole change log.

:func:`bootstrap_new_desk` makes the desk file at a path that does not exist
yet: the database is created by the ordinary migrations (so triggers, the
search index and every desk table are what any desk has) in a temporary file
next to the path, the server's snapshot (``GET /v1/snapshot``, see
``server/snapshot.py``) is downloaded beside it, and :func:`apply_snapshot`
copies its rows in one SQLite transaction — capture switched off as for
pulled changes, the search index built for those rows, the log cursor the
snapshot matches stored in that same transaction. Only then is the file moved
to the path; an interrupted download or copy leaves nothing there. The caller
then runs an ordinary round, which pulls the tail after that cursor.

A server without the endpoint (older than this desk) answers 404:
:func:`bootstrap_new_desk` returns None and the caller replays the log as
before. A snapshot that cannot be used raises :class:`SnapshotError` (the
caller may replay instead); any other :class:`SyncError` (offline, login
refused) is the round's error.
"""

from __future__ import annotations

import gzip
import shutil
import socket
import sqlite3
import uuid
import zlib
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

import sqlalchemy as sa
from sqlmodel import SQLModel

from coordinator_app.domain.texts import QT_TRANSLATE_NOOP
from coordinator_app.storage import capture, search_index
from coordinator_app.storage.atomic import replace_durably
from coordinator_app.storage.database import Database, open_database
from coordinator_app.storage.engine import writing
from coordinator_app.sync.client import ServerClient, SyncError, sync_text

SNAPSHOT_FORMAT = 1
"""The snapshot layout this desk reads (``snapshot_meta.format``)."""
_META, _BLOBS, _ROW_VERSION = "snapshot_meta", "snapshot_blob", "snapshot_row_version"


class SnapshotError(SyncError):
    """The server's snapshot could not be used; the message is Japanese."""

    def __init__(self, message: str) -> None:
        super().__init__(message, code="snapshot_unusable")


@dataclass(frozen=True)
class Bootstrapped:
    """What a snapshot brought: rows copied and the log cursor stored."""

    rows: int
    cursor: int


def bootstrap_new_desk(
    path: Path, client: ServerClient, *, user: str, password: str
) -> Bootstrapped | None:
    """Create the desk file at ``path`` (absent) from the snapshot; None on a 404.

    Logs ``client`` in with the new file's device id. Whatever happens, no
    temporary file is left behind and ``path`` exists only if this returned a
    result.
    """
    if path.exists():
        raise SyncError(
            sync_text(
                QT_TRANSLATE_NOOP(
                    "sync", "「{name}」は既にあります。スナップショットからは作成しません。"
                ),
                name=path.name,
            )
        )
    path.parent.mkdir(parents=True, exist_ok=True)
    stem = f".{path.name}.{uuid.uuid4().hex[:8]}"
    desk, packed, plain = (path.with_name(stem + s) for s in (".new", ".gz", ".snapshot"))
    leftovers = [desk, *(desk.with_name(desk.name + s) for s in ("-wal", "-shm")), packed, plain]
    try:
        db = open_database(desk)
        try:
            with db.engine.connect() as conn:
                identity = capture.read_identity(conn)
            client.login(
                user, password, device_id=identity.device_id, device_name=socket.gethostname()
            )
            try:
                cursor = client.snapshot(packed)
            except SyncError as error:
                if error.status == 404:
                    return None
                if error.status >= 500 or error.code == "bad_response":
                    raise SnapshotError(error.message) from None
                raise
            _unpack(packed, plain)
            result = apply_snapshot(db, plain)
            if result.cursor != cursor:
                raise SnapshotError(
                    sync_text(
                        QT_TRANSLATE_NOOP(
                            "sync", "スナップショットの内容が壊れています(位置が一致しません)"
                        )
                    )
                )
            with db.engine.connect() as conn:
                conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            db.close()
        if path.exists():
            raise SyncError(
                sync_text(
                    QT_TRANSLATE_NOOP(
                        "sync", "「{name}」が作成中に別に作られました。何も上書きしていません。"
                    ),
                    name=path.name,
                )
            )
        replace_durably(desk, path)
        return result
    except OSError as error:
        raise SyncError(
            sync_text(
                QT_TRANSLATE_NOOP(
                    "sync", "新しいデータベースを作れません({reason})。何も作成していません。"
                ),
                reason=error.strerror or str(error),
            )
        ) from None
    finally:
        for leftover in leftovers:
            leftover.unlink(missing_ok=True)


def _unpack(packed: Path, plain: Path) -> None:
    try:
        with gzip.open(packed, "rb") as source, plain.open("wb") as target:
            shutil.copyfileobj(source, target, 1 << 20)
    except (EOFError, gzip.BadGzipFile, zlib.error):
        raise SnapshotError(
            sync_text(
                QT_TRANSLATE_NOOP(
                    "sync", "サーバーのスナップショットが途中までしか届いていないか壊れています"
                )
            )
        ) from None
    packed.unlink()


def _meta(snapshot: Path) -> dict[str, str]:
    try:
        with closing(sqlite3.connect(f"{snapshot.resolve().as_uri()}?mode=ro", uri=True)) as lite:
            rows = lite.execute(f"SELECT key, value FROM {_META}").fetchall()
    except sqlite3.DatabaseError:
        raise SnapshotError(
            sync_text(QT_TRANSLATE_NOOP("sync", "サーバーのスナップショットを読めませんでした"))
        ) from None
    meta = {str(key): str(value) for key, value in rows}
    if meta.get("format") != str(SNAPSHOT_FORMAT) or not meta.get("cursor", "").isdigit():
        raise SnapshotError(
            sync_text(
                QT_TRANSLATE_NOOP("sync", "サーバーのスナップショットはこの版では読めない形式です")
            )
        )
    return meta


def apply_snapshot(db: Database, snapshot: Path) -> Bootstrapped:
    """Copy a snapshot's rows into ``db`` (a new, empty desk) in one transaction.

    Capture is off for the copy (the rows came from the server), the search
    index is rebuilt for them and the cursor stored with them; the file's
    recorded location is cleared so that moving it into place keeps its device
    id and incarnation.
    """
    cursor = int(_meta(snapshot)["cursor"])
    with writing(db.engine).connect() as conn:
        raw = conn.connection.dbapi_connection
        assert raw is not None
        raw.execute("ATTACH DATABASE ? AS snap", (str(snapshot),))
        try:
            with conn.begin():
                conn.exec_driver_sql("PRAGMA defer_foreign_keys = ON")
                capture.enroll(conn)
                with capture.capture_off(conn):
                    rows = _copy_rows(conn)
                search_index.rebuild_index(conn)
                conn.exec_driver_sql(
                    "UPDATE sync_state SET pull_cursor = ?, file_path = '', file_id = ''",
                    (cursor,),
                )
        except sa.exc.DatabaseError as error:
            raise SnapshotError(
                sync_text(
                    QT_TRANSLATE_NOOP(
                        "sync",
                        "スナップショットを取り込めませんでした({reason})。何も変更していません",
                    ),
                    reason=str(error.orig),
                )
            ) from None
        finally:
            if raw.in_transaction:  # a failed COMMIT (deferred foreign keys) stays open
                raw.rollback()
            raw.execute("DETACH DATABASE snap")
    return Bootstrapped(rows, cursor)


def _columns(conn: sa.Connection, schema: str, table: str) -> list[str]:
    return [row[1] for row in conn.exec_driver_sql(f"PRAGMA {schema}.table_info({table})")]


def _copy_rows(conn: sa.Connection) -> int:
    """Every synced table, parents first; columns the desk and the snapshot share."""
    copied = 0
    for table in SQLModel.metadata.sorted_tables:
        name = table.name
        if name not in capture.SYNCED_TABLES:
            continue
        present = set(_columns(conn, "snap", name))
        if not present:
            continue  # the server does not have this table yet: the desk's stays empty
        columns = [c for c in _columns(conn, "main", name) if c in present]
        names = ", ".join(columns)
        # Desk-only settings are not copied; desk-only tables (profiles) are: the
        # server's rows are applied on a desk like any pulled change.
        kept = "" if name in capture.DESK_TABLES else capture.desk_only_condition(name, "s")
        conn.exec_driver_sql(
            f"INSERT INTO main.{name} ({names}) SELECT {', '.join('s.' + c for c in columns)}"
            f" FROM snap.{name} AS s" + (f" WHERE {kept}" if kept else "")
        )
        copied += int(conn.exec_driver_sql("SELECT changes()").scalar_one())
        if name in capture.VERSIONED_TABLES and _ROW_VERSION in present:
            conn.exec_driver_sql(
                "INSERT INTO sync_version (table_name, row_id, version)"
                f" SELECT '{name}', s.id, s.{_ROW_VERSION} FROM snap.{name} AS s"
            )
    conn.exec_driver_sql(
        "INSERT INTO sync_blob (table_name, row_id, column_name, sha256)"
        f" SELECT b.table_name, b.row_id, b.column_name, b.sha256 FROM snap.{_BLOBS} AS b"
        " WHERE b.table_name IN ("
        + ", ".join(f"'{t}'" for t in sorted(capture.SYNCED_TABLES))
        + ")"
    )
    return copied
