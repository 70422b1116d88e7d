"""Work a page defers until the user has seen it: run something once its list painted."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QSplitter, QWidget


class _AfterFirstPaint(QObject):
    def __init__(self, widget: QWidget, then: Callable[[], None]) -> None:
        super().__init__(widget)
        self._then = then

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            # The next turn (this paint reaches the screen first); dropped if the widget is gone.
            QTimer.singleShot(0, self, self._then)
        return False


def after_first_paint(widget: QWidget, then: Callable[[], None]) -> None:
    """Call ``then`` in the event-loop turn after ``widget``'s first paint (never, if the
    widget is never painted: ``then`` must also be reachable on demand)."""
    widget.installEventFilter(_AfterFirstPaint(widget, then))


def split_as_first_laid_out(splitter: QSplitter) -> None:
    """The sizes ``splitter`` takes when first laid out (each pane's size hint weighted by
    its stretch factor, as QSplitter does), for a pane whose content came later."""
    panes = [splitter.widget(i) for i in range(splitter.count())]
    horizontal = splitter.orientation() == Qt.Orientation.Horizontal
    splitter.setSizes(
        [
            (w.sizeHint().width() if horizontal else w.sizeHint().height())
            * max(
                w.sizePolicy().horizontalStretch()
                if horizontal
                else w.sizePolicy().verticalStretch(),
                1,
            )
            for w in panes
        ]
    )
