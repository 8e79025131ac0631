"""The training worker on its own: first synchronously in the GUI thread, its slots called
directly (so coverage sees them), then once for real on a QThread."""

from __future__ import annotations

import math
import time

import numpy as np
import pytest
from PySide6.QtCore import QObject, Signal, Slot

from spiral_gui.engine import TrainConfig, Trainer
from spiral_gui.engine.snapshot import Snapshot
from spiral_gui.ui.worker import TrainingWorker

from .helpers import TIMEOUT_MS

SMALL = TrainConfig(iterations=300)


class Collector:
    """The worker's output, as a plain list (the worker lives in this thread: direct calls)."""

    def __init__(self, worker: TrainingWorker, acknowledge: bool = False) -> None:
        self.worker = worker
        self.snapshots: list[Snapshot] = []
        self.times: list[float] = []
        self.failures: list[str] = []
        self.acknowledge = acknowledge
        worker.snapshot.connect(self._on_snapshot)
        worker.failed.connect(self.failures.append)

    def _on_snapshot(self, snap: Snapshot) -> None:
        self.snapshots.append(snap)
        self.times.append(time.perf_counter())
        if self.acknowledge:
            self.worker.acknowledge()

    @property
    def last(self) -> Snapshot:
        return self.snapshots[-1]

    def statuses(self) -> list[str]:
        return [s.status for s in self.snapshots]


@pytest.fixture
def worker(qapp):
    w = TrainingWorker(SMALL)
    yield w
    w.shutdown()


def _live(worker: TrainingWorker, **changes) -> None:
    """What the runner does when a live setting changes: apply the whole new configuration."""
    worker.apply(worker.trainer.config.replace(**changes))


def _run_to_end(worker: TrainingWorker, max_ticks: int = 100_000) -> None:
    """What the worker's zero-interval timer does on its thread: tick until it stops."""
    for _ in range(max_ticks):
        if not worker.running:
            return
        worker._tick()
    pytest.fail("the worker never stopped")


def _reference_losses(config: TrainConfig, iterations: int) -> np.ndarray:
    trainer = Trainer(config)
    trainer.step(iterations)
    return np.array(trainer.losses)


def _assert_continuous(snaps: list[Snapshot]) -> np.ndarray:
    """Each snapshot's losses start where the previous one's ended; returns them all, joined."""
    expected_start = 0
    for snap in snaps:
        assert snap.loss_start == expected_start, "a snapshot skipped or repeated losses"
        expected_start += snap.losses.size
        assert snap.iteration == expected_start
    return np.concatenate([s.losses for s in snaps])


# -- synchronous ------------------------------------------------------------------------------------
def test_first_snapshot_shows_the_untrained_model(worker) -> None:
    out = Collector(worker)
    worker.emit_now()
    assert len(out.snapshots) == 1
    snap = out.last
    assert snap.status == "ready"
    assert snap.iteration == 0
    assert snap.losses.size == 0 and math.isnan(snap.loss)
    assert snap.X.shape == (300, 2) and snap.y.shape == (300,)
    assert snap.regions.dtype == np.uint8
    assert snap.regions.shape == (200, 200)
    assert set(np.unique(snap.regions)) <= {0, 1, 2}
    assert snap.config == SMALL
    assert not out.failures


def test_snapshot_arrays_are_read_only(worker) -> None:
    out = Collector(worker)
    worker.step_once()
    snap = out.last
    arrays = {"regions": snap.regions, "losses": snap.losses, "data_losses": snap.data_losses,
              "X": snap.X, "y": snap.y, **snap.params}
    for name, array in arrays.items():
        assert not array.flags.writeable, name
        with pytest.raises(ValueError, match="read-only"):
            array.flat[0] = 0
    # Training on does not change what was handed out.
    regions, losses = snap.regions.copy(), snap.losses.copy()
    for _ in range(5):
        worker.step_once()
    np.testing.assert_array_equal(snap.regions, regions)
    np.testing.assert_array_equal(snap.losses, losses)


