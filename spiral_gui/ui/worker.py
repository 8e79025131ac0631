"""The training worker: a QObject living on its own QThread, driving the engine's Trainer.

It trains in short time slices and returns to its event loop between them, so that start,
pause, step, reset and new settings arrive as ordinary queued calls, with no locks. How often
it sends a snapshot and how often the decision grid is recomputed is `pacing.Pacing`'s call;
so is the playback speed (`set_speed`): below full speed the worker trains only the iterations
due and sleeps on its timer in between, every snapshot carries fresh regions, and the next
snapshot is built while the window paints the last one (held until it is acknowledged, dropped
by any command), so that drawing and building overlap.
At most one snapshot is in flight: the runner acknowledges each after the window painted it.
Pauses, steps, resets, the end of the budget and divergence always emit, so the final state is
never lost.

It reports facts (a `Status`, an `Event`, the numbers and the engine's divergence reason) and
never words them: sentences for the user are the window's (`ui/messages.py`). Only the `Runner`
talks to it; it knows nothing of the window.
"""

from __future__ import annotations

import math
import threading
import time
import traceback
from collections.abc import Callable
from dataclasses import replace
from typing import Any

import numpy as np
from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot

from ..engine import TrainConfig, Trainer
from ..engine.blocks import Interrupted
from ..engine.config import Change
from ..engine.cost import observe
from ..engine.csvio import write_data_csv, write_history_csv
from ..engine.experiment import CONFUSION, Experiment, Measurement, build_experiment
from ..engine.grid import GridSpec
from ..engine.replay import replay_snapshot
from ..engine.session import save_session, session_of
from ..engine.snapshot import region_probs_for, take_snapshot
from ..engine.status import Event, Status
from ..engine.timeline import Timeline
from .pacing import GRID_CELLS, Pacing, RateMeter

#: Up to this many held-out points, test accuracy and loss are measured with every snapshot;
#: above it, only with each new decision grid (whose pacing then covers their cost too).
CHEAP_TEST_ROWS = 20_000
#: Progress within an iteration is reported once it has taken this long, at most this often.
PROGRESS_AFTER_S = 0.2
PROGRESS_EVERY_S = 0.1


