"""Frames a learner sees: how many per second, and whether each one's regions are fresh.

For the case-study size (N = 100 per class, K = 3, hidden 100) the window (offscreen, 1280×800,
built as `spiral-gui` builds it) trains at 300/s, 3,000/s and Max. Printed per speed:

- frames/s: running snapshots drawn per second of wall time;
- regions/s: region images per second (drawn frames whose regions are newer than the last);
- matching: the share of drawn frames whose regions come from the readouts' iteration;
- it/s: the iterations per second reached (against the speed asked for);
- max lag: the most iterations the regions lagged behind the readouts, and that in seconds.

At Max, also the live/headless throughput ratio, measured as benchmarks/live_view.py does:
a budget sized from a one-second headless calibration to take ~5 s, timed from Start to the
drawn "finished" frame, against `Trainer.step` in a loop for as long, half before and half
after. Bars: >= 25 frames/s and >= 95 % matching at 300/s and 3,000/s; at Max ratio >= 0.80.

    python benchmarks/frames.py                 # --seconds 5 per paced speed
"""

from __future__ import annotations

import argparse
import math
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _gui as gui  # sets the offscreen platform before anything loads Qt
import results  # benchmarks/results.py, next to this script

from spiral_gui.engine import TrainConfig
from spiral_gui.engine.status import Status

CASE_STUDY = TrainConfig()  # N = 100 per class, K = 3, hidden 100
TRAIN_SECONDS = 5.0
MAX = float("inf")


class Frames:
    """Every drawn snapshot: (perf_counter, status, iteration, regions_iteration)."""

    def __init__(self, window) -> None:
        self.rows: list[tuple[float, str, int, int]] = []
        window.snapshot_drawn.connect(self._on)

    def _on(self, snap) -> None:
        self.rows.append((time.perf_counter(), snap.status, snap.iteration, snap.regions_iteration))

    def first(self, status: str, after: float) -> tuple[float, int] | None:
        for t, s, it, _ in self.rows:
            if s == status and t >= after:
                return t, it
        return None


def summarise(rows: list[tuple[float, str, int, int]], wall: float) -> dict:
    running = [r for r in rows if r[1] == Status.RUNNING]
    new_regions, last = 0, None
    for _, _, _, reg in running:
        if reg != last:
            new_regions += 1
            last = reg
    iterations = running[-1][2] - running[0][2] if len(running) > 1 else 0
    span = running[-1][0] - running[0][0] if len(running) > 1 else math.nan
    rate = iterations / span if span else math.nan
    lag = max((it - reg for _, _, it, reg in running), default=0)
    return dict(
        fps=len(running) / wall,
        regions_per_second=new_regions / wall,
        matching=sum(it == reg for _, _, it, reg in running) / max(1, len(running)),
        rate=rate,
        max_lag=lag,
        max_lag_seconds=lag / rate if rate else math.nan,
        frames=len(running),
    )


def paced_run(rate: float, seconds: float, config: TrainConfig = CASE_STUDY) -> dict:
    """Train at `rate` for `seconds` (the budget lifted so that the run does not end)."""
    with gui.open_window(config.replace(iterations=10_000_000)) as w:
        w.resize(1280, 800)
        w.speed_control.set_speed(rate)
        gui.wait_until(lambda: w.last_snapshot is not None, 60, "the first snapshot")
        gui.spin(0.3)
        frames = Frames(w)
        t0 = time.perf_counter()
        w.toggle_running()
        gui.spin(seconds)
        t1 = time.perf_counter()
        w.toggle_running()
        gui.wait_until(lambda: frames.first(Status.PAUSED, t1) is not None, 30, "the paused frame")
        return summarise([r for r in frames.rows if r[0] <= t1], t1 - t0)