def test_step_once_is_exactly_one_iteration(worker) -> None:
    out = Collector(worker)
    for _ in range(5):
        worker.step_once()
    assert [s.iteration for s in out.snapshots] == [1, 2, 3, 4, 5]
    assert set(out.statuses()) == {"paused"}
    losses = _assert_continuous(out.snapshots)
    np.testing.assert_allclose(losses, _reference_losses(SMALL, 5), rtol=1e-12)
    assert out.last.loss == pytest.approx(losses[-1])


def test_a_run_emits_only_while_acknowledged(worker) -> None:
    """Without acknowledgements at most one snapshot is in flight: start, then only the end."""
    out = Collector(worker, acknowledge=False)
    worker.start()
    assert worker.running
    _run_to_end(worker)
    assert out.statuses() == ["running", "finished"]
    assert out.last.iteration == 300
    losses = _assert_continuous(out.snapshots)
    np.testing.assert_allclose(losses, _reference_losses(SMALL, 300), rtol=1e-12)
    assert not out.failures


def test_a_run_emits_at_most_30_snapshots_a_second(worker) -> None:
    worker.apply(TrainConfig(iterations=10_000_000))
    out = Collector(worker, acknowledge=True)
    worker.start()
    end = time.perf_counter() + 0.6
    while time.perf_counter() < end:
        worker._tick()
    worker.pause()
    assert out.statuses()[0] == "running" and out.statuses()[-1] == "paused"
    assert len(out.snapshots) > 5, "an acknowledged run should show progress on the way"
    gaps = np.diff(out.times[:-1])  # the final snapshot is sent at once, whatever the pace
    assert gaps.min() >= 1 / 30 - 0.002
    _assert_continuous(out.snapshots)


def test_pause_stops_and_reports_once(worker) -> None:
    worker.apply(TrainConfig(iterations=10_000_000))
    out = Collector(worker)
    worker.start()
    for _ in range(3):
        worker._tick()
    worker.pause()
    assert not worker.running
    assert out.statuses() == ["running", "paused"]
    paused_at = out.last.iteration
    assert paused_at > 0
    worker._tick()  # a tick already queued when the pause arrived does nothing
    worker.pause()  # pausing again says nothing new
    assert len(out.snapshots) == 2
    assert worker.trainer.iteration == paused_at


def test_reset_redraws_the_weights_in_a_new_run(worker) -> None:
    out = Collector(worker)
    worker.emit_now()
    initial = out.last
    for _ in range(3):
        worker.step_once()
    worker.reset()
    snap = out.last
    assert snap.run_id > initial.run_id
    assert snap.iteration == 0 and snap.loss_start == 0 and snap.losses.size == 0
    assert snap.status == "ready"
    for name, value in initial.params.items():
        np.testing.assert_array_equal(snap.params[name], value)
    np.testing.assert_array_equal(snap.regions, initial.regions)


def test_configure_starts_a_new_run_with_new_data(worker) -> None:
    out = Collector(worker)
    worker.emit_now()
    run = out.last.run_id
    config = TrainConfig(n=40, k=5, iterations=100)
    worker.apply(config)
    snap = out.last
    assert snap.run_id > run
    assert snap.config == config
    assert snap.X.shape == (200, 2)
    assert set(np.unique(snap.y)) == set(range(5))
    assert snap.regions.max() < 5


def test_configure_while_running_keeps_running(worker) -> None:
    worker.apply(TrainConfig(iterations=10_000_000))
    out = Collector(worker)
    worker.start()
    worker._tick()
    worker.apply(TrainConfig(n=50, iterations=10_000_000))
    assert worker.running
    assert out.last.status == "running"
    assert out.last.iteration == 0
    worker.pause()


def test_set_hyper_applies_without_a_reset(worker) -> None:
    out = Collector(worker)
    for _ in range(3):
        worker.step_once()
    run = out.last.run_id
    _live(worker, step_size=0.5, reg=0.01)
    snap = out.last
    assert snap.run_id == run and snap.iteration == 3
    assert (snap.config.step_size, snap.config.reg) == (0.5, 0.01)
    worker.step_once()
    assert out.last.iteration == 4
    # The step really used the new values: compare with the engine doing the same.
    trainer = Trainer(SMALL)
    trainer.step(3)
    trainer.set_hyper(step_size=0.5, reg=0.01)
    trainer.step(1)
    assert out.last.loss == pytest.approx(trainer.last_loss, rel=1e-12)


