"""UnitsView (`units_view`): a gallery of the hidden units and the selected unit's numbers.

One small thumbnail per unit, its activation max(0, z_j) over the plane (white = 0, dark =
its largest value in view), strongest first by how much the unit contributes to the scores;
a bar in the colour of the class its W2[j] favours; dead units greyed and labelled "dead".
Clicking a thumbnail emits `unit_clicked(j)`. Below, the selected unit's W[:, j], b[j], W2[j, :],
who passes it gradient and who the mask blocks, and its next step. Draws from the engine's
`UnitsOverview` and `UnitDetail` (snapshot extras) only; `shown_changed(bool)` tells whoever asks
for the extras whether the gallery is on screen.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QEvent, QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QHelpEvent, QImage, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QLabel, QScrollArea, QSizePolicy, QToolTip, QVBoxLayout, QWidget

from ...engine.unit_extras import UnitsOverview
from ...engine.units import UnitDetail
from .style import class_colours

THUMB = 46  #: thumbnail side in pixels
CELL_W, CELL_H = THUMB + 10, THUMB + 22
#: Activation ramp, from 0 (white) to the unit's largest value in view (dark blue).
_HIGH = np.array([8, 48, 107], dtype=np.float32)
_DEAD_HIGH = np.array([150, 150, 150], dtype=np.float32)


def _num(v: float) -> str:
    return f"{v:.4g}"


def _vec(a: np.ndarray) -> str:
    return "[" + ", ".join(_num(float(v)) for v in a) + "]"


def thumbnail_images(images: np.ndarray, peaks: np.ndarray, dead: np.ndarray) -> list[QImage]:
    """QImages (top row = highest y) of activation maps: a white-to-dark ramp scaled to each
    map's peak, grey for dead units."""
    scale = np.where(peaks > 0, peaks, 1.0).astype(np.float32)[:, None, None]
    t = (images / scale)[:, ::-1, :, None]  # flip rows: image row 0 is the top
    high = np.where(dead[:, None, None, None], _DEAD_HIGH, _HIGH)
    rgb = np.ascontiguousarray(np.round(255 - t * (255 - high)).astype(np.uint8))
    out = []
    for a in rgb:
        h, w, _ = a.shape
        out.append(QImage(a.data, w, h, 3 * w, QImage.Format.Format_RGB888).copy())
    return out


