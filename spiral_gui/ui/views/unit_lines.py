"""The hidden units drawn over the decision regions: each unit's line z_j = 0, and a selected unit.

`UnitsOverlay` adds its items to a `DecisionView` once and updates them from the engine's
`UnitsOverview` and `UnitDetail` (snapshot extras): lines coloured by the class W2[j] favours,
as wide as |W2[j]| is strong, dead units dashed grey, a short tick with a dot on each unit's
active side; for a selected unit its active half-plane shaded, the training points whose
gradient it receives (rings) and those the ReLU mask blocks (crosses), and its line after the
next step (dashed). It also answers which drawn line lies under the mouse. It computes nothing
of the model and reads nothing but what it is given.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen, QPolygonF

from ...engine.unit_extras import UnitsOverview, active_region
from ...engine.units import UnitDetail
from .style import class_colours

translate = QCoreApplication.translate

#: Line widths in pixels: the weakest and the strongest unit drawn.
MIN_WIDTH, MAX_WIDTH = 1.0, 3.5
#: Up to this many lines are anti-aliased: smooth wide lines cost about 5x as much to paint, and
#: among dozens of lines the steps hardly show.
SMOOTH_LINES = 16
#: How much of the other lines shows while one unit is selected.
DIMMED = 0.3
#: The active-side tick: its length in pixels.
TICK_PX = 13.0
DEAD_COLOUR = QColor(110, 110, 110)
RECEIVES_COLOUR = QColor(0, 120, 60)
BLOCKED_COLOUR = QColor(200, 20, 30)
ACTIVE_SHADE = QColor(230, 160, 0, 210)



def _clip(a: QPointF, b: QPointF, r: QRectF) -> tuple[QPointF, QPointF] | None:
    """The part of segment ab inside r (Liang–Barsky), None if none: a line far longer than the
    screen (zoomed in) costs as much to paint as what shows."""
    d = b - a
    t0, t1 = 0.0, 1.0
    for p, q in ((-d.x(), a.x() - r.left()), (d.x(), r.right() - a.x()),
                 (-d.y(), a.y() - r.top()), (d.y(), r.bottom() - a.y())):  # fmt: skip
        if p == 0:
            if q < 0:
                return None
            continue
        t = q / p
        if p < 0:
            t0 = max(t0, t)
        else:
            t1 = min(t1, t)
        if t0 > t1:
            return None
    return a + d * t0, a + d * t1


class UnitLinesItem(pg.GraphicsObject):
    """Up to a few dozen lines with ticks, painted in device pixels (cosmetic widths)."""

    def __init__(self) -> None:
        super().__init__()
        self._rect = QRectF()
        self.segments = np.zeros((0, 2, 2))
        self.normals = np.zeros((0, 2))
        self.visible_lines = np.zeros(0, dtype=bool)
        self.pens: list[QPen] = []
        self.halo: list[QPen | None] = []
        self.selected = -1  # row of the selected unit among the lines, -1 if none

    def set_lines(
        self, rect: QRectF, segments: np.ndarray, normals: np.ndarray, visible: np.ndarray, pens: list[QPen]
    ) -> None:
        if rect != self._rect:
            self.prepareGeometryChange()
            self._rect = rect
        self.segments, self.normals, self.visible_lines = segments, normals, visible
        self.pens = pens
        self.halo = []
        for pen in pens:  # a dark edge for pale colours only: every extra stroke costs paint time
            light = pen.color().lightness() > 180 and pen.style() == Qt.PenStyle.SolidLine
            halo = QPen(QColor(30, 30, 30, 220), pen.widthF() + 1.6) if light else None
            if halo is not None:
                halo.setCosmetic(True)
                halo.setCapStyle(Qt.PenCapStyle.FlatCap)
            self.halo.append(halo)
        self.update()

    def boundingRect(self) -> QRectF:
        return self._rect

    def paint(self, painter: QPainter, *args: object) -> None:
        if not len(self.pens):
            return
        tr = painter.transform()
        device = QRectF(painter.viewport()).adjusted(-20, -20, 20, 20)  # zoomed in: only what shows
        painter.save()
        painter.resetTransform()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, len(self.pens) <= SMOOTH_LINES)
        order = [i for i in range(len(self.pens)) if i != self.selected]
        if 0 <= self.selected < len(self.pens):
            order.append(self.selected)  # on top
        for i in order:
            if not self.visible_lines[i]:
                continue
            (x0, y0), (x1, y1) = self.segments[i]
            clipped = _clip(tr.map(QPointF(x0, y0)), tr.map(QPointF(x1, y1)), device)
            if clipped is None:
                continue
            a, b = clipped
            mid = QPointF((x0 + x1) / 2, (y0 + y1) / 2)
            m = tr.map(mid)
            scale = max(abs(x1 - x0), abs(y1 - y0), 1e-12) * 1e-3
            ahead = tr.map(mid + QPointF(*(self.normals[i] * scale)))
            d = ahead - m
            length = max((d.x() ** 2 + d.y() ** 2) ** 0.5, 1e-12)
            tip = m + d * (TICK_PX / length)
            pen = self.pens[i]
            painter.setOpacity(DIMMED if 0 <= self.selected != i else 1.0)
            if i == self.selected:
                outline = QPen(QColor(20, 20, 20), pen.widthF() + 3.0)
                outline.setCosmetic(True)
                painter.setPen(outline)
                painter.drawLine(a, b)
            elif (halo := self.halo[i]) is not None:
                painter.setPen(halo)
                painter.drawLine(a, b)
            painter.setPen(pen)
            painter.drawLine(a, b)
            dark = QPen(QColor(30, 30, 30), 1.2)
            dark.setCosmetic(True)
            painter.setPen(QPen(QColor(30, 30, 30), min(pen.widthF(), 2.0) + 2.0))
            painter.drawLine(m, tip)
            painter.setPen(dark)
            painter.setBrush(pen.color())
            painter.drawEllipse(tip, 3.5, 3.5)
        painter.restore()


class UnitsOverlay:
    """Everything the hidden-unit features draw on a DecisionView, created once."""

    def __init__(self, view: pg.PlotWidget) -> None:
        self.view = view
        vb = view.getPlotItem().getViewBox()
        self.lines = UnitLinesItem()
        self.lines.setZValue(5)
        view.addItem(self.lines)
        self.shade = pg.QtWidgets.QGraphicsPolygonItem()
        self.shade.setBrush(pg.QtGui.QBrush(ACTIVE_SHADE, Qt.BrushStyle.BDiagPattern))
        self.shade.setPen(pg.mkPen(None))
        self.shade.setZValue(-5)
        view.addItem(self.shade)
        self.current = pg.PlotCurveItem(pen=pg.mkPen(20, 20, 20, width=3))
        self.next_line = pg.PlotCurveItem(pen=pg.mkPen(20, 20, 20, width=2, style=Qt.PenStyle.DashLine))
        for c in (self.current, self.next_line):
            c.setZValue(6)
            view.addItem(c)
        self.receives = pg.ScatterPlotItem(
            pxMode=True, symbol="o", size=15, pen=pg.mkPen(RECEIVES_COLOUR, width=2), brush=pg.mkBrush(None)
        )
        self.blocked = pg.ScatterPlotItem(
            pxMode=True,
            symbol="x",
            size=9,
            pen=pg.mkPen(120, 0, 0, width=0.8),
            brush=pg.mkBrush(BLOCKED_COLOUR),
        )
        for s in (self.receives, self.blocked):
            s.setZValue(15)
            view.addItem(s)
        self.inspected = pg.ScatterPlotItem(
            pxMode=True, symbol="o", size=22, pen=pg.mkPen(20, 20, 20, width=2.5), brush=pg.mkBrush(None)
        )
        self.inspected.setZValue(16)
        view.addItem(self.inspected)
        self.note = pg.TextItem(color="#222222", anchor=(1, 0), fill=pg.mkBrush(255, 255, 255, 215))
        self.note.setZValue(25)
        self.note.setParentItem(vb)
        vb.sigResized.connect(self._place_note)
        self.line_units = np.zeros(0, dtype=np.int64)
        self._lines_text = ""
        self._detail_text = ""
        self.receives_count = self.blocked_count = 0
        self.selected: int | None = None
        self.clear_lines()
        self.clear_selection()

    # -- all units ------------------------------------------------------------------------------
    def show_lines(self, overview: UnitsOverview, k: int) -> None:
        """Draw the overview's lines: colour by favoured class, width by |W2[j]|, dead dashed."""
        stats, lines = overview.diagnosis.stats, overview.lines
        if stats is None or lines is None:
            self.clear_lines()
            return
        units = overview.line_units
        self.line_units = units
        colours = class_colours(k)
        strength = stats.strength[units]
        top = float(strength.max()) if strength.size else 0.0
        widths = MIN_WIDTH + (MAX_WIDTH - MIN_WIDTH) * (strength / top if top > 0 else strength * 0)
        pens = []
        for u, j in enumerate(units):
            if stats.dead[j]:
                pen = QPen(DEAD_COLOUR, 1.4, Qt.PenStyle.DashLine)
            else:
                pen = QPen(QColor(*colours[stats.favoured_class[j]]), float(widths[u]))
            pen.setCosmetic(True)
            pen.setCapStyle(Qt.PenCapStyle.FlatCap)
            pens.append(pen)
        self.lines.set_lines(QRectF(*overview.rect), lines.segments, lines.normals, lines.visible, pens)
        self._mark_selected()
        h = overview.hidden
        hidden_lines = int(np.count_nonzero(~lines.visible))
        text = ""
        if h > len(units):
            text = translate("UnitsOverlay", "the {shown} strongest of {h} units drawn").format(
                shown=len(units), h=f"{h:,}"
            )
        if hidden_lines:
            crossing = translate("UnitsOverlay", "{count} of them cross no part of the view")
            text += ("; " if text else "") + crossing.format(count=hidden_lines)
        self._lines_text = text
        self._update_note()

    def clear_lines(self) -> None:
        self.line_units = np.zeros(0, dtype=np.int64)
        self.lines.set_lines(QRectF(), np.zeros((0, 2, 2)), np.zeros((0, 2)), np.zeros(0, dtype=bool), [])
        self._lines_text = ""
        self._update_note()

    def drawn_lines(self) -> int:
        return int(np.count_nonzero(self.lines.visible_lines))

    def unit_at(self, x: float, y: float, pixel: tuple[float, float], within: float = 5.0) -> int | None:
        """The unit whose drawn line passes within `within` pixels of (x, y); `pixel` is the
        size of one pixel in data units (x, y)."""
        if not len(self.lines.pens):
            return None
        seg = self.lines.segments / np.array(pixel)
        p = np.array([x, y]) / np.array(pixel)
        a, b = seg[:, 0], seg[:, 1]
        ab = b - a
        with np.errstate(all="ignore"):
            t = np.clip(((p - a) * ab).sum(axis=1) / (ab * ab).sum(axis=1), 0, 1)
            dist = np.hypot(*(a + t[:, None] * ab - p).T)
        dist[~self.lines.visible_lines | ~np.isfinite(dist)] = np.inf
        best = int(np.argmin(dist))
        return int(self.line_units[best]) if dist[best] <= within else None

    # -- the selected unit --------------------------------------------------------------------
    def show_detail(self, detail: UnitDetail, X: np.ndarray, rect: tuple[float, float, float, float]) -> None:
        """Shade unit j's active half-plane, mark the points it hears and those the mask blocks,
        draw its line now and after the next step."""
        self.selected = detail.j
        poly = active_region(detail.W, detail.b, rect)
        self.shade.setPolygon(QPolygonF([QPointF(px, py) for px, py in poly]))
        self.shade.setVisible(len(poly) > 0)
        self.receives.setData(pos=X[detail.receives])
        self.blocked.setData(pos=X[detail.blocked])
        for curve, seg in ((self.current, detail.segment), (self.next_line, detail.next_segment)):
            if np.isfinite(seg).all():
                curve.setData(seg[:, 0], seg[:, 1])
            else:
                curve.setData([], [])
        self.receives_count, self.blocked_count = detail.receives_count, detail.blocked_count
        self._detail_text = translate("UnitsOverlay",
            "unit {j}: ○ {receives} points pass gradient, ✕ the mask blocks {blocked}"
        ).format(j=detail.j, receives=detail.receives_count, blocked=detail.blocked_count)
        self._mark_selected()
        self._update_note()

    def clear_selection(self) -> None:
        self.selected = None
        self.shade.setVisible(False)
        for s in (self.receives, self.blocked):
            s.setData([], [])
        for c in (self.current, self.next_line):
            c.setData([], [])
        self.receives_count = self.blocked_count = 0
        self._detail_text = ""
        self._mark_selected()
        self._update_note()

    def _mark_selected(self) -> None:
        rows = np.flatnonzero(self.line_units == (-1 if self.selected is None else self.selected))
        self.lines.selected = int(rows[0]) if len(rows) else -1
        self.current.setVisible(self.lines.selected < 0)  # else the lines item draws it, on top
        self.lines.update()

    def show_inspected(self, point: tuple[float, float] | None) -> None:
        """Ring the point the inspector shows (None: no ring)."""
        if point is None:
            self.inspected.setData([], [])
        else:
            self.inspected.setData([point[0]], [point[1]])

    # -- the note -------------------------------------------------------------------------------
    def _update_note(self) -> None:
        text = "\n".join(t for t in (self._lines_text, self._detail_text) if t)
        self.note.setText(text)
        self.note.setVisible(bool(text))
        self._place_note()

    def _place_note(self) -> None:
        vb = self.view.getPlotItem().getViewBox()
        self.note.setPos(vb.width() - 6, 4)
