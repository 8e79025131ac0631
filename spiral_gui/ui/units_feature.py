"""The hidden-unit features of the window: unit lines, the unit gallery, dead units, the inspector.

A controller: it owns the widgets (`units_check`, `units_view`, `dead_units_label`, the failure
note and status, `point_inspector`) and the overlay on the decision view, turns clicks into a
selected unit or an inspected point, and tells the runner which extras those need
(`engine/unit_extras.py`, computed in the worker only while on screen): the diagnosis always,
the lines while `units_check` is on, thumbnails while the gallery is visible, the selected
unit's detail while one is selected, the inspected point while the inspector is open.

Where the work runs: every explanation the views show is computed in the worker as an extra and
follows training live, the inspection included (house style, and the inspector then reads the
same parameters as the snapshot it is drawn with). The one exception is the hover tooltip: it
needs an answer for the point under the mouse now, not at the next snapshot, so it calls
`inspect.point_probs` for that single point on the GUI thread with the last snapshot's
parameters: one row through the net, O(h·K), microseconds at h=100 and well under a
millisecond at h=4096 (benchmarks/explain_engine.py times `inspect_point`, which does more).
Nothing here trains or reads the trainer.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPointF, Qt, Slot
from PySide6.QtGui import QCursor, QKeySequence, QShortcut
from PySide6.QtWidgets import QCheckBox, QMainWindow, QTabWidget, QToolTip, QWidget

from ..engine import unit_extras as ux
from ..engine.inspect import point_probs
from ..engine.snapshot import Snapshot
from .runner import Runner
from .views.decision import DecisionView
from .views.point_inspector import PointInspector
from .views.unit_gallery import UnitsView
from .views.unit_health import UnitHealthView
from .views.unit_lines import UnitsOverlay

#: A click or hover this close to a training point (in pixels) means that point.
POINT_PIXELS = 6.0
#: A click this close to a drawn unit line (in pixels) selects that unit.
LINE_PIXELS = 5.0
#: Width of the docked inspector when it opens (pixels).
INSPECTOR_WIDTH = 340
#: The extras' owner name at the runner.
OWNER = "units"


def _explained(config: Any) -> bool:
    """The notes' ReLU net (what the unit views explain)."""
    return bool(config.model == "nn" and config.activation == "relu")