class ThumbnailGrid(QWidget):
    """The thumbnails in rows, as many columns as fit; painted in one pass."""

    clicked = Signal(int)  # unit index

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.images: list[QImage] = []
        self.units: list[int] = []
        self.dead: list[bool] = []
        self.colours: list[QColor] = []
        self.tips: list[str] = []
        self.selected: int | None = None
        self.dead_word = "dead"
        sp = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        sp.setHeightForWidth(True)
        self.setSizePolicy(sp)

    def set_cells(
        self, images: list[QImage], units: list[int], dead: list[bool], colours: list[QColor], tips: list[str]
    ) -> None:
        relayout = len(images) != len(self.images)
        self.images, self.units, self.dead, self.colours, self.tips = images, units, dead, colours, tips
        if relayout:
            self.updateGeometry()
        self.update()

    def _columns(self, width: int | None = None) -> int:
        return max(1, (self.width() if width is None else width) // CELL_W)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        rows = -(-len(self.images) // self._columns(width))
        return rows * CELL_H + 4

    def sizeHint(self) -> QSize:
        return QSize(6 * CELL_W, self.heightForWidth(6 * CELL_W))

    def cell_rect(self, index: int) -> QRect:
        cols = self._columns()
        return QRect((index % cols) * CELL_W, (index // cols) * CELL_H, CELL_W, CELL_H)

    def index_at(self, pos: QPoint) -> int | None:
        cols = self._columns()
        col, row = pos.x() // CELL_W, pos.y() // CELL_H
        i = row * cols + col
        return i if 0 <= col < cols and 0 <= i < len(self.images) else None

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        font = QFont(self.font())
        font.setPixelSize(11)
        p.setFont(font)
        for i, image in enumerate(self.images):
            r = self.cell_rect(i)
            if not r.intersects(event.rect()):
                continue
            box = QRect(r.x() + 5, r.y() + 3, THUMB, THUMB)
            p.drawImage(box, image)
            if self.dead[i]:
                p.fillRect(box, QColor(255, 255, 255, 110))
            p.fillRect(QRect(box.right() + 1, box.y(), 3, THUMB), self.colours[i])
            selected = self.units[i] == self.selected
            p.setPen(QPen(QColor(20, 20, 20), 3) if selected else QPen(QColor(160, 160, 160), 1))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawRect(box.adjusted(-1, -1, 1, 1) if selected else box)
            caption = f"{self.units[i]}" + (f" {self.dead_word}" if self.dead[i] else "")
            p.setPen(QColor(170, 20, 20) if self.dead[i] else QColor(60, 60, 60))
            p.drawText(QRect(r.x(), box.bottom() + 2, CELL_W, 16), Qt.AlignmentFlag.AlignHCenter, caption)
        p.end()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        i = self.index_at(event.position().toPoint())
        if i is not None and event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit(self.units[i])
        super().mousePressEvent(event)

    def event(self, e: QEvent) -> bool:
        if e.type() == QEvent.Type.ToolTip and isinstance(e, QHelpEvent):
            i = self.index_at(e.pos())
            if i is not None:
                QToolTip.showText(e.globalPos(), self.tips[i], self)
            else:
                QToolTip.hideText()
            return True
        return super().event(e)


class UnitsView(QWidget):
    """The gallery (`units_view`): note, thumbnails, and the selected unit's detail box."""

    unit_clicked = Signal(int)
    shown_changed = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("units_view")
        self.note = QLabel()
        self.note.setObjectName("units_note")
        self.note.setWordWrap(True)
        self.grid = ThumbnailGrid()
        self.grid.clicked.connect(self.unit_clicked)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setWidget(self.grid)
        self.scroll_area.setFrameShape(QScrollArea.Shape.NoFrame)
        self.detail_label = QLabel()
        self.detail_label.setObjectName("unit_detail_label")
        self.detail_label.setWordWrap(True)
        self.detail_label.setTextFormat(Qt.TextFormat.RichText)
        self.detail_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail_label.setStyleSheet(
            "QLabel { background: #f7f7f2; border: 1px solid #d8d8cc; padding: 4px; }"
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(self.note)
        layout.addWidget(self.scroll_area, 1)
        layout.addWidget(self.detail_label)
        self._overview: UnitsOverview | None = None
        self._detail: UnitDetail | None = None
        self._k = 3
        self._pending: int | None = None  # selected, numbers not yet arrived
        self.retranslate()

    # -- drawing ------------------------------------------------------------------------------
    def show_overview(self, overview: UnitsOverview | None, k: int) -> None:
        """Thumbnails of the overview's strongest units (none for the softmax model)."""
        self._overview, self._k = overview, k
        thumbs = overview.thumbnails if overview is not None else None
        stats = overview.diagnosis.stats if overview is not None else None
        if thumbs is None or stats is None:
            self.grid.set_cells([], [], [], [], [])
            self._update_note()
            return
        units = [int(j) for j in thumbs.units]
        dead = stats.dead[thumbs.units]
        colours = class_colours(k)
        n = stats.num_examples
        cells = [
            QColor(120, 120, 120) if dead[u] else QColor(*colours[stats.favoured_class[j]])
            for u, j in enumerate(units)
        ]
        tips = [
            self.tr(
                "unit {j}: favours class {c}; active (hidden_layer > 0) for {active} of {n} training "
                "points; contribution {contribution}"
            ).format(
                j=j,
                c=int(stats.favoured_class[j]),
                active=int(stats.active_count[j]),
                n=n,
                contribution=_num(float(stats.contribution[j])),
            )
            + (self.tr(" — dead: no training point is on its active side") if dead[u] else "")
            for u, j in enumerate(units)
        ]
        self.grid.set_cells(
            thumbnail_images(thumbs.images, thumbs.peaks, dead), units, list(dead), cells, tips
        )
        self._update_note()

    def show_detail(self, detail: UnitDetail | None) -> None:
        self._detail = detail
        self._pending = None
        self.grid.selected = None if detail is None else detail.j
        self.grid.update()
        self._update_detail()

    def select(self, j: int | None) -> None:
        """Mark unit j as selected before its numbers arrive (None: no selection)."""
        self.grid.selected = j
        self.grid.update()
        if j is None or (self._detail is not None and self._detail.j != j):
            self._detail = None
        self._pending = j
        self._update_detail()

    # -- texts ----------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.grid.dead_word = self.tr("dead")
        self._update_note()
        self._update_detail()
        if self._overview is not None:
            self.show_overview(self._overview, self._k)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _update_note(self) -> None:
        o = self._overview
        stats = o.diagnosis.stats if o is not None else None
        if o is None or stats is None:
            self.note.setText(self.tr("The softmax model has no hidden layer: no units to show."))
            self.note.setToolTip("")
            return
        shown = len(self.grid.units)
        dead = stats.dead_count
        if shown < o.hidden:
            text = self.tr("The {shown} strongest of {h} units").format(shown=shown, h=f"{o.hidden:,}")
        else:
            text = self.tr("All {h} units, strongest first").format(h=o.hidden)
        if dead:
            text += self.tr(" · {dead} dead").format(dead=f"{dead:,}")
        self.note.setText(text)
        self.note.setToolTip(
            self.tr(
                "Sorted by how much each unit pushes the scores (mean hidden_layer[:, j] × |W2[j]|). "
                "Each square is the unit's output max(0, z_j) over the plane: white where it is 0, dark "
                "where it is largest. The bar beside it has the colour of the class W2[j] favours."
            )
        )

    def _update_detail(self) -> None:
        d = self._detail
        if d is None:
            pending = self._pending
            self.detail_label.setText(
                self.tr("Click a thumbnail, or a unit's line on the plot, to select that unit.")
                if pending is None
                else self.tr("Unit {j}: computing…").format(j=pending)
            )
            self.detail_label.setToolTip("")
            return
        j = d.j
        stats = self._overview.diagnosis.stats if self._overview is not None else None
        dead = stats is not None and j < stats.hidden and bool(stats.dead[j])
        lines = [
            self.tr("<b>Unit {j}</b> · favours class {c}").format(j=j, c=int(np.argmax(d.W2)))
            + (self.tr(" · <b style='color:#c8141e'>dead</b>") if dead else ""),
            f"W[:, {j}] = {_vec(d.W)} &nbsp; b[{j}] = {_num(d.b)}",
            f"W2[{j}, :] = {_vec(d.W2)}",
            self.tr(
                "<span style='color:#00783c'>○ {r} points</span> pass gradient to W[:, {j}], b[{j}]"
            ).format(r=d.receives_count, j=j),
            self.tr("<span style='color:#c8141e'>✕ {b} points</span> blocked: dhidden[i, {j}] = 0").format(
                b=d.blocked_count, j=j
            ),
            self.tr("next step (dashed): dW[:, {j}] = {dw}, db[{j}] = {db}").format(
                j=j, dw=_vec(d.dW), db=_num(d.db)
            ),
        ]
        self.detail_label.setText("<br>".join(lines))
        self.detail_label.setToolTip(
            self.tr(
                "○ points have hidden_layer[i, {j}] > 0: their gradient flows into W[:, {j}] and "
                "b[{j}] and moves the line z_{j} = 0. ✕ points are on its dead side: the mask "
                "dhidden[hidden_layer <= 0] = 0 zeroes their dhidden[i, {j}], so they cannot move it. "
                "The dashed line is where z_{j} = 0 will be after W[:, {j}] −= step_size·dW[:, {j}], "
                "b[{j}] −= step_size·db[{j}] (plain gradient descent, L2 term included). A dead unit's "
                "whole dhidden column is 0: only the L2 term still changes its W[:, {j}]."
            ).format(j=j)
        )

    # -- on screen or not ---------------------------------------------------------------------------
    def showEvent(self, event: QEvent) -> None:
        super().showEvent(event)  # type: ignore[arg-type]
        self.shown_changed.emit(True)

    def hideEvent(self, event: QEvent) -> None:
        super().hideEvent(event)  # type: ignore[arg-type]
        self.shown_changed.emit(False)
