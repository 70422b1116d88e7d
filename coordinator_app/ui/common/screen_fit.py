"""Windows that open inside the screen: a 1366×768 laptop shows every window whole.

A window's preferred size (1280×860 for a workspace, 900×720 for the meeting
window) is only a wish: :func:`fit_to_screen` shrinks it to the screen's
available area (task bar excluded, room left for the title bar) and moves it
back inside when it would hang over an edge.
"""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

TITLE_BAR = 32
"""Room for the window manager's title bar and frame, which the geometry excludes."""


def available_area(widget: QWidget) -> QRect | None:
    """The usable area of the screen ``widget`` is on (the primary one before it is shown)."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else None


def fit_to_screen(widget: QWidget) -> None:
    """Shrink ``widget`` to its screen and keep it on it (never below its minimum)."""
    area = available_area(widget)
    if area is None:
        return
    width = min(widget.width(), area.width())
    height = min(widget.height(), area.height() - TITLE_BAR)
    if (width, height) != (widget.width(), widget.height()):
        widget.resize(max(width, widget.minimumWidth()), max(height, widget.minimumHeight()))
    if widget.isWindow():
        x = min(max(widget.x(), area.left()), area.right() + 1 - widget.width())
        y = min(max(widget.y(), area.top()), area.bottom() + 1 - widget.height() - TITLE_BAR)
        if (x, y) != (widget.x(), widget.y()):
            widget.move(max(x, area.left()), max(y, area.top()))
