"""What the plot views share: the class colours (from `ui/palettes.py`) and marker shapes, and a
styled, timed plot.

Items are created once and updated with setData/setImage; pens and brushes are built once per
class. No view logic here, and nothing of the window.
"""

from __future__ import annotations

import time

import pyqtgraph as pg
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QGraphicsItem

from ..palettes import REGION_STRENGTH, SPECTRAL, class_colours

__all__ = ["MAX_DRAWN_POINTS", "REGION_STRENGTH", "SPECTRAL", "SYMBOLS", "TimedPlotWidget",
           "class_colours", "style_plot"]

#: One marker shape per class, so that classes differ by more than colour.
SYMBOLS = ("o", "s", "t", "d", "star", "h", "p", "t1", "+", "x", "t2", "t3", "arrow_up")
#: Above this many points the scatter draws an even subsample per class (and says so).
MAX_DRAWN_POINTS = 40_000


def style_plot(plot: pg.PlotItem, font_px: int = 13) -> None:
    font = pg.QtGui.QFont()
    font.setPixelSize(font_px)
    for side in ("left", "bottom"):
        axis = plot.getAxis(side)
        axis.setTickFont(font)
        axis.setTextPen(pg.mkPen("#333333"))
        axis.setPen(pg.mkPen("#777777"))
        axis.label.setFont(font)
        axis.enableAutoSIPrefix(False)
        # Drawn once into a pixmap and blitted until the range changes: text is slow to paint.
        axis.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)


class TimedPlotWidget(pg.PlotWidget):
    """A white, styled PlotWidget that adds up the time its paint events take, so the window
    can pace itself."""

    paint_seconds = 0.0

    def __init__(self, name: str, title: str, x_label: str, y_label: str, parent=None) -> None:
        super().__init__(parent=parent, background="w")
        self.setObjectName(name)
        plot = self.getPlotItem()
        self.set_titles(title, x_label, y_label)
        plot.setMenuEnabled(False)
        style_plot(plot)

    def set_titles(self, title: str, x_label: str, y_label: str) -> None:
        """The plot's title and axis labels (again on a language change)."""
        plot = self.getPlotItem()
        plot.setTitle(title, color="#222222", size="13pt")
        plot.setLabel("bottom", x_label)
        plot.setLabel("left", y_label)
        #: The texts as set, for whoever checks what the plot says.
        self.titles = (title, x_label, y_label)

    def retranslate(self) -> None:
        """Views re-set their texts here; called on every language change."""

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def paintEvent(self, event) -> None:
        start = time.perf_counter()
        super().paintEvent(event)
        self.paint_seconds += time.perf_counter() - start
