"""The engine's trainer against the notebook's loop written plainly, on the same data and weights.

Prints microseconds per iteration and the speed-up, in this process (interleaved rounds, as the
app runs: warm) and, with --fresh, in a new process per measurement (cold caches, first calls).
Also checks that both produce the same losses.

    python benchmarks/engine.py                 # case-study size and N = 10,000 per class
    python benchmarks/engine.py --sweep         # N = 100 … 100,000 per class × hidden 10 … 1,000
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time

import numpy as np
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


def setup(n: int, hidden: int):
    cfg = TrainConfig(n=n, hidden=hidden, iterations=10_000_000)
    rng = np.random.RandomState(cfg.seed)
    X, y = make_spiral(cfg.n, cfg.k, rng, cfg.noise)
    params = init_params("nn", cfg.k, cfg.hidden, rng)
    return cfg, X, y, params


def iters_for(n: int, hidden: int) -> int:
    """Enough iterations for about 0.2 s of work per round."""
    return int(max(5, min(2000, 3e7 / (3 * n * max(hidden, 10)))))


def measure(n: int, hidden: int, rounds: int = 5) -> tuple[float, float]:
    """Median microseconds per iteration (plain, engine), rounds interleaved in one process."""
    cfg, X, y, params = setup(n, hidden)
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


def same_losses(n: int, hidden: int, iters: int = 100) -> float:
    """Largest relative difference between the two loops' losses over `iters` iterations."""
    cfg, X, y, params = setup(n, hidden)
    ref: list[float] = []
    notebook_loop(X, y, params, cfg.step_size, cfg.reg, iters, ref)
    trainer = Trainer.from_arrays(cfg, X, y, params)
    trainer.step(iters)
    return float(np.max(np.abs(trainer.losses - ref) / np.abs(ref)))


def fresh(n: int, hidden: int, which: str) -> float:
    """Microseconds per iteration of one loop, first run in a new process."""
    code = (
        "import sys, time; sys.path.insert(0, '.'); import benchmarks.engine as b; "
        f"cfg, X, y, p = b.setup({n}, {hidden}); it = b.iters_for({n}, {hidden}); "
        "tr = b.Trainer.from_arrays(cfg, X, y, p); t = time.perf_counter(); "
        + ("b.notebook_loop(X, y, p, cfg.step_size, cfg.reg, it)" if which == "plain" else "tr.step(it)")
        + "; print((time.perf_counter() - t) / it * 1e6)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return float(out.stdout.strip())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sweep", action="store_true", help="N × hidden grid instead of the two headline sizes")
    ap.add_argument("--no-fresh", action="store_true", help="skip the fresh-process measurements")
    ap.add_argument("--json", help="also write the rows to this file")
    args = ap.parse_args()
    sizes = (
        [(n, h) for n in (100, 1_000, 10_000, 100_000) for h in (10, 100, 1_000)]
        if args.sweep
        else [(100, 100), (10_000, 100)]
    )
    rows = []
    print(f"{'N/class':>8} {'hidden':>6} {'plain µs':>10} {'engine µs':>10} {'ratio':>6} "
          f"{'fresh ratio':>11} {'max rel. loss diff':>18}")
    for n, h in sizes:
        if 3 * n * h * 8 * 4 > 2**31:
            continue
        plain, engine = measure(n, h)
        fresh_ratio = float("nan")
        if not args.no_fresh and n * h <= 1_000_000:
            fp = statistics.median(fresh(n, h, "plain") for _ in range(3))
            fe = statistics.median(fresh(n, h, "engine") for _ in range(3))
            fresh_ratio = fp / fe
        diff = same_losses(n, h) if n * h <= 1_000_000 else float("nan")
        rows.append(dict(n=n, hidden=h, plain_us=plain, engine_us=engine, ratio=plain / engine,
                         fresh_ratio=fresh_ratio, max_rel_loss_diff=diff))
        print(f"{n:>8,} {h:>6} {plain:>10.1f} {engine:>10.1f} {plain / engine:>6.2f} "
              f"{fresh_ratio:>11.2f} {diff:>18.1e}", flush=True)
    if args.json:
        with open(args.json, "w") as f:
            json.dump(rows, f, indent=1)
    if not args.sweep:
        figures = {}
        for row in rows:
            n = row["n"]
            figures[f"ratio_n{n}"] = row["ratio"]
            if row["fresh_ratio"] == row["fresh_ratio"]:  # not NaN
                figures[f"fresh_ratio_n{n}"] = row["fresh_ratio"]
            figures[f"max_rel_loss_diff_n{n}"] = row["max_rel_loss_diff"]
        print(f"stored in {results.write('engine', figures)}")


if __name__ == "__main__":
    main()
