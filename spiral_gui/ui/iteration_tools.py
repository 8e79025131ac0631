"""One iteration, looked at closely: Step into (line by line), the gradient check, the mask
experiment, and the notes' figures on the loss plot. The window's controller for these.

- Step into (`step_into_button`, Shift+S) pauses training and opens `IterationView` on an
  `IterationStepper` built on the GUI thread from the latest paused snapshot. Configurations
  larger than `MAX_STEP_CELLS` (points × hidden units) are refused with a sentence: the stepper
  keeps every array of the iteration. "Finish" commits through the runner's ordinary `step()`;
  the next snapshot's parameters are held against the notebook's update lines.
- The gradient check (`gradcheck_button`) runs `engine.gradcheck.gradient_check` on a
  QThreadPool thread of its own at the latest snapshot's parameters; a later request or closing
  the window abandons a check in progress (`should_stop`), and a stale result is dropped.
- `mask_check` applies `skip_mask` through the runner (a new run from the same initial weights).
No maths here: the engine computes, the views draw.
"""

from __future__ import annotations

import threading
from functools import partial
from typing import Any

import numpy as np
from PySide6.QtCore import QEvent, QObject, QRunnable, Qt, QThreadPool, Signal, Slot
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ..engine import models
from ..engine.config import TrainConfig
from ..engine.gradcheck import gradient_check, incremental_losses, relu_kinks
from ..engine.snapshot import Snapshot
from ..engine.status import Status
from ..engine.stepper import IterationStepper
from .controls import ParameterPanel
from .runner import Runner
from .views.casestudy import CaseStudyBadge
from .views.gradcheck import GradcheckView
from .views.iteration import IterationView
from .views.loss import LossView

#: Above this many cells in the hidden layer (points × hidden units) line by line is refused:
#: the stepper keeps every array of the iteration (≈ 5 arrays of this size, 200 MB at 5e6).
MAX_STEP_CELLS = 5_000_000
#: Parameters may differ from the notebook's update lines by this much (max norm, relative).
FINISH_TOLERANCE = 1e-12


def mask_applies(config: TrainConfig) -> bool:
    """The mask experiment exists for the net with a ReLU-like activation only."""
    return config.model == "nn" and config.activation in ("relu", "leaky_relu")


def step_into_refusal(config: TrainConfig, points: int) -> str | None:
    """Why this configuration cannot be stepped into line by line (None if it can); untranslated
    keys for `IterationTools._refusal_text`."""
    if config.optimizer != "sgd":
        return "optimizer"
    if config.batch_size and config.batch_size < points:
        return "batch"
    width = config.hidden if config.model == "nn" else config.k
    if points * width > MAX_STEP_CELLS:
        return "size"
    return None


class _CheckSignals(QObject):
    done = Signal(int, object)  # generation, GradientCheck (None when abandoned)
    failed = Signal(int, str)


class _CheckTask(QRunnable):
    def __init__(self, generation: int, job: Any, signals: _CheckSignals) -> None:
        super().__init__()
        self._generation, self._job, self._signals = generation, job, signals

    def run(self) -> None:
        try:
            result = self._job()
        except Exception as exc:  # shown in the window, never swallowed
            self._signals.failed.emit(self._generation, str(exc))
        else:
            self._signals.done.emit(self._generation, result)


