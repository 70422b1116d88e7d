"""The composition root: QApplication -> database -> services -> main window.

Nothing here runs at import time. ``run_gui`` is what the command line
calls; ``start`` builds everything short of the event loop, so tests can
drive it with fake prompts and a temporary settings file.

Start-up time is mostly imports, so their order and timing is deliberate:
the database layer (SQLAlchemy, SQLModel, alembic, the ORM classes) is
imported before Qt (:func:`import_data_layer`), and everything is imported
inside ``run_gui``/``start`` with the cyclic garbage collector paused
(:func:`collector_paused`).

First start (an empty database): the window is shown, then the user is
asked who they are (:mod:`.ui.profiles`), then for the municipality profile
(skippable), then whether to load the demo municipality (:func:`first_start`).

Test-only: with the environment variable ``COORDINATOR_APP_QUIT_AFTER_SHOW=1``
the app prints ``SHOWN_MARKER`` and the database path on standard output as
soon as the main window has been shown and painted, and quits instead of
asking the first-start questions. ``tests/test_first_start.py`` starts the
installed ``coordinator-app`` this way and waits on that line.
"""

from __future__ import annotations

import gc
import logging
import os
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

_log = logging.getLogger(__name__)

if TYPE_CHECKING:
    from PySide6.QtCore import QTranslator
    from PySide6.QtWidgets import QApplication, QWidget

    from coordinator_app.services.data_safety import BackupInfo, DataSafetyService, OpenCheck
    from coordinator_app.storage.database import Database
    from coordinator_app.ui.context import UiContext
    from coordinator_app.ui.data_safety.open_failure_dialog import OpenChoice
    from coordinator_app.ui.main.main_window import MainWindow
    from coordinator_app.ui.prompts import Prompts
    from coordinator_app.ui.settings import AppSettings

DEMO_FILENAME = "demo.sqlite3"
QUIT_AFTER_SHOW_ENV = "COORDINATOR_APP_QUIT_AFTER_SHOW"
SHOWN_MARKER = "coordinator-app: main window shown"


@dataclass
class StartedApp:
    """Everything ``start`` built; ``close`` releases the database (and demo copy)."""

    window: MainWindow
    ctx: UiContext
    db: Database
    translators: list[QTranslator] = field(default_factory=list)
    temp_dir: tempfile.TemporaryDirectory[str] | None = None
    safety: DataSafetyService | None = None
    fresh: bool = False
    """The database held no records when it was opened (first start): the
    municipality profile and the demo are offered once the window is up."""

    def close(self) -> None:
        """Close the database (with the day's automatic backup) and delete the demo copy;
        translators stay installed."""
        from coordinator_app.ui.data_safety.startup import close_with_backup

        if self.safety is None:
            self.db.close()
        else:
            close_with_backup(self.safety, self.db, self.ctx.prompts)
        if self.temp_dir is not None:
            self.temp_dir.cleanup()
            self.temp_dir = None


def run_gui(*, db_path: Path | None, demo: bool, lang: str | None) -> int:
    """Start the desktop app; returns the process exit code."""
    with collector_paused():
        import_data_layer()
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication

        from coordinator_app.ui.prompts import DialogPrompts
        from coordinator_app.ui.settings import AppSettings, settings_store

        app = QApplication.instance() or QApplication(sys.argv)
        assert isinstance(app, QApplication)
        app.setApplicationName("coordinator-app")
        app.setOrganizationName("coordinator-app")
        started = start(
            app,
            db_path=db_path,
            demo=demo,
            lang=lang,
            prompts=DialogPrompts(),
            settings=AppSettings(settings_store()),
        )
    if started is None:
        return 1
    started.window.show()
    gc.freeze()  # what start-up built lives until the end: later collections skip it
    if os.environ.get(QUIT_AFTER_SHOW_ENV) == "1":
        quit_once_painted(app, started)
    else:
        QTimer.singleShot(0, lambda: after_show(started, demo=demo))
    try:
        return int(app.exec())
    finally:
        started.close()