def max_run() -> dict:
    """At Max: the frames of a whole run of ~5 s, and the live/headless ratio."""
    calib_it, calib_s = gui.headless_run(CASE_STUDY, 1.0)
    budget = max(10, math.ceil(calib_it / calib_s * TRAIN_SECONDS))
    it1, s1 = gui.headless_run(CASE_STUDY, TRAIN_SECONDS / 2)
    with gui.open_window(CASE_STUDY.replace(iterations=budget)) as w:
        w.resize(1280, 800)
        w.speed_control.set_speed(MAX)
        gui.wait_until(lambda: w.last_snapshot is not None, 60, "the first snapshot")
        gui.spin(0.3)
        frames = Frames(w)
        t0 = time.perf_counter()
        w.toggle_running()
        timeout = 30 + 20 * TRAIN_SECONDS
        gui.wait_until(lambda: frames.first(Status.FINISHED, t0) is not None, timeout, "the finished frame")
        t_done, it = frames.first(Status.FINISHED, t0)
        figures = summarise(frames.rows, t_done - t0)
        finished = next(r for r in frames.rows if r[1] == Status.FINISHED)
    it2, s2 = gui.headless_run(CASE_STUDY, max(0.5, t_done - t0 - s1))
    live = it / (t_done - t0)
    headless = (it1 + it2) / (s1 + s2)
    figures.update(live_rate=live, headless_rate=headless, ratio=live / headless,
                   final_regions_fresh=float(finished[2] == finished[3]))
    return figures


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seconds", type=float, default=TRAIN_SECONDS, help="wall time per paced speed")
    ap.add_argument("--largest", action="store_true",
                    help="also the largest size the bars cover: N = 1,000 per class, hidden 200")
    gui.parse_and_run(ap, run)


def run(args: argparse.Namespace) -> None:
    app = gui.make_app()  # noqa: F841  (kept alive for the whole run)
    mode = args.blas_threads[0]
    figures: dict[str, float | list[float]] = {}
    with gui.blas_mode(mode):
        print(gui.load_line(args.background_load))
        print(f"Case-study size (N = 100 per class, K = 3, hidden 100), window 1280×800, BLAS "
              f"{gui.blas_label(mode)}")
        print("Bars: >= 25 frames/s and >= 95% matching at 300/s and 3,000/s; at Max ratio >= 0.80")
        print(f"{'speed':>8} {'frames/s':>8} {'regions/s':>9} {'matching':>8} {'it/s':>8} "
              f"{'max lag':>14}", flush=True)
        for rate in (300.0, 3000.0, MAX):
            r = paced_run(rate, args.seconds) if math.isfinite(rate) else max_run()
            name = f"{rate:,.0f}/s" if math.isfinite(rate) else "Max"
            key = f"{rate:.0f}" if math.isfinite(rate) else "max"
            print(f"{name:>8} {r['fps']:>8.1f} {r['regions_per_second']:>9.1f} {r['matching']:>8.0%} "
                  f"{r['rate']:>8,.0f} {r['max_lag']:>6,} it {1000 * r['max_lag_seconds']:>4.0f} ms",
                  flush=True)
            for field in ("fps", "regions_per_second", "matching", "rate", "max_lag_seconds"):
                figures[f"{key}_{field}"] = r[field]
            if not math.isfinite(rate):
                print(f"Max: live {r['live_rate']:,.0f} it/s, headless {r['headless_rate']:,.0f} it/s, "
                      f"ratio {r['ratio']:.2f}; the finished frame's regions "
                      f"{'are' if r['final_regions_fresh'] else 'are NOT'} from its iteration")
                figures["max_ratio"] = r["ratio"]
        if args.largest:
            largest = CASE_STUDY.replace(n=1000, hidden=200)
            print("N = 1,000 per class, K = 3, hidden 200 (the largest the bars cover)")
            for rate in (300.0, 3000.0):
                r = paced_run(rate, args.seconds, largest)
                print(f"{rate:>6,.0f}/s {r['fps']:>8.1f} {r['regions_per_second']:>9.1f} "
                      f"{r['matching']:>8.0%} {r['rate']:>8,.0f}", flush=True)
                figures[f"largest_{rate:.0f}_fps"] = r["fps"]
                figures[f"largest_{rate:.0f}_matching"] = r["matching"]
    print(gui.load_line(args.background_load))
    print(f"stored in {results.write('frames', figures)}")


if __name__ == "__main__":
    main()
