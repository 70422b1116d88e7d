"""Rendering the guidebook in a worker thread, so the window stays responsive.

The data is read in the window's thread (services own the database); the
renderer touches no database and runs in the worker. Cancelling sets a flag
the renderer's progress callback checks between places.
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, QThread, Signal, Slot

from coordinator_app.documents.data.guidebook import GuidebookData
from coordinator_app.documents.render.guidebook import GuidebookRenderer, RenderCancelled


class GuidebookWorker(QObject):
    """Renders one guidebook in its own :class:`QThread`.

    Signals (delivered in the thread that created the worker):
        progressed(done, total)
        rendered(RenderedDocument)
        failed(str): the renderer raised; the message.
        cancelled()
        ended(): after any of the three above; the thread has stopped.
    """

    progressed = Signal(int, int)
    rendered = Signal(object)
    failed = Signal(str)
    cancelled = Signal()
    ended = Signal()

    def __init__(self, renderer: GuidebookRenderer, data: GuidebookData) -> None:
        super().__init__()
        self.renderer = renderer
        self.data = data
        self._cancel = threading.Event()
        self.thread = QThread()
        self.moveToThread(self.thread)
        self.thread.started.connect(self._run)

    def start(self) -> None:
        self.thread.start()

    def cancel(self) -> None:
        self._cancel.set()

    def wait(self) -> None:
        """Blocks until the thread has stopped (used when the window closes while rendering)."""
        self.thread.wait()

    @Slot()
    def _run(self) -> None:
        def progress(done: int, total: int) -> None:
            if self._cancel.is_set():
                raise RenderCancelled
            self.progressed.emit(done, total)

        try:
            result = self.renderer.render(self.data, progress)
        except RenderCancelled:
            self.cancelled.emit()
        except Exception as exc:  # shown to the user; the window stays usable
            self.failed.emit(str(exc) or type(exc).__name__)
        else:
            self.rendered.emit(result)
        finally:
            self.thread.quit()
            self.ended.emit()
