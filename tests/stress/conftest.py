"""Fixtures for the stress and fault tests: real MainWindows on throw-away INI files, helpers that
wait until the worker thread has caught up with the user, and a guard that fails any test leaving
a worker thread running (a running QThread destroyed later aborts the whole process).
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from pathlib import Path

import pyqtgraph as pg
import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSettings, QThread, Signal, Slot

from spiral_gui.engine.config import TrainConfig
from spiral_gui.ui.main_window import MainWindow

# As the application does once at start-up (spiral_gui/ui/app.py): image arrays are (rows, columns).
pg.setConfigOptions(imageAxisOrder="row-major")

#: Generous bound for anything the worker does for a small configuration.
TIMEOUT_MS = 15_000

#: Qt warnings from the offscreen platform plugin itself (every shown top-level window with a
#: layout triggers it); `qt_log_level_fail = WARNING` stays on for everything else.
OFFSCREEN_NOISE = (r"This plugin does not support propagateSizeHints\(\)",)

_HERE = Path(__file__).resolve().parent


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """pytest-qt reads only the closest qt_log_ignore mark: merge a test's own patterns into it."""
    for item in items:
        if _HERE in Path(str(item.path)).resolve().parents:
            patterns = list(OFFSCREEN_NOISE)
            for mark in item.iter_markers("qt_log_ignore"):
                patterns.extend(mark.args)
            item.add_marker(pytest.mark.qt_log_ignore(*patterns, extend=True), append=False)


# -- threads ---------------------------------------------------------------------------------------
@pytest.fixture
def worker_threads() -> list[QThread]:
    """The worker thread of every window the test built through `make_window`."""
    return []


@pytest.fixture(autouse=True)
def no_worker_thread_left_running(qapp, worker_threads: list[QThread]) -> Iterator[None]:
    """Fail a test that leaves a window's worker thread running, after stopping it.

    Set up before `qtbot` and the window fixtures, so its teardown runs after pytest-qt and the
    fixtures have closed the test's windows. Garbage is collected here too, so that a window's
    Qt objects are destroyed during its own test and not in the middle of a later one.
    """
    yield
    running = [t for t in worker_threads if shiboken6.isValid(t) and t.isRunning()]
    for t in running:
        t.requestInterruption()
        t.quit()
        t.wait(10_000)
    worker_threads.clear()
    gc.collect()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QCoreApplication.processEvents()
    if running:
        names = ", ".join(t.objectName() or "a QThread" for t in running)
        pytest.fail(f"the test left {len(running)} worker thread(s) running: {names}", pytrace=False)


# -- windows -------------------------------------------------------------------------------------
def pause_if_running(qtbot, window: MainWindow) -> None:
    """Pause a window that is training, and wait for the paused snapshot."""
    if not shiboken6.isValid(window) or window.last_snapshot is None:
        return
    if not window.worker_thread.isRunning():  # closed already: nothing will answer
        return
    if window.last_snapshot.status == "running":
        window.toggle_running()
        qtbot.waitUntil(lambda: window.last_snapshot.status != "running", timeout=TIMEOUT_MS)


@pytest.fixture
def make_window(qtbot, tmp_path: Path, worker_threads: list[QThread]) -> Iterator[Callable[..., MainWindow]]:
    """Build, show and wait for the first snapshot of a MainWindow on an INI file of the test's.

    Teardown pauses a window that is still training and closes it (closing while training is
    tested on its own, in test_stress_close.py).
    """
    made: list[MainWindow] = []

    def make(
        config: TrainConfig | None = None,
        ini: Path | None = None,
        *,
        add_widget: bool = True,
        show: bool = True,
    ) -> MainWindow:
        """`add_widget=False` for a test that deletes the window itself; `show=False` to look at
        the window as constructed, before it is shown and draws its first snapshot."""
        settings = QSettings(str(ini or tmp_path / "s.ini"), QSettings.Format.IniFormat)
        w = MainWindow(settings=settings, config=config)
        worker_threads.append(w.worker_thread)
        if add_widget:
            qtbot.addWidget(w, before_close_func=lambda w: pause_if_running(qtbot, w))
            made.append(w)
        if show:
            show_and_wait(qtbot, w)
        return w

    yield make
    for w in made:
        if shiboken6.isValid(w):
            pause_if_running(qtbot, w)
            w.close()


def show_and_wait(qtbot, window: MainWindow) -> None:
    window.show()
    qtbot.waitUntil(lambda: window.last_snapshot is not None, timeout=TIMEOUT_MS)


@pytest.fixture
def window(make_window: Callable[..., MainWindow]) -> MainWindow:
    """The window as a user first sees it: defaults, shown, first snapshot drawn."""
    return make_window()


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
