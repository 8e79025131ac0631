"""DecisionView: the spiral's points over the model's decision regions, drawn from a snapshot.

The region image is uint8 class indices through a fixed lookup table (no auto-levels per frame);
the points are redrawn only when the data changes. Reads nothing but the snapshot.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg

from ...engine.snapshot import Snapshot
from .style import MAX_DRAWN_POINTS, SYMBOLS, TimedPlotWidget, class_colours, region_lut


class DecisionView(TimedPlotWidget):
    """The spiral's points over the model's decision regions, in data coordinates."""

    def __init__(self, parent=None) -> None:
        super().__init__("decision_view", "", "x₁", "x₂", parent)
        plot = self.getPlotItem()
        self.setAspectLocked(True)
        self.image = pg.ImageItem(axisOrder="row-major")
        self.image.setZValue(-10)
        self.addItem(self.image)
        self.scatters: list[pg.ScatterPlotItem] = []
        #: Held-out points, hollow: the class's marker shape, outlined in its colour, no fill.
        self.test_scatters: list[pg.ScatterPlotItem] = []
        self.note = pg.TextItem(color="#444444", anchor=(0, 0), fill=pg.mkBrush(255, 255, 255, 200))
        self.note.setZValue(20)
        self.note.setParentItem(plot.getViewBox())
        self.note.setPos(6, 4)
        self._k = 0
        self._data_key: tuple | None = None
        self._lut_k = -1
        self._rect: tuple[float, float, float, float] | None = None
        self.drawn_points = 0
        self._total = self._stride = 0
        self.retranslate()

    def retranslate(self) -> None:
        self.set_titles(self.tr("Decision regions and training points"), "x₁", "x₂")
        self._show_note()

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
        self.show_regions(snap.regions, snap.grid_rect, k)

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
        self._scatters(self.scatters, k)
        self._scatters(self.test_scatters, k)
        colours = class_colours(k)
        total = X.shape[0] + (0 if X_test is None else X_test.shape[0])
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

    def show_regions(self, regions: np.ndarray, rect: tuple[float, float, float, float], k: int) -> None:
        if k != self._lut_k:
            self.image.setLookupTable(region_lut(k))
            self._lut_k = k
        self.image.setImage(regions, levels=(0, 255), autoLevels=False, rect=pg.QtCore.QRectF(*rect))
        if rect != self._rect:  # a new range re-lays the axes: only when the data changed
            self._rect = rect
            x, y, w, h = rect
            self.setRange(xRange=(x, x + w), yRange=(y, y + h), padding=0)
