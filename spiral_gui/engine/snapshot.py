"""What the window is shown of a training run at one moment: immutable, safe across threads.

The worker thread builds a `Snapshot` from its trainer and hands it to the GUI thread, whose
views draw only from it. Every array in it is either a fresh copy or one the trainer never
writes again (the data), and all are marked read-only so that a mistake raises at once
instead of racing with training. A snapshot states facts (status, event, numbers, the engine's
divergence reason); the window words them. No Qt here.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from .blocks import ShouldStop
from .config import TrainConfig
from .extras import EMPTY, compute
from .grid import GridSpec, predict_grid_probs
from .models import Params
from .status import Event, Status
from .trainer import Trainer


def _empty_full_losses() -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    arrays = (np.zeros(0, np.int64), np.zeros(0), np.zeros(0))
    for a in arrays:
        a.flags.writeable = False
    return arrays


_NO_FULL_LOSSES = _empty_full_losses()


@dataclass(frozen=True, slots=True)
class Snapshot:
    run_id: int  # increases on every reset or new configuration (the loss view starts afresh)
    config: TrainConfig  # with the live settings (step_size, reg, iterations) as they are now
    status: Status  # where the run stands
    event: Event  # what last changed it (the window words status and event together)
    iteration: int
    X: np.ndarray  # (N*K, 2) data, read-only, shared for the whole run
    y: np.ndarray  # (N*K,) uint8 labels
    loss_start: int  # iteration of losses[0]; losses before it were in earlier snapshots
    losses: np.ndarray  # total loss per iteration since the previous snapshot
    data_losses: np.ndarray  # the data (cross-entropy) part of the same
    loss: float  # the latest loss (NaN before the first iteration)
    accuracy: float  # training accuracy of the current parameters
    params: Params  # read-only copies, named as in the notes
    regions: np.ndarray  # (rows, cols) uint8 argmax class per grid cell; row 0 = lowest y
    regions_iteration: int  # the iteration `regions` was computed at
    grid_rect: tuple[float, float, float, float]  # (x, y, width, height) the regions cover
    active_fraction: float  # share of hidden units with ReLU output > 0 (gradient passes); NaN if linear
    reason: str | None = None  # why training diverged, in the engine's words; None while healthy
    iterations_per_second: float = 0.0
    grid_period: float = 0.0  # seconds between decision-grid refreshes while training
    commands: int = 0  # commands the worker had handled when it took this (stale-snapshot filter)
    extras: Mapping[str, Any] = field(default_factory=lambda: EMPTY)  # what open views asked for
    # The experiment around the trainer (experiment.py); None/NaN/empty where a snapshot is
    # taken of a bare trainer. X and y above are the training rows only.
    points: np.ndarray | None = None  # (n, 2) every point, held out or not, in the data's order
    labels: np.ndarray | None = None  # (n,) their labels
    held_out: np.ndarray | None = None  # (n,) bool, True where the point is held out (test)
    X_test: np.ndarray | None = None  # the held-out points and labels (points[held_out])
    y_test: np.ndarray | None = None
    test_accuracy: float = math.nan  # of the last measurement, taken with a decision grid
    test_loss: float = math.nan  # data loss on the held-out points, same measurement
    metrics_start: int = 0  # index in the run's measurements of metrics' first row
    metrics: Mapping[str, np.ndarray] = field(default_factory=lambda: EMPTY)  # MetricsLog rows since
    # Mini-batches: (iterations, total, data) of the full training loss recorded since
    # `loss_start` (Trainer.full_losses); empty with full batches, where `losses` is that loss.
    full_losses: tuple[np.ndarray, np.ndarray, np.ndarray] = field(default_factory=lambda: _NO_FULL_LOSSES)
    mean_slope: float = math.nan  # mean activation derivative over the hidden values; NaN if linear
    # (rows, cols) uint8: how sure the model is of `regions` per cell (grid.predict_grid_probs:
    # 0 where all classes tie, 255 where sure), from the same iteration; None if not computed
    confidence: np.ndarray | None = None
    #: A replay of the timeline checkpoint at `iteration` (engine/replay.py), not the live run:
    #: params, regions, loss and accuracy are the checkpoint's; it carries no new losses.
    viewing: bool = False


def _frozen(a: np.ndarray) -> np.ndarray:
    a.flags.writeable = False
    return a


def region_probs_for(
    trainer: Trainer, grid: GridSpec, should_stop: ShouldStop | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """(regions, confidence) of the trainer's current parameters, read-only, in float32
    (`grid.predict_grid_probs`). Raises `blocks.Interrupted` if `should_stop` answers True
    between chunks of rows."""
    classes, confidence = predict_grid_probs(
        trainer.params(), grid, np.float32, trainer.config.activation, should_stop=should_stop
    )
    return _frozen(classes), _frozen(confidence)


def take_snapshot(
    trainer: Trainer,
    *,
    run_id: int,
    status: Status,
    event: Event,
    loss_start: int,
    grid: GridSpec,
    regions: np.ndarray | None = None,
    regions_iteration: int = 0,
    confidence: np.ndarray | None = None,
    iterations_per_second: float = 0.0,
    grid_period: float = 0.0,
    commands: int = 0,
    should_stop: ShouldStop | None = None,
    extras: Iterable[str] = (),
) -> Snapshot:
    """Copy out of `trainer` what the views need. Pass `regions` (and its `confidence`) to
    reuse an earlier grid; without them both are computed now.

    The grid and the evaluation pass poll `should_stop` between row blocks and raise
    `blocks.Interrupted` when it answers True. `extras`: names of engine/extras.py functions
    whose results the snapshot carries in `extras`.
    """
    if regions is None:
        regions, confidence = region_probs_for(trainer, grid, should_stop)
        regions_iteration = trainer.iteration
    accuracy, active, slope = trainer.evaluation(should_stop)
    computed = compute(trainer, extras, should_stop)
    losses, data_losses = trainer.losses_since(loss_start)
    full_iterations, full_total, full_data = trainer.full_losses(loss_start)
    params = trainer.params()
    return Snapshot(
        run_id=run_id,
        config=trainer.config,
        status=Status(status),
        event=Event(event),
        iteration=trainer.iteration,
        X=trainer.X,
        y=trainer.y,
        loss_start=loss_start,
        losses=_frozen(losses),
        data_losses=_frozen(data_losses),
        loss=trainer.last_loss,
        accuracy=accuracy,
        params=params,
        regions=regions,
        regions_iteration=regions_iteration,
        grid_rect=grid.rect,
        active_fraction=active,
        reason=trainer.reason,
        iterations_per_second=iterations_per_second,
        grid_period=grid_period,
        commands=commands,
        extras=computed,
        full_losses=(_frozen(full_iterations), _frozen(full_total), _frozen(full_data)),
        mean_slope=slope,
        confidence=confidence,
    )
