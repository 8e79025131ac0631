"""The training worker: a QObject living on its own QThread, driving the engine's Trainer.

It trains in short time slices and returns to its event loop between them, so that start,
pause, step, reset and new settings arrive as ordinary queued calls, with no locks. How often
it sends a snapshot and how often the decision grid is recomputed is `pacing.Pacing`'s call.
At most one snapshot is in flight: the runner acknowledges each after the window painted it.
Pauses, steps, resets, the end of the budget and divergence always emit, so the final state is
never lost.

It reports facts (a `Status`, an `Event`, the numbers and the engine's divergence reason) and
never words them: sentences for the user are the window's (`ui/messages.py`). Only the `Runner`
talks to it; it knows nothing of the window.
"""

from __future__ import annotations

import threading
import time
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from ..engine import TrainConfig, Trainer
from ..engine.blocks import Interrupted
from ..engine.config import Change
from ..engine.grid import GridSpec
from ..engine.replay import replay_snapshot
from ..engine.snapshot import regions_for, take_snapshot
from ..engine.status import Event, Status
from ..engine.timeline import Timeline
from .pacing import GRID_CELLS, Pacing, RateMeter


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

    def __init__(self, config: TrainConfig, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)  # moves to the worker's thread with its parent
        self._timer.setInterval(0)
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
        self._regions_iteration = -1
        self._status, self._event = Status.READY, Event.READY
        self._extras: frozenset[str] = frozenset()
        self._timeline = Timeline()  # parameter checkpoints of the current run

    # -- state visible to tests and benchmarks ---------------------------------------------
    @property
    def trainer(self) -> Trainer | None:
        """None until the first command; for tests and benchmarks (read-only from other threads)."""
        return self._trainer

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

    @Slot()
    def acknowledge(self) -> None:
        """The window has painted the last snapshot: the next one may be sent."""
        self._in_flight = False

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
        self._trainer = Trainer(self._config, should_stop=self.interrupt.is_set)
        self._grid = GridSpec.over(self._trainer.X, GRID_CELLS)
        self._new_run(Event.READY)
        return True

    def _new_run(self, event: Event) -> None:
        self._run_id += 1
        self._running = False
        self._timer.stop()
        self._loss_start = 0  # first iteration not yet sent to the window
        self._in_flight = False
        self._regions = None
        self._regions_iteration = -1
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
            # Release the old run before building the new one: both may be large. (Reference
            # counting frees the arrays; no gc.collect() here, which could destroy the GUI
            # thread's Qt garbage on this thread.)
            self._trainer = self._grid = self._regions = None
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
                self._emit(True)

    def _want_extras(self, names: frozenset[str]) -> None:
        added = names - self._extras
        self._extras = names
        if added and not self._running:
            self._emit(True)

    def _start(self) -> None:
        t = self._trainer
        assert t is not None
        if t.diverged:
            self._emit(True)  # repeat the reason; Reset is the way out
            return
        if t.finished:
            self._status, self._event = Status.FINISHED, Event.FINISHED
            self._emit(True)
            return
        self._running = True
        self._status, self._event = Status.RUNNING, Event.STARTED
        self._meter.start(time.perf_counter(), t.iteration)
        self._timer.start()
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
        if t.diverged or t.finished:
            self._start()  # emits the reason
            return
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
        assert self._trainer is not None
        self._trainer.reset()
        self._new_run(Event.RESET)
        self._emit(True)

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
        chunk = 1
        while True:
            t0 = time.perf_counter()
            done = self._step_kept(chunk)
            now = time.perf_counter()
            if done < chunk or pacing.slice_over(begin, now):
                break
            chunk = pacing.next_chunk(chunk, now - t0)
        now = time.perf_counter()
        self._meter.update(now, t.iteration)
        if t.diverged:
            self._stop_running(Status.DIVERGED, Event.DIVERGED)
        elif t.finished:
            self._stop_running(Status.FINISHED, Event.FINISHED)
        elif pacing.snapshot_due(now, self._in_flight):
            self._emit(False)

    def _step_kept(self, n: int) -> int:
        """`Trainer.step(n)`, stopping at each iteration the timeline keeps to copy the
        parameters there, and keeping the latest state as its tail; returns iterations done."""
        t, timeline = self._trainer, self._timeline
        assert t is not None
        done = 0
        while done < n:
            want = min(n - done, timeline.next_wanted(t.iteration) - t.iteration)
            did = t.step(want, should_stop=self.interrupt.is_set)
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
        """Build and send a snapshot; `final` forces a fresh decision grid and ignores the ack.

        Raises `Interrupted` (and sends nothing) when a later command asks for the thread.
        """
        t, grid, pacing = self._trainer, self._grid, self._pacing
        assert t is not None and grid is not None
        stop = self.interrupt.is_set
        start = time.perf_counter()
        if self._regions is None or (
            self._regions_iteration != t.iteration and (final or pacing.grid_due(start))
        ):
            regions = regions_for(t, grid, stop)
            self._regions, self._regions_iteration = regions, t.iteration
            end = time.perf_counter()
            pacing.grid_done(end - start, end)
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
            iterations_per_second=self._meter.rate if self._running else 0.0,
            grid_period=pacing.grid_period(),
            commands=self._commands,
            should_stop=stop,
            extras=self._extras,
        )
        end = time.perf_counter()
        pacing.snapshot_done(end - v0, end)
        self._loss_start = t.iteration
        self._in_flight = True
        self.snapshot.emit(snap)
