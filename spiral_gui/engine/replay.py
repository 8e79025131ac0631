"""Looking back: a snapshot of a timeline checkpoint instead of the live parameters.

`replay_snapshot` builds, from the trainer's data and a `Timeline` checkpoint, the same
`Snapshot` the live views draw, marked `viewing=True`: the checkpoint's parameters, decision
regions and their certainty (the same `predict_grid_probs` call as the live ones), training
accuracy, active share and the loss recorded at that iteration; `extras["timeline"]` lists
the kept iterations.
Pure NumPy; reads the trainer, never changes it.
"""

from __future__ import annotations

import math
from types import MappingProxyType

import numpy as np

from .blocks import ShouldStop, check
from .grid import GridSpec, predict_grid_probs
from .models import Params, activate
from .snapshot import Snapshot
from .status import Event, Status
from .timeline import Timeline
from .trainer import Trainer

#: Hidden-layer values per block of the accuracy pass (32 MiB of float64).
BLOCK_VALUES = 4_000_000


def checkpoint_region_probs(params: Params, grid: GridSpec, activation: str,
                            should_stop: ShouldStop | None = None) -> tuple[np.ndarray, np.ndarray]:
    """(regions, confidence) of `params`, as the live snapshots carry them (read-only uint8)."""
    regions, confidence = predict_grid_probs(params, grid, np.float32, activation, should_stop)
    regions.flags.writeable = False
    confidence.flags.writeable = False
    return regions, confidence


def accuracy_and_active(params: Params, X: np.ndarray, y: np.ndarray, activation: str,
                        should_stop: ShouldStop | None = None) -> tuple[float, float]:
    """(training accuracy, share of hidden values > 0) of `params` on X; NaN share if linear.

    Like `Trainer.evaluate`, for parameters other than the trainer's own; tanh and sigmoid mask
    nothing (share 1.0).
    """
    n = X.shape[0]
    if n == 0:
        return math.nan, math.nan
    nn = "W2" in params
    rows = max(256, BLOCK_VALUES // params["W"].shape[1])
    correct = active = 0
    with np.errstate(all="ignore"):
        for r0 in range(0, n, rows):
            if r0:
                check(should_stop)
            Xb = X[r0 : r0 + rows]
            z = Xb @ params["W"] + params["b"]
            if nn:
                hidden = activate(z, activation)
                if activation in ("relu", "leaky_relu"):
                    active += int(np.count_nonzero(hidden > 0))
                z = hidden @ params["W2"] + params["b2"]
            correct += int(np.count_nonzero(z.argmax(axis=1) == y[r0 : r0 + rows]))
    if not nn:
        return correct / n, math.nan
    relu_like = activation in ("relu", "leaky_relu")
    return correct / n, (active / (n * params["W"].shape[1]) if relu_like else 1.0)


def loss_at(trainer: Trainer, iteration: int) -> float:
    """The loss the run recorded at `iteration` (the curve's value there, computed with that
    iteration's parameters before their update); the latest loss for the current iteration."""
    if iteration >= trainer.iteration:
        return trainer.last_loss
    losses, _ = trainer.losses_since(iteration)
    return float(losses[0]) if losses.size else math.nan


def replay_snapshot(
    trainer: Trainer,
    timeline: Timeline,
    iteration: int,
    *,
    run_id: int,
    status: Status,
    event: Event,
    grid: GridSpec,
    commands: int = 0,
    should_stop: ShouldStop | None = None,
) -> Snapshot:
    """The snapshot of the kept checkpoint nearest `iteration`, marked `viewing`.

    Raises `blocks.Interrupted` when `should_stop` answers True between row blocks, and
    LookupError when the timeline is empty.
    """
    at = timeline.nearest(iteration)
    params = timeline.params_at(at)
    activation = trainer.config.activation
    regions, confidence = checkpoint_region_probs(params, grid, activation, should_stop)
    accuracy, active = accuracy_and_active(params, trainer.X, trainer.y, activation, should_stop)
    empty = np.empty(0)
    empty.flags.writeable = False
    kept = timeline.iterations
    kept.flags.writeable = False
    return Snapshot(
        run_id=run_id,
        config=trainer.config,
        status=Status(status),
        event=Event(event),
        iteration=at,
        X=trainer.X,
        y=trainer.y,
        loss_start=trainer.iteration,  # no new losses: the curve stays as it is
        losses=empty,
        data_losses=empty,
        loss=loss_at(trainer, at),
        accuracy=accuracy,
        params=params,
        regions=regions,
        confidence=confidence,
        regions_iteration=at,
        grid_rect=grid.rect,
        active_fraction=active,
        reason=trainer.reason,
        commands=commands,
        extras=MappingProxyType({"timeline": kept}),  # the kept iterations, for stepping through them
        viewing=True,
    )
