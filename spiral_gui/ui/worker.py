"""The training worker: a QObject living on its own QThread, driving the engine's Trainer.

It trains in short time slices and returns to its event loop between them, so that pause,
step, reset and parameter changes arrive as ordinary queued calls, with no locks. It emits an
immutable `Snapshot` at most ~30 times a second, and never more often than the live views can
afford: the decision grid and the accuracy pass are timed, and spaced so that together they
cost a bounded share of training time. At most one snapshot is in flight; the window
acknowledges each after drawing, and the worker skips emitting until then (training goes on).
Pauses, steps, resets, the end of the budget and divergence always emit, so the final state is
never lost.
"""

from __future__ import annotations

import threading
import time
import traceback

from PySide6.QtCore import QObject, QTimer, Signal, Slot
from threadpoolctl import threadpool_limits

from ..engine import TrainConfig, Trainer
from ..engine.grid import GridSpec
from ..engine.snapshot import regions_for, take_snapshot

#: Cells per axis of the decision-region image.
GRID_CELLS = 200
#: Upper bound on snapshots per second.
MAX_FPS = 30.0
#: Share of wall time the worker may spend on the live views (accuracy pass, copies, decision
#: grid); the window's drawing has a share of its own (main_window.VIEW_SHARE).
VIEW_BUDGET = 0.06
#: Length of one training slice before the worker returns to its event loop (seconds).
SLICE_SECONDS = 0.02


_blas_limited = False


def hold_blas_to_one_thread() -> None:
    """One BLAS thread for the whole process (OpenBLAS's setting is global).

    The GUI thread needs one of the two cores; a second BLAS thread then competes with it and,
    spinning on a busy core, made an iteration at N = 100,000 per class 9x slower (2.5 s vs
    0.28 s) and at N = 10,000 7x slower. The matrices here are tall and thin (K and D + 1 are
    small), where BLAS threads gain little even on an idle machine.
    """
    global _blas_limited
    if not _blas_limited:
        threadpool_limits(limits=1, user_api="blas")
        _blas_limited = True


