"""Helpers of the stress and fault tests: a barrier that waits until the worker thread has caught
up with the user. The window factory and the thread guard are tests/conftest.py's.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from conftest import TIMEOUT_MS, show_and_wait  # tests/conftest.py, shared with tests/ui
from PySide6.QtCore import QObject, Signal, Slot

from spiral_gui.ui.main_window import MainWindow

__all__ = ["TIMEOUT_MS", "Barrier", "show_and_wait"]


# -- catching up with the worker -------------------------------------------------------------------
class _Probe(QObject):
    """Lives on the worker thread; answers a ping once every event queued before it is handled."""

    pong = Signal(int)

    @Slot(int)
    def ping(self, token: int) -> None:
        self.pong.emit(token)


class _Relay(QObject):
    """Lives on the GUI thread: pings the probe, and relays its answers on the GUI thread."""

    ping = Signal(int)
    answered = Signal(int)

    @Slot(int)
    def on_pong(self, token: int) -> None:
        self.answered.emit(token)


class Barrier:
    """Waits until the worker has handled every call the window queued so far, and the window
    has drawn every snapshot the worker sent meanwhile.

    Events posted to a thread are delivered in order whatever their receiver, so a ping to an
    object living on the worker thread is answered only after the window's earlier queued calls
    (configure, start, step, …) have run there; the answer comes back to the GUI thread behind
    the snapshots those calls emitted, which the window draws synchronously on arrival.
    Only the window's public `worker_thread` is used.
    """

    def __init__(self, qtbot, window: MainWindow) -> None:
        self._qtbot = qtbot
        self._relay = _Relay()
        self._probe = _Probe()
        self._probe.moveToThread(window.worker_thread)
        self._relay.ping.connect(self._probe.ping)
        self._probe.pong.connect(self._relay.on_pong)
        self._token = 0

    def __call__(self, timeout: int = TIMEOUT_MS) -> None:
        self._token += 1
        token = self._token
        # The answer is re-emitted on the GUI thread, so waiting on it with waitSignal is sound.
        with self._qtbot.waitSignal(
            self._relay.answered, timeout=timeout, check_params_cb=lambda answer: answer == token
        ):
            self._relay.ping.emit(token)


@pytest.fixture
def make_barrier(qtbot) -> Callable[[MainWindow], Barrier]:
    return lambda window: Barrier(qtbot, window)