def quit_once_painted(app: QApplication, started: StartedApp) -> None:
    """Test-only (``COORDINATOR_APP_QUIT_AFTER_SHOW=1``): once the main window has
    been painted, print :data:`SHOWN_MARKER` and the database path, then quit."""
    from PySide6.QtCore import QEvent, QObject, QTimer

    class PaintWatcher(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and watched is started.window:
                started.window.removeEventFilter(self)
                QTimer.singleShot(0, report)
            return False

    def report() -> None:
        sys.stdout.write(f"{SHOWN_MARKER} {started.db.path}\n")
        sys.stdout.flush()
        app.quit()

    watcher = PaintWatcher(started.window)
    started.window.installEventFilter(watcher)
    started.window.update()


def after_show(started: StartedApp, *, demo: bool) -> None:
    """What asks the user once the window is up: the first-start questions (not for
    the throw-away demo, whose database is new each time) and which unsaved
    meeting drafts to restore after a crash."""
    from coordinator_app.ui.drafts.draft_restore import offer_draft_restore

    if not demo:
        first_start(started)
    offer_draft_restore(started.ctx, started.window)
    check_in_background(started)


def first_start(started: StartedApp) -> None:
    """Who is using the app (whenever no profile is chosen); on an empty database
    then the municipality profile (skippable) and the demo municipality.

    A database opened read-only is not written to: the user may pick an existing
    profile (kept in the settings), nothing more is asked.
    """
    from coordinator_app.services.base import ListQuery
    from coordinator_app.ui.municipality_dialog import ask_for_municipality
    from coordinator_app.ui.profiles.profile_picker import ask_for_profile

    ctx, window = started.ctx, started.window
    read_only = bool(getattr(started.db, "read_only", False))
    if not read_only or ctx.services.profiles.list(ListQuery()).total:
        ask_for_profile(ctx, window)
    if started.fresh and not read_only:
        ask_for_municipality(ctx, window)
        offer_demo(ctx, window)


def check_in_background(started: StartedApp) -> None:
    """A file too big to be read whole before opening (see
    ``storage.open_checks.FULL_CHECK_LIMIT``) gets SQLite's quick_check in a
    background thread on a read-only connection; a problem is reported with
    the advice to restore a backup."""
    import threading

    from PySide6.QtCore import QCoreApplication, QTimer

    from coordinator_app.storage.open_checks import FULL_CHECK_LIMIT, quick_check_file

    path = started.db.path
    if not path.exists() or path.stat().st_size <= FULL_CHECK_LIMIT:
        return
    result: list[str | None] = []

    def work() -> None:
        try:
            result.append(quick_check_file(path))
        except Exception as exc:  # a locked or vanished file: report, never crash the thread
            result.append(str(exc))

    thread = threading.Thread(target=work, name="quick-check", daemon=True)
    thread.start()
    timer = QTimer(started.window)

    def poll() -> None:
        if thread.is_alive():
            return
        timer.stop()
        problem = result[0] if result else None
        if problem:
            started.ctx.prompts.warn(
                started.window,
                title=QCoreApplication.translate("app", "データベースの点検"),
                text=QCoreApplication.translate(
                    "app",
                    "データベースの点検で問題が見つかりました。これ以上の入力は控え、"
                    "「ファイル > バックアップと復元」から最新のバックアップを復元してください。"
                    "\n\n{detail}",
                ).format(detail=problem),
            )

    timer.timeout.connect(poll)
    timer.start(500)


def start(
    app: QApplication,
    *,
    db_path: Path | None,
    demo: bool,
    lang: str | None,
    prompts: Prompts,
    settings: AppSettings,
) -> StartedApp | None:
    """Font, translations, database, services and main window (not shown).

    Returns:
        None when the database cannot be opened; the user has been told why
        and the file was not changed.
    """
    with collector_paused():
        import_data_layer()
        return _start(
            app, db_path=db_path, demo=demo, lang=lang, prompts=prompts, settings=settings
        )


def import_data_layer() -> None:
    """Import the database layer, before Qt if Qt is not imported yet.

    PySide6 installs an import hook that reads the source of every module
    imported after it; SQLAlchemy, SQLModel, pydantic and alembic imported
    first skip it (about 80 ms on the benchmark machine).
    """
    import coordinator_app.services.data_safety
    import coordinator_app.services.registry  # noqa: F401 (SQLAlchemy, SQLModel, the ORM)


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause CPython's cyclic garbage collector during start-up.

    Start-up creates a few hundred thousand long-lived objects (SQLAlchemy,
    pydantic and ORM classes, Qt wrappers) and next to no garbage, yet the
    collector walks them again and again as they are allocated: about 130 ms
    of an 850 ms start on the benchmark machine (benchmarks/README.md).
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _start(
    app: QApplication,
    *,
    db_path: Path | None,
    demo: bool,
    lang: str | None,
    prompts: Prompts,
    settings: AppSettings,
) -> StartedApp | None:
    from PySide6.QtCore import QCoreApplication

    from coordinator_app.services.data_safety import DataSafetyService
    from coordinator_app.services.drafts import DraftStore, draft_directory_for
    from coordinator_app.services.registry import Services
    from coordinator_app.storage.database import open_database
    from coordinator_app.storage.engine import default_database_path
    from coordinator_app.storage.schema import SchemaTooNewError
    from coordinator_app.ui.common.lazy_pages import after_first_paint
    from coordinator_app.ui.context import UiContext
    from coordinator_app.ui.fonts import use_bundled_font
    from coordinator_app.ui.i18n import install_translators, remove_translators
    from coordinator_app.ui.main.main_window import MainWindow
    from coordinator_app.ui.sync.install import install_sync

    language = lang or settings.language
    use_bundled_font(app, latin_first=language != "ja")
    translators = install_translators(app, language)
    temp_dir: tempfile.TemporaryDirectory[str] | None = None
    if demo:
        temp_dir = tempfile.TemporaryDirectory(prefix="coordinator-app-demo-")
        path = Path(temp_dir.name) / DEMO_FILENAME
    else:
        path = db_path or default_database_path()
    safety = None if demo else DataSafetyService(path)
    try:
        db = open_database(path) if safety is None else _open_checked(safety, prompts)
        if db is None:
            remove_translators(app, translators)
            return None
    except SchemaTooNewError as exc:
        _refuse(prompts, str(exc), temp_dir)
        remove_translators(app, translators)
        return None
    except Exception as exc:  # any failure must reach the user as a message, not a traceback
        _refuse(
            prompts,
            QCoreApplication.translate(
                "app", "データベース「{path}」を開けませんでした。\n\n{error}"
            ).format(path=path, error=exc),
            temp_dir,
        )
        remove_translators(app, translators)
        return None
    services = Services.create(db)
    drafts = DraftStore(draft_directory_for(db.path))
    ctx = UiContext.create(services=services, prompts=prompts, settings=settings, drafts=drafts)
    if demo:
        _load_demo(ctx)
    fresh = not demo and services.is_empty()
    window = MainWindow(ctx, safety=safety)
    install_sync(window)
    after_first_paint(window, lambda: prepare_while_idle(ctx, window))
    return StartedApp(
        window=window,
        ctx=ctx,
        db=db,
        translators=translators,
        temp_dir=temp_dir,
        safety=safety,
        fresh=fresh,
    )


def prepare_while_idle(ctx: UiContext, window: QWidget | None = None) -> None:
    """Once the window has painted: what the 会議 page, the most used, needs anyway, done
    before the user asks, reading nothing from the file. SQLAlchemy configures the mappers
    of every table at the first model instance (about 70 ms on the benchmark machine, paid
    by whichever form is built first) and compiles each statement at its first run in the
    process: the page's first reads run here with their statements only compiled
    (``Database.compiling_only``: no row is read, nothing written). Pydantic builds a
    model's serializer at its first ``model_dump`` (the form's copy of its record). The
    search dock's modules are imported too (PySide creates their Qt types on first
    import: ~25 ms of the dock's first show on the benchmark machine).

    In the next event-loop turn (input in between is handled first), the page's form is
    built ahead under ``window``, hidden, unless the page is already there: the first
    open of 会議 then takes it instead of building it."""
    from sqlalchemy.orm import configure_mappers

    with collector_paused():
        configure_mappers()
        from coordinator_app.domain.models import Meeting
        from coordinator_app.ui.meetings.meeting_page import first_reads
        from coordinator_app.ui.search import search_view  # noqa: F401

        Meeting.model_rebuild()

        db = ctx.services.db
        for read in first_reads(ctx):
            with db.compiling_only():
                try:
                    read()
                except Exception:  # an empty result where code wanted a row: compiled anyway
                    _log.debug("compiling %r only ended early", read, exc_info=True)
    if window is not None:
        from PySide6.QtCore import QTimer

        QTimer.singleShot(0, window, lambda: _build_spare_editor(window, ctx))


def _build_spare_editor(window: QWidget, ctx: UiContext) -> None:
    from coordinator_app.ui.meetings.meeting_page import build_spare_editor

    with collector_paused():
        build_spare_editor(window, ctx)


def _open_checked(safety: DataSafetyService, prompts: Prompts) -> Database | None:
    """Check the file before opening it (never writing to a damaged one); the open-failure
    dialog offers the newest good backup, read-only opening or waiting when that helps.

    The opener checks the file once: the check reads all of it (SQLite's quick_check),
    which takes seconds on a big database, so it is not repeated here.
    """
    from PySide6.QtCore import QCoreApplication

    from coordinator_app.services.data_safety import OpenStatus
    from coordinator_app.ui.data_safety.open_failure_dialog import OpenChoice, OpenFailureDialog
    from coordinator_app.ui.data_safety.startup import StartupOpener
    from coordinator_app.ui.labels import message_text

    def ask(verdict: OpenCheck, backup: BackupInfo | None) -> OpenChoice:
        no_way_out = verdict.offers_backup and backup is None
        if verdict.status in (OpenStatus.TOO_NEW, OpenStatus.FOREIGN) or no_way_out:
            text = message_text(verdict.message)
            if verdict.status != OpenStatus.TOO_NEW:
                text = QCoreApplication.translate(
                    "app", "データベース「{path}」を開けませんでした。\n\n{error}"
                ).format(path=verdict.path, error=message_text(verdict.message))
            _refuse(prompts, text, None)
            return OpenChoice.QUIT
        dialog = OpenFailureDialog(verdict, backup, None)
        dialog.exec()
        return dialog.choice

    opened = StartupOpener(safety, prompts, ask=ask).open()
    return opened.db if opened is not None else None


def _refuse(prompts: Prompts, text: str, temp_dir: tempfile.TemporaryDirectory[str] | None) -> None:
    from PySide6.QtCore import QCoreApplication

    prompts.warn(
        None, title=QCoreApplication.translate("app", "データベースを開けません"), text=text
    )
    if temp_dir is not None:
        temp_dir.cleanup()


def offer_demo(ctx: UiContext, parent: QWidget | None = None) -> bool:
    """Offer the demo municipality on an empty database; True when it was loaded.

    A municipality profile the user has just entered is kept (the demo brings
    its own fictional one).
    """
    from PySide6.QtCore import QCoreApplication

    if not ctx.services.is_empty():
        return False
    if not ctx.prompts.confirm(
        parent,
        title=QCoreApplication.translate("app", "デモデータ"),
        text=QCoreApplication.translate(
            "app",
            "データベースはまだ空です。架空の市のデモデータを読み込みますか?\n"
            "(読み込んだデータは自由に編集・削除できます)",
        ),
        accept_text=QCoreApplication.translate("app", "読み込む"),
    ):
        return False
    entered = ctx.services.settings.municipality()
    _load_demo(ctx)
    if entered.name:
        ctx.services.settings.save_municipality(entered)
    return True


def _load_demo(ctx: UiContext) -> None:
    from coordinator_app.services.demo import load_demo

    load_demo(ctx.services)
