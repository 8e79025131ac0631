"""How long the GUI thread makes events wait while the window trains (issue bar: p99 <= 50 ms).

Two probes run on the GUI thread's event loop during training, after a warm-up:

- timer: a precise single-shot QTimer of 20 ms, re-armed on every timeout; the delay is how late
  each timeout came (what a repaint or an animation sees);
- posted: a plain Python thread posts a custom QEvent for every 20 ms slot, stamped with the
  slot's time (as the window system queues input, including slots it missed while waiting for
  the GIL); the delay is from the slot's time to handling on the GUI thread.

A short idle measurement (window open, not training) comes first, for reference.
--blas-threads works as in live_view.py: `app` (the default) keeps the app's own BLAS setting,
`default` is OpenBLAS's default, a number is threadpool_limits(number), process-global.

    python benchmarks/responsiveness.py                       # N = 100 and 100,000 per class
    python benchmarks/responsiveness.py --blas-threads default 1    # OpenBLAS default vs one thread
    python benchmarks/responsiveness.py --blas-threads default 1 --background-load 1  # a core kept busy
    python benchmarks/responsiveness.py --sizes 10000 --seconds 20
    python benchmarks/responsiveness.py --sizes 100 --hidden 4096 --units   # unit lines and gallery on
"""

from __future__ import annotations

import argparse
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _gui as gui  # sets the offscreen platform before anything loads Qt
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer

from spiral_gui.engine import TrainConfig
from spiral_gui.engine.status import Status

PERIOD = 0.020
_EVENT_TYPE = QEvent.Type(QEvent.registerEventType())


class _Stamped(QEvent):
    def __init__(self, posted: float) -> None:
        super().__init__(_EVENT_TYPE)
        self.posted = posted


class Probes(QObject):
    """Both probes; `delays[name]` collects seconds while `recording` is set."""

    def __init__(self) -> None:
        super().__init__()
        self.delays: dict[str, list[float]] = {"timer": [], "posted": []}
        self.recording = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(int(PERIOD * 1000))
        self._timer.timeout.connect(self._on_timer)
        self._armed = 0.0
        self._stop = threading.Event()
        self._poster = threading.Thread(target=self._post_loop, name="event-poster", daemon=True)

    def start(self) -> None:
        self._armed = time.perf_counter()
        self._timer.start()
        self._poster.start()

    def stop(self) -> None:
        self._timer.stop()
        self._stop.set()
        self._poster.join()
        QCoreApplication.removePostedEvents(self, _EVENT_TYPE)

    def reset(self, recording: bool) -> None:
        self.recording = recording
        for v in self.delays.values():
            v.clear()

    def _on_timer(self) -> None:
        now = time.perf_counter()
        if self.recording:
            self.delays["timer"].append(now - self._armed - PERIOD)
        self._armed = now
        self._timer.start()

    def _post_loop(self) -> None:
        """One event per 20 ms slot, stamped with the slot's time; slots missed while this thread
        waited for the GIL are posted on waking, so that a stall counts as input piling up."""
        due = time.perf_counter() + PERIOD
        while not self._stop.wait(max(0.0, due - time.perf_counter())):
            now = time.perf_counter()
            while due <= now:
                QCoreApplication.postEvent(self, _Stamped(due))
                due += PERIOD

    def event(self, ev: QEvent) -> bool:
        if ev.type() == _EVENT_TYPE:
            if self.recording:
                self.delays["posted"].append(time.perf_counter() - ev.posted)
            return True
        return super().event(ev)


def summary(values: list[float]) -> tuple[int, float, float, float]:
    ms = [1000 * v for v in values]
    return len(ms), gui.percentile(ms, 50), gui.percentile(ms, 99), max(ms, default=float("nan"))


def measure(n: int, hidden: int, seconds: float, idle_seconds: float, units: bool = False) -> list[tuple]:
    rows = []
    probes = Probes()
    with gui.open_window(TrainConfig(n=n, k=3, hidden=hidden, iterations=10_000_000)) as w:
        gui.wait_until(lambda: w.last_snapshot is not None, 120, "the first snapshot")
        if units:  # the hidden-unit lines on the plot and the unit gallery on screen
            w.units.units_check.setChecked(True)
            w.units.tabs.setCurrentWidget(w.units.units_view)
        probes.start()
        try:
            gui.spin(0.5)
            if idle_seconds > 0:
                probes.reset(True)
                gui.spin(idle_seconds)
                for name, v in probes.delays.items():
                    rows.append((n, "idle", name, *summary(v)))
            probes.reset(False)
            drawn = []
            w.snapshot_drawn.connect(lambda s: drawn.append((time.perf_counter(), s.status)))
            w.toggle_running()
            gui.wait_until(lambda: any(st == Status.RUNNING for _, st in drawn), 120, "a running frame")
            gui.spin(1.0)  # warm-up: first frames, scatter set-up
            it0 = gui.trainer_of(w).iteration
            probes.reset(True)
            t0 = time.perf_counter()
            gui.spin(seconds)
            elapsed = time.perf_counter() - t0
            probes.recording = False
            iters = gui.trainer_of(w).iteration - it0
            frames = sum(1 for t, st in drawn if t >= t0 and st == Status.RUNNING)
            for name, v in probes.delays.items():
                rows.append((n, f"training ({iters / elapsed:,.0f} it/s, {frames / elapsed:.1f} fps)",
                             name, *summary(v)))
        finally:
            probes.stop()
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="+", default=[100, 100_000], metavar="N",
                    help="points per class (default: 100 100000)")
    ap.add_argument("--hidden", type=int, default=100)
    ap.add_argument("--seconds", type=float, default=10.0, help="measured training time per size")
    ap.add_argument("--idle-seconds", type=float, default=2.0)
    ap.add_argument("--units", action="store_true", help="with the unit lines and the unit gallery shown")
    gui.parse_and_run(ap, run)


def run(args: argparse.Namespace) -> None:
    app = gui.make_app()  # noqa: F841
    print(gui.load_line(args.background_load))
    print("Event delay on the GUI thread while training (ms; issue bar: p99 <= 50 ms)")
    print(f"{'BLAS':>9} {'N/class':>8} {'state':<34} {'probe':<7} {'events':>6} {'p50':>7} {'p99':>7} "
          f"{'max':>7}", flush=True)
    for mode in args.blas_threads:
        with gui.blas_mode(mode):
            label = gui.blas_label(mode)
            for n in args.sizes:
                for row in measure(n, args.hidden, args.seconds, args.idle_seconds, args.units):
                    n_, state, probe, count, p50, p99, mx = row
                    print(f"{label:>9} {n_:>8,} {state:<34} {probe:<7} {count:>6} {p50:>7.1f} "
                          f"{p99:>7.1f} {mx:>7.1f}", flush=True)
    print(gui.load_line(args.background_load))


if __name__ == "__main__":
    main()
