"""Closing the window in the middle of training, over and over, in one process."""

from __future__ import annotations

import gc
import time

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt

from spiral_gui.engine.config import TrainConfig

from .conftest import TIMEOUT_MS

ROUNDS = 20
#: A run long enough never to finish before the window is closed.
LONG_RUN = TrainConfig(n=40, hidden=40, iterations=1_000_000)

#: What closing while training used to print, the worker's timer being stopped from the GUI
#: thread (fixed in fe0d1b2: the worker now stops it in its own thread as that thread finishes).
TIMER_WARNING = r"Timers cannot be stopped from another thread"


def start_training(qtbot, window) -> None:
    qtbot.mouseClick(window.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: window.last_snapshot.status == "running" and window.last_snapshot.iteration > 0,
        timeout=TIMEOUT_MS,
    )


def test_close_mid_training_twenty_times(make_window, qtbot) -> None:
    for round_ in range(ROUNDS):
        window = make_window(config=LONG_RUN)
        start_training(qtbot, window)
        thread = window.worker_thread
        t0 = time.perf_counter()
        window.close()
        elapsed = time.perf_counter() - t0
        assert elapsed < 1.0, f"round {round_}: close() took {elapsed:.2f} s"
        assert not thread.isRunning(), f"round {round_}: the worker thread still runs after close()"
        assert thread.isFinished(), f"round {round_}"
        assert window.worker_thread is thread


@pytest.mark.qt_log_ignore(TIMER_WARNING)  # asserted below, by name
def test_close_while_training_stops_the_worker_timer_in_its_own_thread(make_window, qtbot, qtlog) -> None:
    """Neither the close (killTimer) nor destroying the worker afterwards (~QObject) may find
    the worker's timer still registered with its finished thread."""
    window = make_window(config=LONG_RUN, add_widget=False)
    start_training(qtbot, window)
    window.close()
    assert not window.worker_thread.isRunning()
    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    del window
    gc.collect()  # the worker, owned by the window's Python object, goes now
    qtbot.wait(100)
    warnings = [r.message for r in qtlog.records if TIMER_WARNING in r.message]
    assert not warnings, warnings


def test_window_deleted_soon_after_closing_mid_training_raises_nothing(make_window, qtbot) -> None:
    """The window acknowledges a frame drawn while training ~7x its drawing cost later. That
    timer had no context object and fired on a deleted window ("Signal source has been
    deleted"); fixed in 90cbc57 by tying the timers to the window."""
    window = make_window(config=LONG_RUN, add_widget=False)
    start_training(qtbot, window)
    qtbot.wait(50)  # a few more frames drawn while training, each with an acknowledgement pending
    window.close()
    assert not window.worker_thread.isRunning()
    with qtbot.captureExceptions() as exceptions:
        window.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        qtbot.wait(1_000)
    assert not exceptions, [str(e[1]) for e in exceptions]
