"""spiral-train: the case study without a window, printing what the notebook prints.

Imports only the engine (never Qt), so it starts fast and runs on a machine without a display.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

import numpy as np

from .engine import TrainConfig, Trainer, init_params, make_spiral
from .engine.config import FIELD_TITLES, LIMITS

_DEFAULT = TrainConfig()


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one line, no usage block
        self.exit(2, f"spiral-train: error: {message}\n")


def _parser() -> argparse.ArgumentParser:
    lim = LIMITS
    p = _Parser(
        prog="spiral-train",
        description=(
            "Train the CS231n 'minimal neural network case study' on the spiral data set, "
            "headless. 'spiral-train case-study' replays the whole notebook: the softmax linear "
            "classifier (about 49% training accuracy), then the two-layer ReLU net (about 98%)."
        ),
        epilog="Defaults reproduce the case study exactly.",
    )
    p.add_argument("--model", choices=("linear", "nn"), default=_DEFAULT.model,
                   help="'linear': softmax classifier W, b; 'nn': two-layer net with a ReLU hidden "
                        "layer (default %(default)s)")
    p.add_argument("--n", type=int, default=_DEFAULT.n,
                   help=f"N, points per class ({lim['n'][0]}–{lim['n'][1]:,}; default %(default)s)")
    p.add_argument("--k", type=int, default=_DEFAULT.k,
                   help=f"K, classes / spiral arms ({lim['k'][0]}–{lim['k'][1]}; default %(default)s)")
    p.add_argument("--hidden", type=int, default=_DEFAULT.hidden,
                   help="h, hidden layer size of the net (default %(default)s)")
    p.add_argument("--step-size", type=float, default=_DEFAULT.step_size,
                   help="step_size, the gradient-descent learning rate (default %(default)s)")
    p.add_argument("--reg", type=float, default=_DEFAULT.reg,
                   help="reg, L2 regularisation strength: loss += 0.5*reg*sum(W*W) (default %(default)s)")
    p.add_argument("--iters", type=int, default=_DEFAULT.iterations,
                   help="number of full-batch gradient-descent iterations (default %(default)s)")
    p.add_argument("--seed", type=int, default=_DEFAULT.seed,
                   help="seed of the one random stream that draws the data, then the weights "
                        "(default %(default)s)")
    p.add_argument("--noise", type=float, default=_DEFAULT.noise,
                   help="theta noise: scale of the randn added to each point's angle (default %(default)s)")
    p.add_argument("--print-every", type=int, default=None, metavar="K",
                   help="print the loss every K iterations (default: 1000 for nn, 10 for linear)")
    return p


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
        config = TrainConfig(model=args.model, n=args.n, k=args.k, hidden=args.hidden,
                             step_size=args.step_size, reg=args.reg, seed=args.seed,
                             noise=args.noise, iterations=args.iters)
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
    flags = {"iterations": "--iters", "step_size": "--step-size"}
    if head in FIELD_TITLES:
        return f"{flags.get(head, '--' + head)} {rest}"
    return message


if __name__ == "__main__":
    sys.exit(main())
