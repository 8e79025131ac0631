"""HeatMap: one array drawn as a zoomable heat map with a colour bar and a hover readout.

Rows are drawn top to bottom (row 0 at the top), columns left to right; a 1-D array is drawn as
one column. Numbers use a diverging map centred on 0 (blue below, white at 0, red above), so a
zero entry is white whatever the range; booleans use white for False and dark grey for True.
`set_marks(mask)` lays a translucent hatch-grey over chosen cells (the entries a line zeroed).
When the rows are the training points, `set_row_classes(y)` draws the class boundaries and the
hover readout names each row's class. Pure display: formats and draws what it is given.
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QPointF
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

translate = QCoreApplication.translate

#: ColorBrewer RdBu, reversed: negative blue, zero white, positive red.
_RDBU = ("#2166ac", "#4393c3", "#92c5de", "#d1e5f0", "#f7f7f7", "#fddbc7", "#f4a582", "#d6604d", "#b2182b")
DIVERGING = pg.ColorMap(np.linspace(0.0, 1.0, len(_RDBU)), [pg.mkColor(c) for c in _RDBU])
BOOLEAN = pg.ColorMap(np.array([0.0, 1.0]), [pg.mkColor("#ffffff"), pg.mkColor("#4d4d4d")])
#: The marks over zeroed cells: translucent dark grey.
MARK_RGBA = (40, 40, 40, 110)



def as_image(value: np.ndarray) -> np.ndarray:
    """The 2-D picture of an array: a 0-d value as 1×1, a 1-D array as one column."""
    a = np.asarray(value)
    if a.ndim == 0:
        return a.reshape(1, 1)
    if a.ndim == 1:
        return a.reshape(-1, 1)
    return a.reshape(a.shape[0], -1)


def format_value(v: float | bool) -> str:
    if isinstance(v, (bool, np.bool_)):
        return "True" if v else "False"
    return f"{float(v):.6g}"


class HeatMap(QWidget):
    """A titled heat map of one array; `show_array(a)`, `describe(row, col)` for the hover text."""

    def __init__(self, object_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.graphics = pg.GraphicsLayoutWidget()
        self.graphics.setBackground("w")
        self.plot = self.graphics.addPlot()
        self.plot.setMenuEnabled(False)
        self.plot.hideButtons()
        vb = self.plot.getViewBox()
        vb.invertY(True)  # row 0 at the top, as the array prints
        vb.setAspectLocked(False)
        for side in ("left", "bottom"):
            self.plot.getAxis(side).setTextPen(pg.mkPen("#333333"))
            self.plot.getAxis(side).setPen(pg.mkPen("#777777"))
        self.image = pg.ImageItem(axisOrder="row-major")
        self.plot.addItem(self.image)
        self.marks = pg.ImageItem(axisOrder="row-major")
        self.marks.setZValue(5)
        self.plot.addItem(self.marks)
        self.bar = pg.ColorBarItem(colorMap=DIVERGING, interactive=False, width=14)
        self.bar.setImageItem(self.image, insert_in=self.plot)
        self.hover_label = QLabel(" ")
        self.hover_label.setObjectName(f"{object_name}_hover")
        self.hover_label.setStyleSheet("color: #333333; font-family: monospace;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.graphics, 1)
        layout.addWidget(self.hover_label)
        self._array: np.ndarray | None = None
        self._marked: np.ndarray | None = None
        self._row_classes: np.ndarray | None = None
        self._boundaries: list[pg.InfiniteLine] = []
        self.graphics.scene().sigMouseMoved.connect(self._on_mouse)

    # -- what to draw -----------------------------------------------------------------------
    def set_title(self, text: str) -> None:
        self.plot.setTitle(text, color="#222222", size="11pt")

    def set_axis_titles(self, rows: str, columns: str) -> None:
        self.plot.setLabel("left", rows)
        self.plot.setLabel("bottom", columns)

    def set_row_classes(self, y: np.ndarray | None) -> None:
        """The class of each row (rows are the training points, grouped by class), or None."""
        for line in self._boundaries:
            self.plot.removeItem(line)
        self._boundaries = []
        self._row_classes = None if y is None else np.asarray(y)
        if y is None or len(y) < 2:
            return
        for row in np.flatnonzero(np.diff(np.asarray(y).astype(np.int64)) != 0) + 1:
            line = pg.InfiniteLine(pos=float(row), angle=0, pen=pg.mkPen("#000000", width=1))
            line.setZValue(10)
            self.plot.addItem(line)
            self._boundaries.append(line)

    def show_array(self, value: np.ndarray) -> None:
        """Draw `value`; levels symmetric about 0 (or 0..1 for booleans), fitted to the view."""
        image = as_image(value)
        self._array = image
        self._marked = None
        self.marks.clear()
        if image.dtype == np.bool_:
            self.bar.setColorMap(BOOLEAN)
            levels = (0.0, 1.0)
            data = image.astype(np.float32)
        else:
            self.bar.setColorMap(DIVERGING)
            finite = image[np.isfinite(image)] if image.size else image
            top = float(np.max(np.abs(finite))) if finite.size else 0.0
            top = top if top > 0 and math.isfinite(top) else 1.0
            levels = (-top, top)
            data = np.nan_to_num(image.astype(np.float64), nan=0.0)
        self.image.setImage(data, autoLevels=False)
        self.bar.setLevels(levels)
        self.plot.getViewBox().autoRange(padding=0.0)

    def set_marks(self, mask: np.ndarray | None) -> None:
        """Lay the marks over the True cells of `mask` (same shape as the array shown)."""
        self._marked = None if mask is None else as_image(mask)
        if self._marked is None:
            self.marks.clear()
            return
        rgba = np.zeros((*self._marked.shape, 4), dtype=np.uint8)
        rgba[self._marked] = MARK_RGBA
        self.marks.setImage(rgba, autoLevels=False, levels=(0, 255))

    def clear(self) -> None:
        self._array = None
        self.image.clear()
        self.marks.clear()
        self.hover_label.setText(" ")

    # -- reading it back ----------------------------------------------------------------------
    @property
    def array(self) -> np.ndarray | None:
        """The 2-D array drawn (None when empty)."""
        return self._array

    @property
    def levels(self) -> tuple[float, float]:
        lo, hi = self.bar.levels()
        return float(lo), float(hi)

    def describe(self, row: int, col: int) -> str:
        """The hover text for a cell: row (and its class), column, value, and whether it is marked."""
        a = self._array
        if a is None or not (0 <= row < a.shape[0] and 0 <= col < a.shape[1]):
            return " "
        where = translate("HeatMap", "row {row}").format(row=row)
        if self._row_classes is not None and row < len(self._row_classes):
            where = translate("HeatMap", "row {row} (class {cls})").format(
                row=row, cls=int(self._row_classes[row])
            )
        text = translate("HeatMap", "{where}, column {col}: {value}").format(
            where=where, col=col, value=format_value(a[row, col])
        )
        if self._marked is not None and self._marked[row, col]:
            text += translate("HeatMap", "  — set to 0 by this line")
        return text

    def _on_mouse(self, pos: QPointF) -> None:
        if not self.plot.sceneBoundingRect().contains(pos):
            return
        p = self.plot.getViewBox().mapSceneToView(pos)
        self.hover_label.setText(self.describe(math.floor(p.y()), math.floor(p.x())))
