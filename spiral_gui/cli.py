"""spiral-train: the case study without a window, printing what the notebook prints.

Imports only the engine (never Qt), so it starts fast and runs on a machine without a display.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from typing import NoReturn

import numpy as np

from .engine import TrainConfig, Trainer, init_params, make_spiral
from .engine.config import FIELD_HELP, LIMITS, MODELS

#: The command-line option of each TrainConfig field.
FLAGS = {
    "model": "--model",
    "n": "--n",
    "k": "--k",
    "hidden": "--hidden",
    "step_size": "--step-size",
    "reg": "--reg",
    "iterations": "--iters",
    "seed": "--seed",
    "noise": "--noise",
}

_DEFAULT = TrainConfig()


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:  # one line, no usage block
        self.exit(2, f"spiral-train: error: {message}\n")


def _parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog="spiral-train",
        description=(
            "Train the CS231n 'minimal neural network case study' on the spiral data set, "
            "headless. 'spiral-train case-study' replays the whole notebook: the softmax linear "
            "classifier (about 49% training accuracy), then the two-layer ReLU net (about 98%)."
        ),
        epilog="Defaults reproduce the case study exactly.",
    )
    p.add_argument("--model", choices=MODELS, default=_DEFAULT.model,
                   help=_help("model", ""))
    for name, flag in FLAGS.items():
        if name == "model":
            continue
        low, high = LIMITS[name]
        kind = float if name in ("step_size", "reg", "noise") else int
        span = f"{low:g}–{high:g}" if kind is float else f"{low:,}–{high:,}"
        p.add_argument(flag, dest=name, type=kind, default=getattr(_DEFAULT, name),
                       help=_help(name, span))
    p.add_argument("--print-every", type=int, default=None, metavar="EVERY",
                   help="print the loss every EVERY iterations (default: 1000 for nn, 10 for linear)")
    return p


def _help(name: str, span: str) -> str:
    """argparse %-formats help strings: escape the text, keep the default's placeholder."""
    return FIELD_HELP[name].replace("%", "%%") + f" ({span + '; ' if span else ''}default %(default)s)"


def _train(trainer: Trainer, print_every: int, out) -> None:
    while not trainer.finished and not trainer.diverged:
        printed = trainer.losses.size
        trainer.step(print_every)
        for i in range(-(-printed // print_every) * print_every, trainer.losses.size, print_every):
            print(f"iteration {i}: loss {trainer.losses[i]:f}", file=out)
    if trainer.diverged:
        raise _DivergedError(trainer.reason or "training diverged")
    print(f"training accuracy: {trainer.accuracy():.2f}", file=out)


class _DivergedError(Exception):
    pass


def case_study(out=sys.stdout) -> None:
    """The notebook in its order, on one random stream: data, linear classifier, then the net."""
    base = TrainConfig()
    rng = np.random.RandomState(base.seed)
    X, y = make_spiral(base.n, base.k, rng, base.noise)
    print(f"data: X {X.shape}, y {y.shape}, {base.k} classes of {base.n} points", file=out)

    print("\n# softmax linear classifier", file=out)
    lin_cfg = base.replace(model="linear", iterations=200)
    linear = Trainer.from_arrays(lin_cfg, X, y, init_params("linear", base.k, base.hidden, rng))
    _train(linear, 10, out)
    with np.printoptions(precision=8, suppress=True):
        print(f"W =\n{linear.params()['W']}", file=out)

    print("\n# two-layer neural network", file=out)
    net = Trainer.from_arrays(base, X, y, init_params("nn", base.k, base.hidden, rng))
    _train(net, 1000, out)


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        if argv[:1] == ["case-study"]:
            if len(argv) > 1:
                _parser().error(f"case-study takes no options, got {' '.join(argv[1:])}")
            case_study()
            return 0
        args = _parser().parse_args(argv)
        config = TrainConfig(**{name: getattr(args, name) for name in FLAGS})
        every = args.print_every if args.print_every is not None else (1000 if config.model == "nn" else 10)
        if every < 1:
            raise ValueError(f"print-every must be at least 1, got {every}")
        _train(Trainer(config), every, sys.stdout)
    except ValueError as exc:
        print(f"spiral-train: error: {_titled(str(exc))}", file=sys.stderr)
        return 2
    except _DivergedError as exc:
        print(f"spiral-train: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # e.g. piped into `head`: stop quietly
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    return 0


def _titled(message: str) -> str:
    """Names options as the command line spells them (step_size -> --step-size)."""
    head, _, rest = message.partition(" ")
    return f"{FLAGS[head]} {rest}" if head in FLAGS else message


if __name__ == "__main__":
    sys.exit(main())
