"""Training speed with the live window against the headless engine, and how fast Pause takes.

For each size the window (offscreen, built as `spiral-gui` builds it) trains a fixed iteration
budget, sized from a one-second headless calibration so that it takes ~5 s, timed from Start to
the drawn "finished" frame. `Trainer.step` runs in a loop, headless, for the same wall time in
total, half before and half after the window (so that a drifting machine load weighs on both).
The ratio is window / headless iterations per second (the issue's bar: >= 0.80 at the defaults).
Each pair runs --repeats times (3), the BLAS settings taking turns; the table shows medians and
the range of the ratio.

Pause latency (N = 10,000 per class by default): while the window trains, `toggle_running()` is
called ~10 times at random moments; reported are the time until the worker's trainer stops
advancing (end of its last `step` call) and until a snapshot with status "paused" is drawn.

--blas-threads: OpenBLAS's thread count is process-global, so it holds for the worker thread
and the headless loop alike. `app` (the default) keeps the app's own choice (its worker holds
BLAS to one thread); `default` is OpenBLAS's default (one thread per core); a number runs
everything under threadpoolctl.threadpool_limits(number). Give several to compare in one run:

    python benchmarks/live_view.py                             # as the app runs
    python benchmarks/live_view.py --blas-threads 1            # BLAS held to one thread
    python benchmarks/live_view.py --blas-threads default 1    # both, and which is faster
    python benchmarks/live_view.py --blas-threads default 1 --background-load 1  # a core kept busy
"""

from __future__ import annotations

import argparse
import math
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _gui as gui  # sets the offscreen platform before anything loads Qt

from spiral_gui.engine import TrainConfig
from spiral_gui.engine.status import Status

TRAIN_SECONDS = 5.0  # target wall time of the window's run (>= 4 s while it keeps >= 80 % of headless)


class Recorder:
    """Every drawn snapshot: (perf_counter when drawn, status, iteration)."""

    def __init__(self, window) -> None:
        self.frames: list[tuple[float, str, int]] = []
        self.costs: list[float] = []  # the window's measured cost of the previous frame (draw + paint)
        self._window = window
        window.snapshot_drawn.connect(self._on)

    def _on(self, snap) -> None:
        self.frames.append((time.perf_counter(), snap.status, snap.iteration))
        if snap.status == Status.RUNNING and len(self.frames) > 1:
            self.costs.append(self._window.frame_seconds)

    def first(self, status: str, after: float) -> tuple[float, int] | None:
        for t, s, it in self.frames:
            if s == status and t >= after:
                return t, it
        return None


def window_run(config: TrainConfig, budget: int) -> dict:
    """Train `budget` iterations in the window; wall time from Start to the finished frame."""
    with gui.open_window(config.replace(iterations=budget)) as w:
        gui.wait_until(lambda: w.last_snapshot is not None, 60, "the first snapshot")
        gui.spin(0.3)  # let the first paint and layout settle
        threads = gui.blas_threads()  # in effect while the window trains
        rec = Recorder(w)
        clock = gui.StepClock(gui.trainer_of(w))
        t0 = time.perf_counter()
        w.toggle_running()
        timeout = 30 + 20 * TRAIN_SECONDS
        gui.wait_until(lambda: rec.first(Status.FINISHED, t0) is not None, timeout, "the finished snapshot")
        t_done, it = rec.first(Status.FINISHED, t0)
        running = [f for f in rec.frames if f[1] == Status.RUNNING]
        wall = t_done - t0
        return dict(
            iterations=it,
            wall=wall,
            rate=it / wall,
            train_rate=it / (clock.last_end() - t0),  # up to the last step, without the final frame
            fps=len(running) / wall,
            frame_ms=1000 * statistics.median(rec.costs) if rec.costs else math.nan,
            threads=threads,
        )


def pause_latency(config: TrainConfig, pauses: int, seed: int = 1) -> dict:
    """Pause `pauses` times at random moments of training; latencies in seconds."""
    rnd = random.Random(seed)
    stop, drawn, stale = [], [], 0
    with gui.open_window(config.replace(iterations=10_000_000)) as w:
        gui.wait_until(lambda: w.last_snapshot is not None, 60, "the first snapshot")
        rec = Recorder(w)
        trainer = gui.trainer_of(w)
        clock = gui.StepClock(trainer)
        for _ in range(pauses):
            t_start = time.perf_counter()
            w.toggle_running()
            gui.wait_until(lambda t=t_start: rec.first(Status.RUNNING, t) is not None, 60, "a running frame")
            gui.spin(rnd.uniform(0.3, 0.8))
            t_req = time.perf_counter()
            w.toggle_running()
            gui.wait_until(lambda t=t_req: rec.first(Status.PAUSED, t) is not None, 60, "a paused frame")
            t_drawn, it = rec.first(Status.PAUSED, t_req)
            gui.spin(0.1)
            if trainer.iteration != it:
                stale += 1  # the trainer went on after the paused frame: would be a bug
            stop.append(max(0.0, clock.last_end() - t_req))
            drawn.append(t_drawn - t_req)
    return dict(stop=stop, drawn=drawn, stale=stale)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="+", default=[100, 10_000], metavar="N",
                    help="points per class (default: 100 10000)")
    ap.add_argument("--hidden", type=int, default=100)
    ap.add_argument("--pause-n", type=int, default=10_000, help="N per class of the pause test (0: skip)")
    ap.add_argument("--pauses", type=int, default=10)
    ap.add_argument("--repeats", type=int, default=3, help="window/headless pairs per size and setting")
    gui.parse_and_run(ap, run)