class Interrupt:
    """Thread-safe: asks the worker to abandon the long pass in progress between row blocks.

    The runner calls `request()` (directly, from the GUI thread) just before it queues a
    command that must not wait (pause, reset, a new run); the worker `consume()`s one request
    as each such command arrives. While any request is
    outstanding, an iteration, an evaluation or a decision grid in progress is abandoned, so a
    queued pause, reset, new configuration or close is handled within milliseconds even when
    one iteration over a huge data set takes seconds. `stop()` is for good (the thread ends).
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._pending = 0
        self._stopping = False

    def request(self) -> None:
        with self._lock:
            self._pending += 1

    def consume(self) -> None:
        with self._lock:
            self._pending = max(0, self._pending - 1)

    def stop(self) -> None:
        self._stopping = True

    def is_set(self) -> bool:
        return self._pending > 0 or self._stopping


class TrainingWorker(QObject):
    """Owns the Trainer; every public slot is meant to be called through a queued connection.

    The trainer is built lazily, by the first command, on the worker's own thread: constructing
    the worker costs nothing, whatever the configuration.
    """

    snapshot = Signal(object)  # Snapshot
    failed = Signal(str)  # an unexpected error, with its traceback, for the window to show
    written = Signal(str, str, str)  # kind, path, "" or why the file could not be written
    #: Within a long iteration: (iteration in progress, row blocks done, blocks, seconds so far).
    block_progress = Signal(int, int, int, float)

    def __init__(self, config: TrainConfig, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)  # moves to the worker's thread with its parent
        self._timer.setInterval(0)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)  # paced runs sleep for milliseconds
        self._timer.timeout.connect(self._tick)
        self.interrupt = Interrupt()
        self._config = config
        self._trainer: Trainer | None = None
        self._grid: GridSpec | None = None
        self._run_id = 0
        self._commands = 0
        self._pacing = Pacing()
        self._meter = RateMeter()
        self._running = False
        self._in_flight = False
        self._loss_start = 0
        self._regions: Any = None
        self._confidence: Any = None
        self._regions_iteration = -1
        self._shown = -1  # the iteration of the last snapshot built (sent or held)
        self._held: Any = None  # a snapshot built while the last one was in flight (watching)
        self._status, self._event = Status.READY, Event.READY
        self._extras: frozenset[str] = frozenset()
        # The experiment around the trainer: all points, the held-out split, the metrics log.
        self._experiment: Experiment | None = None
        self._custom: tuple[Any, Any] = (None, None)  # the points of "custom" data, all of them
        self._no_points = False  # custom data emptied: nothing to train on until points come
        self._metrics_sent = 0
        self._measure_due = True
        self._test = (math.nan, math.nan)
        self._measured_at = -1
        self._block_mark = self._block_sent = 0.0
        self._timeline = Timeline()  # parameter checkpoints of the current run

    # -- state visible to tests and benchmarks ---------------------------------------------
    @property
    def trainer(self) -> Trainer | None:
        """None until the first command; for tests and benchmarks (read-only from other threads)."""
        return self._trainer

    @property
    def experiment(self) -> Experiment | None:
        """None until the first command; for tests (read-only from other threads)."""
        return self._experiment

    @property
    def running(self) -> bool:
        return self._running

    @property
    def pacing(self) -> Pacing:
        return self._pacing

    @property
    def timeline(self) -> Timeline:
        """The current run's checkpoints (read it from another thread only while paused)."""
        return self._timeline

    # -- slots: one per command ------------------------------------------------------------
    @Slot(object, bool)
    def apply(self, config: TrainConfig, preempts: bool = False) -> None:
        """A new configuration. `config.change_from(current)` decides: new data or weights make
        a new run (it keeps running if it was); live settings apply from the next iteration.
        `preempts`: the caller requested an interrupt for this call (a new run)."""
        self._command(self._apply, config, preempts=preempts)

    @Slot()
    def start(self) -> None:
        self._command(self._start)

    @Slot()
    def pause(self) -> None:
        self._command(self._pause, preempts=True)

    @Slot()
    def step_once(self) -> None:
        """Exactly one iteration, then a full snapshot (regions included)."""
        self._command(self._step_once)

    @Slot()
    def reset(self) -> None:
        self._command(self._reset, preempts=True)

    @Slot()
    def emit_now(self) -> None:
        """A full snapshot of the current state (the runner asks on start-up)."""
        self._command(self._emit, True)

    @Slot(int)
    def show_iteration(self, iteration: int) -> None:
        """Look back: a snapshot marked `viewing` of the kept checkpoint nearest `iteration`
        (its parameters, regions, loss and accuracy). Training pauses first."""
        self._command(self._show_iteration, iteration)

    @Slot(object)
    def want_extras(self, names: frozenset[str]) -> None:
        """From now on every snapshot carries these extras (engine/extras.py); a new set while
        not training sends a snapshot at once, so a view that just opened has its data."""
        self._command(self._want_extras, frozenset(names))

    @Slot(object, object)
    def set_points(self, X: Any, y: Any) -> None:
        """Edited points (all of them, held out or not): the same run goes on with the weights,
        iteration and history kept (Experiment.with_points); the data becomes "custom"."""
        self._command(self._set_points, X, y)

    @Slot(object)
    def load(self, experiment: Experiment) -> None:
        """Replace the run with `experiment` (a reopened session, imported points): a new run."""
        self._command(self._load, experiment, preempts=True)

    @Slot(str, str, object)
    def write_file(self, kind: str, path: str, info: Any) -> None:
        """Write the run to `path`: kind "session" (with `info`), "history" or "data" (CSV);
        answers with `written`."""
        self._command(self._write_file, kind, path, info)

    @Slot(float)
    def set_speed(self, rate: float) -> None:
        """Iterations per second from now on, mid-run included (`pacing.MAX_SPEED`: as fast as
        training goes). Steps are unaffected: a step is one iteration."""
        self._command(self._set_speed, rate)

    @Slot()
    def acknowledge(self) -> None:
        """The window has painted the last snapshot: the next one may be sent."""
        self._in_flight = False
        if self._held is not None:
            self._send(self._held)
            return
        t = self._trainer
        if self._running and self._pacing.watching and t is not None and self._shown != t.iteration:
            self._timer.start(0)  # a newer iteration waits to be shown: do not sleep on it

    @Slot()
    def shutdown(self) -> None:
        """Runs on the worker's thread as its event loop ends: stop the timer there."""
        self.interrupt.stop()
        self._running = False
        self._timer.stop()

    # -- implementation ----------------------------------------------------------------------
    def _command(self, fn: Callable[..., None], *args: Any, preempts: bool = False) -> None:
        """Run a command; an unexpected error stops training and reaches the window."""
        if preempts:
            self.interrupt.consume()  # the command that asked for the interrupt has arrived
        self._commands += 1
        if self._held is not None:  # built before this command: the next one says what it did
            self._held, self._shown = None, -1
        try:
            if fn != self._apply and self._ensure_trainer() and fn == self._pause:
                self._emit(True)  # the first picture, which this pause had interrupted
            fn(*args)
        except Interrupted:
            pass  # a later command (or the close) asked for it and will report
        except Exception as exc:
            self._fail(exc)

    def _fail(self, exc: Exception) -> None:
        self._running = False
        self._timer.stop()
        self.failed.emit(f"{exc}\n\n{traceback.format_exc()}")

    def _ensure_trainer(self) -> bool:
        """Build the trainer if there is none (interruptible); True if it was built now."""
        if self._trainer is not None:
            return False
        X, y = self._custom if self._config.dataset == "custom" else (None, None)
        if X is not None and len(X) == 0:
            raise ValueError("there are no points to train on: draw or import some first")
        self._use(build_experiment(self._config, X, y, should_stop=self.interrupt.is_set))
        self._new_run(Event.READY)
        return True

    def _use(self, experiment: Experiment, grid: bool = True) -> None:
        """Train `experiment` from now on (`grid`: fit the decision grid to its points)."""
        self._experiment, self._trainer = experiment, experiment.trainer
        self._config = experiment.config
        self._custom = (experiment.X, experiment.y) if self._config.dataset == "custom" else (None, None)
        self._no_points = False
        self._measure_due = True
        if grid or self._grid is None:
            self._grid = GridSpec.over(experiment.X, GRID_CELLS)

    def _new_run(self, event: Event) -> None:
        self._run_id += 1
        self._running = False
        self._timer.stop()
        self._loss_start = 0  # first iteration not yet sent to the window
        self._in_flight = False
        self._regions = self._confidence = None
        self._regions_iteration = self._shown = -1
        self._held = None
        self._metrics_sent = 0
        self._pacing.reset()
        self._meter.reset()
        self._status, self._event = Status.READY, event
        self._timeline.clear()
        if self._trainer is not None:
            self._timeline.record(self._trainer.iteration, self._trainer.params())

    def _apply(self, config: TrainConfig) -> None:
        if not isinstance(config, TrainConfig):
            raise TypeError(f"apply() takes a TrainConfig, not {type(config).__name__}")
        t = self._trainer
        change = Change.DATA if t is None else config.change_from(t.config)
        if change >= Change.WEIGHTS:
            was_running = self._running
            if config.dataset == "custom" and self._experiment is not None and self._custom[0] is None:
                self._custom = (self._experiment.X, self._experiment.y)  # these points become custom
            if config.dataset == "custom" and self._custom[0] is not None and len(self._custom[0]) == 0:
                self._config = config  # nothing to train on: built when points come (_set_points)
                self._emit(True)
                return
            # Release the old run before building the new one: both may be large. (Reference
            # counting frees the arrays; no gc.collect() here, which could destroy the GUI
            # thread's Qt garbage on this thread.)
            self._trainer = self._grid = self._regions = self._experiment = None
            self._config = config
            self._ensure_trainer()
            self._emit(True)
            if was_running:
                self._start()
        elif change == Change.LIVE and t is not None:
            t.apply_live(config)
            self._config = config
            if not self._running:
                if self._status == Status.FINISHED and not t.finished:
                    self._status, self._event = Status.PAUSED, Event.BUDGET_RAISED
                elif t.finished and self._status in (Status.PAUSED, Status.READY):
                    # a budget lowered to or below the iteration reached: the run is finished
                    self._status, self._event = Status.FINISHED, Event.FINISHED
                self._emit(True)

    def _set_speed(self, rate: float) -> None:
        t = self._trainer
        self._pacing.set_target(float(rate), time.perf_counter(), t.iteration if t else 0)
        if self._running:
            self._timer.start(0)  # the next slice at once, at the new speed

    def _want_extras(self, names: frozenset[str]) -> None:
        added = names - self._extras
        self._extras = names
        if added and not self._running:
            self._emit(True)

    def _start(self) -> None:
        t = self._trainer
        assert t is not None
        if t.diverged or self._no_points:
            self._emit(True)  # repeat the reason; Reset is the way out
            return
        if t.finished:
            self._status, self._event = Status.FINISHED, Event.FINISHED
            self._emit(True)
            return
        self._running = True
        self._status, self._event = Status.RUNNING, Event.STARTED
        now = time.perf_counter()
        self._meter.start(now, t.iteration)
        self._pacing.restart_clock(now, t.iteration)
        self._timer.start(0)
        self._emit(True)

    def _pause(self) -> None:
        if self._running:
            self._stop_running(Status.PAUSED, Event.PAUSED)
        # pausing a run that is not running says nothing new

    def _stop_running(self, status: Status, event: Event) -> None:
        self._running = False
        self._timer.stop()
        self._status, self._event = status, event
        self._emit(True)

    def _step_once(self) -> None:
        self._running = False
        self._timer.stop()
        t = self._trainer
        assert t is not None
        if t.diverged or t.finished or self._no_points:
            self._start()  # emits the reason
            return
        self._block_mark = time.perf_counter()
        if self._step_kept(1) == 0 and not t.diverged:
            return  # abandoned for a later command, which reports
        if t.diverged:
            self._status, self._event = Status.DIVERGED, Event.DIVERGED
        elif t.finished:
            self._status, self._event = Status.FINISHED, Event.FINISHED
        else:
            self._status, self._event = Status.PAUSED, Event.STEPPED
        self._emit(True)

    def _reset(self) -> None:
        assert self._experiment is not None
        self._experiment.reset()
        self._new_run(Event.RESET)
        self._emit(True)

    def _set_points(self, X: Any, y: Any) -> None:
        e = self._experiment
        assert e is not None
        if len(y) == 0:
            self._custom, self._no_points = (np.empty((0, 2)), np.empty(0, np.uint8)), True
            self._config = self._config.replace(dataset="custom")
            if self._running:
                self._stop_running(Status.PAUSED, Event.PAUSED)
            else:
                self._emit(True)
            return
        config = self._config.replace(dataset="custom")
        if config.change_from(e.config.replace(dataset="custom")) >= Change.WEIGHTS:
            self._use(build_experiment(config, X, y))  # settings changed while the plane was empty
            self._new_run(Event.READY)
        else:
            new = e.with_points(X, y)
            new.trainer.apply_live(config)
            outside = GridSpec.over(new.X, GRID_CELLS)
            grid = self._grid
            self._use(new, grid=grid is None or outside.xs[0] < grid.xs[0] or outside.xs[-1] > grid.xs[-1]
                      or outside.ys[0] < grid.ys[0] or outside.ys[-1] > grid.ys[-1])
            if self._grid is not grid:
                self._regions = None
        if not self._running:
            self._emit(True)

    def _load(self, experiment: Experiment) -> None:
        self._use(experiment)
        self._new_run(Event.READY)
        if experiment.checkpoints:  # the reopened session's timeline, then its latest state
            self._timeline = Timeline.from_arrays(experiment.checkpoints)
            self._timeline.record(experiment.trainer.iteration, experiment.trainer.params())
        t = experiment.trainer
        if t.diverged:
            self._status = Status.DIVERGED
        elif t.finished:
            self._status = Status.FINISHED
        elif t.iteration:
            self._status = Status.PAUSED
        self._emit(True)

    def _write_file(self, kind: str, path: str, info: Any) -> None:
        e = self._experiment
        assert e is not None
        error = ""
        try:
            if kind == "session":
                if self._no_points:
                    raise ValueError("there are no points: draw some before saving")
                checkpoints = self._timeline.arrays()
                save_session(path, session_of(e, checkpoints=checkpoints or None, info=dict(info or {})))
            elif kind == "history":
                write_history_csv(path, *e.trainer.losses_since(0), e.metrics.arrays())
            elif kind == "data":
                X, y = self._custom if self._no_points else (e.X, e.y)
                write_data_csv(path, X, y, np.zeros(len(y), bool) if self._no_points else e.test)
            else:
                raise ValueError(f"unknown kind of file {kind!r}")
        except (OSError, ValueError) as exc:
            error = str(exc)
        self.written.emit(kind, path, error)

    def _tick(self) -> None:
        """One time slice of training; then maybe a snapshot; then back to the event loop."""
        try:
            self._train_slice()
        except Interrupted:
            pass
        except Exception as exc:
            self._fail(exc)

    def _train_slice(self) -> None:
        t = self._trainer
        if not self._running or t is None:
            self._timer.stop()
            return
        pacing = self._pacing
        begin = time.perf_counter()
        due = pacing.iterations_due(begin, t.iteration)  # None at full speed
        chunk = 1
        while due is None or due > 0:
            n = chunk if due is None else min(chunk, due)
            t0 = self._block_mark = time.perf_counter()
            done = self._step_kept(n)
            now = time.perf_counter()
            if due is not None:
                due -= done
            if done < n or pacing.slice_ends(begin, now):
                break
            chunk = pacing.next_chunk(chunk, now - t0)
        now = time.perf_counter()
        self._meter.update(now, t.iteration)
        fresh = self._shown != t.iteration
        if t.diverged:
            self._stop_running(Status.DIVERGED, Event.DIVERGED)
        elif t.finished:
            self._stop_running(Status.FINISHED, Event.FINISHED)
        elif pacing.watching and fresh and pacing.snapshot_due(now, False):
            self._emit(False)  # held while the last one is in flight
        elif not pacing.watching and pacing.snapshot_due(now, self._in_flight):
            self._emit(False)
        if self._running:  # at full speed at once; while watching, when the next one is due
            wanted = self._shown != t.iteration  # a frame is built even while one is in flight
            wait = pacing.sleep_seconds(time.perf_counter(), t.iteration, wanted, False) \
                if pacing.watching else 0.0
            self._timer.setInterval(round(1000 * wait))

    def _on_block(self, done: int, total: int) -> None:
        """After each row block: report an iteration that takes long, at most every 0.1 s."""
        now = time.perf_counter()
        if done >= total:
            self._block_mark = now  # the next iteration starts
            return
        elapsed = now - self._block_mark
        if elapsed >= PROGRESS_AFTER_S and now - self._block_sent >= PROGRESS_EVERY_S:
            self._block_sent = now
            t = self._trainer
            assert t is not None
            observe(t.config, done / total, elapsed)
            self.block_progress.emit(t.iteration + 1, done, total, elapsed)

    def _step_kept(self, n: int) -> int:
        """`Trainer.step(n)`, stopping at each iteration the timeline keeps to copy the
        parameters there, and keeping the latest state as its tail; returns iterations done."""
        t, timeline = self._trainer, self._timeline
        assert t is not None
        done = 0
        while done < n:
            want = min(n - done, timeline.next_wanted(t.iteration) - t.iteration)
            did = t.step(want, should_stop=self.interrupt.is_set, on_block=self._on_block)
            done += did
            if did < want:
                break
            if timeline.wants(t.iteration):
                timeline.record(t.iteration, t.params())
        if done:
            timeline.record(t.iteration, t.params())
        return done

    def _show_iteration(self, iteration: int) -> None:
        t, grid = self._trainer, self._grid
        assert t is not None and grid is not None
        if self._running:
            self._stop_running(Status.PAUSED, Event.PAUSED)
        snap = replay_snapshot(
            t,
            self._timeline,
            iteration,
            run_id=self._run_id,
            status=self._status,
            event=self._event,
            grid=grid,
            commands=self._commands,
            should_stop=self.interrupt.is_set,
        )
        self._in_flight = True
        self.snapshot.emit(snap)

    def _emit(self, final: bool) -> None:
        """Build a snapshot and send it, or hold it while the last one is in flight; `final`
        forces a fresh decision grid and sends at once, ignoring the ack.

        Raises `Interrupted` (and sends nothing) when a later command asks for the thread.
        """
        t, grid, pacing = self._trainer, self._grid, self._pacing
        assert t is not None and grid is not None
        stop = self.interrupt.is_set
        start = time.perf_counter()
        e = self._experiment
        assert e is not None
        if self._regions is None or (
            self._regions_iteration != t.iteration and (final or pacing.grid_due(start))
        ):
            self._regions, self._confidence = region_probs_for(t, grid, stop)
            self._regions_iteration = t.iteration
            self._measure_due = True
            if e.test_count:  # measured with each new grid, and paced with it
                test = e.evaluate_test()
                self._test = (test.accuracy, test.data_loss)
            end = time.perf_counter()
            pacing.grid_done(end - start, end)
        elif e.test_count and (self._measure_due or (
            e.test_count <= CHEAP_TEST_ROWS and t.iteration != self._measured_at
        )):  # few held-out points: measured with every snapshot
            self._measure_due = True
            test = e.evaluate_test()
            self._test = (test.accuracy, test.data_loss)
        v0 = time.perf_counter()
        snap = take_snapshot(
            t,
            run_id=self._run_id,
            status=self._status,
            event=self._event,
            loss_start=self._loss_start,
            grid=grid,
            regions=self._regions,
            regions_iteration=self._regions_iteration,
            confidence=self._confidence,
            iterations_per_second=self._meter.rate if self._running else 0.0,
            grid_period=pacing.grid_period(),
            commands=self._commands,
            should_stop=stop,
            extras=self._extras - {CONFUSION},
        )
        snap = replace(snap, **self._experiment_fields(snap))
        end = time.perf_counter()
        pacing.snapshot_done(end - v0, end)
        self._shown = t.iteration
        if final or not self._in_flight:
            self._send(snap)
        else:
            self._held = snap

    def _send(self, snap: Any) -> None:
        self._held = None
        self._loss_start = snap.iteration  # the next snapshot's losses start after this one's
        self._in_flight = True
        self.snapshot.emit(snap)

    def _experiment_fields(self, snap: Any) -> dict[str, Any]:
        """What a snapshot carries of the experiment: all points and the split, the test
        metrics (measured with each new grid and kept in the metrics log), the confusion matrices
        while their view is open."""
        e = self._experiment
        assert e is not None
        if not e.test_count:
            self._test = (math.nan, math.nan)
        if self._measure_due and not self._no_points:
            self._measure_due, self._measured_at = False, snap.iteration
            e.metrics.record(Measurement(snap.iteration, snap.accuracy, *self._test))
            self._metrics_sent = min(self._metrics_sent, len(e.metrics) - 1)
        start, self._metrics_sent = self._metrics_sent, len(e.metrics)
        fields: dict[str, Any] = {
            "points": e.X, "labels": e.y, "held_out": e.test, "X_test": e.X_test, "y_test": e.y_test,
            "test_accuracy": self._test[0], "test_loss": self._test[1],
            "metrics_start": start, "metrics": e.metrics.arrays(start) if start < len(e.metrics) else {},
        }
        if CONFUSION in self._extras and not self._no_points:
            fields["extras"] = {**snap.extras, CONFUSION: e.confusions(snap.params)}
        if self._no_points:
            X, y = self._custom
            none = np.zeros(0, bool)
            fields |= {"X": X, "y": y, "points": X, "labels": y, "held_out": none, "X_test": X, "y_test": y,
                       "accuracy": math.nan, "test_accuracy": math.nan, "test_loss": math.nan}
        return fields
