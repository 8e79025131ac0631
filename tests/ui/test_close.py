"""Closing, pausing and resetting while one long iteration runs: the interrupt reaches the step,
the evaluation and the decision grid between row blocks; the thread is never terminated."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QThread

from spiral_gui.engine.config import TrainConfig

from .helpers import TIMEOUT_MS, click, wait_until_snapshot

#: One iteration takes about a second on the reference machine (hidden 4096), the first picture
#: less: large enough that an iteration is still running when the test acts, small enough that
#: the test stays short.
BIG = TrainConfig(n=5000, k=3, hidden=4096, iterations=1000)


class StepProbe:
    """Wraps the worker's trainer's `step`: says when a call has begun and what each returned."""

    def __init__(self, trainer) -> None:
        self.entered = threading.Event()
        self.returned: list[int] = []
        inner = trainer.step

        def step(n: int = 1, *args, **kwargs) -> int:
            self.entered.set()
            done = inner(n, *args, **kwargs)
            self.returned.append(done)
            return done

        trainer.step = step


@pytest.fixture
def no_terminate(monkeypatch) -> list[QThread]:
    """Records any QThread.terminate() call (and does not kill anything)."""
    calls: list[QThread] = []
    monkeypatch.setattr(QThread, "terminate", lambda self: calls.append(self))
    return calls


def _big_window(make_window):
    window = make_window(config=BIG)
    return window, StepProbe(window.runner.worker.trainer)


def test_close_during_a_long_step_returns_and_stops_the_thread(qtbot, make_window, no_terminate) -> None:
    window, probe = _big_window(make_window)
    click(qtbot, window, "step_button")
    qtbot.waitUntil(probe.entered.is_set, timeout=TIMEOUT_MS)
    window.close()  # returns only once the thread has finished
    assert window.worker_thread.isFinished() and not window.worker_thread.isRunning()
    assert probe.returned == [0], "the step was not abandoned"
    assert window.runner.worker.trainer.iteration == 0
    assert no_terminate == []


def test_close_while_the_first_picture_is_built(qtbot, make_window, no_terminate) -> None:
    window = make_window(config=BIG, show=False)  # the worker builds the trainer and grid now
    window.show()
    window.close()
    assert window.worker_thread.isFinished()
    assert no_terminate == []


def test_reset_during_a_long_step_is_honoured(qtbot, make_window) -> None:
    window, probe = _big_window(make_window)
    first = window.last_snapshot
    click(qtbot, window, "step_button")
    qtbot.waitUntil(probe.entered.is_set, timeout=TIMEOUT_MS)
    click(qtbot, window, "reset_button")
    snap = wait_until_snapshot(qtbot, window, lambda s: s.event == "reset")
    assert probe.returned == [0], "the step ran to its end before the reset"
    assert snap.iteration == 0 and snap.run_id > first.run_id


def test_pause_during_a_long_iteration_is_honoured(qtbot, make_window) -> None:
    window, probe = _big_window(make_window)
    click(qtbot, window, "start_button")
    qtbot.waitUntil(probe.entered.is_set, timeout=TIMEOUT_MS)
    click(qtbot, window, "start_button")  # Pause
    snap = wait_until_snapshot(qtbot, window, lambda s: s.status == "paused")
    assert probe.returned and probe.returned[-1] == 0, "the iteration was not abandoned"
    assert snap.iteration == window.runner.worker.trainer.iteration


def test_the_window_does_not_wait_for_a_large_trainer(qtbot, make_window, no_terminate) -> None:
    """The trainer is built on the worker thread: constructing the window returns first."""
    window = make_window(config=TrainConfig(n=1_000_000, k=3, hidden=1000, iterations=10), show=False)
    assert window.runner.worker.trainer is None, "the trainer was built before the window returned"
    assert window.last_snapshot is None
    window.close()  # interrupts the build
    assert window.worker_thread.isFinished()
    assert no_terminate == []
