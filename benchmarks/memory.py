"""Peak memory at the largest configuration the engine accepts for K = 3, hidden = 100.

The largest N per class is found from TrainConfig itself (its LIMITS and MEMORY_BUDGET_BYTES).
Each measurement is a fresh process, so the peak (VmHWM, the kernel's resident high-water mark;
ru_maxrss agrees) is that configuration's alone: the headless trainer, and the window (offscreen,
built as `spiral-gui` builds it) training ~20 iterations through its worker thread (fewer if
they would take longer than --max-seconds: at the largest size one iteration takes seconds).
N = 100 rows give each mode's fixed cost, so "above base" is what the data and the training
buffers take, to compare with the engine's own working_set_bytes estimate.

    python benchmarks/memory.py                        # 20 iterations or 45 s, whichever first
    python benchmarks/memory.py --iterations 50 --max-seconds 600
    python benchmarks/memory.py --engine               # estimate vs peak for the largest configurations

--engine builds the trainer in a fresh process for each of a list of large configurations (the
largest linear one, the net in float64 and float32, mini-batches with Adam) and runs 2
iterations; "above base" subtracts a fresh process that does the same at N = 1 (interpreter,
NumPy, the engine). The engine's working_set_bytes must be at least that.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve()
MIB = 1024 * 1024


def largest_n(k: int, hidden: int) -> int:
    """The largest N per class that TrainConfig accepts (acceptance falls off monotonically in N)."""
    from spiral_gui.engine.config import LIMITS, TrainConfig

    def ok(n: int) -> bool:
        try:
            TrainConfig(n=n, k=k, hidden=hidden)
        except ValueError:
            return False
        return True

    lo, hi = int(LIMITS["n"][0]), int(LIMITS["n"][1])
    if not ok(lo):
        raise ValueError(f"no N is accepted for K = {k}, hidden = {hidden}")
    while lo < hi:
        mid = (lo + hi + 1) // 2
        lo, hi = (mid, hi) if ok(mid) else (lo, mid - 1)
    return lo


def peak_memory() -> dict:
    import resource

    status = Path("/proc/self/status").read_text().splitlines()
    kb = {ln.split(":")[0]: int(ln.split()[1]) for ln in status if ln.startswith(("VmHWM", "VmRSS"))}
    return dict(hwm=kb["VmHWM"] * 1024, rss=kb["VmRSS"] * 1024,
                maxrss=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024)


def child(mode: str, n: int, hidden: int, iterations: int, max_seconds: float) -> None:
    """Train up to `iterations`, stopping early after `max_seconds` (every buffer is allocated
    by the end of the first iteration and the first snapshot, so the peak is reached by then)."""
    from spiral_gui.engine.config import TrainConfig
    from spiral_gui.engine.status import Status

    cfg = TrainConfig(n=n, k=3, hidden=hidden, iterations=iterations)
    t0 = time.perf_counter()
    if mode == "headless":
        from spiral_gui.engine import Trainer

        trainer = Trainer(cfg)
        while trainer.iteration < iterations and time.perf_counter() - t0 < max_seconds:
            trainer.step(1)
        trainer.accuracy()
        done = trainer.iteration
    else:
        sys.path.insert(0, str(HERE.parent))
        import _gui as gui

        app = gui.make_app()  # noqa: F841
        with gui.open_window(cfg) as w:
            gui.wait_until(lambda: w.last_snapshot is not None, 300, "the first snapshot")
            w.toggle_running()
            gui.wait_until(
                lambda: w.last_snapshot.status == Status.FINISHED
                or (w.last_snapshot.status == Status.RUNNING and w.last_snapshot.iteration >= 1
                    and time.perf_counter() - t0 >= max_seconds),
                max_seconds + 600, "the finished snapshot (or the time limit)")
            if w.last_snapshot.status == Status.RUNNING:
                w.toggle_running()
                gui.wait_until(lambda: w.last_snapshot.status == Status.PAUSED, 600, "the paused snapshot")
            gui.spin(0.2)
            done = w.last_snapshot.iteration
    out = peak_memory() | dict(iterations=done, seconds=time.perf_counter() - t0)
    print("RESULT " + json.dumps(out), flush=True)


#: Configurations measured by --engine (TrainConfig keyword arguments).
ENGINE_CASES = [
    dict(model="linear", n=1_000_000, k=16),
    dict(n=1_000_000, k=3, hidden=100),
    dict(n=1_000_000, k=3, hidden=100, dtype="float32"),
    dict(n=1_000_000, k=3, hidden=100, batch_size=256, optimizer="adam"),
    dict(n=200_000, k=5, hidden=1000, optimizer="adam"),
]


def engine_child(spec: str) -> None:
    from spiral_gui.engine import Trainer
    from spiral_gui.engine.config import TrainConfig

    t0 = time.perf_counter()
    trainer = Trainer(TrainConfig(**json.loads(spec)))
    trainer.step(2)
    out = peak_memory() | dict(iterations=trainer.iteration, seconds=time.perf_counter() - t0)
    print("RESULT " + json.dumps(out), flush=True)


def run_engine_child(kwargs: dict) -> dict:
    cmd = [sys.executable, str(HERE), "--engine-child", json.dumps(kwargs)]
    out = subprocess.run(cmd, capture_output=True, text=True, timeout=900)
    lines = [ln for ln in out.stdout.splitlines() if ln.startswith("RESULT ")]
    if out.returncode != 0 or not lines:
        raise RuntimeError(f"{kwargs} failed ({out.returncode}):\n{out.stdout}\n{out.stderr}")
    return json.loads(lines[-1][7:])


def engine_main() -> None:
    from spiral_gui.engine.config import TrainConfig, working_set_bytes

    base = run_engine_child(dict(n=1, k=3, hidden=100))["hwm"]
    print(f"base (N = 1): {base / MIB:.1f} MiB")
    print(f"{'configuration':<58} {'seconds':>7} {'peak MiB':>9} {'above base':>10} "
          f"{'estimate MiB':>12} {'est./above':>10}", flush=True)
    for kwargs in ENGINE_CASES:
        try:
            est = working_set_bytes(TrainConfig(**kwargs))
        except ValueError as exc:
            print(f"{json.dumps(kwargs):<58} refused: {exc}")
            continue
        r = run_engine_child(kwargs)
        above = r["hwm"] - base
        print(f"{json.dumps(kwargs):<58} {r['seconds']:>7.1f} {r['hwm'] / MIB:>9.1f} {above / MIB:>10.1f} "
              f"{est / MIB:>12.1f} {est / above:>10.2f}", flush=True)


def run_child(mode: str, n: int, hidden: int, iterations: int, max_seconds: float) -> dict:
    cmd = [sys.executable, str(HERE), "--child", mode, "--n", str(n), "--hidden", str(hidden),
           "--iterations", str(iterations), "--max-seconds", str(max_seconds)]
    out = subprocess.run(cmd, capture_output=True, text=True, timeout=900)
    lines = [ln for ln in out.stdout.splitlines() if ln.startswith("RESULT ")]
    if out.returncode != 0 or not lines:
        raise RuntimeError(f"{mode} N={n} failed ({out.returncode}):\n{out.stdout}\n{out.stderr}")
    if "QThread: Destroyed while thread is still running" in out.stderr:
        raise RuntimeError("the worker thread outlived the window")
    return json.loads(lines[-1][7:])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--hidden", type=int, default=100)
    ap.add_argument("--iterations", type=int, default=20)
    ap.add_argument("--max-seconds", type=float, default=45.0,
                    help="stop training earlier than --iterations after this long (per process)")
    ap.add_argument("--child", choices=["headless", "window"], help=argparse.SUPPRESS)
    ap.add_argument("--n", type=int, help=argparse.SUPPRESS)
    ap.add_argument("--engine", action="store_true",
                    help="the engine alone: estimate vs peak for a list of large configurations")
    ap.add_argument("--engine-child", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.engine_child:
        engine_child(args.engine_child)
        return
    if args.engine:
        engine_main()
        return
    if args.child:
        child(args.child, args.n, args.hidden, args.iterations, args.max_seconds)
        return

    from spiral_gui.engine.config import MEMORY_BUDGET_BYTES, TrainConfig, working_set_bytes

    n_max = largest_n(3, args.hidden)
    estimate = working_set_bytes(TrainConfig(n=n_max, k=3, hidden=args.hidden))
    print(f"Largest accepted N per class at K = 3, hidden = {args.hidden}: {n_max:,} "
          f"({3 * n_max:,} examples); working_set_bytes = {estimate / MIB:,.1f} MiB "
          f"(budget {MEMORY_BUDGET_BYTES / MIB:,.0f} MiB)")
    print(f"{'mode':<9} {'N/class':>8} {'iters':>6} {'seconds':>7} {'peak MiB':>9} {'maxrss MiB':>10} "
          f"{'above base':>10} {'estimate MiB':>12} {'above/est.':>10}", flush=True)
    for mode in ("headless", "window"):
        base = None
        for n in (100, n_max):
            r = run_child(mode, n, args.hidden, args.iterations, args.max_seconds)
            est = working_set_bytes(TrainConfig(n=n, k=3, hidden=args.hidden))
            if base is None:
                base = r["hwm"]
            above = r["hwm"] - base
            ratio = f"{above / est:>10.2f}" if n != 100 else f"{'':>10}"
            print(f"{mode:<9} {n:>8,} {r['iterations']:>6} {r['seconds']:>7.1f} {r['hwm'] / MIB:>9.1f} "
                  f"{r['maxrss'] / MIB:>10.1f} {above / MIB:>10.1f} {est / MIB:>12.1f} {ratio}", flush=True)


if __name__ == "__main__":
    main()