def run(args: argparse.Namespace) -> None:
    app = gui.make_app()  # noqa: F841  (kept alive for the whole run)
    labels = {}
    for mode in args.blas_threads:
        with gui.blas_mode(mode):
            labels[mode] = gui.blas_label(mode)
    print(gui.load_line(args.background_load))
    print(f"Live window vs headless engine, iterations per second, median of {args.repeats} "
          "(issue bar: ratio >= 0.80 at the defaults)")
    print(f"{'BLAS':>9} {'N/class':>8} {'budget':>8} {'window s':>8} {'window it/s':>11} "
          f"{'headless it/s':>13} {'ratio':>6} {'ratio range':>11} {'frames/s':>8} {'frame ms':>8}",
          flush=True)
    budgets: dict[tuple[str, int], int] = {}
    runs: dict[tuple[str, int], list[dict]] = {(m, n): [] for n in args.sizes for m in args.blas_threads}
    for rep in range(args.repeats):
        for n in args.sizes:
            cfg = TrainConfig(n=n, hidden=args.hidden, k=3)
            # The BLAS settings take turns, in alternating order, so that drift in the machine's
            # load does not favour one of them.
            for mode in args.blas_threads[:: -1 if rep % 2 else 1]:
                with gui.blas_mode(mode):
                    if (mode, n) not in budgets:
                        calib_it, calib_s = gui.headless_run(cfg, 1.0)
                        budgets[mode, n] = max(10, math.ceil(calib_it / calib_s * TRAIN_SECONDS))
                    # Headless halves before and after the window, together as long as the
                    # window ran, so that a change in load weighs on both sides alike.
                    it1, s1 = gui.headless_run(cfg, TRAIN_SECONDS / 2)
                    win = window_run(cfg, budgets[mode, n])
                    it2, s2 = gui.headless_run(cfg, max(0.5, win["wall"] - s1))
                    win["headless"] = (it1 + it2) / (s1 + s2)
                    win["ratio"] = win["rate"] / win["headless"]
                    runs[mode, n].append(win)
    rows = []
    for mode in args.blas_threads:
        for n in args.sizes:
            rs = runs[mode, n]
            med = {k: statistics.median(r[k] for r in rs) for k in rs[0]}
            if {r["threads"] for r in rs} != {int(labels[mode].split("=")[-1])}:
                print(f"note: BLAS threads during training were {sorted({r['threads'] for r in rs})}")
            lo, hi = min(r["ratio"] for r in rs), max(r["ratio"] for r in rs)
            rows.append(dict(mode=mode, n=n, window=med["rate"], headless=med["headless"]))
            print(f"{labels[mode]:>9} {n:>8,} {budgets[mode, n]:>8,} {med['wall']:>8.2f} "
                  f"{med['rate']:>11,.1f} {med['headless']:>13,.1f} {med['ratio']:>6.2f} "
                  f"{f'{lo:.2f}-{hi:.2f}':>11} {med['fps']:>8.1f} {med['frame_ms']:>8.1f}", flush=True)

    pauses = []
    if args.pause_n:
        for mode in args.blas_threads:
            with gui.blas_mode(mode):
                lat = pause_latency(TrainConfig(n=args.pause_n, hidden=args.hidden, k=3), args.pauses)
                pauses.append((labels[mode], lat))

    if pauses:
        print(f"\nPause latency at N = {args.pause_n:,} per class, {args.pauses} pauses (ms from "
              "toggle_running())")
        print(f"{'BLAS':>9} {'stop median':>11} {'stop max':>8} {'drawn median':>12} {'drawn max':>9} "
              f"{'ran on':>6}")
        for label, lat in pauses:
            print(f"{label:>9} {1000 * statistics.median(lat['stop']):>11.1f} "
                  f"{1000 * max(lat['stop']):>8.1f} {1000 * statistics.median(lat['drawn']):>12.1f} "
                  f"{1000 * max(lat['drawn']):>9.1f} {lat['stale']:>6}")
        print("stop: until the trainer's last step returned; drawn: until the 'paused' frame was "
              "drawn; ran on: pauses after which the trainer still advanced")

    print(gui.load_line(args.background_load))
    if len(args.blas_threads) > 1:
        print("Faster BLAS setting per size (medians; window it/s; headless it/s):")
        for n in args.sizes:
            by = [r for r in rows if r["n"] == n]
            best_w = max(by, key=lambda r: r["window"])
            best_h = max(by, key=lambda r: r["headless"])
            detail = ", ".join(f"{r['mode']}: {r['window']:,.1f}; {r['headless']:,.1f}" for r in by)
            print(f"  N = {n:>6,}: window fastest with {best_w['mode']}, headless fastest with "
                  f"{best_h['mode']}  ({detail})")


if __name__ == "__main__":
    main()
