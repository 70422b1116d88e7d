"""The meetings-by-month bar chart of the activity report.

QtCharts draws it when the module is there (imported only when a chart is
built); otherwise a small painted chart shows the same bars.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QVBoxLayout, QWidget

BAR = QColor("#2f6f9f")
GRID = QColor("#d0d7de")
MIN_SIZE = QSize(360, 240)


class MonthChart(QWidget):
    """Bars of one count per month (April first), titled.

    Attributes:
        uses_qtcharts: True when QtCharts draws the chart.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumSize(MIN_SIZE)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.labels: list[str] = []
        self.values: list[int] = []
        self.title = ""
        try:
            self._chart_view = _QtChartsView(self)
        except ImportError:
            self._chart_view = None
            self._painted: _PaintedBars | None = _PaintedBars(self)
            self._layout.addWidget(self._painted)
        else:
            self._painted = None
            self._layout.addWidget(self._chart_view.view)

    @property
    def uses_qtcharts(self) -> bool:
        return self._chart_view is not None

    def set_data(self, *, title: str, labels: Sequence[str], values: Sequence[int]) -> None:
        self.title, self.labels, self.values = title, list(labels), list(values)
        if self._chart_view is not None:
            self._chart_view.show_bars(title, self.labels, self.values)
        elif self._painted is not None:
            self._painted.show_bars(title, self.labels, self.values)


def _axis_max(values: Sequence[int]) -> int:
    """A round upper bound for the value axis: four ticks of 1, 2 or 5 × 10ⁿ."""
    top = max([*values, 0])
    magnitude = 1
    while True:
        for factor in (1, 2, 5):
            if factor * magnitude * 4 >= top:
                return factor * magnitude * 4
        magnitude *= 10


class _QtChartsView:
    """A QChartView with one bar series; raises ImportError without QtCharts."""

    def __init__(self, parent: QWidget) -> None:
        from PySide6.QtCharts import QChart, QChartView

        self.chart = QChart()
        self.chart.legend().hide()
        self.chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        self.chart.setBackgroundRoundness(0)
        self.view = QChartView(self.chart, parent)
        self.view.setRenderHint(QPainter.RenderHint.Antialiasing)

    def show_bars(self, title: str, labels: list[str], values: list[int]) -> None:
        from PySide6.QtCharts import QBarCategoryAxis, QBarSeries, QBarSet, QValueAxis

        chart = self.chart
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        bars = QBarSet(title)
        bars.setColor(BAR)
        bars.setBorderColor(BAR)
        bars.setLabelColor(QColor("#1f2933"))
        for value in values:
            bars.append(value)
        series = QBarSeries()
        series.append(bars)
        series.setLabelsVisible(True)
        series.setLabelsPosition(QBarSeries.LabelsPosition.LabelsOutsideEnd)
        chart.addSeries(series)
        categories = QBarCategoryAxis()
        categories.append(labels)
        # QtCharts cuts a label wider than its category (May → M…); a smaller font keeps
        # three-letter English months whole in a half-width window
        font = QFont(categories.labelsFont())
        font.setPointSizeF(max(font.pointSizeF() * 0.85, 6.5))
        categories.setLabelsFont(font)
        chart.addAxis(categories, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(categories)
        counts = QValueAxis()
        counts.setRange(0, _axis_max(values))
        counts.setLabelFormat("%d")
        counts.setTickCount(5)
        chart.addAxis(counts, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(counts)
        chart.setTitle(title)


class _PaintedBars(QWidget):
    """The fallback: bars, month labels and a value on each bar, painted directly."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = ""
        self.labels: list[str] = []
        self.values: list[int] = []

    def show_bars(self, title: str, labels: list[str], values: list[int]) -> None:
        self.title, self.labels, self.values = title, labels, values
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), Qt.GlobalColor.white)
        metrics = painter.fontMetrics()
        line = metrics.height()
        painter.drawText(
            QRectF(0, 4, self.width(), line), Qt.AlignmentFlag.AlignHCenter, self.title
        )
        if not self.values:
            painter.end()
            return
        left, right, top, bottom = 36.0, 12.0, line * 2.0, line * 1.8
        plot = QRectF(left, top, self.width() - left - right, self.height() - top - bottom)
        top_value = _axis_max(self.values)
        painter.setPen(QPen(GRID))
        for i in range(5):
            y = plot.bottom() - plot.height() * i / 4
            painter.drawLine(int(plot.left()), int(y), int(plot.right()), int(y))
            painter.setPen(Qt.GlobalColor.black)
            painter.drawText(
                QRectF(0, y - line / 2, left - 4, line),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                str(top_value * i // 4),
            )
            painter.setPen(QPen(GRID))
        slot = plot.width() / len(self.values)
        for i, (label, value) in enumerate(zip(self.labels, self.values, strict=True)):
            height = plot.height() * value / top_value
            bar = QRectF(plot.left() + slot * (i + 0.2), plot.bottom() - height, slot * 0.6, height)
            painter.fillRect(bar, BAR)
            painter.setPen(Qt.GlobalColor.black)
            if value:
                painter.drawText(
                    QRectF(bar.left() - 8, bar.top() - line, bar.width() + 16, line),
                    Qt.AlignmentFlag.AlignHCenter,
                    str(value),
                )
            painter.drawText(
                QRectF(plot.left() + slot * i, plot.bottom() + 2, slot, line),
                Qt.AlignmentFlag.AlignHCenter,
                label,
            )
        painter.end()
