"""The engine's trainer against the notebook's loop written plainly, on the same data and weights.

Prints microseconds per iteration and the speed-up, in this process (interleaved rounds, as the
app runs: warm) and, with --fresh, in a new process per measurement (cold caches, first calls),
for float64 (the notes' exact run) and float32 (the fast mode). Also checks that both produce
the same losses (float32: how close). Then: iterations to 98% training accuracy with the notes'
gradient descent and with Adam; the cost of a batch-256 iteration at N = 1,000,000 per class;
late vs early iteration cost with subnormal weights.

    python benchmarks/engine.py                 # case-study size and N = 10,000 per class
    python benchmarks/engine.py --sweep         # N = 100 … 100,000 per class × hidden 10 … 1,000
    python benchmarks/engine.py --subnormal     # late vs early iteration cost at reg 0.1 only
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time

import numpy as np

try:  # imported as benchmarks.engine (its fresh-process measurements do), or run as a script
    from . import results
except ImportError:
    import results  # benchmarks/results.py, next to this script

from spiral_gui.engine import TrainConfig, Trainer, init_params, make_spiral


def notebook_loop(X, y, params, step_size, reg, iters, losses=None):
    """The case study's two-layer loop, line for line as the notes write it."""
    W, b, W2, b2 = (params[k].copy() for k in ("W", "b", "W2", "b2"))
    num_examples = X.shape[0]
    for _ in range(iters):
        hidden_layer = np.maximum(0, np.dot(X, W) + b)
        scores = np.dot(hidden_layer, W2) + b2
        exp_scores = np.exp(scores)
        probs = exp_scores / np.sum(exp_scores, axis=1, keepdims=True)
        correct_logprobs = -np.log(probs[range(num_examples), y])
        data_loss = np.sum(correct_logprobs) / num_examples
        reg_loss = 0.5 * reg * np.sum(W * W) + 0.5 * reg * np.sum(W2 * W2)
        loss = data_loss + reg_loss
        if losses is not None:
            losses.append(loss)
        dscores = probs
        dscores[range(num_examples), y] -= 1
        dscores /= num_examples
        dW2 = np.dot(hidden_layer.T, dscores)
        db2 = np.sum(dscores, axis=0, keepdims=True)
        dhidden = np.dot(dscores, W2.T)
        dhidden[hidden_layer <= 0] = 0
        dW = np.dot(X.T, dhidden)
        db = np.sum(dhidden, axis=0, keepdims=True)
        dW2 += reg * W2
        dW += reg * W
        W += -step_size * dW
        b += -step_size * db
        W2 += -step_size * dW2
        b2 += -step_size * db2
    return loss


def setup(n: int, hidden: int, dtype: str = "float64"):
    cfg = TrainConfig(n=n, hidden=hidden, iterations=10_000_000, dtype=dtype)
    rng = np.random.RandomState(cfg.seed)
    X, y = make_spiral(cfg.n, cfg.k, rng, cfg.noise)
    params = init_params("nn", cfg.k, cfg.hidden, rng)
    return cfg, X, y, params


def iters_for(n: int, hidden: int) -> int:
    """Enough iterations for about 0.2 s of work per round."""
    return int(max(5, min(2000, 3e7 / (3 * n * max(hidden, 10)))))


def measure(n: int, hidden: int, dtype: str = "float64", rounds: int = 5) -> tuple[float, float]:
    """Median microseconds per iteration (plain, engine), rounds interleaved in one process."""
    cfg, X, y, params = setup(n, hidden, dtype)
    iters = iters_for(n, hidden)
    plain, engine = [], []
    trainer = Trainer.from_arrays(cfg, X, y, params)
    notebook_loop(X, y, params, cfg.step_size, cfg.reg, 2)  # warm both
    trainer.step(2)
    for _ in range(rounds):
        trainer.reset()
        t = time.perf_counter()
        notebook_loop(X, y, params, cfg.step_size, cfg.reg, iters)
        plain.append((time.perf_counter() - t) / iters * 1e6)
        t = time.perf_counter()
        trainer.step(iters)
        engine.append((time.perf_counter() - t) / iters * 1e6)
    return statistics.median(plain), statistics.median(engine)


