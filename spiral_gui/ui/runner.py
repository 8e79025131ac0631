"""The runner: the window's one handle on training. Owns the worker thread and the worker.

Everything the window asks of training goes through six calls, `apply(config)`, `start()`,
`pause()`, `step()`, `reset()` and `stop()`, each a queued call into the worker. Pause, reset,
a new run and stop are preceded by a thread-safe interrupt, so a long iteration, evaluation or
decision grid in progress is abandoned between row blocks and they are handled at once; steps
and live settings queue behind the work in progress. What comes back is relayed on the GUI
thread: `snapshot(Snapshot)` for the current run only (a snapshot of a run that a later reset or
new configuration replaced is dropped), `failed(str)` for an unexpected error, and
`running_changed(bool)` for the running state the user asked for.

The runner tracks the *requested* running state: two quick Start/Pause presses are two
commands, even before the worker has answered the first. Once the worker has handled every
command sent (the snapshot's `commands` count says so), the runner adopts the worker's state
(a finished or diverged run stops by itself).

Frame pacing lives in `pacing.Pacing`; the runner applies its acknowledgement delay after each
painted frame. `set_speed(rate)` sets the playback speed (iterations per second, `MAX_SPEED`
for as fast as training goes); it applies mid-run, without a reset.
`stop()` interrupts, quits the thread's event loop and waits: never terminate().
No widgets here.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Iterable

from PySide6.QtCore import QObject, Qt, QThread, QTimer, Signal, SignalInstance, Slot

from ..engine.config import Change, TrainConfig
from ..engine.snapshot import Snapshot
from ..engine.status import Status
from ..engine.timeline import Timeline
from .pacing import MAX_SPEED, Pacing
from .worker import TrainingWorker


class Runner(QObject):
    """`apply/start/pause/toggle/step/reset/stop`; signals `snapshot`, `failed`, `running_changed`."""

    #: A snapshot of the current run, emitted on the GUI thread. Views draw from it.
    snapshot = Signal(object)
    #: An unexpected error in training, with its traceback; training has stopped.
    failed = Signal(str)
    #: The running state the user asked for (Start/Pause), or the worker's once it caught up.
    running_changed = Signal(bool)
    #: A file the worker was asked to write: kind, path, and "" or why it failed.
    written = Signal(str, str, str)
    #: Within an iteration that takes long: (iteration, row blocks done, blocks, seconds so far).
    iteration_progress = Signal(int, int, int, float)

    # Queued calls into the worker thread.
    _apply = Signal(object, bool)
    _start = Signal()
    _pause = Signal()
    _step = Signal()
    _reset = Signal()
    _ack = Signal()
    _emit_now = Signal()
    _want_extras = Signal(object)
    _set_points = Signal(object, object)
    _load = Signal(object)
    _write_file = Signal(str, str, object)
    _speed = Signal(float)
    _show_iteration = Signal(int)

    def __init__(self, config: TrainConfig, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._config = config
        self._thread = QThread(self)
        self._thread.setObjectName("training-thread")
        self._worker = TrainingWorker(config)  # cheap: the trainer is built on the thread
        self._worker.moveToThread(self._thread)
        self._apply.connect(self._worker.apply)
        self._start.connect(self._worker.start)
        self._pause.connect(self._worker.pause)
        self._step.connect(self._worker.step_once)
        self._reset.connect(self._worker.reset)
        self._ack.connect(self._worker.acknowledge)
        self._emit_now.connect(self._worker.emit_now)
        self._want_extras.connect(self._worker.want_extras)
        self._set_points.connect(self._worker.set_points)
        self._load.connect(self._worker.load)
        self._write_file.connect(self._worker.write_file)
        self._worker.written.connect(self.written)
        self._speed.connect(self._worker.set_speed)
        self._show_iteration.connect(self._worker.show_iteration)
        self._worker.snapshot.connect(self._on_snapshot)
        self._worker.failed.connect(self._on_failed)
        self._worker.block_progress.connect(self.iteration_progress)
        # Runs in the worker's thread as its event loop ends, so its timer stops in its own thread.
        self._thread.finished.connect(self._worker.shutdown, Qt.ConnectionType.DirectConnection)
        self._sent = 0  # commands queued to the worker
        self._new_run_at = 0  # the command count at which the current run began
        self._requested = False
        self._stopped = False
        self._paint_clock: Callable[[], float] = lambda: 0.0
        self._frame_cost = 0.0
        self._paint_mark = 0.0
        self._frame_running = False
        self._rate = MAX_SPEED
        self.frame_seconds = 0.0  #: what the last frame cost the GUI thread (draw and paint)
        self.last_snapshot: Snapshot | None = None
        self._extras: dict[str, frozenset[str]] = {}  # owner → the extras it wants

    # -- state ---------------------------------------------------------------------------------
    @property
    def config(self) -> TrainConfig:
        """The configuration last applied."""
        return self._config

    @property
    def running(self) -> bool:
        """The running state the user asked for (what Start/Pause should offer)."""
        return self._requested

    @property
    def worker_thread(self) -> QThread:
        return self._thread

    @property
    def worker(self) -> TrainingWorker:
        """For tests and benchmarks: the worker lives on `thread`; call its slots only queued."""
        return self._worker

    @property
    def timeline(self) -> Timeline:
        """The current run's checkpoints, kept by the worker. Its lists are only appended to or
        replaced whole, so `arrays()` read from here is consistent (a run just paused is best)."""
        return self._worker.timeline

    def set_paint_clock(self, clock: Callable[[], float]) -> None:
        """`clock()` returns the seconds the views have spent painting so far (for pacing)."""
        self._paint_clock = clock

    # -- commands --------------------------------------------------------------------------------
    def launch(self) -> None:
        """Start the thread; the worker builds the trainer there and sends the first snapshot."""
        self._thread.start()
        self._send(self._emit_now)

    def apply(self, config: TrainConfig) -> None:
        """New settings: a new run for new data or weights, else applied at the next iteration."""
        change = config.change_from(self._config)
        if change == Change.NONE:
            return
        self._config = config
        new_run = change >= Change.WEIGHTS
        if new_run:
            self._new_run_at = self._sent + 1
        self._send(self._apply, config, new_run, preempt=new_run)

    def start(self) -> None:
        self._set_requested(True)
        self._send(self._start)

    def pause(self) -> None:
        self._set_requested(False)
        self._send(self._pause, preempt=True)

    def toggle(self) -> None:
        """Start if not (asked to be) running, else pause."""
        self.pause() if self._requested else self.start()

    def step(self) -> None:
        """Exactly one iteration (pauses a running run first)."""
        if self._requested:
            self.pause()
        self._send(self._step)

    def reset(self) -> None:
        """The weights re-drawn from the seed, an empty loss history: a new run."""
        self._set_requested(False)
        self._new_run_at = self._sent + 1
        self._send(self._reset, preempt=True)

    def want_extras(self, names: Iterable[str], owner: str = "") -> None:
        """Snapshots carry `snap.extras[name]` for these names (engine/extras.py) from now on.

        Each `owner` (a feature of the window) states everything it needs whenever that changes;
        the worker is sent the union over all owners, so features never drop each other's."""
        self._extras[owner] = frozenset(names)
        self._send(self._want_extras, frozenset().union(*self._extras.values()))

    def set_points(self, X, y) -> None:
        """Edited points, all of them: the run goes on with its weights on "custom" data."""
        self._config = self._config.replace(dataset="custom")
        self._send(self._set_points, X, y)

    def load(self, experiment) -> None:
        """Replace the run with `experiment` (a reopened session, imported points): a new run."""
        self._config = experiment.config
        self._set_requested(False)
        self._new_run_at = self._sent + 1
        self._send(self._load, experiment, preempt=True)

    def write_file(self, kind: str, path: str, info: object = None) -> None:
        """Ask the worker to write the run ("session", "history" or "data" CSV) to `path`;
        `written` answers."""
        self._send(self._write_file, kind, path, info)

    @Slot(float)
    def set_speed(self, rate: float) -> None:
        """Train at `rate` iterations per second from now on (`MAX_SPEED`: as fast as it goes),
        mid-run included; every frame then shows one iteration's regions and readouts."""
        rate = float(rate)
        if not rate > 0:
            raise ValueError(f"the speed must be a positive number of iterations per second, got {rate}")
        self._rate = rate
        self._send(self._speed, rate)

    @property
    def speed(self) -> float:
        """The playback speed last set, in iterations per second."""
        return self._rate

    def show_iteration(self, iteration: int) -> None:
        """Look back at the kept checkpoint nearest `iteration` (a snapshot marked `viewing`);
        training pauses first."""
        if self._requested:
            self.pause()
        self._send(self._show_iteration, int(iteration))

    def show_live(self) -> None:
        """Back from a look back: a snapshot of the run as it is now."""
        self._send(self._emit_now)

    @Slot()
    def stop(self) -> None:
        """Interrupt, quit the thread's event loop, wait for it. Safe to call more than once."""
        if self._stopped:
            return
        self._stopped = True
        self._worker.interrupt.stop()
        self._thread.requestInterruption()
        self._thread.quit()
        self._thread.wait()

    @property
    def stopped(self) -> bool:
        return self._stopped

    def _send(self, signal: SignalInstance, *args: object, preempt: bool = False) -> None:
        if self._stopped:
            return
        if preempt:
            self._worker.interrupt.request()
        self._sent += 1
        signal.emit(*args)

    def _set_requested(self, running: bool) -> None:
        if running != self._requested:
            self._requested = running
            self.running_changed.emit(running)

    # -- what comes back -------------------------------------------------------------------------
    @Slot(object)
    def _on_snapshot(self, snap: Snapshot) -> None:
        if self._stopped or snap.commands < self._new_run_at:
            return  # closing, or a snapshot of a run that was replaced since
        if snap.commands == self._sent:  # the worker has caught up with every command
            self._set_requested(snap.status == Status.RUNNING)
        self.last_snapshot = snap
        start = time.perf_counter()
        try:
            self.snapshot.emit(snap)  # the views draw, synchronously
        finally:
            self._frame_cost = time.perf_counter() - start
            self._paint_mark = self._paint_clock()
            self._frame_running = snap.status == Status.RUNNING
            QTimer.singleShot(0, self, self._after_paint)  # posted paint events are handled first

    @Slot()
    def _after_paint(self) -> None:
        cost = self._frame_cost + self._paint_clock() - self._paint_mark
        self.frame_seconds = cost
        delay = Pacing.ack_delay(cost, self._frame_running, math.isfinite(self._rate))
        if delay > 0:
            QTimer.singleShot(int(1000 * delay), self, self._acknowledge)
        else:
            self._acknowledge()

    @Slot()
    def _acknowledge(self) -> None:
        if not self._stopped:
            self._ack.emit()

    @Slot(str)
    def _on_failed(self, text: str) -> None:
        self._set_requested(False)
        self.failed.emit(text)
