"""Shared helpers of the window benchmarks: an offscreen application built as `spiral_gui.ui.app.main`
builds it, a window on a throw-away settings file, waiting on the event loop, and timing hooks.

Import this module before anything imports Qt: it selects the offscreen platform.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import argparse
import contextlib
import math
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import numpy as np

#: Offscreen-platform chatter that says nothing about the app.
_QUIET = ("This plugin does not support propagateSizeHints()",)


def _messages(mode, context, message: str) -> None:
    if not message.startswith(_QUIET):
        print(message, file=sys.stderr)


def parse_and_run(ap: argparse.ArgumentParser, run: Callable[[argparse.Namespace], None]) -> None:
    """Add the options every window benchmark takes, parse, and run under the asked-for load."""
    ap.add_argument("--blas-threads", nargs="+", default=["app"], metavar="T", help=BLAS_MODES_HELP)
    ap.add_argument("--background-load", type=int, default=0, metavar="P",
                    help="run P busy-loop processes meanwhile, as other busy programs would")
    args = ap.parse_args()
    if problem := check_blas_modes(args.blas_threads):
        ap.error(problem)
    with background_load(args.background_load):
        run(args)


def make_app():
    """The QApplication, set up by the app's own `spiral_gui.ui.app.create_application()`."""
    from PySide6.QtCore import qInstallMessageHandler

    from spiral_gui.ui.app import create_application

    qInstallMessageHandler(_messages)
    take_over_blas()  # `blas_mode` decides, not create_application()
    return create_application()


# -- BLAS threads ------------------------------------------------------------------------------
# OpenBLAS's thread count is one setting for the whole process. The app sets its own (its
# create_application() holds BLAS to one thread); to compare, the benchmarks take that decision
# over: "app" applies the app's own setting up front, "default" is OpenBLAS's default (what the
# process had before the app touched it), a number is threadpool_limits(number).

BLAS_MODES_HELP = ("'app' (as the app sets it), 'default' (OpenBLAS's default) or a thread count; "
                   "several to compare them in one run")


def blas_threads() -> int | None:
    from threadpoolctl import threadpool_info

    counts = [i["num_threads"] for i in threadpool_info() if i.get("user_api") == "blas"]
    return max(counts) if counts else None


DEFAULT_BLAS_THREADS = blas_threads()  # before anything of the app's has run
_app_hold = None


def check_blas_modes(modes: list[str]) -> str | None:
    for mode in modes:
        if mode not in ("app", "default") and not (mode.isdigit() and int(mode) > 0):
            return f"--blas-threads takes 'app', 'default' or a thread count, not {mode!r}"
    return None


def take_over_blas() -> None:
    """Stop the app from setting BLAS threads itself: `blas_mode` decides."""
    global _app_hold
    import spiral_gui.ui.app as app

    if _app_hold is None:
        _app_hold = app.hold_blas_to_one_thread
        app.hold_blas_to_one_thread = lambda: None


@contextlib.contextmanager
def blas_mode(mode: str) -> Iterator[None]:
    from threadpoolctl import threadpool_limits

    take_over_blas()
    if mode == "app":
        _app_hold()  # what the app does at start-up; a no-op after the first time
        yield
        return
    count = DEFAULT_BLAS_THREADS if mode == "default" else int(mode)
    with threadpool_limits(limits=count, user_api="blas"):
        yield


def blas_label(mode: str) -> str:
    """The mode and the BLAS thread count in effect now (call inside `blas_mode`)."""
    return f"{mode}={blas_threads()}" if mode in ("app", "default") else str(blas_threads())


