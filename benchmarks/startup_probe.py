"""Child process of the benchmark runner: start something, print timings as JSON.

    python -m benchmarks.startup_probe app  --db PATH   # the app's main window
    python -m benchmarks.startup_probe bare             # a bare PySide6 window
    python -m benchmarks.startup_probe list --db PATH   # meeting list first paint + RSS

Timings are measured from the moment this interpreter started (the parent
passes its launch time), so interpreter start-up and imports count.
"""

from __future__ import annotations

import json
import os
import resource
import sys
import time


def _elapsed(launched: float) -> float:
    return (time.time() - launched) * 1000


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class QuietPrompts:
    """Answers every prompt with "no": a benchmark is not interactive."""

    def confirm(self, *args: object, **kwargs: object) -> bool:
        return False

    def __getattr__(self, name: str):  # type: ignore[no-untyped-def]
        return lambda *args, **kwargs: None


def _exit_when_shown(window, launched: float, extra: dict) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    def done() -> None:
        print(json.dumps({"ms": _elapsed(launched), "rss_mb": _rss_mb(), **extra}), flush=True)
        QApplication.instance().quit()

    window.show()
    QTimer.singleShot(0, done)


def bare(launched: float) -> None:
    # The same third-party libraries the app imports before its window shows.
    import alembic  # noqa: F401
    import platformdirs  # noqa: F401
    import sqlalchemy  # noqa: F401
    import sqlmodel  # noqa: F401
    from PySide6.QtWidgets import QApplication, QMainWindow, QTableView

    app = QApplication(sys.argv)
    window = QMainWindow()
    window.setCentralWidget(QTableView())
    window.resize(1200, 800)
    _exit_when_shown(window, launched, {})
    app.exec()


def app(launched: float, db: str) -> None:
    """The app's start-up, with the time its start-up integrity check took (``check_ms``).

    Imports happen in the order and with the garbage collector paused as in
    ``coordinator_app.app.run_gui``.
    """
    from pathlib import Path

    from coordinator_app.app import collector_paused, import_data_layer, start

    checks: list[float] = []
    # As run_gui does: the app's modules are imported with the garbage collector paused.
    with collector_paused():
        import_data_layer()
        from PySide6.QtCore import QSettings
        from PySide6.QtWidgets import QApplication

        from coordinator_app.services.data_safety import DataSafetyService
        from coordinator_app.ui.settings import AppSettings

        check = DataSafetyService.check

        def timed_check(self: DataSafetyService):  # type: ignore[no-untyped-def]
            began = time.perf_counter()
            try:
                return check(self)
            finally:
                checks.append((time.perf_counter() - began) * 1000)

        DataSafetyService.check = timed_check  # type: ignore[method-assign]
        qapp = QApplication(sys.argv)
        settings = AppSettings(QSettings(os.environ["BENCH_SETTINGS"], QSettings.Format.IniFormat))
        if "BENCH_PAGE" in os.environ:  # the page the user lands on (会議 for the runner)
            settings.last_page = int(os.environ["BENCH_PAGE"])
        started = start(
            qapp,
            db_path=Path(db),
            demo=False,
            lang="ja",
            prompts=QuietPrompts(),  # type: ignore[arg-type]
            settings=settings,
        )
    assert started is not None
    started.window.resize(1200, 800)
    heavy = sorted(m for m in HEAVY_MODULES if m in sys.modules)
    _exit_when_shown(
        started.window, launched, {"check_ms": sum(checks), "checks": len(checks), "heavy": heavy}
    )
    qapp.exec()
    # No automatic backup: it would copy the 5 GB benchmark database on every run.
    if started.safety is not None:
        started.safety.close(started.db, backup=False)
    else:
        started.close()


HEAVY_MODULES = (
    "reportlab",
    "openpyxl",
    "PIL",
    "PySide6.QtPdf",
    "PySide6.QtPdfWidgets",
    "PySide6.QtCharts",
    "PySide6.QtPrintSupport",
)
"""Modules the app must not import before the user asks for a flyer, a report or a file."""


def meeting_list(launched: float, db: str) -> None:
    """Time from creating the meeting page to its first painted rows; then RSS."""
    from pathlib import Path

    from PySide6.QtCore import QEvent, QObject, QSettings, QTimer
    from PySide6.QtWidgets import QApplication

    from coordinator_app.services.registry import Services
    from coordinator_app.storage.database import open_database
    from coordinator_app.ui.context import UiContext
    from coordinator_app.ui.meetings.meeting_page import MeetingPage
    from coordinator_app.ui.settings import AppSettings

    qapp = QApplication(sys.argv)
    settings = AppSettings(QSettings(os.environ["BENCH_SETTINGS"], QSettings.Format.IniFormat))
    db_handle = open_database(Path(db))
    ctx = UiContext.create(
        services=Services.create(db_handle),
        prompts=QuietPrompts(),  # type: ignore[arg-type]
        settings=settings,
    )
    result: dict[str, float] = {}

    class FirstPaint(QObject):
        def eventFilter(self, obj, event):  # type: ignore[no-untyped-def]
            if event.type() == QEvent.Type.Paint and "paint_ms" not in result:
                result["paint_ms"] = (time.perf_counter() - started) * 1000
                QTimer.singleShot(0, finish)
            return False

    def finish() -> None:
        result["rows"] = page.model.rowCount()
        result["rss_mb"] = _rss_mb()
        print(json.dumps(result), flush=True)
        qapp.quit()

    started = time.perf_counter()
    page = MeetingPage(ctx)
    page.table.viewport().installEventFilter(FirstPaint(page))
    page.resize(1200, 800)
    page.show()
    qapp.exec()
    db_handle.close()


def main() -> None:
    mode = sys.argv[1]
    launched = float(os.environ["BENCH_LAUNCHED"])
    db = sys.argv[3] if len(sys.argv) > 3 else ""
    {
        "bare": lambda: bare(launched),
        "app": lambda: app(launched, db),
        "list": lambda: meeting_list(launched, db),
    }[mode]()


if __name__ == "__main__":
    main()
