"""spiral-train: the case study without a window, printing what the notebook prints.

Imports only the engine (never Qt), so it starts fast and runs on a machine without a display.
stdout carries the notebook's lines only; an estimate of a long run, a progress line (on a
terminal) and errors go to stderr.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import signal
import sys
import threading
import time
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

import numpy as np

from . import __version__
from .engine import TrainConfig, Trainer, init_params, make_spiral
from .engine.config import CHOICES, FIELD_CHANGE, FIELD_HELP, LIMITS, Change, fixed_k
from .engine.datasets import GENERATED
from .engine.experiment import Experiment, build_experiment
from .engine.numbers import parse_float, parse_int
from .engine.session import experiment_of, load_session, save_session, session_of
from .progress import RunProgress

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
    "print_every": "--print-every",
}

_DEFAULT = TrainConfig()

NUMBERS_HELP = (
    "Numbers: whole numbers are written with the digits 0-9 and an optional sign (1000, not "
    "1_000, 1,000 or other scripts' digits); options that take fractions (--step-size, --reg, "
    "--noise, …) also take a decimal point and an exponent (1e-3)."
)


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:  # one line, no usage block
        self.exit(2, f"spiral-train: error: {message}\n")


def _parser(given_only: bool = False) -> argparse.ArgumentParser:
    """The options; with `given_only`, options left out are absent from the result."""
    p = _Parser(
        prog="spiral-train",
        usage="%(prog)s [options]\n       %(prog)s case-study\n       %(prog)s --help | --version",
        description=(
            "Train the CS231n 'minimal neural network case study' on the spiral data set, "
            "headless. 'spiral-train case-study' replays the whole notebook: the softmax linear "
            "classifier (about 49% training accuracy), then the two-layer ReLU net (about 98%)."
        ),
        epilog="commands:\n  case-study   replay the whole notebook (takes no options)\n\n"
        "Defaults reproduce the case study exactly. " + NUMBERS_HELP,
        formatter_class=_Formatter,
    )
    p.add_argument("--version", action="version", version=f"spiral-train {__version__}")
    for name, flag in FLAGS.items():
        if name == "print_every":
            continue
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
        span = f"{low:g}–{high:g}" if isinstance(default, float) else f"{low:,}–{high:,}"
        if name == "k":  # a data set with a fixed K (xor, moons) sets it unless --k is given
            p.add_argument(flag, dest=name, default=None, metavar="K",
                           help=_help(name, span).replace("%(default)s", f"{default}, or the data set's"))
            continue
        p.add_argument(flag, dest=name, default=default, metavar=name.upper(), help=_help(name, span))
    p.add_argument("--print-every", default=None, metavar="EVERY",
                   help="print the loss every EVERY iterations (default: 1000 for nn, 10 for linear)")
    p.add_argument("--save", metavar="FILE", default=None,
                   help="write the run to a session file FILE (.spiral) when it ends, when it diverges "
                   "(with the last finite weights) or when Ctrl+C stops it; the window opens it too")
    p.add_argument("--resume", metavar="FILE", default=None,
                   help="continue the session in FILE; --iters is then the total to reach (a session at "
                   "500 with --iters 1000 runs 500 more) and the losses printed continue its sequence. "
                   "Only settings that apply live (--iters, --step-size, --reg, …) may change")
    if given_only:
        for action in p._actions:
            action.default = argparse.SUPPRESS
    return p


class _Formatter(argparse.HelpFormatter):
    """Keeps the epilog's line breaks (the commands list); wraps everything else as usual."""

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        return "\n".join(super(_Formatter, self)._fill_text(part, width, indent) if part[:1] != " "
                         else part for part in text.split("\n"))


def _help(name: str, span: str) -> str:
    """argparse %-formats help strings: escape the text, keep the default's placeholder."""
    return FIELD_HELP[name].replace("%", "%%") + f" ({span + '; ' if span else ''}default %(default)s)"


