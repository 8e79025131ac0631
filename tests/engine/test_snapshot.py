"""Snapshots: what crosses to the GUI thread must be immutable and consistent with the trainer."""

import math

import numpy as np
import pytest

from spiral_gui.engine import TrainConfig, Trainer
from spiral_gui.engine.grid import GridSpec, predict_grid, predict_grid_probs
from spiral_gui.engine.snapshot import Snapshot, take_snapshot
from spiral_gui.engine.status import Event, Status


def _trainer(model: str) -> Trainer:
    return Trainer(TrainConfig(model=model, n=40, hidden=20, step_size=0.5, iterations=100))


def _snap(trainer: Trainer, grid: GridSpec, **kw) -> Snapshot:
    args = {"run_id": 3, "status": "running", "event": "started", "loss_start": 0, "grid": grid} | kw
    return take_snapshot(trainer, **args)


@pytest.fixture
def net():
    trainer = _trainer("nn")
    trainer.step(10)
    return trainer, GridSpec.over(trainer.X, cells=30)


def test_arrays_are_read_only(net):
    trainer, grid = net
    snap = _snap(trainer, grid)
    arrays = [snap.X, snap.y, snap.losses, snap.data_losses, snap.regions, snap.confidence,
              *snap.params.values()]
    for array in arrays:
        assert not array.flags.writeable
        with pytest.raises(ValueError):
            array.flat[0] = 1


def test_losses_since_loss_start(net):
    trainer, grid = net
    trainer.step(5)
    snap = _snap(trainer, grid, loss_start=10)
    assert snap.loss_start == 10
    np.testing.assert_array_equal(snap.losses, trainer.losses[10:])
    np.testing.assert_array_equal(snap.data_losses, trainer.data_losses[10:])
    assert len(snap.losses) == 5
    assert snap.loss == trainer.losses[-1]
    full = _snap(trainer, grid, loss_start=0)
    np.testing.assert_array_equal(full.losses, trainer.losses)


def test_snapshot_does_not_change_when_training_goes_on(net):
    trainer, grid = net
    snap = _snap(trainer, grid)
    losses, w = snap.losses.copy(), snap.params["W"].copy()
    trainer.step(20)
    np.testing.assert_array_equal(snap.losses, losses)
    np.testing.assert_array_equal(snap.params["W"], w)
    assert snap.iteration == 10


def test_fields_match_the_trainer(net):
    trainer, grid = net
    trainer.set_hyper(step_size=0.3)
    snap = _snap(trainer, grid, status="paused", event="stepped", iterations_per_second=12.5)
    assert snap.run_id == 3 and snap.status == "paused" and snap.event == "stepped"
    assert snap.status is Status.PAUSED and snap.event is Event.STEPPED  # typed, not bare strings
    assert snap.iteration == trainer.iteration == 10
    assert snap.accuracy == trainer.accuracy()
    assert snap.config == trainer.config and snap.config.step_size == 0.3
    assert snap.grid_rect == grid.rect
    assert snap.iterations_per_second == 12.5
    for name, value in trainer.params().items():
        np.testing.assert_array_equal(snap.params[name], value)
    np.testing.assert_array_equal(snap.regions, predict_grid(trainer.params(), grid, np.float32))
    assert snap.regions.shape == grid.shape and snap.regions.dtype == np.uint8
    assert snap.regions_iteration == 10


def test_regions_are_reused_when_passed_in(net):
    trainer, grid = net
    first = _snap(trainer, grid)
    trainer.step(30)
    reuse = {"regions": first.regions, "regions_iteration": first.regions_iteration}
    second = _snap(trainer, grid, loss_start=10, **reuse)
    assert second.regions is first.regions
    assert second.regions_iteration == 10
    assert second.iteration == 40


def test_confidence_comes_with_fresh_regions(net):
    trainer, grid = net
    snap = _snap(trainer, grid)
    classes, confidence = predict_grid_probs(trainer.params(), grid, np.float32)
    np.testing.assert_array_equal(snap.regions, classes)
    np.testing.assert_array_equal(snap.confidence, confidence)


def test_active_fraction(net):
    trainer, grid = net
    snap = _snap(trainer, grid)
    assert 0.0 < snap.active_fraction < 1.0
    assert snap.active_fraction == trainer.active_fraction()
    linear = _trainer("linear")
    linear.step(3)
    assert math.isnan(_snap(linear, GridSpec.over(linear.X, cells=10)).active_fraction)


def test_snapshot_before_any_step():
    trainer = _trainer("linear")
    snap = _snap(trainer, GridSpec.over(trainer.X, cells=10), status="ready")
    assert snap.iteration == 0 and len(snap.losses) == 0 and math.isnan(snap.loss)
    assert 0.0 <= snap.accuracy <= 1.0


def test_snapshot_is_frozen(net):
    trainer, grid = net
    snap = _snap(trainer, grid)
    with pytest.raises(AttributeError):
        snap.iteration = 5  # type: ignore[misc]
