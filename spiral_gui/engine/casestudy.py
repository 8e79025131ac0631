"""The notes' printed figures as data, and how a run compares with them.

Two printed runs: the softmax linear classifier's loss every 10 iterations (seed 0: a run of
this application with the case study's configuration must reproduce it to 6 decimals), and the
two-layer net's loss every 1000 iterations as printed in the learner's own notebook, whose random
draw differs from the seed-0 stream (so it is a run to compare with, never a figure to match).
Pure data and arithmetic: no Qt, no trainer.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, fields

import numpy as np

from .config import TrainConfig


@dataclass(frozen=True, slots=True)
class PrintedRun:
    """A printed loss log: (iteration, loss) rows with `decimals` decimals."""

    model: str
    rows: tuple[tuple[int, float], ...]
    accuracy: float  # the printed training accuracy at the end
    iterations: int  # the run's length
    same_draw: bool  # True: same data and weights as seed 0 here, so the rows must match
    decimals: int = 6


#: The notes' softmax linear classifier, seed 0, N=100, K=3: 200 iterations, loss every 10.
LINEAR_RUN = PrintedRun(
    model="linear",
    rows=(
        (0, 1.096919), (10, 0.917310), (20, 0.851535), (30, 0.822352), (40, 0.807594),
        (50, 0.799452), (60, 0.794683), (70, 0.791765), (80, 0.789921), (90, 0.788726),
        (100, 0.787937), (110, 0.787408), (120, 0.787049), (130, 0.786803), (140, 0.786633),
        (150, 0.786514), (160, 0.786431), (170, 0.786373), (180, 0.786331), (190, 0.786302),
    ),
    accuracy=0.49,
    iterations=200,
    same_draw=True,
)

#: The learner's notebook's two-layer net (a different random draw): 10,000 iterations, loss
#: every 1000, with its one-off overshoot at iteration 6000.
NET_RUN = PrintedRun(
    model="nn",
    rows=(
        (0, 1.098513), (1000, 0.303631), (2000, 0.266166), (3000, 0.262572), (4000, 0.251706),
        (5000, 0.257814), (6000, 1.925122), (7000, 0.250567), (8000, 0.250313), (9000, 0.250620),
    ),
    accuracy=0.98,
    iterations=10_000,
    same_draw=False,
)

PRINTED_RUNS: dict[str, PrintedRun] = {"linear": LINEAR_RUN, "nn": NET_RUN}

#: The case study's configuration; `hidden` applies to the net only.
CASE_STUDY: dict[str, object] = {
    "seed": 0,
    "n": 100,
    "k": 3,
    "noise": 0.2,
    "step_size": 1.0,
    "reg": 1e-3,
    "hidden": 100,
}
#: Fields that do not decide whether a run is the case study's (the budget only says how far
#: it goes). Any other field must have its default value, which reproduces the case study.
NOT_COMPARED = ("model", "iterations")


def is_case_study(config: TrainConfig) -> bool:
    """True when `config` draws the case study's data and weights and trains them as the notes do."""
    defaults = TrainConfig(model=config.model)
    for f in fields(config):
        name = f.name
        if name in NOT_COMPARED or (name == "hidden" and config.model != "nn"):
            continue
        expected = CASE_STUDY[name] if name in CASE_STUDY else getattr(defaults, name)
        if getattr(config, name) != expected:
            return False
    return True


@dataclass(frozen=True, slots=True)
class Checkpoint:
    """One printed row against this run.

    `ours` is this run's loss at that iteration (None until reached); `matches` says whether it
    prints the same to the printed run's decimals (None until reached, and always None when the
    printed run is a different random draw: then the two are only shown side by side).
    """

    iteration: int
    printed: float
    ours: float | None
    matches: bool | None

    @property
    def reached(self) -> bool:
        return self.ours is not None

    @property
    def difference(self) -> float | None:
        return None if self.ours is None else self.ours - self.printed


@dataclass(frozen=True, slots=True)
class Comparison:
    run: PrintedRun
    checkpoints: tuple[Checkpoint, ...]

    @property
    def same_draw(self) -> bool:
        return self.run.same_draw

    @property
    def reached(self) -> tuple[Checkpoint, ...]:
        return tuple(c for c in self.checkpoints if c.reached)

    @property
    def latest(self) -> Checkpoint | None:
        """The last printed row this run has reached, e.g. for "iteration 190, 0.786302 = 0.786302"."""
        reached = self.reached
        return reached[-1] if reached else None

    @property
    def all_match(self) -> bool | None:
        """Every reached row matches (None before the first row, or for a different draw)."""
        if not self.same_draw or not self.reached:
            return None
        return all(c.matches for c in self.reached)


def compare_run(run: PrintedRun, losses: np.ndarray, loss_start: int = 0) -> Comparison:
    """Hold `losses` (losses[i] is the loss at iteration loss_start + i) against `run`'s rows."""
    losses = np.asarray(losses, dtype=np.float64)
    out = []
    for iteration, printed in run.rows:
        i = iteration - loss_start
        if 0 <= i < len(losses) and math.isfinite(losses[i]):
            ours = float(losses[i])
            same = f"{ours:.{run.decimals}f}" == f"{printed:.{run.decimals}f}"
            out.append(Checkpoint(iteration, printed, ours, same if run.same_draw else None))
        else:
            out.append(Checkpoint(iteration, printed, None, None))
    return Comparison(run, tuple(out))


def compare(config: TrainConfig, losses: np.ndarray, loss_start: int = 0) -> Comparison | None:
    """The comparison with the notes for a case-study configuration; None for any other."""
    if not is_case_study(config):
        return None
    return compare_run(PRINTED_RUNS[config.model], losses, loss_start)
