"""CaseStudyBadge: the notes' printed losses on the loss plot, and whether this run matches them.

Shown only while the configuration is the case study's (`casestudy.is_case_study`). The softmax
classifier's 20 printed rows must be matched to 6 decimals (same random draw); the net's rows
are the learner's own printed run, a different random draw, shown side by side only. The badge
is a QLabel (`casestudy_badge`); the markers are a scatter item on the loss view's plot. Keeps
this run's losses at the printed iterations only, from the snapshots; computes nothing else.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QLabel, QWidget

from ...engine.casestudy import PRINTED_RUNS, Comparison, compare_run, is_case_study
from ...engine.snapshot import Snapshot

_MATCH = "background: #e6f4ea; color: #1e5631; border: 1px solid #9fd3ae; padding: 4px;"
_DIFFER = "background: #fdecea; color: #8a1c1c; border: 1px solid #f1a9a0; padding: 4px;"
_NEUTRAL = "background: #f2f2f2; color: #333333; border: 1px solid #cccccc; padding: 4px;"


class CaseStudyBadge(QLabel):
    """`show_snapshot(snap)`; the markers live on `plot` (the loss view's PlotItem)."""

    def __init__(self, plot: pg.PlotItem, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("casestudy_badge")
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.markers = pg.ScatterPlotItem(
            size=9, symbol="d", pen=pg.mkPen("#222222", width=1), brush=pg.mkBrush(255, 255, 255, 200)
        )
        self.markers.setZValue(20)
        self.markers.setVisible(False)
        plot.addItem(self.markers)
        self._plot = plot
        self._legend_name: str | None = None
        self._run_id: int | None = None
        self._model: str | None = None
        self._seen: dict[int, float] = {}  # printed iteration -> this run's loss there
        self.comparison: Comparison | None = None
        self.setVisible(False)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        if self.comparison is not None:
            self._show_text(self.comparison)
            self._set_legend(self.comparison.run.model)

    def show_snapshot(self, snap: Snapshot) -> None:
        if not is_case_study(snap.config):
            self._hide()
            return
        run = PRINTED_RUNS[snap.config.model]
        if snap.run_id != self._run_id or run.model != self._model:
            self._run_id, self._model, self._seen = snap.run_id, run.model, {}
            rows = np.array(run.rows, dtype=np.float64)
            self.markers.setData(rows[:, 0], rows[:, 1])
            self._set_legend(run.model)
        for iteration, _printed in run.rows:
            i = iteration - snap.loss_start
            if 0 <= i < len(snap.losses):
                self._seen[iteration] = float(snap.losses[i])
        last = run.rows[-1][0]
        losses = np.full(last + 1, np.nan)
        for iteration, loss in self._seen.items():
            losses[iteration] = loss
        self.comparison = compare_run(run, losses, 0)
        self.markers.setVisible(True)
        self.setVisible(True)
        self._show_text(self.comparison)

    def _hide(self) -> None:
        self.comparison = None
        self._run_id = None
        self.markers.setVisible(False)
        self._set_legend(None)
        self.setVisible(False)

    def _set_legend(self, model: str | None) -> None:
        legend = self._plot.legend
        if legend is None:
            return
        if self._legend_name is not None:
            legend.removeItem(self.markers)
            self._legend_name = None
        # The markers are named by the badge under the readouts, not in the legend: a long entry
        # there would widen the loss plot past its column.
        if model is not None:
            self.markers.setToolTip(self.tr("the notes' printed loss") if model == "linear"
                                    else self.tr("learner's run (different random draw)"))

    def _show_text(self, c: Comparison) -> None:
        latest = c.latest
        if c.same_draw:
            if latest is None:
                self.setStyleSheet(_NEUTRAL)
                self.setText(self.tr(
                    "The case study: the notes' printed losses are marked on the loss plot."))
            elif c.all_match:
                self.setStyleSheet(_MATCH)
                self.setText(self.tr("matches the notes: iteration {it}, {ours} = {printed} ✔").format(
                    it=latest.iteration, ours=f"{latest.ours:.6f}", printed=f"{latest.printed:.6f}"))
            else:
                bad = next(x for x in c.reached if not x.matches)
                self.setStyleSheet(_DIFFER)
                self.setText(self.tr("differs from the notes: iteration {it}, {ours} ≠ {printed} ✘").format(
                    it=bad.iteration, ours=f"{bad.ours:.6f}", printed=f"{bad.printed:.6f}"))
            return
        self.setStyleSheet(_NEUTRAL)
        if latest is None:
            self.setText(self.tr(
                "compare with the learner's printed run (a different random draw), marked on the loss plot"))
        else:
            self.setText(self.tr(
                "compare with the learner's printed run (a different random draw): iteration {it}, "
                "{ours} here, {printed} there").format(
                it=f"{latest.iteration:,}", ours=f"{latest.ours:.6f}", printed=f"{latest.printed:.6f}"))