@contextlib.contextmanager
def open_window(config) -> Iterator:
    """A shown MainWindow on an INI file in a temporary directory, training at Max speed (what
    the throughput figures measure; a script watching at a paced speed sets its own); closed
    (thread joined) on exit."""
    from PySide6.QtCore import QEvent, QSettings
    from PySide6.QtWidgets import QApplication

    from spiral_gui.ui.main_window import MainWindow

    with tempfile.TemporaryDirectory(prefix="spiral-bench-") as tmp:
        settings = QSettings(str(Path(tmp) / "settings.ini"), QSettings.Format.IniFormat)
        window = MainWindow(settings=settings, config=config)
        window.speed_control.set_speed(math.inf)
        window.show()
        try:
            yield window
        finally:
            thread = window.worker_thread
            window.close()
            if not thread.isFinished():
                raise RuntimeError("the worker thread was still running after close()")
            # Let the timers the window armed (its delayed frame acknowledgement) run out first.
            spin(max(0.3, 10 * window.frame_seconds))
            window.deleteLater()
            QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
            QApplication.processEvents()
            del settings


def wait_until(check: Callable[[], bool], timeout: float, what: str = "condition") -> None:
    """Run the event loop until `check()` is true; RuntimeError after `timeout` seconds."""
    from PySide6.QtCore import QEventLoop, QTimer

    deadline = time.perf_counter() + timeout
    while not check():
        if time.perf_counter() > deadline:
            raise TimeoutError(f"timed out after {timeout:.0f} s waiting for {what}")
        loop = QEventLoop()
        QTimer.singleShot(5, loop.quit)
        loop.exec()


def spin(seconds: float) -> None:
    """Run the event loop for `seconds`."""
    end = time.perf_counter() + seconds
    wait_until(lambda: time.perf_counter() >= end, seconds + 60, "spin")


def trainer_of(window):
    """The worker's Trainer. Read-only use from the GUI thread: its `iteration` is a plain int."""
    return window.runner.worker.trainer


class StepClock:
    """Wraps a Trainer's `step` (on its instance) to record when each call that advanced ended.

    The wrapper runs on the worker thread; it appends to a list, which is safe under the GIL.
    """

    def __init__(self, trainer) -> None:
        self.trainer = trainer
        self.ends: list[tuple[float, int]] = []  # (perf_counter at return, iteration after)
        inner = trainer.step

        def step(n: int = 1, *args, **kwargs) -> int:
            done = inner(n, *args, **kwargs)
            if done:
                self.ends.append((time.perf_counter(), trainer.iteration))
            return done

        trainer.step = step

    def last_end(self) -> float:
        return self.ends[-1][0] if self.ends else math.nan


def headless_run(config, seconds: float) -> tuple[int, float]:
    """(iterations, seconds) of `Trainer.step` in a loop for `seconds` of wall time, on a fresh
    trainer for `config` (budget lifted), in chunks of ~10 ms (the worker's are a few ms)."""
    from spiral_gui.engine import Trainer

    trainer = Trainer(config.replace(iterations=10_000_000))
    t0 = time.perf_counter()
    trainer.step(1)
    chunk = max(1, int(0.01 / max(time.perf_counter() - t0, 1e-7)))
    begin = time.perf_counter()
    end = begin + seconds
    while True:
        trainer.step(chunk)
        now = time.perf_counter()
        if now >= end:
            break
    return trainer.iteration - 1, now - begin


@contextlib.contextmanager
def background_load(processes: int) -> Iterator[None]:
    """`processes` busy loops in child processes, as other programs keeping cores busy would be."""
    import subprocess

    children = [subprocess.Popen([sys.executable, "-c", "while True: pass"]) for _ in range(processes)]
    try:
        yield
    finally:
        for child in children:
            child.kill()
            child.wait()


def load_line(background: int = 0) -> str:
    """The machine's load averages: other processes on a 2-core machine move every figure."""
    one, five, fifteen = os.getloadavg()
    extra = f", {background} of them busy loops of this benchmark's" if background else ""
    return f"load average {one:.2f} {five:.2f} {fifteen:.2f} on {os.cpu_count()} CPUs{extra}"


def percentile(values, q: float) -> float:
    return float(np.percentile(np.asarray(values, dtype=float), q)) if len(values) else math.nan
