"""DecisionView: the spiral's points over the model's decision regions, drawn from a snapshot.

The regions are an RGB image made by one table lookup per cell (`ui/palettes.py`): each cell in
its class's colour, faded towards white as the model is less sure (the snapshot's `confidence`),
or the crisp argmax map of the notes; the shaded map is drawn with smooth scaling, so that no
staircase of cells shows. Points are drawn in the palette's colours with dark outlines (no class
vanishes on its own region) and one marker shape per class; held-out points are hollow; a legend
names the classes. When the regions lag the readouts (full speed), a note says which iteration
they show. The points are redrawn only when the data or the palette changes. Reads nothing but
the snapshot.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QRectF
from PySide6.QtGui import QPainter

from ...engine.snapshot import Snapshot
from ..palettes import DEFAULT_PALETTE, class_colours, region_pixels
from .style import MAX_DRAWN_POINTS, SYMBOLS, TimedPlotWidget

#: The points' outline: dark and opaque, so that a pale class stands out on its own pale region.
OUTLINE = (25, 25, 25, 255)

Rect = tuple[float, float, float, float]


class RegionImage(pg.ImageItem):
    """An ImageItem that can be drawn with smooth (bilinear) scaling instead of square cells."""

    smooth = True

    def paint(self, painter, *args) -> None:
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, self.smooth)
        super().paint(painter, *args)


def _text_item() -> pg.TextItem:
    item = pg.TextItem(color="#444444", anchor=(0, 0), fill=pg.mkBrush(255, 255, 255, 200))
    item.setZValue(20)
    return item


class DecisionView(TimedPlotWidget):
    """The spiral's points over the model's decision regions, in data coordinates."""

    def __init__(self, parent=None) -> None:
        super().__init__("decision_view", "", "x₁", "x₂", parent)
        plot = self.getPlotItem()
        self.setAspectLocked(True)
        self.image = RegionImage(axisOrder="row-major")
        self.image.setZValue(-10)
        self.addItem(self.image)
        self.scatters: list[pg.ScatterPlotItem] = []
        #: Held-out points, hollow: the class's marker shape, outlined in its colour, no fill.
        self.test_scatters: list[pg.ScatterPlotItem] = []
        self.note = _text_item()
        self.note.setParentItem(plot.getViewBox())
        self.note.setPos(6, 4)
        #: "regions at iteration n", shown while the regions lag the readouts.
        self.lag_note = _text_item()
        self.lag_note.setParentItem(plot.getViewBox())
        self.lag_note.setVisible(False)
        self.legend = pg.LegendItem(
            offset=(-6, 6), brush=pg.mkBrush(255, 255, 255, 210), pen=pg.mkPen(150, 150, 150),
            labelTextColor="#222222", verSpacing=-6,
        )
        self.legend.setParentItem(plot.getViewBox())
        self.legend.setZValue(30)
        self.shaded = True  #: shade cells by confidence (else the crisp argmax map)
        self.palette = DEFAULT_PALETTE
        self._k = 0
        self._data_key: tuple | None = None
        self._rect: Rect | None = None
        self._last: tuple[np.ndarray, Rect, int, np.ndarray | None] | None = None
        self._data: tuple | None = None
        self.drawn_points = 0
        self._total = self._stride = 0
        self.regions_iteration = -1  #: the iteration of the regions on screen
        #: The class grid on screen ((rows, cols) uint8, row 0 at the lowest y); `image.image`
        #: holds its RGB pixels.
        self.shown_regions: np.ndarray | None = None
        self.retranslate()

    def retranslate(self) -> None:
        self.set_titles(self.tr("Decision regions and training points"), "x₁", "x₂")
        self._show_note()
        self._fill_legend()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _show_note(self) -> None:
        """Say when the scatter shows a subsample of the points."""
        subsample = self._stride > 1
        self.note.setText(
            self.tr("showing {shown} of {total} points (every {stride}th)").format(
                shown=f"{self.drawn_points:,}", total=f"{self._total:,}", stride=self._stride
            )
            if subsample
            else ""
        )
        self.note.setVisible(subsample)

    def show_snapshot(self, snap: Snapshot) -> None:
        k = snap.config.k
        self.show_data(snap.X, snap.y, k, snap.X_test, snap.y_test)
        self.show_regions(snap.regions, snap.grid_rect, k, snap.confidence)
        self.show_lag(snap.regions_iteration, snap.iteration)

    def set_region_style(self, shaded: bool, palette: str) -> None:
        """Shade by confidence or not, in which palette; redraws what is on screen at once."""
        class_colours(2, palette)  # ValueError for an unknown palette, before anything changes
        changed_palette = palette != self.palette
        self.shaded, self.palette = shaded, palette
        self.image.smooth = shaded
        if changed_palette and self._data is not None:
            self._data_key = None
            self.show_data(*self._data)
        if self._last is not None:
            self.show_regions(*self._last)

    def _scatters(self, items: list[pg.ScatterPlotItem], k: int) -> None:
        while len(items) < k:
            s = pg.ScatterPlotItem(pxMode=True)
            s.setZValue(10)
            self.addItem(s)
            items.append(s)
        for s in items[k:]:
            s.setData([], [])

    def show_data(
        self, X: np.ndarray, y: np.ndarray, k: int, X_test: np.ndarray | None = None,
        y_test: np.ndarray | None = None,
    ) -> None:
        """Redraw the points, held-out ones hollow (only when the data really changed)."""
        key = (id(X), X.shape, k, id(X_test))
        if key == self._data_key:
            return
        self._data_key = key
        self._data = (X, y, k, X_test, y_test)
        self._scatters(self.scatters, k)
        self._scatters(self.test_scatters, k)
        colours = class_colours(k, self.palette)
        total = X.shape[0] + (0 if X_test is None else X_test.shape[0])
        stride = max(1, -(-total // MAX_DRAWN_POINTS))
        size = 9 if total <= 1500 else 6 if total <= 15_000 else 4
        outline = pg.mkPen(*OUTLINE, width=1.3 if total <= 15_000 else 0.7)
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
            )
            rows = np.empty(0, np.intp) if y_test is None else np.flatnonzero(y_test == j)[::stride]
            self.drawn_points += rows.size
            self.test_scatters[j].setData(
                x=X_test[rows, 0] if X_test is not None and rows.size else [],
                y=X_test[rows, 1] if X_test is not None and rows.size else [],
                symbol=SYMBOLS[j % len(SYMBOLS)],
                size=size,
                pen=pg.mkPen(*colours[j], width=2),
                brush=pg.mkBrush(None),
            )
        self._total, self._stride = total, stride
        self._show_note()
        self._k = k
        self._fill_legend()

    def class_name(self, j: int) -> str:
        return self.tr("class {0}").format(j)

    def _fill_legend(self) -> None:
        self.legend.clear()
        k = self._k
        self.legend.setColumnCount(1 if k <= 6 else -(-k // 4))  # many classes: wide, not tall
        for j in range(k):
            self.legend.addItem(self.scatters[j], self.class_name(j))

    def show_regions(
        self, regions: np.ndarray, rect: Rect, k: int, confidence: np.ndarray | None = None
    ) -> None:
        """Draw a region grid (classes per cell, and how sure the model is of them if known)."""
        self._last = (regions, rect, k, confidence)
        self.shown_regions = regions
        pixels = region_pixels(regions, confidence, k, self.palette, self.shaded)
        self.image.setImage(pixels, levels=(0, 255), autoLevels=False, rect=QRectF(*rect))
        if rect != self._rect:  # a new range re-lays the axes: only when the data changed
            self._rect = rect
            x, y, w, h = rect
            self.setRange(xRange=(x, x + w), yRange=(y, y + h), padding=0)

    def show_lag(self, regions_iteration: int, iteration: int) -> None:
        """Say which iteration the regions show while they lag the readouts."""
        self.regions_iteration = regions_iteration
        lagging = regions_iteration != iteration
        if lagging:
            self.lag_note.setText(self.tr("regions at iteration {0}").format(f"{regions_iteration:,}"))
            self.lag_note.setPos(6, 30 if self.note.isVisible() else 4)
        self.lag_note.setVisible(lagging)
