"""Fixtures for the GUI tests: a real MainWindow on a throw-away INI file, and guards that fail a
test leaving a QThread running (a running QThread destroyed later aborts the whole process) or
making Qt warn while its windows are closed and destroyed.
"""

from __future__ import annotations

import gc
import re
import weakref
from collections.abc import Callable, Iterator
from pathlib import Path

import pyqtgraph as pg
import pytest
import shiboken6
from PySide6.QtCore import QEvent, QThread, QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QApplication

from spiral_gui.ui.main_window import MainWindow

from .helpers import TIMEOUT_MS, settings_at

# As the application does once at start-up (spiral_gui/ui/app.py): arrays are (rows, columns).
pg.setConfigOptions(imageAxisOrder="row-major")

#: Qt warnings that come from the offscreen platform plugin, not from the application.
OFFSCREEN_NOISE = (r"This plugin does not support propagateSizeHints\(\)",)

_HERE = Path(__file__).resolve().parent


def _is_ui_test(item: pytest.Item) -> bool:
    return _HERE in Path(str(item.path)).resolve().parents


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """`qt_log_level_fail = WARNING` stays on; only the offscreen plugin's own chatter is ignored."""
    for item in items:
        if _is_ui_test(item):
            item.add_marker(pytest.mark.qt_log_ignore(*OFFSCREEN_NOISE))


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_teardown(item: pytest.Item, nextitem: pytest.Item | None):
    """Qt warnings while closing and destroying a test's windows fail it too.

    pytest-qt checks Qt's messages up to the end of the test call only, but closing a window
    (settings, the worker thread) and destroying it happen in teardown.
    """
    if not _is_ui_test(item):
        return (yield)
    messages: list[str] = []

    def handler(mode: QtMsgType, context, message: str) -> None:
        if mode not in (QtMsgType.QtDebugMsg, QtMsgType.QtInfoMsg) and not any(
            re.search(p, message) for p in OFFSCREEN_NOISE
        ):
            messages.append(message)

    previous = qInstallMessageHandler(handler)
    try:
        result = yield
    finally:
        qInstallMessageHandler(previous)
    if messages:
        pytest.fail("Qt warned while the test's windows were closed and destroyed:\n  "
                    + "\n  ".join(messages), pytrace=False)
    return result


# -- threads ---------------------------------------------------------------------------------------
@pytest.fixture
def thread_registry() -> list[QThread]:
    """Every QThread a test creates through the fixtures below (or inside a MainWindow)."""
    return []


@pytest.fixture(autouse=True)
def no_thread_left_running(
    thread_registry: list[QThread], monkeypatch: pytest.MonkeyPatch
) -> Iterator[None]:
    """Fail a test that leaves a worker thread running; stop it first so the next test is safe.

    Every MainWindow built during the test is tracked through its public `worker_thread`.
    Set up before `qtbot`, so this runs after pytest-qt has closed the test's widgets.
    """
    original_init = MainWindow.__init__

    def tracking_init(self: MainWindow, *args, **kwargs) -> None:
        original_init(self, *args, **kwargs)
        thread_registry.append(self.worker_thread)

    monkeypatch.setattr(MainWindow, "__init__", tracking_init)
    yield
    running = [t for t in thread_registry if shiboken6.isValid(t) and t.isRunning()]
    for t in running:
        t.requestInterruption()
        t.quit()
        t.wait(10_000)
    thread_registry.clear()
    # Destroy what the test closed (pytest-qt only deleteLater()s it) and dropped, now: only
    # once no thread runs, and inside this test, so that whatever Qt says is said here.
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()
    if running:
        names = ", ".join(t.objectName() or repr(t) for t in running)
        pytest.fail(f"the test left {len(running)} QThread(s) running: {names}", pytrace=False)


@pytest.fixture
def make_thread(thread_registry: list[QThread]) -> Callable[[], QThread]:
    """A plain QThread that the running-thread guard watches. The test must stop it itself."""

    def make() -> QThread:
        thread = QThread()
        thread.setObjectName(f"test-thread-{len(thread_registry)}")
        thread_registry.append(thread)
        return thread

    return make


# -- windows -------------------------------------------------------------------------------------
@pytest.fixture
def ini_path(tmp_path: Path) -> Path:
    """The test's own settings file: never the user's real settings."""
    return tmp_path / "s.ini"


@pytest.fixture
def make_window(qtbot, ini_path: Path) -> Iterator[Callable[..., MainWindow]]:
    """Build, show and wait for the first snapshot of a MainWindow on an INI file (default: ini_path).

    Teardown pauses a window still training (closing a training window is tested on its own, in
    test_training.py) and closes it, which saves the settings and stops the worker thread.
    """
    made: list[weakref.ref[MainWindow]] = []

    def pause_if_running(w: MainWindow) -> None:
        if not shiboken6.isValid(w):
            return
        snap = w.last_snapshot
        if snap is not None and snap.status == "running" and not w.worker_thread.isFinished():
            w.toggle_running()
            qtbot.waitUntil(lambda: w.last_snapshot.status != "running", timeout=TIMEOUT_MS)

    def make(ini: Path | None = None) -> MainWindow:
        w = MainWindow(settings=settings_at(ini or ini_path))
        qtbot.addWidget(w, before_close_func=pause_if_running)
        made.append(weakref.ref(w))
        w.show()
        qtbot.waitUntil(lambda: w.last_snapshot is not None, timeout=TIMEOUT_MS)
        return w

    yield make
    for ref in made:  # pytest-qt has usually closed and deleted them already
        w = ref()
        if w is not None and shiboken6.isValid(w):
            pause_if_running(w)
            if shiboken6.isValid(w):
                w.close()


@pytest.fixture
def window(make_window: Callable[..., MainWindow]) -> MainWindow:
    """The window as a user first sees it: defaults, shown, first snapshot drawn."""
    return make_window()
