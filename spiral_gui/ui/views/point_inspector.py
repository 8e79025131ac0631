"""PointInspector (`point_inspector`): one point followed through the model, as a dock.

For a training point or a spot of the plane it shows x, the class, the scores, the probabilities
(4 decimals), the loss term L_i and the row of dscores; for the two-layer net also z and
hidden_layer per unit (bars, grey where the ReLU is off), the row of dhidden before and after
`dhidden[hidden_layer <= 0] = 0` (bars, zeroed entries marked ✕), and the sentence naming the
units this point sends gradient to. Drawn from the engine's `PointInspection` (a snapshot
extra) only. For a spot, `label_changed` asks for it as if it had a class. `closed` says the
dock was closed (the window then stops asking for the extra).
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ...engine.inspect import PointInspection
from .style import class_colours, style_plot

#: Units listed by index in the sentence before "and N more".
LISTED_UNITS = 10
#: Up to this many units the rows are also printed as numbers.
PRINTED_UNITS = 12
_ACTIVE = (50, 110, 190)
_OFF = (190, 190, 190)
_BEFORE = (253, 190, 133)
_AFTER = (217, 72, 1)


def _num(v: float) -> str:
    return f"{v:.4g}"


def unit_list(indices: np.ndarray, more_word: str) -> str:
    """'0, 3, 5' or '0, 3, …, 17 and 12 more' (at most LISTED_UNITS listed)."""
    shown = ", ".join(str(int(j)) for j in indices[:LISTED_UNITS])
    rest = len(indices) - LISTED_UNITS
    return shown + (more_word.format(count=rest) if rest > 0 else "")


def _bar_plot(title: str) -> pg.PlotWidget:
    w = pg.PlotWidget(background="w")
    plot = w.getPlotItem()
    plot.setTitle(title, color="#222222", size="10pt")
    plot.setMenuEnabled(False)
    plot.setMouseEnabled(x=False, y=False)
    plot.hideButtons()
    plot.showGrid(y=True, alpha=0.2)
    plot.setLabel("bottom", "j")
    style_plot(plot, 11)
    w.setFixedHeight(150)
    w.setMinimumWidth(120)
    return w


class PointInspector(QDockWidget):
    """The dock; `show_inspection(inspection, k)` draws, `show_missing(text)` says why not."""

    closed = Signal()
    label_changed = Signal(object)  # int | None: the class a spot is explained as

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("point_inspector")
        self.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetClosable
            | QDockWidget.DockWidgetFeature.DockWidgetMovable
            | QDockWidget.DockWidgetFeature.DockWidgetFloatable
        )
        body = QWidget()
        layout = QVBoxLayout(body)
        self.header = QLabel()
        self.header.setObjectName("inspector_header")
        self.header.setWordWrap(True)
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.label_row = QWidget()
        row = QHBoxLayout(self.label_row)
        row.setContentsMargins(0, 0, 0, 0)
        self.label_title = QLabel()
        self.class_combo = QComboBox()
        self.class_combo.setObjectName("inspector_class_combo")
        self.class_combo.activated.connect(lambda _i: self.label_changed.emit(self.class_combo.currentData()))
        row.addWidget(self.label_title)
        row.addWidget(self.class_combo, 1)
        self.table = QLabel()
        self.table.setObjectName("inspector_table")
        self.table.setTextFormat(Qt.TextFormat.RichText)
        self.table.setWordWrap(True)
        self.table.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hidden_part = QWidget()
        self.hidden_part.setObjectName("inspector_hidden")
        hidden = QVBoxLayout(self.hidden_part)
        hidden.setContentsMargins(0, 0, 0, 0)
        self.z_plot = _bar_plot("z")
        self.z_active = pg.BarGraphItem(x=[], height=[], width=0.8, brush=pg.mkBrush(*_ACTIVE), pen=None)
        self.z_off = pg.BarGraphItem(x=[], height=[], width=0.8, brush=pg.mkBrush(*_OFF), pen=None)
        for item in (self.z_off, self.z_active):
            self.z_plot.addItem(item)
        self.dh_plot = _bar_plot("dhidden")
        self.before_bars = pg.BarGraphItem(x=[], height=[], width=0.8, brush=pg.mkBrush(*_BEFORE), pen=None)
        self.after_bars = pg.BarGraphItem(x=[], height=[], width=0.45, brush=pg.mkBrush(*_AFTER), pen=None)
        self.zeroed_marks = pg.ScatterPlotItem(
            symbol="x", size=8, pen=pg.mkPen(120, 0, 0, width=0.8), brush=pg.mkBrush(200, 20, 30)
        )
        for item in (self.before_bars, self.after_bars, self.zeroed_marks):
            self.dh_plot.addItem(item)
        self.rows = QLabel()
        self.rows.setObjectName("inspector_rows")
        self.rows.setTextFormat(Qt.TextFormat.RichText)
        self.rows.setWordWrap(True)
        self.rows.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.sentence = QLabel()
        self.sentence.setObjectName("inspector_sentence")
        self.sentence.setWordWrap(True)
        self.sentence.setTextFormat(Qt.TextFormat.RichText)
        self.sentence.setStyleSheet(
            "QLabel { background: #f7f7f2; border: 1px solid #d8d8cc; padding: 4px; }"
        )
        for w in (self.z_plot, self.dh_plot, self.rows, self.sentence):
            hidden.addWidget(w)
        self.note = QLabel()
        self.note.setObjectName("inspector_note")
        self.note.setWordWrap(True)
        for w in (self.header, self.label_row, self.table, self.hidden_part, self.note):
            layout.addWidget(w)
        layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(body)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.setWidget(scroll)
        self.setMinimumWidth(300)
        self.inspection: PointInspection | None = None
        self._k = 3
        self.retranslate()

    # -- drawing ---------------------------------------------------------------------------------
    def show_inspection(self, s: PointInspection, k: int) -> None:
        self.inspection, self._k = s, k
        self.note.setVisible(False)
        self.table.setVisible(True)
        self._fill_combo(s, k)
        where = f"({_num(float(s.x[0]))}, {_num(float(s.x[1]))})"
        if s.index is not None:
            head = self.tr("<b>Training point {i}</b> at x = {x}, class y = {y}").format(
                i=s.index, x=where, y=s.label
            )
        else:
            head = self.tr("<b>A spot of the plane</b> at x = {x}").format(x=where)
            if s.label is not None:
                head += self.tr(", explained as class {y}").format(y=s.label)
        verdict = (
            self.tr("predicted class {p}: correct").format(p=s.predicted)
            if s.label is None or s.predicted == s.label
            else self.tr("<span style='color:#b2182b'>predicted class {p}: misclassified</span>").format(
                p=s.predicted
            )
        )
        if s.label is None:
            verdict = self.tr("predicted class {p}").format(p=s.predicted)
        self.header.setText(head + "<br>" + verdict)
        self.table.setText(self._table_html(s, k))
        nn = s.hidden_layer is not None
        self.hidden_part.setVisible(nn)
        if nn:
            self._show_hidden(s)

    def show_missing(self, text: str) -> None:
        """Nothing to inspect (the point left the data, or the net is not a ReLU net)."""
        self.inspection = None
        self.note.setText(text)
        self.note.setVisible(True)
        self.table.setVisible(False)
        self.hidden_part.setVisible(False)

    def _fill_combo(self, s: PointInspection, k: int) -> None:
        spot = s.index is None
        self.label_row.setVisible(spot)
        if not spot:
            return
        if self.class_combo.count() != k + 1:
            self.class_combo.clear()
            self.class_combo.addItem(self.tr("none (no loss, no gradient)"), None)
            for c in range(k):
                self.class_combo.addItem(self.tr("class {c}").format(c=c), c)
        self.class_combo.setCurrentIndex(0 if s.label is None else s.label + 1)

    def _table_html(self, s: PointInspection, k: int) -> str:
        colours = class_colours(k)
        head = "<tr><th align='left'>{}</th><th align='right'>scores</th><th align='right'>probs</th>".format(
            self.tr("class")
        )
        if s.dscores is not None:
            head += "<th align='right'>dscores</th>"
        rows = [head + "</tr>"]
        for c in range(len(s.probs)):
            r, g, b = colours[c]
            mark = "■"
            style = " style='font-weight:600'" if c == s.label else ""
            cells = (
                f"<td><span style='color:rgb({r},{g},{b})'>{mark}</span> {c}</td>"
                f"<td align='right'>{s.scores[c]:.4f}</td><td align='right'>{s.probs[c]:.4f}</td>"
            )
            if s.dscores is not None:
                cells += f"<td align='right'>{s.dscores[c]:.3e}</td>"
            rows.append(f"<tr{style}>{cells}</tr>")
        html = "<table cellspacing='0' cellpadding='2'>" + "".join(rows) + "</table>"
        if s.loss is not None:
            html += self.tr(
                "L_i = −log probs[y_i] = <b>{loss}</b>; dscores = (probs − onehot(y_i)) / {n}"
            ).format(loss=f"{s.loss:.4f}", n=s.num_examples)
        else:
            html += self.tr("No class: no loss term and no gradient. Pick a class above to see them.")
        return html

    def _show_hidden(self, s: PointInspection) -> None:
        assert s.z is not None and s.active is not None
        h = s.z.shape[0]
        j = np.arange(h)
        act = s.active
        self.z_active.setOpts(x=j[act], height=s.z[act], width=0.8)
        self.z_off.setOpts(x=j[~act], height=s.z[~act], width=0.8)
        self.z_plot.getPlotItem().setXRange(-0.7, h - 0.3, padding=0)
        if s.dhidden is None or s.dhidden_before is None:
            self.before_bars.setOpts(x=[], height=[])
            self.after_bars.setOpts(x=[], height=[])
            self.zeroed_marks.setData([], [])
            self.dh_plot.setVisible(False)
        else:
            self.dh_plot.setVisible(True)
            self.before_bars.setOpts(x=j, height=s.dhidden_before, width=0.8)
            self.after_bars.setOpts(x=j, height=s.dhidden, width=0.45)
            self.zeroed_marks.setData(j[~act], np.zeros(int(np.count_nonzero(~act))))
            self.dh_plot.getPlotItem().setXRange(-0.7, h - 0.3, padding=0)
        self.rows.setVisible(h <= PRINTED_UNITS)
        if h <= PRINTED_UNITS:
            self.rows.setText(self._rows_html(s))
        more = self.tr(" and {count} more")
        sends, masked = s.sends_to, s.masked
        assert sends is not None and masked is not None
        if s.dhidden is None:
            text = self.tr("Active units (hidden_layer &gt; 0): {units}; off: {off} units.").format(
                units=unit_list(sends, more) or "–", off=len(masked)
            )
        elif len(masked) == 0:
            text = self.tr(
                "This point sends gradient to all {h} units: hidden_layer &gt; 0 for every one."
            ).format(h=h)
        elif len(sends) == 0:
            text = self.tr(
                "This point sends gradient to <b>no</b> unit: hidden_layer ≤ 0 for all {h}, "
                "so its whole dhidden row is zeroed."
            ).format(h=h)
        else:
            text = (
                self.tr(
                    "This point sends gradient to units <b>{units}</b> and none to the <b>{count}</b> units "
                    "where hidden_layer ≤ 0 ({masked})."
                )
                if len(masked) > 1
                else self.tr(
                    "This point sends gradient to units <b>{units}</b> and none to the one unit where "
                    "hidden_layer ≤ 0 ({masked})."
                )
            ).format(units=unit_list(sends, more), count=len(masked), masked=unit_list(masked, more))
        self.sentence.setText(text)

    def _rows_html(self, s: PointInspection) -> str:
        assert s.z is not None and s.hidden_layer is not None and s.active is not None
        names = ["j", "z", "hidden_layer"]
        if s.dhidden is not None:
            names += [self.tr("dhidden"), self.tr("after mask")]
        out = ["<tr>" + "".join(f"<th align='right'>{n}</th>" for n in names) + "</tr>"]
        for j in range(s.z.shape[0]):
            off = not s.active[j]
            grey = " style='color:#888'" if off else ""
            cells = [str(j), f"{s.z[j]:.3f}", f"{s.hidden_layer[j]:.3f}"]
            if s.dhidden is not None and s.dhidden_before is not None:
                cells.append(f"{s.dhidden_before[j]:.2e}")
                cells.append("<span style='color:#c8141e'>0 ✕</span>" if off else f"{s.dhidden[j]:.2e}")
            out.append(f"<tr{grey}>" + "".join(f"<td align='right'>{c}</td>" for c in cells) + "</tr>")
        return "<table cellspacing='0' cellpadding='2'>" + "".join(out) + "</table>"

    # -- texts and closing ---------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Point inspector"))
        self.label_title.setText(self.tr("Explain as class:"))
        self.z_plot.getPlotItem().setTitle(
            self.tr("z per unit j (grey: ReLU off)"), color="#222222", size="10pt"
        )
        self.dh_plot.getPlotItem().setTitle(
            self.tr("dhidden: before the mask, after; ✕ zeroed"),
            color="#222222",
            size="10pt",
        )
        self.class_combo.clear()
        if self.inspection is not None:
            self.show_inspection(self.inspection, self._k)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        super().closeEvent(event)
        self.closed.emit()
