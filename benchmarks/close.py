"""How long closing the window takes at the largest configurations the memory budget accepts.

For each configuration, three moments to close at (each in a fresh window):
  first picture  1.5 s after the window is shown: the worker is building the trainer, the first
                 decision grid or the first evaluation pass;
  step           Step pressed once the first picture is drawn, close 1.5 s later: one long
                 iteration is in progress;
  training       Start pressed, close 1.5 s later.
Reported is the wall time of `window.close()` (saving the settings, interrupting the worker,
quitting its thread and waiting for it; the thread is never terminated). A moment whose first
picture takes longer than --first-timeout is skipped.

    python benchmarks/close.py                 # all configurations below
    python benchmarks/close.py --quick         # the two smaller ones only
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _gui as gui  # selects the offscreen platform before Qt is imported

from spiral_gui.engine.config import TrainConfig, format_bytes, working_set_bytes

CONFIGS = [
    TrainConfig(n=200_000, k=3, hidden=4096, iterations=10),
    TrainConfig(n=1_000_000, k=3, hidden=1000, iterations=10),
    TrainConfig(model="linear", n=1_000_000, k=16, iterations=10),
    TrainConfig(n=1_000_000, k=15, hidden=4096, iterations=10),
]
MOMENTS = ("first picture", "step", "training")
WAIT = 1.5


def close_once(config: TrainConfig, moment: str, first_timeout: float) -> float | None:
    from PySide6.QtCore import QThread

    terminated: list[QThread] = []
    original = QThread.terminate
    QThread.terminate = lambda self: terminated.append(self)  # type: ignore[method-assign]
    try:
        with gui.open_window(config) as w:
            if moment != "first picture":
                try:
                    gui.wait_until(lambda: w.last_snapshot is not None, first_timeout, "the first picture")
                except TimeoutError:
                    return None
                (w.step_button if moment == "step" else w.start_button).click()
            gui.spin(WAIT)
            began = time.perf_counter()
            w.close()
            seconds = time.perf_counter() - began
            if not w.worker_thread.isFinished():
                raise RuntimeError("the worker thread was still running after close()")
    finally:
        QThread.terminate = original  # type: ignore[method-assign]
    if terminated:
        raise RuntimeError("close() terminated a thread")
    return seconds


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="only the first two configurations")
    ap.add_argument("--first-timeout", type=float, default=60.0, metavar="S",
                    help="skip a moment whose first picture takes longer than this (default 60)")
    args = ap.parse_args()
    app = gui.make_app()  # noqa: F841
    with gui.blas_mode("app"):  # BLAS held to one thread, as the app does
        run(args)


def run(args: argparse.Namespace) -> None:
    configs = CONFIGS[:2] if args.quick else CONFIGS
    worst = 0.0
    print(f"{'configuration':<44} {'memory':>10} " + " ".join(f"{m:>14}" for m in MOMENTS))
    for config in configs:
        name = f"{config.model} N={config.n:,} K={config.k}" + (
            f" hidden={config.hidden}" if config.model == "nn" else ""
        )
        cells = []
        for moment in MOMENTS:
            seconds = close_once(config, moment, args.first_timeout)
            cells.append("skipped" if seconds is None else f"{1000 * seconds:.0f} ms")
            worst = max(worst, seconds or 0.0)
        print(f"{name:<44} {format_bytes(working_set_bytes(config)):>10} "
              + " ".join(f"{c:>14}" for c in cells), flush=True)
    print(f"longest close: {1000 * worst:.0f} ms (no thread terminated)")
    print(gui.load_line())


if __name__ == "__main__":
    main()