def test_budget_end_and_raise(worker) -> None:
    worker.emit_now()
    _live(worker, iterations=2)
    out = Collector(worker)
    worker.step_once()
    worker.step_once()
    assert out.last.status == "finished" and out.last.iteration == 2
    worker.step_once()  # nothing left to do: says so again, trains nothing
    assert out.last.status == "finished" and out.last.iteration == 2
    _live(worker, iterations=4)
    assert out.last.status == "paused"
    worker.start()
    _run_to_end(worker)
    assert out.last.status == "finished" and out.last.iteration == 4


def test_divergence_stops_with_a_reason(worker) -> None:
    worker.emit_now()
    _live(worker, step_size=1e3, reg=1e-3)
    out = Collector(worker)
    worker.start()
    _run_to_end(worker)
    snap = out.last
    assert snap.status == "diverged"
    assert snap.event == "diverged"
    assert "step size" in snap.reason
    assert math.isfinite(snap.loss)
    assert snap.regions.shape == (200, 200)
    worker.start()  # refuses, repeating the reason
    assert not worker.running and out.last.status == "diverged"


def test_errors_are_reported_not_swallowed(worker) -> None:
    out = Collector(worker)
    worker.emit_now()
    # The engine refuses a negative step size: forced past the config's own validation.
    bad = worker.trainer.config
    object.__setattr__(bad := bad.replace(), "step_size", -1.0)
    worker.apply(bad)
    assert len(out.failures) == 1
    assert "step_size" in out.failures[0]
    assert "Traceback" in out.failures[0]
    worker.apply("not a configuration")
    assert len(out.failures) == 2
    assert "TrainConfig" in out.failures[1]
    assert not worker.running


# -- on a real thread ---------------------------------------------------------------------------------
class Receiver(QObject):
    """Lives in the GUI thread; acknowledges each snapshot as the window does after drawing."""

    ack = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.snapshots: list[Snapshot] = []
        self.times: list[float] = []

    @Slot(object)
    def on_snapshot(self, snap: Snapshot) -> None:
        self.snapshots.append(snap)
        self.times.append(time.perf_counter())
        self.ack.emit()


def test_worker_on_a_thread_is_paced_and_stops_on_quit(qtbot, make_thread) -> None:
    thread = make_thread()
    worker = TrainingWorker(TrainConfig(iterations=10_000_000))
    worker.moveToThread(thread)
    thread.finished.connect(worker.deleteLater)  # destroyed in its own thread, timer included
    receiver = Receiver()
    worker.snapshot.connect(receiver.on_snapshot)
    receiver.ack.connect(worker.acknowledge)
    thread.started.connect(worker.start)
    thread.start()
    try:
        qtbot.waitUntil(lambda: len(receiver.snapshots) >= 15, timeout=TIMEOUT_MS)
    finally:
        thread.requestInterruption()
        thread.quit()
        assert thread.wait(5000), "the worker thread did not stop on quit"
    assert not thread.isRunning()

    running = [s for s in receiver.snapshots if s.status == "running"]
    times = receiver.times[: len(running)]
    span = times[-1] - times[0]
    assert len(running) - 1 <= 30 * span + 2, f"{len(running)} snapshots in {span:.2f} s"
    _assert_continuous(running)
    assert running[-1].iteration > running[0].iteration

    qtbot.wait(50)  # deliver whatever was queued before the thread stopped
    count = len(receiver.snapshots)
    qtbot.wait(300)
    assert len(receiver.snapshots) == count, "snapshots kept coming after the thread quit"


def test_extras_are_sent_while_wanted(worker) -> None:
    from spiral_gui.engine.extras import EXTRAS, register

    register("test_iteration")(lambda trainer, should_stop: trainer.iteration)
    try:
        out = Collector(worker)
        worker.step_once()
        assert dict(out.last.extras) == {}
        worker.want_extras(frozenset({"test_iteration"}))  # not training: sent at once
        assert out.last.extras["test_iteration"] == 1
        worker.step_once()
        assert out.last.extras["test_iteration"] == 2
        worker.want_extras(frozenset())
        worker.step_once()
        assert dict(out.last.extras) == {}
    finally:
        del EXTRAS["test_iteration"]