def _join_negative_values(argv: list[str], parser: argparse.ArgumentParser) -> list[str]:
    """`--n -inf` as `--n=-inf`: argparse takes a value starting with '-' for an option (and then
    says "expected one argument") unless it looks like a plain negative number."""
    known = set(parser._option_string_actions)
    out: list[str] = []
    i = 0
    while i < len(argv):
        arg = argv[i]
        if (arg in FLAGS.values() and i + 1 < len(argv) and argv[i + 1].startswith("-")
                and argv[i + 1] not in known and not argv[i + 1].startswith("--")):
            out.append(f"{arg}={argv[i + 1]}")
            i += 2
            continue
        out.append(arg)
        i += 1
    return out


def _values(given: dict) -> dict:
    """The TrainConfig fields among parsed options, numbers parsed (ValueError names the field)."""
    values = {}
    for name in FLAGS:
        if name == "print_every" or name not in given:
            continue
        raw = given[name]
        if isinstance(raw, str) and name not in CHOICES:
            low, high = LIMITS[name]
            if isinstance(getattr(_DEFAULT, name), float):
                raw = parse_float(name, raw, low, high)
            else:
                raw = parse_int(name, raw, int(low), int(high))
        values[name] = raw
    return values


def _config(args: argparse.Namespace) -> TrainConfig:
    """The validated TrainConfig of parsed arguments."""
    values = _values(vars(args))
    if values.get("k") is None:
        values["k"] = fixed_k(values["dataset"]) or _DEFAULT.k
    return TrainConfig(**values)


def _print_every(args: argparse.Namespace, config: TrainConfig) -> int:
    if args.print_every is None:
        return 1000 if config.model == "nn" else 10
    return parse_int("print_every", args.print_every, 1, int(LIMITS["iterations"][1]))


def _train(trainer: Trainer, print_every: int, out, progress: RunProgress | None = None,
           experiment: Experiment | None = None, record: bool = False) -> None:
    """Train to the budget, printing every `print_every`-th loss as the notebook does.

    With `progress`, steps in chunks of about a tenth of a second (the printed lines are the same)
    and reports each chunk and each row block to it; Ctrl+C then stops training between row
    blocks, prints the lines of every finished iteration and raises `_InterruptedError`.
    With `record`, the experiment measures its accuracies at every multiple of `print_every`
    (the session's metrics).
    """
    if record and experiment is not None:
        experiment.record()
    chunk = 1 if progress is not None else print_every
    printed = trainer.iteration  # iterations before this have had their lines printed (where due)
    with _ctrl_c_as_flag(progress is not None) as interrupted:
        while not trainer.finished and not trainer.diverged and not interrupted:
            t0 = time.monotonic()
            trainer.step(min(chunk, print_every - trainer.iteration % print_every),
                         should_stop=interrupted.__bool__,
                         on_block=progress.on_block if progress else None)
            if progress is not None:
                chunk = _next_chunk(chunk, time.monotonic() - t0)
                progress.iterations_done(trainer.iteration)
            if record and experiment is not None and not trainer.diverged \
                    and trainer.iteration % print_every == 0:
                experiment.record()
            printed = _print_losses(trainer, printed, print_every, out, progress)
        if progress is not None:
            progress.clear()
        if interrupted:
            raise _InterruptedError(trainer.iteration, trainer.config.iterations)
    if trainer.diverged:
        raise _DivergedError(trainer.reason or "training diverged")
    print(f"training accuracy: {trainer.accuracy():.2f}", file=out)
    if experiment is not None and experiment.test_count:
        print(f"test accuracy: {experiment.evaluate_test().accuracy:.2f}", file=out)


class _Flag:
    def __init__(self) -> None:
        self.up = False

    def __bool__(self) -> bool:
        return self.up