class TrainingWorker(QObject):
    """Owns the Trainer; every public slot is meant to be called through a queued connection."""

    snapshot = Signal(object)  # Snapshot
    failed = Signal(str)  # an unexpected error, with its traceback, for the window to show

    def __init__(self, config: TrainConfig, parent: QObject | None = None) -> None:
        super().__init__(parent)
        hold_blas_to_one_thread()
        self._timer = QTimer(self)  # moves to the worker's thread with its parent
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._tick)
        # Set from the GUI thread, directly: abandons the iteration in progress between row blocks
        # so that a queued pause, reset or new configuration is handled within milliseconds even
        # when one iteration over a huge data set takes longer.
        self._interrupt = threading.Event()
        self._run_id = 0
        self._new_trainer(config)

    # -- state visible to tests --------------------------------------------------------------
    @property
    def trainer(self) -> Trainer:
        """For tests and benchmarks on the worker's own thread only."""
        return self._trainer

    @property
    def running(self) -> bool:
        return self._running

    def request_interrupt(self) -> None:
        """Thread-safe; call directly (not queued) just before queueing pause, reset or configure."""
        self._interrupt.set()

    # -- slots ---------------------------------------------------------------------------------
    @Slot(object)
    def configure(self, config: TrainConfig) -> None:
        """A new data set or model: a new trainer and a new run; keeps running if it was."""
        self._guard(self._configure, config)

    @Slot()
    def start(self) -> None:
        self._guard(self._start)

    @Slot()
    def pause(self) -> None:
        self._guard(self._stop_running, "paused")

    @Slot()
    def step_once(self) -> None:
        """Exactly one iteration, then a full snapshot (regions included)."""
        self._guard(self._step_once)

    @Slot()
    def reset(self) -> None:
        self._guard(self._reset)

    @Slot(float, float)
    def set_hyper(self, step_size: float, reg: float) -> None:
        """New step_size and reg from the next iteration on; no reset."""
        self._guard(self._set_hyper, step_size, reg)

    @Slot(int)
    def set_budget(self, iterations: int) -> None:
        self._guard(self._set_budget, iterations)

    @Slot()
    def acknowledge(self) -> None:
        """The window has drawn the last snapshot: the next one may be sent."""
        self._in_flight = False

    @Slot()
    def emit_now(self) -> None:
        """A full snapshot of the current state (the window asks on start-up)."""
        self._guard(self._emit, True)

    @Slot()
    def shutdown(self) -> None:
        self._interrupt.set()
        self._running = False
        self._timer.stop()

    # -- implementation ----------------------------------------------------------------------
    def _guard(self, fn, *args) -> None:
        """Run a slot body; an unexpected error stops training and reaches the window."""
        self._interrupt.clear()  # the command that asked for the interrupt has arrived
        try:
            fn(*args)
        except Exception as exc:
            self._running = False
            self._timer.stop()
            self.failed.emit(f"{exc}\n\n{traceback.format_exc()}")

    def _new_trainer(self, config: TrainConfig) -> None:
        self._trainer = Trainer(config)
        self._grid = GridSpec.over(self._trainer.X, GRID_CELLS)
        self._new_run()

    def _new_run(self) -> None:
        self._run_id += 1
        self._running = False
        self._timer.stop()
        self._loss_start = 0  # first iteration not yet sent to the window
        self._in_flight = False
        self._regions = None
        self._regions_iteration = -1
        self._grid_cost = 0.0  # seconds per decision grid, measured
        self._view_cost = 0.0  # seconds per snapshot without the grid, measured
        self._last_emit = 0.0
        self._last_grid = 0.0
        self._rate = 0.0  # iterations per second, smoothed
        self._status, self._message = "ready", "ready: press Start (Space) or Step (S)"

    def _configure(self, config: TrainConfig) -> None:
        was_running = self._running
        self._new_trainer(config)
        self._emit(True)
        if was_running:
            self._start()

    def _start(self) -> None:
        t = self._trainer
        if t.diverged:
            self._emit(True)  # repeat the reason; Reset is the way out
            return
        if t.finished:
            self._status, self._message = "finished", self._finished_message()
            self._emit(True)
            return
        self._running = True
        self._status, self._message = "running", "training…"
        self._slice_start_iteration = t.iteration
        self._rate_clock = time.perf_counter()
        self._rate_iteration = t.iteration
        self._timer.start()
        self._emit(True)

    def _stop_running(self, status: str, message: str | None = None) -> None:
        was = self._running
        self._running = False
        self._timer.stop()
        if status == "paused" and not was:
            return
        self._status = status
        self._message = message or f"paused at iteration {self._trainer.iteration:,}"
        self._emit(True)

    def _step_once(self) -> None:
        if self._running:
            self._running = False
            self._timer.stop()
        t = self._trainer
        if t.diverged or t.finished:
            self._start()  # emits the reason
            return
        t.step(1)
        if t.diverged:
            self._status, self._message = "diverged", t.reason or "diverged"
        else:
            self._status = "finished" if t.finished else "paused"
            self._message = (
                self._finished_message() if t.finished else f"stepped to iteration {t.iteration:,}"
            )
        self._emit(True)

    def _reset(self) -> None:
        self._trainer.reset()
        self._new_run()
        self._status, self._message = "ready", "reset: weights re-drawn from the seed"
        self._emit(True)

    def _set_hyper(self, step_size: float, reg: float) -> None:
        self._trainer.set_hyper(step_size=step_size, reg=reg)
        if not self._running:
            self._emit(True)

    def _set_budget(self, iterations: int) -> None:
        self._trainer.set_budget(iterations)
        if not self._running:
            if self._status == "finished" and not self._trainer.finished:
                self._status, self._message = "paused", "budget raised: press Start to go on"
            self._emit(True)

    def _finished_message(self) -> str:
        t = self._trainer
        return (
            f"finished: {t.iteration:,} iterations, loss {t.last_loss:.4f}, "
            f"training accuracy {t.accuracy():.2%}"
        )

    def _tick(self) -> None:
        """One time slice of training; then maybe a snapshot; then back to the event loop."""
        try:
            self._train_slice()
        except Exception as exc:
            self._running = False
            self._timer.stop()
            self.failed.emit(f"{exc}\n\n{traceback.format_exc()}")

    def _train_slice(self) -> None:
        if not self._running:
            self._timer.stop()
            return
        t = self._trainer
        begin = time.perf_counter()
        chunk = 1
        while True:
            t0 = time.perf_counter()
            done = t.step(chunk, should_stop=self._interrupt.is_set)
            elapsed = time.perf_counter() - t0
            if done < chunk or time.perf_counter() - begin >= SLICE_SECONDS:
                break
            # Grow the chunk so that each call takes ~2 ms: fewer Python round trips.
            if elapsed < 0.002:
                chunk = min(chunk * 2, 4096)
        now = time.perf_counter()
        if now - self._rate_clock >= 0.25:
            rate = (t.iteration - self._rate_iteration) / (now - self._rate_clock)
            self._rate = rate if self._rate == 0 else 0.5 * self._rate + 0.5 * rate
            self._rate_clock, self._rate_iteration = now, t.iteration
        if t.diverged:
            self._stop_running("diverged", t.reason)
        elif t.finished:
            self._stop_running("finished", self._finished_message())
        elif not self._in_flight and now - self._last_emit >= self._snapshot_period():
            self._emit(False)

    def _snapshot_period(self) -> float:
        return max(1.0 / MAX_FPS, self._view_cost / (VIEW_BUDGET / 3))

    def _grid_period(self) -> float:
        return max(1.0 / MAX_FPS, self._grid_cost / (VIEW_BUDGET * 2 / 3))

    def _emit(self, final: bool) -> None:
        """Build and send a snapshot; `final` forces a fresh decision grid and ignores the ack."""
        t = self._trainer
        start = time.perf_counter()
        grid_due = start - self._last_grid >= self._grid_period()
        if self._regions is None or (
            self._regions_iteration != t.iteration and (final or grid_due)
        ):
            g0 = time.perf_counter()
            self._regions = regions_for(t, self._grid)
            self._regions_iteration = t.iteration
            self._last_grid = time.perf_counter()
            self._grid_cost = self._last_grid - g0
        v0 = time.perf_counter()
        snap = take_snapshot(
            t,
            run_id=self._run_id,
            status=self._status,
            message=self._message,
            loss_start=self._loss_start,
            grid=self._grid,
            regions=self._regions,
            regions_iteration=self._regions_iteration,
            iterations_per_second=self._rate if self._running else 0.0,
            grid_period=self._grid_period(),
        )
        end = time.perf_counter()
        self._view_cost = end - v0
        self._last_emit = end
        self._loss_start = t.losses.size
        self._in_flight = True
        self.snapshot.emit(snap)
