"""Opening a database file: engine, schema check, session factories."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import sqlalchemy as sa
from sqlmodel import Session

from coordinator_app.domain.changes import ChangeFeed
from coordinator_app.storage import capture, planner_stats
from coordinator_app.storage.change_collector import ChangeCollector
from coordinator_app.storage.engine import (
    CompileOnlyError,
    compiling_only,
    create_sqlite_engine,
    writing,
)
from coordinator_app.storage.schema import SchemaReport, ensure_schema, refuse_if_too_new


@dataclass
class Database:
    """An open database: the engine and how opening changed its schema."""

    path: Path
    engine: sa.Engine
    schema: SchemaReport
    changes: ChangeFeed = field(default_factory=ChangeFeed)
    """Told what each committed :meth:`writing` changed."""
    _thread: threading.local = field(
        default_factory=threading.local, init=False, repr=False, compare=False
    )
    """Per thread: ``dry``, the compile-only engine while :meth:`compiling_only` runs."""

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A read-only unit of work (deferred transaction, rolled back at the end)."""
        engine = getattr(self._thread, "dry", None) or self.engine
        with Session(engine, expire_on_commit=False) as session:
            yield session

    @contextmanager
    def compiling_only(self) -> Iterator[None]:
        """Within, on this thread only: every :meth:`reading` compiles its statements into
        the engine's compiled cache as if it ran them and finds no rows, reading nothing
        from the file (``storage.engine.compiling_only``); :meth:`writing` is refused.

        Code that expects a row may fail on the empty result; the statements it ran
        before are compiled all the same."""
        previous = getattr(self._thread, "dry", None)
        self._thread.dry = previous or compiling_only(self.engine)
        try:
            yield
        finally:
            self._thread.dry = previous

    @contextmanager
    def writing(self, *, everything: bool = False) -> Iterator[Session]:
        """One user action: an IMMEDIATE transaction, committed whole or not at all.

        After the commit, :attr:`changes` publishes the records the action
        touched (``everything``: announce that anything may have changed, e.g.
        demo data); a rolled-back action publishes nothing.
        """
        if getattr(self._thread, "dry", None) is not None:
            raise CompileOnlyError("no writing while statements are only compiled")
        collector = ChangeCollector()
        collector.everything = everything
        with Session(writing(self.engine), expire_on_commit=False) as session:
            collector.attach(session)
            sa.event.listen(session, "after_begin", _new_sync_transaction)
            try:
                yield session
                session.commit()
            except BaseException:
                session.rollback()
                raise
        feed = self.changes
        feed.publish(collector.changes(origin=feed.origin(), profile_id=feed.profile_id()))

    def close(self) -> None:
        if not getattr(self, "read_only", False):
            planner_stats.optimise(self.engine)
        self.engine.dispose()


def _new_sync_transaction(_session: Session, _tx: object, connection: sa.Connection) -> None:
    # One user action is one sync transaction (see coordinator_app.storage.capture).
    capture.begin_user_action(connection)


def open_database(path: Path | str) -> Database:
    """Open (creating if needed) and migrate the database at ``path``."""
    path = Path(path)
    refuse_if_too_new(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    engine = create_sqlite_engine(path)
    try:
        report = ensure_schema(engine, path)
        planner_stats.after_open(
            engine, created=report.created, upgraded=report.upgraded_from is not None
        )
        capture.check_file_identity(engine, path)
    except BaseException:
        engine.dispose()
        raise
    return Database(path=path, engine=engine, schema=report)