@contextlib.contextmanager
def _ctrl_c_as_flag(enabled: bool):
    """While training, Ctrl+C raises a flag that the trainer polls between row blocks (so the
    run stops at a clean point) instead of an exception in the middle of an update. A second
    Ctrl+C interrupts at once, as usual."""
    flag = _Flag()
    if not enabled or threading.current_thread() is not threading.main_thread():
        yield flag
        return

    def handler(signum, frame) -> None:
        flag.up = True
        signal.signal(signal.SIGINT, signal.default_int_handler)

    previous = signal.signal(signal.SIGINT, handler)
    try:
        yield flag
    finally:
        signal.signal(signal.SIGINT, previous)


def _print_losses(trainer: Trainer, printed: int, every: int, out, progress: RunProgress | None) -> int:
    """Print the due lines of iterations printed … now; returns the new `printed`."""
    what = "loss" if trainer.config.full_batch else "batch loss"
    first = -(-printed // every) * every
    losses, _ = trainer.losses_since(printed)
    lines = [f"iteration {i}: {what} {losses[i - printed]:f}" for i in range(first, trainer.iteration, every)]
    if lines:
        if progress is not None:
            progress.clear()
        print("\n".join(lines), file=out, flush=progress is not None)
        if progress is not None:
            progress.draw()
    return trainer.iteration


def _next_chunk(chunk: int, seconds: float) -> int:
    """Iterations for the next step() call: aim at about 0.1 s each."""
    if seconds < 0.05:
        return chunk * 2
    if seconds > 0.2 and chunk > 1:
        return chunk // 2
    return chunk


class _DivergedError(Exception):
    pass


class _InterruptedError(Exception):
    def __init__(self, iteration: int, total: int) -> None:
        super().__init__(iteration, total)
        self.iteration, self.total = iteration, total


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
    args = None
    try:
        if argv[:1] == ["case-study"]:
            if len(argv) > 1:
                _parser().error(f"case-study takes no options, got {' '.join(argv[1:])}")
            case_study()
            return 0
        parser = _parser()
        argv = _join_negative_values(argv, parser)
        args = parser.parse_args(argv)
        if args.resume is not None:
            experiment = _resumed(args, vars(_parser(given_only=True).parse_args(argv)))
        else:
            experiment = build_experiment(_config(args))
        trainer = experiment.trainer
        config = trainer.config
        every = _print_every(args, config)
        if args.save is not None:
            _check_save_path(args.save)
        progress = RunProgress(sys.stderr, trainer.iteration, config.iterations)
        try:
            _train(trainer, every, sys.stdout, progress, experiment, record=args.save is not None)
        finally:
            if args.save is not None and sys.exc_info()[0] in (None, _DivergedError, _InterruptedError):
                _save(experiment, args.save)
    except ValueError as exc:
        print(f"spiral-train: error: {_titled(str(exc))}", file=sys.stderr)
        return 2
    except _DivergedError as exc:
        print(f"spiral-train: {exc}", file=sys.stderr)
        return 1
    except _InterruptedError as exc:
        sys.stdout.flush()
        saved = args is not None and args.save
        kept = "saved to the --save file" if saved else "not kept (start it with --save FILE to keep it)"
        print(f"spiral-train: interrupted at iteration {exc.iteration:,} of {exc.total:,}; "
              f"the run was {kept}", file=sys.stderr)
        return 130
    except KeyboardInterrupt:
        print("spiral-train: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # e.g. piped into `head`: stop quietly
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    return 0


#: What a resumed run may change: what applies live, without new data or weights.
RESUME_OPTIONS = tuple(name for name, change in FIELD_CHANGE.items() if change is Change.LIVE)


def _resumed(args: argparse.Namespace, given: dict) -> Experiment:
    """The experiment of the session args.resume, with the options it allows applied."""
    fixed = [FLAGS[name] for name in FLAGS if name in given and name not in (*RESUME_OPTIONS, "print_every")]
    if fixed:
        raise ValueError(
            f"{', '.join(fixed)} cannot change when resuming: the session holds its data and weights "
            f"(only {', '.join(FLAGS[name] for name in RESUME_OPTIONS)} can)"
        )
    given = _values(given) | {k: v for k, v in given.items() if k not in FLAGS}
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
