"""LossView: total and data loss per iteration, drawn from snapshots.

The curve keeps a growing buffer drawn with peak downsampling (spikes stay visible) and
clipping; a new run clears it. With mini-batches each iteration's loss is its batch's, so the
curve is labelled "batch loss", the data-loss curve is left out, and the full training loss,
recorded less often (snapshot.full_losses), is drawn over it as a line with markers. The x axis
spans the run's budget from the first iteration (log-x optional); the legend sits above the
plot area, where no curve can pass. A replayed snapshot (`snap.viewing`) adds no losses and
moves a vertical marker to its iteration; a click on the plot asks for an iteration
(`iteration_clicked`). Reads nothing but the snapshots.
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, Qt, Signal

from ...engine.snapshot import Snapshot
from ...engine.status import Status
from .style import TimedPlotWidget


class LossView(TimedPlotWidget):
    """Total and data loss per iteration; spikes stay visible (peak downsampling)."""

    #: The user clicked the plot at this iteration (the nearest whole one, within the run).
    iteration_clicked = Signal(int)

    def __init__(self, parent=None) -> None:
        super().__init__("loss_view", "", "", "", parent)
        plot = self.getPlotItem()
        plot.showGrid(x=True, y=True, alpha=0.25)
        plot.titleLabel.setAttr("justify", "left")
        # In the title's row, right-aligned: outside the plot area, so it never covers a curve;
        # the row grows to its height (also when presentation mode enlarges it).
        legend = pg.LegendItem(labelTextSize="11pt", colCount=2, frame=False, verSpacing=-6)
        legend.setParentItem(plot)
        legend.anchor(itemPos=(1, 0), parentPos=(1, 0), offset=(-6, 0))
        legend.geometryChanged.connect(self._fit_title_row)
        plot.legend = legend
        self.legend = legend
        # Not anti-aliased: a smooth path of thousands of points costs ~5 ms a frame in software.
        self.total_curve = plot.plot(pen=pg.mkPen("#3288bd", width=2), antialias=False)
        self.data_curve = plot.plot(pen=pg.mkPen("#d53e4f", width=1.5), antialias=False)
        #: Data loss on the held-out points, measured with each decision grid: sampled, so drawn
        #: as dots joined by a dashed line; in the legend only while there is one.
        self.test_curve = plot.plot(
            pen=pg.mkPen("#5e4fa2", width=1.5, style=pg.QtCore.Qt.PenStyle.DashLine),
            symbol="o", symbolSize=4, symbolBrush="#5e4fa2", symbolPen=None, antialias=False,
        )
        self._legend = self.legend
        self._test = np.empty((2, 256))  # iteration, test loss
        self._test_n = 0
        for c in (self.total_curve, self.data_curve):
            c.setDownsampling(auto=True, method="peak")
            c.setClipToView(True)
        self.full_curve = pg.PlotDataItem(
            pen=pg.mkPen("#1a1a1a", width=2), symbol="o", symbolSize=5, symbolPen=None,
            symbolBrush=pg.mkBrush("#1a1a1a"), antialias=False,
        )
        plot.addItem(self.full_curve)  # not in the legend until a run has mini-batches
        self._full = np.empty((2, 256))  # iteration, full training loss
        self._nf = 0
        self._batches = False
        self.marker = pg.TextItem(color="#b2182b", anchor=(1, 0))
        self.marker.setParentItem(plot.getViewBox())
        #: Where a replayed checkpoint sits on the curve (hidden while the view is live).
        self.timeline_marker = pg.InfiniteLine(angle=90, movable=False, pen=pg.mkPen("#444444", width=1.5))
        self.timeline_marker.setVisible(False)
        self.timeline_marker.setZValue(5)
        plot.addItem(self.timeline_marker, ignoreBounds=True)
        self.viewing: int | None = None
        self._log_x = False
        plot.scene().sigMouseClicked.connect(self._on_click)
        self._buf = np.empty((3, 1024))  # iteration, total, data
        self._n = 0
        self._budget = 1
        self._xmax = 0
        self._ymax = 0.0
        self._log = False
        self._run_id: int | None = None
        # The ranges are set here, not auto-ranged: a range that moves every frame re-lays the
        # axes every frame, which costs more than drawing the curves.
        plot.disableAutoRange()
        plot.setXRange(0, 1, padding=0)
        self._diverged = False
        self.retranslate()

    def retranslate(self) -> None:
        self.set_titles(self.tr("Loss"), self.tr("iteration"), self.tr("loss"))
        self._relabel()
        self.set_marker(self.tr("diverged") if self._diverged else "")

    def _fit_title_row(self) -> None:
        """The title row is as tall as the legend in it (pyqtgraph fixes it at 30 px)."""
        height = max(30, int(self.legend.geometry().height()) + 2)
        self.getPlotItem().layout.setRowFixedHeight(0, height)

    def show_snapshot(self, snap: Snapshot) -> None:
        """Append the snapshot's losses; a new run starts a new curve; mark a divergence."""
        new_run = snap.run_id != self._run_id
        if new_run:
            self._run_id = snap.run_id
            self.clear_curve(snap.config.iterations)
        self.set_budget(snap.config.iterations)
        self.set_batches(not snap.config.full_batch)
        self.append_full(snap.loss_start, *snap.full_losses[:2])
        self.set_viewing(snap.iteration if snap.viewing else None)
        self.append(snap.loss_start, snap.losses, snap.data_losses)
        metrics = snap.metrics
        if len(metrics) and len(metrics["iteration"]):
            self.append_test(metrics["iteration"], metrics["test_loss"])
        if snap.status == Status.DIVERGED:
            self._diverged = True
            self.set_marker(self.tr("diverged"))
        elif new_run:
            self._diverged = False
            self.set_marker("")

    @property
    def count(self) -> int:
        """Points on the curve."""
        return self._n

    def append_test(self, iterations: np.ndarray, losses: np.ndarray) -> None:
        """Add test losses measured at `iterations` (NaN ones skipped); a measurement at or
        before the last one drawn replaces those after it."""
        keep = np.isfinite(losses)
        iterations, losses = iterations[keep], losses[keep]
        if not iterations.size:
            return
        n = int(np.searchsorted(self._test[0, : self._test_n], iterations[0]))
        need = n + iterations.size
        if need > self._test.shape[1]:
            grown = np.empty((2, max(need, 2 * self._test.shape[1])))
            grown[:, :n] = self._test[:, :n]
            self._test = grown
        self._test[0, n:need], self._test[1, n:need] = iterations, losses
        self._test_n = need
        self._redraw()

    def test_data(self) -> tuple[np.ndarray, np.ndarray]:
        return self._test[0, : self._test_n], self._test[1, : self._test_n]

    def clear_curve(self, budget: int | None = None) -> None:
        """An empty curve; the axes return to the whole budget and the losses (any zoom is undone)."""
        self._test_n = 0
        self._n = 0
        self._nf = 0
        self._relabel()
        self._ymax = 0.0
        self._xmax = 0
        self._diverged = False
        self.marker.setText("")
        self.set_viewing(None)
        if budget is not None:
            self._budget = budget
        self._redraw()

    def reset_view(self) -> None:
        """Undo any wheel zoom or drag: x over the budget, y over the losses."""
        self._xmax = 0
        self._ymax = 0.0
        self._fit_x()
        self._fit_y()

    def set_budget(self, iterations: int) -> None:
        """The x axis spans the budget, from the first iteration on."""
        if iterations != self._budget:
            self._budget = iterations
            self._xmax = 0
            self._fit_x()

    def _fit_x(self) -> None:
        """x over 0 … budget (1 … budget on a log axis); set only when the budget changes, so the
        axes are not re-laid every frame."""
        if self._xmax == self._budget:
            return
        self._xmax = self._budget
        plot = self.getPlotItem()
        if self._log_x:
            plot.setXRange(0, math.log10(max(self._budget, 10)), padding=0.02)
        else:
            plot.setXRange(0, self._budget, padding=0.02)

    def set_log_x(self, on: bool) -> None:
        """A logarithmic iteration axis (iteration 0 is left out: it has no logarithm)."""
        self._log_x = on
        self.getPlotItem().setLogMode(x=on, y=self._log)
        self._xmax = 0
        self._redraw()
        self.set_viewing(self.viewing)

    @property
    def log_x(self) -> bool:
        return self._log_x

    def set_viewing(self, iteration: int | None) -> None:
        """Mark `iteration` on the curve (a replayed checkpoint); None hides the marker."""
        self.viewing = iteration
        self.timeline_marker.setVisible(iteration is not None)
        if iteration is not None:
            x = math.log10(max(iteration, 1)) if self._log_x else iteration
            self.timeline_marker.setPos(x)

    def iteration_at(self, x: float) -> int:
        """The iteration under view x coordinate `x`, within 0 … the last on the curve."""
        it = 10.0**x if self._log_x else x
        last = int(self._buf[0, self._n - 1]) + 1 if self._n else 0
        return int(min(max(round(it), 0), last))

    def _on_click(self, event) -> None:
        if event.button() != Qt.MouseButton.LeftButton or self._n == 0:
            return
        vb = self.getPlotItem().getViewBox()
        if not vb.sceneBoundingRect().contains(event.scenePos()):
            return
        event.accept()
        self.iteration_clicked.emit(self.iteration_at(vb.mapSceneToView(event.scenePos()).x()))

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

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._relabel()
        super().changeEvent(event)

    @property
    def batches(self) -> bool:
        """Whether the curve shows batch losses (and the full training loss apart)."""
        return self._batches

    def set_batches(self, on: bool) -> None:
        """Label the curves for mini-batches (batch loss, full training loss) or full batches."""
        if on != self._batches:
            self._batches = on
            self._relabel()

    def _relabel(self) -> None:
        on = self._batches
        self.data_curve.setVisible(not on)
        self.total_curve.setPen(pg.mkPen("#92c5de" if on else "#3288bd", width=1 if on else 2))
        self.legend.clear()
        if on:
            self.legend.addItem(self.total_curve, self.tr("batch loss"))
            self.legend.addItem(self.full_curve, self.tr("full training loss"))
        else:
            self.legend.addItem(self.total_curve, self.tr("total loss"))
            self.legend.addItem(self.data_curve, self.tr("data loss"))
            if self._nf:  # records from mini-batch iterations earlier in this run
                self.legend.addItem(self.full_curve, self.tr("full training loss"))
        if self._test_n:
            self.legend.addItem(self.test_curve, self.tr("test data loss (held out)"))

    def legend_labels(self) -> list[str]:
        """The legend's entries, as shown."""
        return [label.text for _item, label in self.legend.items]

    def append_full(self, start: int, iterations: np.ndarray, losses: np.ndarray) -> None:
        """Add full-training-loss records; a restart from an earlier point drops later ones."""
        before = self._nf
        if self._nf and self._full[0, self._nf - 1] >= start:
            self._nf = int(np.searchsorted(self._full[0, : self._nf], start))
        m = iterations.size
        if m:
            need = self._nf + m
            if need > self._full.shape[1]:
                grown = np.empty((2, max(need, 2 * self._full.shape[1])))
                grown[:, : self._nf] = self._full[:, : self._nf]
                self._full = grown
            self._full[0, self._nf : need] = iterations
            self._full[1, self._nf : need] = losses
            self._nf = need
        if m or self._nf != before:
            self.full_curve.setData(self._full[0, : self._nf], self._full[1, : self._nf])
        if m and self.legend.getLabel(self.full_curve) is None:
                self.legend.addItem(self.full_curve, self.tr("full training loss"))

    def full_curve_data(self) -> tuple[np.ndarray, np.ndarray]:
        """(iterations, full training loss) of the records drawn."""
        return self._full[0, : self._nf], self._full[1, : self._nf]

    def set_log(self, on: bool) -> None:
        self._log = on
        self.getPlotItem().setLogMode(x=self._log_x, y=on)
        self._ymax = 0.0
        self._fit_y()

    def _fit_y(self) -> None:
        """Fit y to the losses, moving the range only when the curve leaves it."""
        if self._n == 0:  # nothing to fit yet: a plain range, whatever the zoom was
            low, high = (-2.0, 0.5) if self._log else (0.0, 1.0)
            self.getPlotItem().setYRange(low, high, padding=0)
            return
        total, data = self._buf[1, : self._n], self._buf[2, : self._n]
        top = float(max(total.max(), data.max()))
        if self._test_n:
            top = max(top, float(self._test[1, : self._test_n].max()))
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
        if self._log_x and x.size and x[0] <= 0:  # iteration 0 has no place on a log axis
            x, total, data = x[1:], total[1:], data[1:]
        self.total_curve.setData(x, total)
        self.data_curve.setData(x, data)
        if self._nf == 0:
            self.full_curve.setData([], [])
        tx, ty = self.test_data()
        self.test_curve.setData(tx, ty)
        shown = self._legend.getLabel(self.test_curve) is not None
        if self._test_n and not shown:
            self._legend.addItem(self.test_curve, self.tr("test data loss (held out)"))
        elif not self._test_n and shown:
            self._legend.removeItem(self.test_curve)
        self._fit_x()
        self._fit_y()
