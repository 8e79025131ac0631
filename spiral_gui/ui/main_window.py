"""The main window: wires the parameter panel, the worker thread and the views together.

It holds no maths. A user's change becomes a validated TrainConfig from the panel, which becomes
a queued call to the worker; a snapshot from the worker becomes view setters. Nothing here reads
the trainer's arrays.
"""

from __future__ import annotations

import math
import time
from pathlib import Path

import numpy as np
import pyqtgraph as pg
import pyqtgraph.exporters
from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QRect, QSettings, Qt, QThread, QTimer, Signal, Slot, qVersion
from PySide6.QtGui import QAction, QCloseEvent, QIcon, QKeySequence, QPainter
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from .. import __version__
from ..engine.config import TrainConfig
from ..engine.snapshot import Snapshot
from . import settings as store
from .controls import RESTART_FIELDS, ParameterPanel
from .plots import DecisionView, LossView
from .worker import TrainingWorker

RESOURCES = Path(__file__).resolve().parent.parent / "resources"
#: Share of wall time the GUI thread may spend drawing while training runs.
VIEW_SHARE = 0.10


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

    # Queued calls into the worker thread.
    _configure = Signal(object)
    _start = Signal()
    _pause = Signal()
    _step = Signal()
    _reset = Signal()
    _hyper = Signal(float, float)
    _budget = Signal(int)
    _ack = Signal()
    _emit_now = Signal()
    #: Relayed on the GUI thread after a snapshot has been drawn (tests wait on this).
    snapshot_drawn = Signal(object)

    def __init__(self, settings: QSettings | None = None, config: TrainConfig | None = None) -> None:
        super().__init__()
        self.setObjectName("main_window")
        self.setWindowTitle("Spiral GUI — watch a neural network learn")
        self.setWindowIcon(app_icon())
        self._settings = settings if settings is not None else store.default_settings()
        loaded, note = store.load_config(self._settings)
        config = config or loaded
        self._run_id = -1
        self._running = False
        self._closed = False
        self.last_snapshot: Snapshot | None = None
        self.frame_seconds = 0.0

        self.panel = ParameterPanel(config)
        self.decision_view = DecisionView()
        self.loss_view = LossView()
        self._build_buttons()
        self._build_readouts()
        self._build_layout()
        self._build_menus()
        self._start_worker(config)

        self.panel.config_changed.connect(self._on_config_changed)
        self.panel.refused.connect(lambda msg: self.statusBar().showMessage(msg, 8000))
        geometry = store.load_geometry(self._settings)
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1360, 800)
        self.statusBar().showMessage(note or "ready: press Start (Space) or Step (S)")
        if note:  # the first snapshot's message replaces the status bar's at once: keep it here
            self.panel.message_label.setText(note)
        app = QApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.shutdown)

    # -- construction -----------------------------------------------------------------------
    def _build_buttons(self) -> None:
        self.start_button = QPushButton("Start", objectName="start_button")
        self.start_button.setToolTip("Train until the iteration budget is spent, or pause (Space)")
        self.step_button = QPushButton("Step", objectName="step_button")
        self.step_button.setToolTip("Advance exactly one iteration of gradient descent (S)")
        self.reset_button = QPushButton("Reset", objectName="reset_button")
        self.reset_button.setToolTip("Re-draw the weights from the seed and clear the loss curve (R)")
        self.start_button.clicked.connect(self.toggle_running)
        self.step_button.clicked.connect(self._on_step)
        self.reset_button.clicked.connect(self._on_reset)
        for b in (self.start_button, self.step_button, self.reset_button):
            b.setMinimumHeight(34)

    def _build_readouts(self) -> None:
        self.iteration_label = QLabel("0", objectName="iteration_label")
        self.loss_label = QLabel("–", objectName="loss_label")
        self.accuracy_label = QLabel("–", objectName="accuracy_label")
        self.rate_label = QLabel("–", objectName="rate_label")
        self.progress = QProgressBar(objectName="progress_bar")
        self.progress.setTextVisible(True)
        for label in (self.iteration_label, self.loss_label, self.accuracy_label, self.rate_label):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label.setWordWrap(True)
        self.log_check = QCheckBox("Log-scale loss axis", objectName="log_check")
        self.log_check.toggled.connect(self.loss_view.set_log)
        self.model_text = QLabel(objectName="model_text")
        self.model_text.setWordWrap(True)
        self.model_text.setTextFormat(Qt.TextFormat.RichText)
        self.model_text.setAlignment(Qt.AlignmentFlag.AlignTop)

    def _build_layout(self) -> None:
        buttons = QHBoxLayout()
        for b in (self.start_button, self.step_button, self.reset_button):
            buttons.addWidget(b)

        readouts = QGridLayout()
        for row, (title, widget) in enumerate(
            [
                ("Iteration", self.iteration_label),
                ("Loss", self.loss_label),
                ("Training accuracy", self.accuracy_label),
                ("Speed", self.rate_label),
            ]
        ):
            t = QLabel(title)
            t.setStyleSheet("color: #555555;")
            readouts.addWidget(t, row, 0, Qt.AlignmentFlag.AlignTop)
            readouts.addWidget(widget, row, 1)
            widget.setStyleSheet("font-weight: 600;")
        readouts.setColumnStretch(1, 1)
        readouts.addWidget(self.progress, 4, 0, 1, 2)

        params_box = QGroupBox("Parameters")
        QVBoxLayout(params_box).addWidget(self.panel)
        run_box = QGroupBox("Training")
        run_layout = QVBoxLayout(run_box)
        run_layout.addLayout(buttons)
        run_layout.addLayout(readouts)
        run_layout.addWidget(self.log_check)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.addWidget(params_box)
        left_layout.addWidget(run_box)
        left_layout.addStretch(1)
        left.setMinimumWidth(300)
        left.setMaximumWidth(380)

        inside = QGroupBox("Inside the model")
        inside_layout = QVBoxLayout(inside)
        inside_layout.addWidget(self.model_text)

        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(self.loss_view)
        right.addWidget(inside)
        right.setStretchFactor(0, 3)
        right.setStretchFactor(1, 2)

        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(self.decision_view)
        split.addWidget(right)
        split.setStretchFactor(1, 3)
        split.setStretchFactor(2, 2)
        split.setCollapsible(1, False)
        split.setSizes([310, 690, 360])
        right.setSizes([430, 290])
        self.setCentralWidget(split)

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        self.export_regions_action = QAction("Export decision regions…", self)
        self.export_regions_action.triggered.connect(lambda: self._export_dialog("regions"))
        self.export_loss_action = QAction("Export loss curve…", self)
        self.export_loss_action.triggered.connect(lambda: self._export_dialog("loss"))
        quit_action = QAction("&Quit", self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        quit_action.triggered.connect(self.close)
        file_menu.addActions([self.export_regions_action, self.export_loss_action])
        file_menu.addSeparator()
        file_menu.addAction(quit_action)

        train_menu = self.menuBar().addMenu("&Training")
        self.start_action = QAction("Start / Pause", self, shortcut=QKeySequence(Qt.Key.Key_Space))
        self.start_action.triggered.connect(self.toggle_running)
        self.step_action = QAction("Step one iteration", self, shortcut=QKeySequence(Qt.Key.Key_S))
        self.step_action.triggered.connect(self._on_step)
        self.reset_action = QAction("Reset weights", self, shortcut=QKeySequence(Qt.Key.Key_R))
        self.reset_action.triggered.connect(self._on_reset)
        self.log_action = QAction("Log-scale loss axis", self, checkable=True)
        self.log_action.toggled.connect(self.log_check.setChecked)
        self.log_check.toggled.connect(self.log_action.setChecked)
        train_menu.addActions([self.start_action, self.step_action, self.reset_action])
        train_menu.addSeparator()
        train_menu.addAction(self.log_action)
        self.addActions([self.start_action, self.step_action, self.reset_action, quit_action])

        help_menu = self.menuBar().addMenu("&Help")
        about = QAction("&About Spiral GUI", self)
        about.triggered.connect(self.show_about)
        help_menu.addAction(about)

    def _start_worker(self, config: TrainConfig) -> None:
        self._thread = QThread(self)
        self._thread.setObjectName("training-thread")
        self._worker = TrainingWorker(config)
        self._worker.moveToThread(self._thread)
        self._configure.connect(self._worker.configure)
        self._start.connect(self._worker.start)
        self._pause.connect(self._worker.pause)
        self._step.connect(self._worker.step_once)
        self._reset.connect(self._worker.reset)
        self._hyper.connect(self._worker.set_hyper)
        self._budget.connect(self._worker.set_budget)
        self._ack.connect(self._worker.acknowledge)
        self._emit_now.connect(self._worker.emit_now)
        self._worker.snapshot.connect(self._on_snapshot)
        self._worker.failed.connect(self._on_failed)
        # Runs in the worker's thread as its event loop ends, so its timer stops in its own thread.
        self._thread.finished.connect(self._worker.shutdown, Qt.ConnectionType.DirectConnection)
        self._thread.start()
        self._emit_now.emit()

    # -- user actions -----------------------------------------------------------------------
    @Slot()
    def toggle_running(self) -> None:
        if self._running:
            self._worker.request_interrupt()
            self._pause.emit()
        else:
            self._start.emit()

    @Slot()
    def _on_step(self) -> None:
        self._worker.request_interrupt()
        self._step.emit()

    @Slot()
    def _on_reset(self) -> None:
        self._worker.request_interrupt()
        self._reset.emit()

    @Slot(object, str)
    def _on_config_changed(self, config: TrainConfig, field: str) -> None:
        if field in RESTART_FIELDS:
            self._worker.request_interrupt()
            self._configure.emit(config)
        elif field in ("step_size", "reg"):
            self._hyper.emit(config.step_size, config.reg)
        elif field == "iterations":
            self._budget.emit(config.iterations)

    # -- snapshots --------------------------------------------------------------------------
    @Slot(object)
    def _on_snapshot(self, snap: Snapshot) -> None:
        """Draw; once painted, pace the next snapshot by what this frame cost.

        The GUI thread's drawing holds the GIL that training needs, so the window keeps its
        share of the time near VIEW_SHARE: a frame that cost 10 ms is acknowledged ~70 ms later.
        """
        if self._closed:
            return
        start = time.perf_counter()
        try:
            self._draw(snap)
        finally:
            self._frame_cost = time.perf_counter() - start
            self._paint_mark = self._paint_seconds()
            self._frame_running = snap.status == "running"
            QTimer.singleShot(0, self, self._after_paint)  # posted paint events are handled first
        self.snapshot_drawn.emit(snap)

    def _paint_seconds(self) -> float:
        return self.decision_view.paint_seconds + self.loss_view.paint_seconds

    @Slot()
    def _after_paint(self) -> None:
        cost = self._frame_cost + self._paint_seconds() - self._paint_mark
        self.frame_seconds = cost
        delay_ms = int(1000 * cost * (1 / VIEW_SHARE - 1)) if self._frame_running else 0
        QTimer.singleShot(delay_ms, self, self._ack.emit)

    def _draw(self, snap: Snapshot) -> None:
        new_run = snap.run_id != self._run_id
        if new_run:
            self._run_id = snap.run_id
            self.loss_view.clear_curve(snap.config.iterations)
        cfg = snap.config
        self.loss_view.set_budget(cfg.iterations)
        self.decision_view.show_data(snap.X, snap.y, cfg.k)
        self.decision_view.show_regions(snap.regions, snap.grid_rect, cfg.k)
        self.loss_view.append(snap.loss_start, snap.losses, snap.data_losses)
        self.last_snapshot = snap

        self._running = snap.status == "running"
        self.start_button.setText("Pause" if self._running else "Start")
        done = snap.status in ("finished", "diverged")
        self.start_button.setEnabled(not done or self._running)
        self.step_button.setEnabled(not done)

        self.iteration_label.setText(f"{snap.iteration:,} / {cfg.iterations:,}")
        if snap.status == "diverged":
            self.loss_label.setText(f"diverged — last finite loss {snap.loss:.4f}")
            self.loss_label.setStyleSheet("font-weight: 600; color: #b2182b;")
            self.loss_view.set_marker("diverged")
        else:
            self.loss_label.setText("–" if math.isnan(snap.loss) else f"{snap.loss:.6f}")
            self.loss_label.setStyleSheet("font-weight: 600;")
            if new_run:
                self.loss_view.set_marker("")
        self.accuracy_label.setText(f"{snap.accuracy:.2%}")
        self.rate_label.setText(
            f"{snap.iterations_per_second:,.0f} iterations/s" if snap.status == "running" else "–"
        )
        self.progress.setMaximum(cfg.iterations)
        self.progress.setValue(min(snap.iteration, cfg.iterations))
        html = _model_html(snap)
        if html != self.model_text.text():
            self.model_text.setText(html)

        message = snap.message
        if snap.status == "running" and snap.grid_period > 0.05:
            message += f" (decision regions refresh every {snap.grid_period:.1f} s at this size)"
        if snap.status == "diverged":
            message += " — then press Reset (R)"
        self.statusBar().showMessage(message)

    @Slot(str)
    def _on_failed(self, text: str) -> None:
        self._running = False
        self.start_button.setText("Start")
        first = text.splitlines()[0] if text else "unknown error"
        self.statusBar().showMessage(f"Training stopped by an error: {first}")
        box = QMessageBox(
            QMessageBox.Icon.Critical, "Training error", f"Training stopped: {first}", parent=self
        )
        box.setDetailedText(text)
        box.setModal(False)
        box.show()

    # -- export, about ----------------------------------------------------------------------
    def export_plot(self, which: str, path: str | Path) -> None:
        """Save one plot as PNG (at twice the on-screen size, for slides) or SVG, by extension."""
        view = self.decision_view if which == "regions" else self.loss_view
        path = Path(path)
        if path.suffix.lower() == ".svg":
            _export_svg(view, path)
            return
        else:
            if path.suffix.lower() != ".png":
                path = path.with_suffix(".png")
            exporter = pg.exporters.ImageExporter(view.getPlotItem())
            exporter.parameters()["width"] = int(view.width() * 2)
            exporter.parameters()["antialias"] = True
        exporter.export(str(path))
        if not path.exists():
            raise OSError(f"could not write {path}")

    def _export_dialog(self, which: str) -> None:
        name = "decision-regions" if which == "regions" else "loss-curve"
        path, _ = QFileDialog.getSaveFileName(
            self, "Export plot", f"{name}.png", "PNG image (*.png);;SVG drawing (*.svg)"
        )
        if not path:
            return
        try:
            self.export_plot(which, path)
        except Exception as exc:
            self.statusBar().showMessage(f"Export failed: {exc}", 10000)
            QMessageBox.warning(self, "Export failed", f"Could not export to {path}:\n{exc}")
        else:
            self.statusBar().showMessage(f"Exported {path}", 6000)

    def show_about(self) -> QMessageBox:
        text = (
            f"<h3>Spiral GUI {__version__}</h3>"
            "<p>Watch a two-layer neural network learn the spiral data set of the "
            "CS231n “minimal neural network case study”.</p>"
            "<p>Built on:<br>"
            f"Qt {qVersion()} — LGPL-3.0<br>"
            f"PySide6 {pyside_version} — LGPL-3.0<br>"
            f"pyqtgraph {pg.__version__} — MIT<br>"
            f"NumPy {np.__version__} — BSD-3-Clause</p>"
        )
        box = QMessageBox(QMessageBox.Icon.Information, "About Spiral GUI", text, parent=self)
        box.setTextFormat(Qt.TextFormat.RichText)
        box.setModal(False)
        box.show()
        return box

    # -- closing ----------------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:
        store.save_config(self._settings, self.panel.config())
        store.save_geometry(self._settings, self.saveGeometry(), self.saveState())
        self.shutdown()
        super().closeEvent(event)

    @Slot()
    def shutdown(self) -> None:
        """Stop the worker thread and wait for it; safe to call more than once."""
        if self._closed:
            return
        self._closed = True
        self._worker.request_interrupt()
        self._thread.requestInterruption()
        self._thread.quit()
        if not self._thread.wait(10_000):
            self._thread.terminate()
            self._thread.wait()

    @property
    def worker_thread(self) -> QThread:
        return self._thread


def _export_svg(view: QWidget, path: Path) -> None:
    """Vector SVG through Qt's own generator.

    pyqtgraph 0.14's SVGExporter cannot parse the path syntax that Qt 6.11's QSvgGenerator
    writes (it raises in correctCoordinates), so the view is rendered into the generator itself.
    """
    generator = QSvgGenerator()
    generator.setFileName(str(path))
    generator.setSize(view.size())
    generator.setViewBox(QRect(0, 0, view.width(), view.height()))
    generator.setTitle(f"Spiral GUI — {view.objectName().replace('_', ' ')}")
    painter = QPainter()
    if not painter.begin(generator):
        raise OSError(f"could not write {path}")
    try:
        view.render(painter)
    finally:
        painter.end()
    if not path.exists() or path.stat().st_size == 0:
        raise OSError(f"could not write {path}")


def _model_html(snap: Snapshot) -> str:
    """Every quantity's shape, and what the ReLU backward step is doing right now."""
    cfg = snap.config
    n, k = snap.X.shape[0], cfg.k
    if cfg.model == "linear":
        return (
            f"<b>Softmax linear classifier</b><br>"
            f"X ({n}×2) · W (2×{k}) + b (1×{k}) → scores ({n}×{k})<br>"
            f"probs = softmax(scores); loss = mean(−log probs[y]) + ½·reg·ΣW²<br>"
            f"One straight boundary per pair of classes: it cannot follow the arms."
        )
    h = cfg.hidden
    active = snap.active_fraction
    pct = "–" if math.isnan(active) else f"{active:.0%}"
    return (
        f"<b>Two-layer net</b><br>"
        f"hidden = max(0, X ({n}×2) · W (2×{h}) + b) → ({n}×{h})<br>"
        f"scores = hidden · W2 ({h}×{k}) + b2 → ({n}×{k})<br>"
        f"loss = mean(−log softmax(scores)[y]) + ½·reg·(ΣW² + ΣW2²)<br><br>"
        f"<b>ReLU backward:</b> <code>dhidden[hidden &lt;= 0] = 0</code><br>"
        f"Now <b>{pct}</b> of the {n * h:,} hidden values are &gt; 0: gradient flows back "
        f"through those only. For the rest, max(0, z) is flat, its slope is 0, so they pass none."
    )
