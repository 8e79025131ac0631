"""The main window: lays out the panel, the buttons and the views, and wires them to the runner.

It holds no maths, no formatting and no threads. The data path: the parameter panel produces a
validated TrainConfig → `Runner.apply` → the worker thread → a `Snapshot` relayed by the runner
on the GUI thread → every view's `show_snapshot`. Words for the status bar come from
`messages`; export from `export`. Nothing here reads the trainer's arrays.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QSettings, QThread, Signal, Slot
from PySide6.QtGui import QAction, QCloseEvent, QIcon
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QGroupBox,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPushButton,
    QTabWidget,
)

from ..engine.config import TrainConfig
from ..engine.experiment import CONFUSION
from ..engine.snapshot import Snapshot
from ..engine.status import Status
from . import messages
from . import settings as store
from .about import show_about
from .controls import ParameterPanel
from .cost_notice import CostNotice
from .editing import PointEditor
from .export import export_view, target_for
from .export_dialog import ask_and_export
from .iteration_tools import IterationTools
from .keyboard import FieldKeys
from .language import LanguageMenu
from .persist import SettingsKeeper
from .playback import RegionOptionsBar, SpeedControl
from .runner import Runner
from .save_notice import SaveNotice
from .sessions import SessionActions
from .units_feature import UnitsFeature
from .views import DecisionView, LossView, ModelTextView, ReadoutsView, SnapshotView
from .views.confusion import ConfusionView
from .watch import WatchFeatures
from .window_layout import build_layout, build_menus
from .window_text import retranslate_window

RESOURCES = Path(__file__).resolve().parent.parent / "resources"


def app_icon() -> QIcon:
    icon = QIcon()
    for size in (16, 24, 32, 48, 64, 128, 256, 512):
        png = RESOURCES / f"spiral-gui-{size}.png"
        if png.exists():
            icon.addFile(str(png))
    svg = RESOURCES / "spiral-gui.svg"
    if icon.isNull() and svg.exists():
        icon.addFile(str(svg))
    return icon


class MainWindow(QMainWindow):
    """`settings` defaults to the user's own; tests pass an INI file of theirs."""

    #: Emitted on the GUI thread after every view has drawn a snapshot (tests wait on this).
    snapshot_drawn = Signal(object)

    # Built by window_layout: the boxes, tabs, menus and actions the texts and tests reach.
    params_box: QGroupBox
    run_box: QGroupBox
    inside_tabs: QTabWidget
    file_menu: QMenu
    edit_menu: QMenu
    train_menu: QMenu
    view_menu: QMenu
    help_menu: QMenu
    language_menu: LanguageMenu
    export_regions_action: QAction
    export_loss_action: QAction
    quit_action: QAction
    start_action: QAction
    step_action: QAction
    reset_action: QAction
    log_action: QAction
    about_action: QAction

    def __init__(self, settings: QSettings | None = None, config: TrainConfig | None = None) -> None:
        super().__init__()
        self.setObjectName("main_window")
        self.setWindowIcon(app_icon())
        self._settings = settings if settings is not None else store.default_settings()
        loaded, note = store.load_config(self._settings)
        config = config or loaded
        self.last_snapshot: Snapshot | None = None

        self.panel = ParameterPanel(config)
        self.decision_view = DecisionView()
        self.loss_view = LossView()
        self.readouts = ReadoutsView()
        self.model_text = ModelTextView()
        self.confusion_view = ConfusionView()
        self.point_editor = PointEditor(self.decision_view)  # the decision view with its edit toolbar
        #: Every view, drawn in this order from each snapshot of the current run.
        self.views: list[SnapshotView] = [self.decision_view, self.loss_view, self.readouts, self.model_text]
        self.iteration_tools = IterationTools(self.panel, self.loss_view, self)
        self.views.append(self.iteration_tools)
        self.views += [self.point_editor, self.confusion_view]
        self.units = UnitsFeature(self.decision_view, self)  # unit lines, gallery, dead units, inspector
        self.views.append(self.units)
        self.watch = WatchFeatures(self, self._settings)  # timeline, animation, presentation, View menu
        self.views.append(self.watch.timeline_bar)
        # The readouts by the names the rest of the app knows them.
        self.iteration_label = self.readouts.iteration_label
        self.loss_label = self.readouts.loss_label
        self.accuracy_label = self.readouts.accuracy_label
        self.rate_label = self.readouts.rate_label
        self.progress = self.readouts.progress
        self.speed_control = SpeedControl(self._settings)
        self.speed_combo = self.speed_control.combo
        self.region_options = RegionOptionsBar(self._settings)
        self._build_buttons()
        build_layout(self)
        build_menus(self)
        keys = [self.start_action, self.step_action, self.reset_action]
        self.field_keys = FieldKeys(self.decision_view, keys, self)  # Space/S/R also from fields
        self.field_keys.watch(self)

        self.runner: Runner = Runner(config, self)
        self.iteration_tools.attach(self.runner)
        self.units.attach(self.runner)
        self.runner.set_paint_clock(lambda: self.decision_view.paint_seconds + self.loss_view.paint_seconds)
        self.runner.snapshot.connect(self._on_snapshot)
        self.watch.attach(self.runner)
        self.runner.failed.connect(self._on_failed)
        self.runner.running_changed.connect(self._show_running)
        self.panel.config_changed.connect(lambda cfg, _field: self.runner.apply(cfg))
        self.panel.refused.connect(lambda msg: self.statusBar().showMessage(msg, 8000))
        self.point_editor.points_edited.connect(self._on_points_edited)
        self.confusion_view.wanted_changed.connect(
            lambda on: self.runner.want_extras({CONFUSION} if on else ()))
        self.sessions = SessionActions(self)
        self.sessions.add_to(self.file_menu)
        self.keeper = SettingsKeeper(self._settings, self.panel, self.log_check, self.statusBar(), self)
        self.speed_control.speed_changed.connect(self.runner.set_speed)
        self.region_options.options_changed.connect(self.decision_view.set_region_style)
        for bar in (self.speed_control, self.region_options):
            bar.save_failed.connect(lambda msg: self.statusBar().showMessage(msg, 8000))
            bar.announce()  # the remembered choices, to the runner and the view
        geometry = store.load_geometry(self._settings)
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1360, 800)
        if note:  # the first snapshot's message replaces the status bar's at once: keep it here
            self.panel.message_label.setText(note)
        self.cost_notice = CostNotice(self, self.panel, self.runner)
        self.save_notice = SaveNotice(self)  #: says once that the settings file cannot be written
        self.keeper.failed.connect(self.save_notice.report)
        app = QApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.shutdown)
        self.retranslate()
        self.statusBar().showMessage(note or messages.ready_text())
        self.runner.launch()

    # -- construction -----------------------------------------------------------------------
    def _build_buttons(self) -> None:
        self.start_button = QPushButton()
        self.start_button.setObjectName("start_button")
        self.step_button = QPushButton()
        self.step_button.setObjectName("step_button")
        self.reset_button = QPushButton()
        self.reset_button.setObjectName("reset_button")
        self.start_button.clicked.connect(self.toggle_running)
        self.step_button.clicked.connect(self._on_step)
        self.reset_button.clicked.connect(self._on_reset)
        for b in (self.start_button, self.step_button, self.reset_button):
            b.setMinimumHeight(34)
        self.log_check = QCheckBox()
        self.log_check.setObjectName("log_check")
        self.log_check.toggled.connect(self.loss_view.set_log)

    # -- user actions -----------------------------------------------------------------------
    @Slot()
    def toggle_running(self) -> None:
        self.runner.toggle()

    @Slot()
    def _on_step(self) -> None:
        self.runner.step()

    @Slot()
    def _on_reset(self) -> None:
        self.runner.reset()

    # -- what the runner relays ---------------------------------------------------------------
    @Slot(object)
    def _on_snapshot(self, snap: Snapshot) -> None:
        for view in self.views:
            view.show_snapshot(snap)
        self.last_snapshot = snap
        self._show_running(self.runner.running)
        self.statusBar().showMessage(messages.status_text(snap))
        self.snapshot_drawn.emit(snap)

    def retranslate(self) -> None:
        """Re-set every text in the current language (window_text); views and the panel do their own,
        the non-widget helpers (watch, sessions), which get no LanguageChange event, are told here."""
        retranslate_window(self)
        for helper in (getattr(self, "watch", None), getattr(self, "sessions", None)):
            if helper is not None:
                helper.retranslate()
        self._show_running(self.runner.running)
        snap = self.last_snapshot
        self.statusBar().showMessage(messages.status_text(snap) if snap else messages.ready_text())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    @Slot(object, object)
    def _on_points_edited(self, X, y) -> None:
        self.runner.set_points(X, y)
        self.panel.show_custom(self.runner.config, int(y.max()) + 1 if len(y) else 0)

    @Slot(bool)
    def _show_running(self, running: bool) -> None:
        self.start_button.setText(self.tr("Pause") if running else self.tr("Start"))
        snap = self.last_snapshot
        done = snap is not None and snap.status in (Status.FINISHED, Status.DIVERGED)
        self.start_button.setEnabled(not done or running)
        self.step_button.setEnabled(not done)

    @Slot(str)
    def _on_failed(self, text: str) -> None:
        first = messages.failure_text(text)
        self.statusBar().showMessage(self.tr("Training stopped by an error: {0}").format(first))
        box = QMessageBox(
            QMessageBox.Icon.Critical,
            self.tr("Training error"),
            self.tr("Training stopped: {0}").format(first),
            parent=self,
        )
        box.setDetailedText(text)
        box.setModal(False)
        box.show()

    # -- export, about ----------------------------------------------------------------------
    def export_plot(self, which: str, path: str | Path) -> Path:
        """Save one plot ("regions" or "loss") as PNG or SVG, by extension; OSError if not written."""
        view, name = self._export_view(which)
        return export_view(view, target_for(path, name).path).path

    def _export_view(self, which: str) -> tuple[DecisionView | LossView, str]:
        if which == "regions":
            return self.decision_view, "decision-regions"
        return self.loss_view, "loss-curve"

    def _export_dialog(self, which: str) -> None:
        ask_and_export(self, *self._export_view(which))

    def show_about(self) -> QMessageBox:
        return show_about(self)

    # -- closing ----------------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:
        self.keeper.save_all(self.panel.config(), self.saveGeometry())
        self.shutdown()
        super().closeEvent(event)

    @Slot()
    def shutdown(self) -> None:
        """Stop the worker thread and wait for it (never killed); safe to call more than once."""
        self.watch.shutdown()
        self.iteration_tools.shutdown()
        self.sessions.shutdown()
        self.runner.stop()

    @property
    def worker_thread(self) -> QThread:
        return self.runner.worker_thread

    @property
    def frame_seconds(self) -> float:
        """What the last frame cost the GUI thread, drawing and painting."""
        return self.runner.frame_seconds
