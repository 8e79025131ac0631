"""The live views. They draw what a snapshot says and nothing else.

Items are created once and updated with setData/setImage, pens and brushes are built once per
class, the region image is uint8 class indices through a fixed lookup table (no auto-levels per
frame), and the loss curve keeps a growing buffer drawn with peak downsampling and clipping.
"""

from __future__ import annotations

import time

import numpy as np
import pyqtgraph as pg
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
        plot.setTitle(title, color="#222222", size="13pt")
        plot.setLabel("bottom", x_label)
        plot.setLabel("left", y_label)
        plot.setMenuEnabled(False)
        style_plot(plot)

    def paintEvent(self, event) -> None:
        start = time.perf_counter()
        super().paintEvent(event)
        self.paint_seconds += time.perf_counter() - start


class DecisionView(TimedPlotWidget):
    """The spiral's points over the model's decision regions, in data coordinates."""

    def __init__(self, parent=None) -> None:
        super().__init__("decision_view", "Decision regions and training points", "x₁", "x₂", parent)
        plot = self.getPlotItem()
        self.setAspectLocked(True)
        self.image = pg.ImageItem(axisOrder="row-major")
        self.image.setZValue(-10)
        self.addItem(self.image)
        self.scatters: list[pg.ScatterPlotItem] = []
        self.note = pg.TextItem(color="#444444", anchor=(0, 0), fill=pg.mkBrush(255, 255, 255, 200))
        self.note.setZValue(20)
        self.note.setParentItem(plot.getViewBox())
        self.note.setPos(6, 4)
        self._k = 0
        self._data_key: tuple | None = None
        self._lut_k = -1
        self._rect: tuple[float, float, float, float] | None = None
        self.drawn_points = 0

    def show_data(self, X: np.ndarray, y: np.ndarray, k: int) -> None:
        """Redraw the points (only when the data really changed)."""
        key = (id(X), X.shape, k)
        if key == self._data_key:
            return
        self._data_key = key
        while len(self.scatters) < k:
            s = pg.ScatterPlotItem(pxMode=True)
            s.setZValue(10)
            self.addItem(s)
            self.scatters.append(s)
        for s in self.scatters[k:]:
            s.setData([], [])
        colours = class_colours(k)
        total = X.shape[0]
        stride = max(1, -(-total // MAX_DRAWN_POINTS))
        size = 9 if total <= 1500 else 6 if total <= 15_000 else 4
        outline = pg.mkPen(40, 40, 40, 200, width=1 if total <= 15_000 else 0.5)
        self.drawn_points = 0
        for j in range(k):
            rows = np.flatnonzero(y == j)[::stride]
            self.drawn_points += rows.size
            self.scatters[j].setData(
                x=X[rows, 0],
                y=X[rows, 1],
                symbol=SYMBOLS[j % len(SYMBOLS)],
                size=size,
                pen=outline,
                brush=pg.mkBrush(*colours[j]),
                name=f"class {j}",
            )
        self.note.setText(
            f"showing {self.drawn_points:,} of {total:,} points (every {stride}th)" if stride > 1 else ""
        )
        self.note.setVisible(stride > 1)
        self._k = k

    def show_regions(self, regions: np.ndarray, rect: tuple[float, float, float, float], k: int) -> None:
        if k != self._lut_k:
            self.image.setLookupTable(region_lut(k))
            self._lut_k = k
        self.image.setImage(regions, levels=(0, 255), autoLevels=False, rect=pg.QtCore.QRectF(*rect))
        if rect != self._rect:  # a new range re-lays the axes: only when the data changed
            self._rect = rect
            x, y, w, h = rect
            self.setRange(xRange=(x, x + w), yRange=(y, y + h), padding=0)


class LossView(TimedPlotWidget):
    """Total and data loss per iteration; spikes stay visible (peak downsampling)."""

    def __init__(self, parent=None) -> None:
        super().__init__("loss_view", "Loss", "iteration", "loss", parent)
        plot = self.getPlotItem()
        plot.showGrid(x=True, y=True, alpha=0.25)
        legend = plot.addLegend(offset=(-10, 10), labelTextSize="11pt")
        legend.setBrush(pg.mkBrush(255, 255, 255, 220))
        # Not anti-aliased: a smooth path of thousands of points costs ~5 ms a frame in software.
        self.total_curve = plot.plot(pen=pg.mkPen("#3288bd", width=2), name="total loss", antialias=False)
        self.data_curve = plot.plot(
            pen=pg.mkPen("#d53e4f", width=1.5), name="data loss", antialias=False
        )
        for c in (self.total_curve, self.data_curve):
            c.setDownsampling(auto=True, method="peak")
            c.setClipToView(True)
        self.marker = pg.TextItem(color="#b2182b", anchor=(1, 0))
        self.marker.setParentItem(plot.getViewBox())
        self._buf = np.empty((3, 1024))  # iteration, total, data
        self._n = 0
        self._budget = 1
        self._xmax = 0
        self._ymax = 0.0
        self._log = False
        # The ranges are set here, not auto-ranged: a range that moves every frame re-lays the
        # axes every frame, which costs more than drawing the curves.
        plot.disableAutoRange()
        plot.setXRange(0, 1, padding=0)

    @property
    def count(self) -> int:
        """Points on the curve."""
        return self._n

    def clear_curve(self, budget: int | None = None) -> None:
        self._n = 0
        self._ymax = 0.0
        self._xmax = 0
        self.marker.setText("")
        if budget is not None:
            self.set_budget(budget)
        self._redraw()

    def set_budget(self, iterations: int) -> None:
        """The x axis ends at the budget, or sooner while the curve is short (see _fit_x)."""
        if iterations != self._budget:
            self._budget = iterations
            self._xmax = 0
            self._fit_x()

    def _fit_x(self) -> None:
        """Double the x range when the curve reaches its end: a slow run stays readable and the
        axis is re-laid only a dozen times per run instead of every frame."""
        last = self._buf[0, self._n - 1] if self._n else 0
        if self._xmax and (last < self._xmax or self._xmax >= self._budget):
            return
        xmax = 64
        while xmax <= last * 1.1:
            xmax *= 2
        self._xmax = min(xmax, self._budget)
        self.getPlotItem().setXRange(0, self._xmax, padding=0.02)

    def append(self, start: int, losses: np.ndarray, data_losses: np.ndarray) -> None:
        """Add losses for iterations start, start+1, …; a restart from an earlier point truncates."""
        self._n = min(self._n, start) if start < self._n else self._n
        m = losses.size
        if m == 0:
            return
        need = self._n + m
        if need > self._buf.shape[1]:
            grown = np.empty((3, max(need, 2 * self._buf.shape[1])))
            grown[:, : self._n] = self._buf[:, : self._n]
            self._buf = grown
        self._buf[0, self._n : need] = np.arange(start, start + m)
        self._buf[1, self._n : need] = losses
        self._buf[2, self._n : need] = data_losses
        self._n = need
        self._redraw()

    def set_log(self, on: bool) -> None:
        self._log = on
        self.getPlotItem().setLogMode(x=False, y=on)
        self._ymax = 0.0
        self._fit_y()

    def _fit_y(self) -> None:
        """Fit y to the losses, moving the range only when the curve leaves it."""
        if self._n == 0:
            return
        total, data = self._buf[1, : self._n], self._buf[2, : self._n]
        top = float(max(total.max(), data.max()))
        plot = self.getPlotItem()
        if self._log:
            low = float(max(min(total.min(), data.min()), 1e-12))
            lo, hi = np.log10(low), np.log10(top)
            current = plot.getViewBox().viewRange()[1]
            if lo < current[0] or hi > current[1] or self._ymax == 0.0:
                plot.setYRange(lo - 0.1, hi + 0.1, padding=0)
                self._ymax = top
        elif top > self._ymax or self._ymax == 0.0:
            self._ymax = top
            plot.setYRange(0, top * 1.05, padding=0)

    def set_marker(self, text: str) -> None:
        self.marker.setText(text)
        vb = self.getPlotItem().getViewBox()
        self.marker.setPos(vb.width() - 8, 4)

    def curve_data(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        return (self._buf[0, : self._n], self._buf[1, : self._n], self._buf[2, : self._n])

    def _redraw(self) -> None:
        x, total, data = self.curve_data()
        self.total_curve.setData(x, total)
        self.data_curve.setData(x, data)
        self._fit_x()
        self._fit_y()