class UnitsFeature(QObject):
    """Construct with the decision view and the window; `attach(runner)` once it exists; add
    `show_snapshot` to the window's views."""

    def __init__(self, decision_view: DecisionView, window: QMainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.decision_view = decision_view
        self.overlay = UnitsOverlay(decision_view)
        self.units_check = QCheckBox()
        self.units_check.setObjectName("units_check")
        self.units_check.toggled.connect(self._on_check)
        self.units_view = UnitsView()
        self.units_view.unit_clicked.connect(self.select_unit)
        self.units_view.shown_changed.connect(lambda _shown: self._update_wants())
        self.health = UnitHealthView(window)
        self.dead_units_label = self.health.dead_units_label
        self.point_inspector = PointInspector(window)
        self.point_inspector.closed.connect(self.close_inspector)
        self.point_inspector.label_changed.connect(self._relabel)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.point_inspector)
        self.point_inspector.hide()
        window.statusBar().addPermanentWidget(self.health.failure_status)
        self._escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), window, self.deselect)
        self._escape.setEnabled(False)
        scene = decision_view.scene()
        scene.sigMouseClicked.connect(self._on_click)
        scene.sigMouseMoved.connect(self._on_hover)
        self.tabs: QTabWidget | None = None
        self._runner: Runner | None = None
        self._wanted: frozenset[str] | None = None
        self._selected: int | None = None
        self._target: tuple[int | None, tuple[float, float] | None, int | None] | None = None
        self._hover: int | None = None
        self.last_snapshot: Snapshot | None = None
        self.last_kind: tuple[str, str] | None = None
        self.units_check.installEventFilter(self)
        self.retranslate()

    # -- placing ----------------------------------------------------------------------------------
    def explainer_tabs(self, inside: QWidget) -> QTabWidget:
        """The explainer and the unit gallery as two tabs."""
        self.tabs = QTabWidget()
        self.tabs.setObjectName("explainer_tabs")
        self.tabs.addTab(inside, "")
        self.tabs.addTab(self.units_view, "")
        self.retranslate()
        return self.tabs

    def attach(self, runner: Runner) -> None:
        self._runner = runner
        self._update_wants()

    # -- what the user does ---------------------------------------------------------------------
    @Slot(object)
    def select_unit(self, j: int | None) -> None:
        """Select hidden unit j (None: deselect): the plot marks its points, the gallery shows
        its numbers, from the next snapshot on."""
        if j == self._selected:
            return
        self._selected = j
        self._escape.setEnabled(j is not None)
        self.overlay.clear_selection()
        self.units_view.select(j)
        self._update_wants()

    @Slot()
    def deselect(self) -> None:
        self.select_unit(None)

    def inspect(
        self, index: int | None = None, point: tuple[float, float] | None = None, label: int | None = None
    ) -> None:
        """Open the inspector on training point `index` or the spot `point`."""
        self._target = (index, point, label)
        if not self.point_inspector.isVisible():
            self.point_inspector.show()
            if not self.point_inspector.isFloating():
                self.window.resizeDocks([self.point_inspector], [INSPECTOR_WIDTH], Qt.Orientation.Horizontal)
        self.point_inspector.raise_()
        self.overlay.show_inspected(point if index is None else self._point_of(index))
        self._update_wants()

    def _point_of(self, index: int) -> tuple[float, float] | None:
        snap = self.last_snapshot
        if snap is None or not 0 <= index < snap.X.shape[0]:
            return None
        return float(snap.X[index, 0]), float(snap.X[index, 1])

    @Slot()
    def close_inspector(self) -> None:
        self._target = None
        self.overlay.show_inspected(None)
        if self.point_inspector.isVisible():
            self.point_inspector.hide()
        self._update_wants()

    @Slot(object)
    def _relabel(self, label: int | None) -> None:
        if self._target is not None and self._target[1] is not None:
            self.inspect(point=self._target[1], label=label)

    @Slot(bool)
    def _on_check(self, on: bool) -> None:
        if not on:
            self.overlay.clear_lines()
        elif self.last_snapshot is not None:
            self._draw_lines(self.last_snapshot)
        self._update_wants()

    # -- the names asked for ----------------------------------------------------------------------
    @property
    def overview_name(self) -> str:
        nn = self._config() is not None and _explained(self._config())
        return ux.units_name(
            lines=nn and self.units_check.isChecked(), thumbs=nn and self.units_view.isVisible()
        )

    @property
    def detail_name(self) -> str | None:
        return None if self._selected is None else ux.detail_name(self._selected)

    @property
    def inspect_name(self) -> str | None:
        return None if self._target is None else ux.inspect_name(*self._target)

    def wanted(self) -> frozenset[str]:
        names = {self.overview_name, self.detail_name, self.inspect_name}
        return frozenset(n for n in names if n is not None)

    def _update_wants(self) -> None:
        names = self.wanted()
        if self._runner is not None and names != self._wanted:
            self._wanted = names
            self._runner.want_extras(names, owner=OWNER)

    def _config(self) -> Any:
        if self._runner is not None:
            return self._runner.config
        return None if self.last_snapshot is None else self.last_snapshot.config

    # -- drawing ----------------------------------------------------------------------------------
    def show_snapshot(self, snap: Snapshot) -> None:
        self.last_snapshot = snap
        cfg = snap.config
        explained = _explained(cfg)
        if self.last_kind != (cfg.model, cfg.activation):
            self.last_kind = (cfg.model, cfg.activation)
            self.units_check.setEnabled(explained)
            self.retranslate()  # the checkbox's tooltip says why it is off
        self._update_wants()  # the model may have changed
        overview = self._overview(snap)
        if overview is not None or not explained:
            self.health.show_diagnosis(overview.diagnosis if overview is not None else None, cfg.model)
        self._draw_lines(snap)
        if overview is not None and (overview.thumbnails is not None or overview.hidden == 0):
            self.units_view.show_overview(overview, cfg.k)
        elif cfg.model == "linear":
            self.units_view.show_overview(None, cfg.k)
        self._draw_detail(snap)
        self._draw_inspection(snap)

    def _overview(self, snap: Snapshot) -> ux.UnitsOverview | None:
        """The snapshot's units overview, whichever parts it was computed with."""
        found = snap.extras.get(self.overview_name)
        if found is None:
            found = next((v for n, v in snap.extras.items() if n.startswith(ux.UNITS + ":")), None)
        return found

    def _draw_lines(self, snap: Snapshot) -> None:
        overview = self._overview(snap)
        if (
            self.units_check.isChecked()
            and _explained(snap.config)
            and overview is not None
            and overview.lines is not None
        ):
            self.overlay.show_lines(overview, snap.config.k)
        elif not self.units_check.isChecked() or not _explained(snap.config):
            self.overlay.clear_lines()

    def _draw_detail(self, snap: Snapshot) -> None:
        name = self.detail_name
        if name is None or name not in snap.extras:
            return
        detail = snap.extras[name]
        if detail is None:  # no such unit in this net any more
            self.select_unit(None)
            return
        self.overlay.show_detail(detail, snap.X, snap.grid_rect)
        self.units_view.show_detail(detail)

    def _draw_inspection(self, snap: Snapshot) -> None:
        name = self.inspect_name
        if name is None or name not in snap.extras:
            return
        found = snap.extras[name]
        if found is not None:
            self.point_inspector.show_inspection(found, snap.config.k)
        elif not _explained(snap.config) and snap.config.model != "linear":
            self.point_inspector.show_missing(
                self.tr(
                    "The inspector follows the notes' ReLU net; this run's hidden layer uses {a}."
                ).format(a=snap.config.activation)
            )
        else:
            self.point_inspector.show_missing(self.tr("This point is not in the training data any more."))

    # -- the mouse on the plot -----------------------------------------------------------------------
    def _view_point(self, scene_pos: QPointF) -> tuple[float, float, tuple[float, float]] | None:
        vb = self.decision_view.getPlotItem().getViewBox()
        if not vb.sceneBoundingRect().contains(scene_pos):
            return None
        p = vb.mapSceneToView(scene_pos)
        px = vb.viewPixelSize()
        return p.x(), p.y(), (float(px[0]), float(px[1]))

    def nearest_point(self, x: float, y: float, pixel: tuple[float, float]) -> int | None:
        """The training point within POINT_PIXELS of (x, y), nearest first; None if none."""
        snap = self.last_snapshot
        if snap is None or snap.X.shape[0] == 0:
            return None
        d = np.hypot((snap.X[:, 0] - x) / pixel[0], (snap.X[:, 1] - y) / pixel[1])
        i = int(np.argmin(d))
        return i if d[i] <= POINT_PIXELS else None

    def click_at(self, x: float, y: float, pixel: tuple[float, float]) -> None:
        """A left click on the plot at data point (x, y): a training point opens the inspector,
        else a unit's line selects it, else a click on empty space deselects the selected unit
        or, with none selected, inspects that spot."""
        i = self.nearest_point(x, y, pixel)
        if i is not None:
            self.inspect(index=i)
            return
        if self.units_check.isChecked():
            j = self.overlay.unit_at(x, y, pixel, LINE_PIXELS)
            if j is not None:
                self.select_unit(j)
                if self.tabs is not None:
                    self.tabs.setCurrentWidget(self.units_view)
                return
        if self._selected is not None:
            self.select_unit(None)
            return
        self.inspect(point=(x, y))

    def _on_click(self, event: Any) -> None:
        if event.button() != Qt.MouseButton.LeftButton or event.double():
            return
        where = self._view_point(event.scenePos())
        if where is not None:
            event.accept()
            self.click_at(*where)

    def hover_text(self, i: int) -> str:
        """The tooltip of training point i: its class and probabilities (GUI thread: one row)."""
        snap = self.last_snapshot
        assert snap is not None
        probs = point_probs(snap.params, snap.X[i : i + 1])[0]
        listed = ", ".join(f"{p:.3f}" for p in probs)
        return self.tr("point {i}, class {y}\nprobs = [{probs}]").format(i=i, y=int(snap.y[i]), probs=listed)

    def _on_hover(self, scene_pos: QPointF) -> None:
        snap = self.last_snapshot
        where = self._view_point(scene_pos)
        if snap is None or where is None or not (snap.config.model == "linear" or _explained(snap.config)):
            return
        i = self.nearest_point(*where)
        if i != self._hover:
            self._hover = i
            if i is None:
                QToolTip.hideText()
            else:
                QToolTip.showText(QCursor.pos(), self.hover_text(i), self.decision_view)

    # -- texts ------------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.units_check.setText(self.tr("Hidden units"))
        cfg = self._config()
        if cfg is not None and cfg.model == "linear":
            tip = self.tr(
                "The softmax model has no hidden layer: scores = X·W + b, so there are no "
                "hidden units to draw."
            )
        elif cfg is not None and not _explained(cfg):
            tip = self.tr("Unit lines explain the notes' ReLU hidden layer; this run uses {a}.").format(
                a=cfg.activation
            )
        else:
            tip = self.tr(
                "Draw each hidden unit's line z_j = 0 over the regions, a tick on its active "
                "side; colour: the class W2[j] favours; width: |W2[j]|; dashed grey: dead. "
                "Click a line to select its unit."
            )
        self.units_check.setToolTip(tip)
        if self.tabs is not None:
            self.tabs.setTabText(0, QCoreApplication.translate("MainWindow", "Inside the model"))
            self.tabs.setTabText(1, self.tr("Hidden units"))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.units_check and event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return False
