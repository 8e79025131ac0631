"""What the plot views share: the class colours and marker shapes, and a styled, timed plot.

Items are created once and updated with setData/setImage; pens and brushes are built once per
class. No view logic here, and nothing of the window.
"""

from __future__ import annotations

import time

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QGraphicsItem

#: ColorBrewer "Spectral" (11 classes), the colour map the case study plots with.
SPECTRAL = (
    "#9e0142", "#d53e4f", "#f46d43", "#fdae61", "#fee08b", "#ffffbf",
    "#e6f598", "#abdda4", "#66c2a5", "#3288bd", "#5e4fa2",
)  # fmt: skip
#: One marker shape per class, so that classes differ by more than colour.
SYMBOLS = ("o", "s", "t", "d", "star", "h", "p", "t1", "+", "x", "t2", "t3", "arrow_up")
#: Above this many points the scatter draws an even subsample per class (and says so).
MAX_DRAWN_POINTS = 40_000
#: How much of each class colour the regions show (the rest is white), so points stand out.
REGION_STRENGTH = 0.45

_SPECTRAL_MAP = pg.ColorMap(np.linspace(0.0, 1.0, len(SPECTRAL)), [pg.mkColor(c) for c in SPECTRAL])


def class_colours(k: int) -> np.ndarray:
    """(k, 3) uint8 RGB: k colours spread over Spectral, as matplotlib's cmap would pick them."""
    rgba = _SPECTRAL_MAP.map(np.linspace(0.0, 1.0, k), mode="byte")
    return np.asarray(rgba)[:, :3].astype(np.uint8)


def region_lut(k: int) -> np.ndarray:
    """256-entry lookup table: entry j is class j's colour washed towards white."""
    lut = np.full((256, 3), 255, dtype=np.uint8)
    c = class_colours(k).astype(float)
    lut[:k] = np.round(255 - REGION_STRENGTH * (255 - c)).astype(np.uint8)
    return lut


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
