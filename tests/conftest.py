"""Fixtures shared by every test, and the guards of the GUI tests (tests/ui and tests/stress).

- Qt draws offscreen (set before anything imports Qt); the QApplication is the app's own
  (`create_application`: names, pyqtgraph options, BLAS held to one thread).
- Thread-leak guard: every `QThread.start()` is recorded with where it was called from; a GUI
  test that leaves a QThread running fails, naming that place (the thread is stopped first, as
  a running QThread destroyed later aborts the whole process).
- Qt warnings while a test's windows are closed and destroyed fail it too.
- `make_window` / `window`: the one window factory, a real MainWindow on a throw-away INI file.

Qt is imported lazily, so the engine tests never load it.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import gc
import re
import traceback
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

_TESTS = Path(__file__).resolve().parent
_GUI_DIRS = (_TESTS / "ui", _TESTS / "stress")

#: Qt warnings from the offscreen platform plugin itself (every shown top-level window with a
#: layout triggers it); `qt_log_level_fail = WARNING` stays on for everything else.
OFFSCREEN_NOISE = (r"This plugin does not support propagateSizeHints\(\)",)

#: Generous bound for anything the worker does for a small configuration.
TIMEOUT_MS = 15_000


def _is_gui_test(item: pytest.Item) -> bool:
    path = Path(str(item.path)).resolve()
    return any(d in path.parents for d in _GUI_DIRS)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """pytest-qt reads only the closest qt_log_ignore mark: merge a test's own patterns into it."""
    for item in items:
        if _is_gui_test(item):
            patterns = list(OFFSCREEN_NOISE)
            for mark in item.iter_markers("qt_log_ignore"):
                patterns.extend(mark.args)
            item.add_marker(pytest.mark.qt_log_ignore(*patterns, extend=True), append=False)


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_teardown(item: pytest.Item, nextitem: pytest.Item | None):
    """Qt warnings while closing and destroying a test's windows fail it too.

    pytest-qt checks Qt's messages up to the end of the test call only, but closing a window
    (settings, the worker thread) and destroying it happen in teardown.
    """
    if not _is_gui_test(item):
        return (yield)
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler

    messages: list[str] = []

    def handler(mode: QtMsgType, context: Any, message: str) -> None:
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


# -- the application -------------------------------------------------------------------------------
@pytest.fixture(scope="session")
def qapp():
    """The app's own QApplication, as `spiral-gui` creates it (pytest-qt uses this one)."""
    from spiral_gui.ui.app import create_application

    return create_application()


# -- threads ---------------------------------------------------------------------------------------
#: (thread, where start() was called) for every QThread started in this process.
_STARTED: list[tuple[Any, str]] = []


_wrapped = False


def _record_thread_starts() -> None:
    """Wrap QThread.start once (at the first GUI test) to record where each thread started."""
    global _wrapped
    if _wrapped:
        return
    from PySide6.QtCore import QThread

    original = QThread.start

    def start(self: QThread, *args: Any) -> None:
        _STARTED.append((self, "".join(traceback.format_stack(limit=8)[:-1])))
        original(self, *args)

    QThread.start = start  # type: ignore[method-assign]
    _wrapped = True


@pytest.fixture(autouse=True)
def no_thread_left_running(request: pytest.FixtureRequest) -> Iterator[None]:
    """Fail a GUI test that leaves a QThread running; stop it first so the next test is safe.

    Set up before `qtbot` (autouse), so this runs after pytest-qt and the window fixture have
    closed the test's windows. Garbage is collected here too, so that a window's Qt objects are
    destroyed during its own test and not in the middle of a later one.
    """
    if not _is_gui_test(request.node):
        yield
        return
    import shiboken6
    from PySide6.QtCore import QCoreApplication, QEvent

    request.getfixturevalue("qapp")
    _record_thread_starts()
    yield
    running = [(t, where) for t, where in _STARTED if shiboken6.isValid(t) and t.isRunning()]
    for t, _where in running:
        t.requestInterruption()
        t.quit()
        t.wait(10_000)
    _STARTED.clear()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()
    QCoreApplication.processEvents()
    if running:
        report = "\n".join(f"{t.objectName() or 'a QThread'}, started at:\n{where}" for t, where in running)
        pytest.fail(f"the test left {len(running)} QThread(s) running:\n{report}", pytrace=False)


@pytest.fixture
def make_thread() -> Callable[[], Any]:
    """A plain named QThread; the guard above watches it once started. The test stops it."""
    from PySide6.QtCore import QThread

    count = iter(range(1_000_000))
    return lambda: QThread(objectName=f"test-thread-{next(count)}")


# -- windows -------------------------------------------------------------------------------------
@pytest.fixture
def ini_path(tmp_path: Path) -> Path:
    """The test's own settings file: never the user's real settings."""
    return tmp_path / "s.ini"


def pause_if_running(qtbot: Any, window: Any) -> None:
    """Pause a window that is training, and wait for the paused snapshot."""
    import shiboken6

    if not shiboken6.isValid(window) or window.last_snapshot is None:
        return
    if not window.worker_thread.isRunning():  # closed already: nothing will answer
        return
    if window.last_snapshot.status == "running":
        window.runner.pause()
        qtbot.waitUntil(lambda: window.last_snapshot.status != "running", timeout=TIMEOUT_MS)


def show_and_wait(qtbot: Any, window: Any) -> None:
    window.show()
    qtbot.waitUntil(lambda: window.last_snapshot is not None, timeout=TIMEOUT_MS)


@pytest.fixture
def make_window(qtbot: Any, ini_path: Path) -> Iterator[Callable[..., Any]]:
    """Build a MainWindow on an INI file (default: `ini_path`), show it and wait for its first
    snapshot. Teardown pauses a window still training and closes it (closing while training is
    tested on its own), which saves the settings and stops the worker thread.
    """
    import shiboken6
    from PySide6.QtCore import QSettings

    from spiral_gui.ui.main_window import MainWindow

    made: list[Any] = []

    def make(ini: Path | None = None, *, config: Any = None, add_widget: bool = True,
             show: bool = True) -> MainWindow:
        """`add_widget=False` for a test that deletes the window itself; `show=False` to look at
        the window as constructed, before it is shown and draws its first snapshot."""
        settings = QSettings(str(ini or ini_path), QSettings.Format.IniFormat)
        w = MainWindow(settings=settings, config=config)
        if add_widget:
            qtbot.addWidget(w, before_close_func=lambda w: pause_if_running(qtbot, w))
            made.append(w)
        if show:
            show_and_wait(qtbot, w)
        return w

    yield make
    for w in made:  # pytest-qt has usually closed and deleted them already
        if shiboken6.isValid(w):
            pause_if_running(qtbot, w)
            if shiboken6.isValid(w):
                w.close()


@pytest.fixture
def window(make_window: Callable[..., Any]) -> Any:
    """The window as a user first sees it: defaults, shown, first snapshot drawn."""
    return make_window()