class IterationTools(QObject):
    """Builds `box` (the buttons, the mask experiment, the check's result) and `badge`; is a
    snapshot view (`show_snapshot`). Call `attach(runner)` once the runner exists."""

    def __init__(self, panel: ParameterPanel, loss_view: LossView, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        self._panel = panel
        self.runner: Runner | None = None
        self.badge = CaseStudyBadge(loss_view.getPlotItem())
        self.step_into_button = QPushButton()
        self.step_into_button.setObjectName("step_into_button")
        self.gradcheck_button = QPushButton()
        self.gradcheck_button.setObjectName("gradcheck_button")
        self.mask_check = QCheckBox()
        self.mask_check.setObjectName("mask_check")
        self.mask_warning = QLabel()
        self.mask_warning.setObjectName("mask_warning")
        self.mask_warning.setWordWrap(True)
        self.mask_warning.setStyleSheet("color: #8a1c1c; background: #fdecea; padding: 4px;")
        self.mask_warning.setVisible(False)
        self.gradcheck_view = GradcheckView()
        #: The check's result, for the window to place; hidden until the first check.
        self.gradcheck_box = QGroupBox()
        self.gradcheck_box.setObjectName("gradcheck_box")
        QVBoxLayout(self.gradcheck_box).addWidget(self.gradcheck_view)
        self.gradcheck_box.setVisible(False)
        self.box = QGroupBox()
        self.box.setObjectName("iteration_tools")
        row = QHBoxLayout()
        row.addWidget(self.step_into_button)
        row.addWidget(self.gradcheck_button)
        layout = QVBoxLayout(self.box)
        layout.addLayout(row)
        layout.addWidget(self.mask_check)
        layout.addWidget(self.mask_warning)
        self.step_into_action = QAction(self, shortcut=QKeySequence("Shift+S"))
        # From the iteration window too, which is a window of its own.
        self.step_into_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.step_into_action.triggered.connect(self.step_into)
        window.addAction(self.step_into_action)
        self.step_into_button.clicked.connect(self.step_into)
        self.gradcheck_button.clicked.connect(self.run_gradcheck)
        self.mask_check.toggled.connect(self._on_mask_toggled)
        # Queued: after the window has applied the panel's configuration, this may correct it.
        panel.config_changed.connect(self._on_panel_config, Qt.ConnectionType.QueuedConnection)

        self.view: IterationView | None = None
        self.stepper: IterationStepper | None = None
        self._stepper_key: tuple[Any, ...] | None = None
        self._finishing: tuple[int, int, dict[str, np.ndarray]] | None = None
        self._last: Snapshot | None = None
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._signals = _CheckSignals(self)
        self._signals.done.connect(self._on_check_done)
        self._signals.failed.connect(self._on_check_failed)
        self._generation = 0
        self._cancel = threading.Event()
        self._check_running = False
        self.last_check: Any = None
        window.installEventFilter(self)
        self.retranslate()

    def attach(self, runner: Runner) -> None:
        self.runner = runner
        self._sync_mask(runner.config)

    # -- words ---------------------------------------------------------------------------------
    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if obj is self._window and event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return False

    def retranslate(self) -> None:
        self.box.setTitle(self.tr("One iteration, line by line"))
        self.step_into_button.setText(self.tr("Step into…"))
        self.step_into_button.setToolTip(self.tr(
            "Run the next iteration one line of the notebook at a time and see every array (Shift+S)"))
        self.step_into_action.setText(self.tr("Step into one iteration, line by line"))
        self.gradcheck_button.setText(self.tr("Gradient check"))
        self.gradcheck_box.setTitle(self.tr("Gradient check"))
        self.gradcheck_button.setToolTip(self.tr(
            "Compare the analytic gradient with centred finite differences of the loss at the "
            "current weights"))
        self.mask_check.setText(self.tr("Skip the ReLU backward mask"))
        self.mask_warning.setText(self.tr(
            "Experiment on: the line dhidden[hidden_layer <= 0] = 0 is taken out. Training and the "
            "gradient check now use a gradient that also flows back through units that were off: "
            "it is not the loss's gradient. This is what the line is for. Untick to restore the notes."))
        self._sync_mask(self.runner.config if self.runner else self._panel.config())

    def _refusal_text(self, key: str) -> str:
        return {
            "optimizer": self.tr("Line by line follows the notes' plain gradient descent: choose that "
                                 "optimizer to step into an iteration."),
            "batch": self.tr("Line by line follows the notes' full-batch iteration: set the batch "
                             "size to 0 to step into an iteration."),
            "size": self.tr("Line by line keeps every array of the iteration: it needs a smaller "
                            "configuration (points × hidden units at most {n})."
                            ).format(n=f"{MAX_STEP_CELLS:,}"),
        }[key]

    # -- the mask experiment ----------------------------------------------------------------------
    def _sync_mask(self, config: TrainConfig) -> None:
        applies = mask_applies(config)
        self.mask_check.blockSignals(True)
        self.mask_check.setChecked(config.skip_mask and applies)
        self.mask_check.blockSignals(False)
        self.mask_check.setEnabled(applies)
        if applies:
            self.mask_check.setToolTip(self.tr(
                "An experiment, never saved: leave out the line dhidden[hidden_layer <= 0] = 0. "
                "A new run starts from the same initial weights; untick to get the notes' run back."))
        elif config.model != "nn":
            self.mask_check.setToolTip(self.tr("The softmax classifier has no hidden layer, so no mask."))
        else:
            self.mask_check.setToolTip(self.tr(
                "tanh and sigmoid have no mask: their backward line multiplies by the slope instead."))
        self.mask_warning.setVisible(config.skip_mask and applies)

    @Slot(bool)
    def _on_mask_toggled(self, on: bool) -> None:
        if self.runner is None:
            return
        config = self.runner.config.replace(skip_mask=on)
        self._panel.set_config(config)
        self.runner.apply(config)
        self._sync_mask(config)

    @Slot(object, str)
    def _on_panel_config(self, config: TrainConfig, _field: str) -> None:
        """A model or activation without a mask ends the experiment (the notes' run again)."""
        if config.skip_mask and not mask_applies(config) and self.runner is not None:
            config = config.replace(skip_mask=False)
            self._panel.set_config(config)
            self.runner.apply(config)
        self._sync_mask(config)

    # -- the snapshot view ------------------------------------------------------------------------
    def show_snapshot(self, snap: Snapshot) -> None:
        self._last = snap
        self.badge.show_snapshot(snap)
        self._sync_mask(snap.config)
        if self.view is not None and self.view.isVisible():
            self._follow(snap)

    # -- step into --------------------------------------------------------------------------------
    @Slot()
    def step_into(self) -> None:
        """Open the view (pausing training), or run the next line, or finish at the last one."""
        if self.view is not None and self.view.isVisible() and self.stepper is not None:
            if self.stepper.at_end:
                self.finish()
            else:
                self.next_line()
            return
        if self.runner is None:
            return
        if self.view is None:
            self.view = IterationView(self._window)
            self.view.next_requested.connect(self.next_line)
            self.view.back_requested.connect(self.back_line)
            self.view.finish_requested.connect(self.finish)
        self.stepper, self._stepper_key = None, None
        self.view.show()
        if QGuiApplication.platformName() != "offscreen":  # offscreen warns it cannot raise
            self.view.raise_()
        if self.runner.running:
            self.runner.pause()  # the paused snapshot builds the stepper
            self._waiting()
        elif self._last is not None:
            self._follow(self._last)

    def _waiting(self) -> None:
        assert self.view is not None
        self.view.set_buttons(False, False, False)
        self.view.set_message(self.tr("Pausing training…"))

    def _follow(self, snap: Snapshot) -> None:
        """Keep the stepper on the run's current state; commit a pending Finish."""
        assert self.view is not None
        if snap.status == Status.RUNNING:
            self.stepper, self._stepper_key = None, None
            self.view.set_buttons(False, False, False)
            self.view.set_message(self.tr("Training is running: pause it (or press Step into again) "
                                          "to go through an iteration line by line."))
            return
        finishing, self._finishing = self._finishing, None
        key = (snap.run_id, snap.iteration, snap.config)
        if key == self._stepper_key:
            return
        refusal = step_into_refusal(snap.config, len(snap.y))
        if refusal is not None:
            self.stepper, self._stepper_key = None, key
            self.view.set_lines((), snap.iteration, snap.config.model)
            self.view.set_buttons(False, False, False)
            self.view.set_message(self._refusal_text(refusal))
            return
        note = ""
        if finishing is not None and finishing[:2] == (snap.run_id, snap.iteration - 1):
            note = self._finish_note(finishing[2], snap.params) + " "
        self.stepper = IterationStepper.from_snapshot(snap, mask=not snap.config.skip_mask)
        self._stepper_key = key
        self.view.set_lines(self.stepper.lines, snap.iteration, self.stepper.model)
        self._show()
        done = snap.status in (Status.FINISHED, Status.DIVERGED)
        self.view.set_message(note + (self.tr(
            "The iteration budget is spent: the lines can be run and read, but Finish needs a "
            "larger Iterations value.") if done else self.tr(
            "Training is paused at iteration {it}. Each line runs on the real arrays of this run."
        ).format(it=f"{snap.iteration:,}")))

    def _finish_note(self, notebook: dict[str, np.ndarray], params: dict[str, np.ndarray]) -> str:
        scale = max(float(np.max(np.abs(v))) for v in notebook.values()) or 1.0
        diff = max(float(np.max(np.abs(notebook[k] - params[k]))) for k in notebook) / scale
        if diff <= FINISH_TOLERANCE:
            return self.tr("Step taken: the run's new weights are the update lines' (largest "
                           "difference {d:.1e} of the weights' size).").format(d=diff)
        return self.tr("Step taken, but the run's new weights differ from the update lines' by "
                       "{d:.1e} of their size.").format(d=diff)

    def _show(self) -> None:
        assert self.view is not None and self.stepper is not None
        s = self.stepper
        self.view.show_position(s.position, s.current, self._last.y if self._last is not None else None)
        done = self._last is not None and self._last.status in (Status.FINISHED, Status.DIVERGED)
        self.view.set_buttons(not s.at_start, not s.at_end, s.at_end and not done)

    @Slot()
    def next_line(self) -> None:
        if self.stepper is not None and not self.stepper.at_end:
            self.stepper.step()
            self._show()

    @Slot()
    def back_line(self) -> None:
        if self.stepper is not None and not self.stepper.at_start:
            self.stepper.back()
            self._show()

    @Slot()
    def finish(self) -> None:
        """Take the ordinary Step; the next snapshot is held against the update lines."""
        s, snap = self.stepper, self._last
        if s is None or snap is None or self.runner is None or not s.at_end:
            return
        self._finishing = (snap.run_id, snap.iteration, dict(s.notebook_params()))
        assert self.view is not None
        self.view.set_buttons(False, False, False)
        self.view.set_message(self.tr("Taking the step…"))
        self.runner.step()

    # -- the gradient check -----------------------------------------------------------------------
    @Slot()
    def run_gradcheck(self) -> None:
        snap = self._last
        if snap is None:
            return
        self._cancel.set()  # abandon a check in progress: its result is stale
        self._cancel = cancel = threading.Event()
        self._generation += 1
        cfg = snap.config
        params = {k: np.array(v) for k, v in snap.params.items()}
        X, y = snap.X, snap.y
        relu = cfg.activation == "relu"
        lag = partial(models.loss_and_grads, activation=cfg.activation, skip_mask=cfg.skip_mask)

        def job() -> Any:
            return gradient_check(
                params, X, y, cfg.reg, lag,
                point_losses=incremental_losses(params, X, y) if relu else None,
                kinks=relu_kinks if cfg.activation in ("relu", "leaky_relu") else None,
                should_stop=cancel.is_set,
            )

        self._check_running = True
        self._check_iteration = snap.iteration
        self._check_skip = cfg.skip_mask and mask_applies(cfg)
        self._reveal(self.gradcheck_box)
        self.gradcheck_view.show_running(self.tr("Checking the gradient at iteration {it}…").format(
            it=f"{snap.iteration:,}"))
        self._pool.start(_CheckTask(self._generation, job, self._signals))

    @staticmethod
    def _reveal(box: QWidget) -> None:
        """Show `box`; in a splitter that had given it no room, the other panes share theirs."""
        box.setVisible(True)
        splitter = box.parentWidget()
        if not isinstance(splitter, QSplitter):
            return
        sizes, i = splitter.sizes(), splitter.indexOf(box)
        want = max(box.sizeHint().height(), 200)
        if sizes[i] < want:
            others = sum(sizes) - sizes[i]
            share = min(want - sizes[i], others // 3)
            sizes = [v + share if j == i else v - share * v // max(others, 1) for j, v in enumerate(sizes)]
            splitter.setSizes(sizes)

    @Slot(int, object)
    def _on_check_done(self, generation: int, check: Any) -> None:
        if generation != self._generation or check is None:
            return
        self._check_running = False
        self.last_check = check
        self.gradcheck_view.show_check(check, self._check_skip, self._check_iteration)

    @Slot(int, str)
    def _on_check_failed(self, generation: int, text: str) -> None:
        if generation == self._generation:
            self._check_running = False
            self.gradcheck_view.show_error(text)

    @property
    def check_running(self) -> bool:
        return self._check_running

    def shutdown(self) -> None:
        """Abandon a check in progress and wait for its thread."""
        self._cancel.set()
        self._pool.waitForDone()
