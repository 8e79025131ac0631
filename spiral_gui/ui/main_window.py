"""The main window: lays out the panel, the buttons and the views, and wires them to the runner.

It holds no maths, no formatting and no threads. The data path: the parameter panel produces a
validated TrainConfig → `Runner.apply` → the worker thread → a `Snapshot` relayed by the runner
on the GUI thread → every view's `show_snapshot`. Words for the status bar come from
`messages`; export from `export`. Nothing here reads the trainer's arrays.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QThread, Signal, Slot
from PySide6.QtGui import QAction, QCloseEvent, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ..engine.config import TrainConfig
from ..engine.snapshot import Snapshot
from ..engine.status import Status
from . import messages
from . import settings as store
from .about import show_about
from .controls import ParameterPanel
from .export import export_plot
from .runner import Runner
from .views import DecisionView, LossView, ModelTextView, ReadoutsView, SnapshotView
from .watch import WatchFeatures

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

    def __init__(self, settings: QSettings | None = None, config: TrainConfig | None = None) -> None:
        super().__init__()
        self.setObjectName("main_window")
        self.setWindowTitle(self.tr("Spiral GUI — watch a neural network learn"))
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
        #: Every view, drawn in this order from each snapshot of the current run.
        self.views: list[SnapshotView] = [self.decision_view, self.loss_view, self.readouts, self.model_text]
        self.watch = WatchFeatures(self, self._settings)  # timeline, animation, presentation, View menu
        self.views.append(self.watch.timeline_bar)
        # The readouts by the names the rest of the app knows them.
        self.iteration_label = self.readouts.iteration_label
        self.loss_label = self.readouts.loss_label
        self.accuracy_label = self.readouts.accuracy_label
        self.rate_label = self.readouts.rate_label
        self.progress = self.readouts.progress
        self._build_buttons()
        self._build_layout()
        self._build_menus()

        self.runner = Runner(config, self)
        self.runner.set_paint_clock(lambda: self.decision_view.paint_seconds + self.loss_view.paint_seconds)
        self.runner.snapshot.connect(self._on_snapshot)
        self.watch.attach(self.runner)
        self.runner.failed.connect(self._on_failed)
        self.runner.running_changed.connect(self._show_running)
        self.panel.config_changed.connect(lambda cfg, _field: self.runner.apply(cfg))
        self.panel.refused.connect(lambda msg: self.statusBar().showMessage(msg, 8000))
        geometry = store.load_geometry(self._settings)
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1360, 800)
        self.statusBar().showMessage(note or messages.ready_text())
        if note:  # the first snapshot's message replaces the status bar's at once: keep it here
            self.panel.message_label.setText(note)
        app = QApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.shutdown)
        self.runner.launch()

    # -- construction -----------------------------------------------------------------------
    def _build_buttons(self) -> None:
        self.start_button = QPushButton(self.tr("Start"))
        self.start_button.setObjectName("start_button")
        self.start_button.setToolTip(self.tr("Train until the iteration budget is spent, or pause (Space)"))
        self.step_button = QPushButton(self.tr("Step"))
        self.step_button.setObjectName("step_button")
        self.step_button.setToolTip(self.tr("Advance exactly one iteration of gradient descent (S)"))
        self.reset_button = QPushButton(self.tr("Reset"))
        self.reset_button.setObjectName("reset_button")
        self.reset_button.setToolTip(
            self.tr("Re-draw the weights from the seed and clear the loss curve (R)")
        )
        self.start_button.clicked.connect(self.toggle_running)
        self.step_button.clicked.connect(self._on_step)
        self.reset_button.clicked.connect(self._on_reset)
        for b in (self.start_button, self.step_button, self.reset_button):
            b.setMinimumHeight(34)
        self.log_check = QCheckBox(self.tr("Log-scale loss axis"))
        self.log_check.setObjectName("log_check")
        self.log_check.toggled.connect(self.loss_view.set_log)

    def _build_layout(self) -> None:
        buttons = QHBoxLayout()
        for b in (self.start_button, self.step_button, self.reset_button):
            buttons.addWidget(b)

        params_box = QGroupBox(self.tr("Parameters"))
        QVBoxLayout(params_box).addWidget(self.panel)
        run_box = QGroupBox(self.tr("Training"))
        run_layout = QVBoxLayout(run_box)
        run_layout.addLayout(buttons)
        run_layout.addWidget(self.readouts)
        run_layout.addWidget(self.log_check)
        run_layout.addWidget(self.watch.log_x_check)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.addWidget(params_box)
        left_layout.addWidget(run_box)
        left_layout.addStretch(1)
        left.setMinimumWidth(300)
        left.setMaximumWidth(380)

        inside = QGroupBox(self.tr("Inside the model"))
        QVBoxLayout(inside).addWidget(self.model_text)

        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(self.loss_view)
        right.addWidget(inside)
        right.setStretchFactor(0, 3)
        right.setStretchFactor(1, 2)

        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        centre = QWidget()  # the decision regions over the timeline slider
        centre_layout = QVBoxLayout(centre)
        centre_layout.setContentsMargins(0, 0, 0, 0)
        centre_layout.addWidget(self.decision_view, 1)
        centre_layout.addWidget(self.watch.timeline_bar)
        split.addWidget(centre)
        split.addWidget(right)
        split.setStretchFactor(1, 3)
        split.setStretchFactor(2, 2)
        split.setCollapsible(1, False)
        split.setSizes([310, 690, 360])
        right.setSizes([430, 290])
        self.setCentralWidget(split)

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.export_regions_action = QAction(self.tr("Export decision regions…"), self)
        self.export_regions_action.triggered.connect(lambda: self._export_dialog("regions"))
        self.export_loss_action = QAction(self.tr("Export loss curve…"), self)
        self.export_loss_action.triggered.connect(lambda: self._export_dialog("loss"))
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        quit_action.triggered.connect(self.close)
        file_menu.addActions([self.export_regions_action, self.export_loss_action,
                              self.watch.export_animation_action])
        file_menu.addSeparator()
        file_menu.addAction(quit_action)

        train_menu = self.menuBar().addMenu(self.tr("&Training"))
        self.start_action = QAction(self.tr("Start / Pause"), self, shortcut=QKeySequence(Qt.Key.Key_Space))
        self.start_action.triggered.connect(self.toggle_running)
        self.step_action = QAction(self.tr("Step one iteration"), self, shortcut=QKeySequence(Qt.Key.Key_S))
        self.step_action.triggered.connect(self._on_step)
        self.reset_action = QAction(self.tr("Reset weights"), self, shortcut=QKeySequence(Qt.Key.Key_R))
        self.reset_action.triggered.connect(self._on_reset)
        self.log_action = QAction(self.tr("Log-scale loss axis"), self, checkable=True)
        self.log_action.toggled.connect(self.log_check.setChecked)
        self.log_check.toggled.connect(self.log_action.setChecked)
        train_menu.addActions([self.start_action, self.step_action, self.reset_action])
        train_menu.addSeparator()
        train_menu.addAction(self.log_action)
        self.addActions([self.start_action, self.step_action, self.reset_action, quit_action])

        self.watch.add_view_menu(self.menuBar())
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        about = QAction(self.tr("&About Spiral GUI"), self)
        about.triggered.connect(self.show_about)
        help_menu.addAction(about)

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
        """Save one plot ("regions" or "loss") as PNG or SVG, by extension."""
        return export_plot(self.decision_view if which == "regions" else self.loss_view, path)

    def _export_dialog(self, which: str) -> None:
        name = "decision-regions" if which == "regions" else "loss-curve"
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export plot"), f"{name}.png", self.tr("PNG image (*.png);;SVG drawing (*.svg)")
        )
        if not path:
            return
        try:
            written = self.export_plot(which, path)
        except Exception as exc:
            self.statusBar().showMessage(self.tr("Export failed: {0}").format(exc), 10000)
            QMessageBox.warning(
                self, self.tr("Export failed"), self.tr("Could not export to {0}:\n{1}").format(path, exc)
            )
        else:
            self.statusBar().showMessage(self.tr("Exported {0}").format(written), 6000)

    def show_about(self) -> QMessageBox:
        return show_about(self)

    # -- closing ----------------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:
        store.save_config(self._settings, self.panel.config())
        store.save_geometry(self._settings, self.saveGeometry())
        self.shutdown()
        super().closeEvent(event)

    @Slot()
    def shutdown(self) -> None:
        """Stop the worker thread and wait for it (never killed); safe to call more than once."""
        self.watch.shutdown()
        self.runner.stop()

    @property
    def worker_thread(self) -> QThread:
        return self.runner.worker_thread

    @property
    def frame_seconds(self) -> float:
        """What the last frame cost the GUI thread, drawing and painting."""
        return self.runner.frame_seconds
