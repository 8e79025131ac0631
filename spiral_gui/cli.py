"""spiral-train: the case study without a window, printing what the notebook prints.

Imports only the engine (never Qt), so it starts fast and runs on a machine without a display.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from .engine import TrainConfig, Trainer, init_params, make_spiral
from .engine.config import CHOICES, FIELD_CHANGE, FIELD_HELP, LIMITS, Change, fixed_k
from .engine.datasets import GENERATED
from .engine.experiment import Experiment, build_experiment
from .engine.session import experiment_of, load_session, save_session, session_of

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
    "batch_size": "--batch-size",
    "optimizer": "--optimizer",
    "momentum": "--momentum",
    "beta1": "--beta1",
    "beta2": "--beta2",
    "decay_rate": "--decay-rate",
    "eps": "--eps",
    "activation": "--activation",
    "init": "--init",
    "dtype": "--dtype",
    "skip_mask": "--skip-mask",
    "dataset": "--dataset",
    "test_fraction": "--test-fraction",
}

_DEFAULT = TrainConfig()


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one line, no usage block
        self.exit(2, f"spiral-train: error: {message}\n")


def _parser(given_only: bool = False) -> argparse.ArgumentParser:
    """The options; with `given_only`, options left out are absent from the result."""
    p = _Parser(
        prog="spiral-train",
        description=(
            "Train the CS231n 'minimal neural network case study' on the spiral data set, "
            "headless. 'spiral-train case-study' replays the whole notebook: the softmax linear "
            "classifier (about 49% training accuracy), then the two-layer ReLU net (about 98%)."
        ),
        epilog="Defaults reproduce the case study exactly.",
    )
    for name, flag in FLAGS.items():
        default = getattr(_DEFAULT, name)
        if name in CHOICES:
            # Custom data comes from the window or a session, not from the seed.
            choices = GENERATED if name == "dataset" else CHOICES[name]
            p.add_argument(flag, dest=name, choices=choices, default=default, help=_help(name, ""))
            continue
        if isinstance(default, bool):
            p.add_argument(flag, dest=name, action="store_true",
                           help=FIELD_HELP[name].replace("%", "%%") + " (off by default)")
            continue
        low, high = LIMITS[name]
        kind = float if isinstance(default, float) else int
        span = f"{low:g}–{high:g}" if kind is float else f"{low:,}–{high:,}"
        default = getattr(_DEFAULT, name)
        if name == "k":  # a data set with a fixed K (xor, moons) sets it unless --k is given
            p.add_argument(flag, dest=name, type=kind, default=None,
                           help=_help(name, span).replace("%(default)s", f"{default}, or the data set's"))
            continue
        p.add_argument(flag, dest=name, type=kind, default=default, help=_help(name, span))
    p.add_argument("--print-every", type=int, default=None, metavar="EVERY",
                   help="print the loss every EVERY iterations (default: 1000 for nn, 10 for linear)")
    p.add_argument("--save", metavar="FILE", default=None,
                   help="write the run to a session file FILE (.spiral) when it ends, or when it diverges "
                   "(with the last finite weights); the window opens it too")
    p.add_argument("--resume", metavar="FILE", default=None,
                   help="continue the session in FILE; --iters is then the total to reach (a session at "
                   "500 with --iters 1000 runs 500 more) and the losses printed continue its sequence. "
                   "Only --iters, --step-size and --reg may change")
    if given_only:
        for action in p._actions:
            action.default = argparse.SUPPRESS
    return p


def _help(name: str, span: str) -> str:
    """argparse %-formats help strings: escape the text, keep the default's placeholder."""
    return FIELD_HELP[name].replace("%", "%%") + f" ({span + '; ' if span else ''}default %(default)s)"


def _train(trainer: Trainer, print_every: int, out, experiment: Experiment | None = None,
           record: bool = False) -> None:
    """Train to the budget, printing every `print_every`-th loss; with `record`, measure the
    accuracies at every multiple of `print_every` (the session's metrics)."""
    what = "loss" if trainer.config.full_batch else "batch loss"
    if record and experiment is not None:
        experiment.record()
    while not trainer.finished and not trainer.diverged:
        start = trainer.iteration
        trainer.step(print_every - start % print_every)
        if record and experiment is not None and not trainer.diverged:
            experiment.record()
        losses, _ = trainer.losses_since(start)
        for i in range(-(-start // print_every) * print_every, trainer.iteration, print_every):
            print(f"iteration {i}: {what} {losses[i - start]:f}", file=out)
    if trainer.diverged:
        raise _DivergedError(trainer.reason or "training diverged")
    print(f"training accuracy: {trainer.accuracy():.2f}", file=out)
    if experiment is not None and experiment.test_count:
        print(f"test accuracy: {experiment.evaluate_test().accuracy:.2f}", file=out)


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
        if args.resume is not None:
            experiment = _resumed(args, vars(_parser(given_only=True).parse_args(argv)))
        else:
            values = {name: getattr(args, name) for name in FLAGS}
            if values["k"] is None:
                values["k"] = fixed_k(values["dataset"]) or _DEFAULT.k
            experiment = build_experiment(TrainConfig(**values))
        config = experiment.config
        every = args.print_every if args.print_every is not None else (1000 if config.model == "nn" else 10)
        if every < 1:
            raise ValueError(f"print-every must be at least 1, got {every}")
        if args.save is not None:
            _check_save_path(args.save)
        try:
            _train(experiment.trainer, every, sys.stdout, experiment, record=args.save is not None)
        finally:
            if args.save is not None and sys.exc_info()[0] in (None, _DivergedError):
                _save(experiment, args.save)
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


#: What a resumed run may change: what applies live, without new data or weights.
RESUME_OPTIONS = tuple(name for name, change in FIELD_CHANGE.items() if change is Change.LIVE)


def _resumed(args: argparse.Namespace, given: dict) -> Experiment:
    """The experiment of the session args.resume, with the options it allows applied."""
    fixed = [FLAGS[name] for name in FLAGS if name in given and name not in RESUME_OPTIONS]
    if fixed:
        raise ValueError(
            f"{', '.join(fixed)} cannot change when resuming: the session holds its data and weights "
            f"(only {', '.join(FLAGS[name] for name in RESUME_OPTIONS)} can)"
        )
    experiment = experiment_of(load_session(args.resume))
    trainer = experiment.trainer
    live = {name: given[name] for name in RESUME_OPTIONS if name in given and name != "iterations"}
    if live:
        trainer.set_hyper(**live)
    total = given.get("iterations", trainer.config.iterations)
    if total < trainer.iteration:
        raise ValueError(
            f"--iters {total:,} is below the session's iteration {trainer.iteration:,}: "
            "--iters counts the total iterations to reach"
        )
    trainer.set_budget(total)
    return experiment


def _check_save_path(path: str) -> None:
    """Refuse a path the session could not be written to before training, not after."""
    target = Path(path)
    if target.is_dir():
        raise ValueError(f"--save {path} is a folder; give a file name such as run.spiral")
    if not target.resolve().parent.is_dir():
        raise ValueError(f"--save {path}: the folder {target.parent} does not exist")


def _save(experiment: Experiment, path: str) -> None:
    try:
        save_session(path, session_of(experiment))
    except OSError as exc:
        raise ValueError(f"cannot save the session to {path}: {exc.strerror or exc}") from None


def _titled(message: str) -> str:
    """Names options as the command line spells them (step_size -> --step-size)."""
    head, _, rest = message.partition(" ")
    return f"{FLAGS[head]} {rest}" if head in FLAGS else message


if __name__ == "__main__":
    sys.exit(main())