def same_losses(n: int, hidden: int, dtype: str = "float64", iters: int = 100) -> float:
    """Largest relative difference between the two loops' losses over `iters` iterations."""
    cfg, X, y, params = setup(n, hidden, dtype)
    ref: list[float] = []
    notebook_loop(X, y, params, cfg.step_size, cfg.reg, iters, ref)
    trainer = Trainer.from_arrays(cfg, X, y, params)
    trainer.step(iters)
    return float(np.max(np.abs(trainer.losses - ref) / np.abs(ref)))


def fresh(n: int, hidden: int, which: str, dtype: str = "float64") -> float:
    """Microseconds per iteration of one loop, first run in a new process."""
    code = (
        "import sys, time; sys.path.insert(0, '.'); import benchmarks.engine as b; "
        f"cfg, X, y, p = b.setup({n}, {hidden}, {dtype!r}); it = b.iters_for({n}, {hidden}); "
        "tr = b.Trainer.from_arrays(cfg, X, y, p); t = time.perf_counter(); "
        + ("b.notebook_loop(X, y, p, cfg.step_size, cfg.reg, it)" if which == "plain" else "tr.step(it)")
        + "; print((time.perf_counter() - t) / it * 1e6)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return float(out.stdout.strip())


def late_vs_early(flush_every: int | None = None) -> tuple[float, float]:
    """µs per iteration over iterations 0–5k and 10k–20k of the case study with reg 0.1.

    From about iteration 6,000 on the dead units' weights are below the smallest normal float;
    without the trainer's flush they stay there as subnormals and every iteration gets slower.
    `flush_every` overrides the trainer's sweep period (a huge value turns it off).
    """
    from spiral_gui.engine import trainer as trainer_module

    saved = trainer_module.FLUSH_EVERY
    if flush_every is not None:
        trainer_module.FLUSH_EVERY = flush_every
    try:
        cfg, X, y, params = setup(100, 100)
        trainer = Trainer.from_arrays(cfg.replace(reg=0.1), X, y, params)
        t = time.perf_counter()
        trainer.step(5_000)
        early = (time.perf_counter() - t) / 5_000 * 1e6
        trainer.step(5_000)
        t = time.perf_counter()
        trainer.step(10_000)
        late = (time.perf_counter() - t) / 10_000 * 1e6
    finally:
        trainer_module.FLUSH_EVERY = saved
    return early, late


def iterations_to(config: TrainConfig, target: float = 0.98, every: int = 10) -> int | None:
    """First multiple of `every` iterations at which the training accuracy reaches `target`."""
    trainer = Trainer(config)
    while not trainer.finished and not trainer.diverged:
        trainer.step(every)
        if trainer.accuracy() >= target:
            return trainer.iteration
    return None


def print_optimizers() -> None:
    print(f"{'case study, to 98% training accuracy':<40} {'iterations':>10}")
    for label, cfg in (
        ("notes: sgd, step_size 1", TrainConfig()),
        ("adam, step_size 0.1", TrainConfig(optimizer="adam", step_size=0.1)),
        ("adam, step_size 0.01", TrainConfig(optimizer="adam", step_size=0.01)),
    ):
        print(f"{label:<40} {iterations_to(cfg) or 'not in 10,000':>10}", flush=True)


def print_float32_difference(iters: int = 1000) -> None:
    a, b = Trainer(TrainConfig()), Trainer(TrainConfig(dtype="float32"))
    a.step(iters)
    b.step(iters)
    print(f"case study, loss at iteration {iters - 1}: float64 {a.losses[-1]:.6f}, float32 "
          f"{b.losses[-1]:.6f}, difference {b.losses[-1] - a.losses[-1]:+.2e}")
    a.step(10_000)
    b.step(10_000)
    print(f"at iteration {a.iteration - 1:,}: float64 {a.losses[-1]:.6f}, float32 {b.losses[-1]:.6f}; "
          f"training accuracy float64 {a.accuracy():.4f}, float32 {b.accuracy():.4f}")
    jumps = [np.flatnonzero(np.diff(t.losses[:1100]) > 0.05).tolist() for t in (a, b)]
    gap = float(np.abs(b.losses - a.losses).max())
    print(f"(the notes' run has loss spikes, rises > 0.05 at iterations {jumps[0]} in float64, "
          f"{jumps[1]} in float32; as they land a few iterations apart the two differ by up to {gap:.2f})")


def print_batches(n: int = 1_000_000, batch: int = 256, iters: int = 200) -> None:
    """µs per batch iteration at N per class; the first (the epoch's order and the full loss) apart."""
    trainer = Trainer(TrainConfig(n=n, batch_size=batch, iterations=10_000_000))
    t = time.perf_counter()
    trainer.step(1)
    first = time.perf_counter() - t
    t = time.perf_counter()
    trainer.step(iters)
    each = (time.perf_counter() - t) / iters * 1e6
    print(f"N {n:,}/class, batch {batch}: {each:,.0f} µs per iteration after the first; the first "
          f"(epoch order + full training loss over {3 * n:,} examples) {first:.2f} s; "
          f"full loss recorded every {trainer.full_loss_period:,} iterations")


def print_subnormal() -> None:
    print(f"{'reg 0.1, N 100, h 100':<24} {'0–5k µs':>8} {'10k–20k µs':>10} {'late/early':>10}")
    for label, every in (("flushed (the trainer)", None), ("never flushed", 10**12)):
        early, late = late_vs_early(every)
        print(f"{label:<24} {early:>8.1f} {late:>10.1f} {late / early:>10.2f}", flush=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sweep", action="store_true", help="N × hidden grid instead of the two headline sizes")
    ap.add_argument("--no-fresh", action="store_true", help="skip the fresh-process measurements")
    ap.add_argument("--json", help="also write the rows to this file")
    ap.add_argument("--subnormal", action="store_true",
                    help="only the late-vs-early iteration cost with reg 0.1 (subnormal weights)")
    ap.add_argument("--quick", action="store_true",
                    help="only the headline ratios (no fresh processes, optimizers, batches or subnormals)")
    args = ap.parse_args()
    if args.subnormal:
        print_subnormal()
        return
    sizes = (
        [(n, h) for n in (100, 1_000, 10_000, 100_000) for h in (10, 100, 1_000)]
        if args.sweep
        else [(100, 100), (10_000, 100)]
    )
    rows = []
    print(f"{'N/class':>8} {'hidden':>6} {'dtype':>7} {'plain µs':>10} {'engine µs':>10} {'ratio':>6} "
          f"{'fresh ratio':>11} {'max rel. loss diff':>18}")
    for n, h in sizes:
        if 3 * n * h * 8 * 4 > 2**31:
            continue
        for dtype in ("float64", "float32"):
            plain, engine = measure(n, h, dtype)
            fresh_ratio = float("nan")
            if not (args.no_fresh or args.quick) and n * h <= 1_000_000:
                fp = statistics.median(fresh(n, h, "plain") for _ in range(3))
                fe = statistics.median(fresh(n, h, "engine", dtype) for _ in range(3))
                fresh_ratio = fp / fe
            diff = same_losses(n, h, dtype) if n * h <= 1_000_000 else float("nan")
            rows.append(dict(n=n, hidden=h, dtype=dtype, plain_us=plain, engine_us=engine,
                             ratio=plain / engine, fresh_ratio=fresh_ratio, max_rel_loss_diff=diff))
            print(f"{n:>8,} {h:>6} {dtype:>7} {plain:>10.1f} {engine:>10.1f} {plain / engine:>6.2f} "
                  f"{fresh_ratio:>11.2f} {diff:>18.1e}", flush=True)
    if args.json:
        with open(args.json, "w") as f:
            json.dump(rows, f, indent=1)
    if not args.sweep:
        figures = {}
        for row in rows:
            n = f"{row['n']}" + ("" if row["dtype"] == "float64" else f"_{row['dtype']}")
            figures[f"ratio_n{n}"] = row["ratio"]
            if row["fresh_ratio"] == row["fresh_ratio"]:  # not NaN
                figures[f"fresh_ratio_n{n}"] = row["fresh_ratio"]
            figures[f"max_rel_loss_diff_n{n}"] = row["max_rel_loss_diff"]
        print(f"stored in {results.write('engine', figures)}")
    if args.quick or args.sweep:
        return
    print()
    print_float32_difference()
    print()
    print_optimizers()
    print()
    print_batches()
    print()
    print_subnormal()


if __name__ == "__main__":
    main()
