"""What the explaining functions cost per call: at the case-study size and at h=4096, N=1000/class.

Prints the median of a few calls in milliseconds for each function a view calls per frame (or
per click), on the current parameters of a briefly trained run. No pass/fail: the figures depend
on the machine; compare them with a frame (~33 ms at 30 snapshots a second).

    python benchmarks/explain_engine.py            # both sizes, ~1 min
    python benchmarks/explain_engine.py --small    # the case-study size only, a few seconds
"""

from __future__ import annotations

import argparse
import statistics
import time

from spiral_gui.engine import TrainConfig, Trainer
from spiral_gui.engine.gradcheck import gradient_check, incremental_losses
from spiral_gui.engine.grid import GridSpec
from spiral_gui.engine.inspect import inspect_point
from spiral_gui.engine.stepper import IterationStepper
from spiral_gui.engine.units import diagnose, unit_detail, unit_lines, unit_stats, unit_thumbnails


def _median_ms(fn, repeats: int) -> float:
    fn()  # warm
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return 1000 * statistics.median(times)


def measure(config: TrainConfig, train: int, repeats: int) -> dict[str, float]:
    trainer = Trainer(config)
    trainer.step(train)
    p, X, y = trainer.params(), trainer.X, trainer.y
    rect = GridSpec.over(X).rect
    reg, step = config.reg, config.step_size

    def iteration():
        s = IterationStepper.from_config(config, X, y, p)
        s.run_to_end()

    cases = {
        "unit_lines": lambda: unit_lines(p, rect),
        "unit_stats": lambda: unit_stats(p, X),
        "diagnose (with unit_stats)": lambda: diagnose(p, X, y, step_size=step, reg=reg, iteration=1),
        "unit_detail": lambda: unit_detail(p, X, y, 0, reg=reg, step_size=step, rect=rect),
        "unit_thumbnails 32x32, all": lambda: unit_thumbnails(p, rect, 32),
        "inspect_point": lambda: inspect_point(p, X, y, index=X.shape[0] // 2),
        "stepper, whole iteration": iteration,
        "gradient_check (incremental)": lambda: gradient_check(
            p, X, y, reg, point_losses=incremental_losses(p, X, y)
        ),
    }
    return {name: _median_ms(fn, repeats) for name, fn in cases.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--small", action="store_true", help="only the case-study size")
    args = parser.parse_args()
    sizes = [("case study: h=100, 300 points", TrainConfig(), 300, 5)]
    if not args.small:
        sizes.append(("h=4096, N=1000/class (3000 points)", TrainConfig(hidden=4096, n=1000), 20, 3))
    results = [(title, measure(cfg, train, repeats)) for title, cfg, train, repeats in sizes]
    names = list(results[0][1])
    width = max(map(len, names)) + 2
    print("ms per call (median)".ljust(width) + "".join(f"{t:>40}" for t, _ in results))
    for name in names:
        print(name.ljust(width) + "".join(f"{r[name]:>40.2f}" for _, r in results))


if __name__ == "__main__":
    main()
