"""What the window explains about the trainer options, computed in the engine: which fields each
optimizer reads, the mean activation slope, and the full-loss records a snapshot carries."""

import math

import numpy as np
import pytest

from spiral_gui.engine import TrainConfig, Trainer, loss_and_grads
from spiral_gui.engine.config import ACTIVATIONS, LEAKY_SLOPE, OPTIMIZERS
from spiral_gui.engine.grid import GridSpec
from spiral_gui.engine.optimizers import HYPER
from spiral_gui.engine.snapshot import take_snapshot
from spiral_gui.engine.status import Event, Status

_OPTIMIZER_FIELDS = ("momentum", "beta1", "beta2", "decay_rate", "eps")
_OTHER_VALUE = {"momentum": 0.5, "beta1": 0.5, "beta2": 0.9, "decay_rate": 0.5, "eps": 1e-2}


def _config(**changes) -> TrainConfig:
    step = 0.01 if changes.get("optimizer") in ("rmsprop", "adam") else 0.3
    return TrainConfig(n=20, k=3, hidden=7, iterations=50, step_size=step).replace(**changes)


@pytest.mark.parametrize("optimizer", OPTIMIZERS)
def test_each_optimizer_reads_exactly_its_hyper_fields(optimizer) -> None:
    base = Trainer(_config(optimizer=optimizer))
    base.step(5)
    for name in _OPTIMIZER_FIELDS:
        other = Trainer(_config(optimizer=optimizer, **{name: _OTHER_VALUE[name]}))
        other.step(5)
        same = all(np.array_equal(base.params()[p], other.params()[p]) for p in base.params())
        assert same == (name not in HYPER[optimizer]), f"{optimizer} and {name}"


@pytest.mark.parametrize("activation", ACTIVATIONS)
def test_mean_slope_is_the_mean_derivative_of_the_activation(activation) -> None:
    trainer = Trainer(_config(activation=activation, init="he"))
    trainer.step(10)
    hidden = loss_and_grads(trainer.params(), trainer.X, trainer.y, 0.0, activation=activation).hidden
    derivative = {
        "relu": (hidden > 0).astype(float),
        "leaky_relu": np.where(hidden > 0, 1.0, LEAKY_SLOPE),
        "tanh": 1.0 - hidden**2,
        "sigmoid": hidden * (1.0 - hidden),
    }[activation]
    evaluation = trainer.evaluation()
    assert evaluation.mean_slope == pytest.approx(derivative.mean(), rel=1e-12)
    assert evaluation[:2] == trainer.evaluate()
    if activation in ("tanh", "sigmoid"):
        assert 0.0 < evaluation.mean_slope < (1.0 if activation == "tanh" else 0.25)


def test_mean_slope_of_the_linear_model_is_nan() -> None:
    assert math.isnan(Trainer(_config(model="linear")).evaluation().mean_slope)


def _snap(trainer: Trainer, loss_start: int):
    return take_snapshot(trainer, run_id=1, status=Status.PAUSED, event=Event.PAUSED,
                         loss_start=loss_start, grid=GridSpec.over(trainer.X, cells=8))


def test_a_snapshot_carries_the_full_losses_recorded_since_its_start() -> None:
    trainer = Trainer(_config(batch_size=10, iterations=1_000))
    trainer.step(250)
    first = _snap(trainer, 0)
    its, total, data = first.full_losses
    expected = trainer.full_losses(0)
    assert its.tolist() == expected[0].tolist() and its.size >= 3
    np.testing.assert_array_equal(total, expected[1])
    np.testing.assert_array_equal(data, expected[2])
    assert not total.flags.writeable
    assert first.mean_slope == trainer.evaluation().mean_slope
    trainer.step(100)
    later = _snap(trainer, 250)
    assert later.full_losses[0].tolist() == [i for i in trainer.full_losses(0)[0].tolist() if i >= 250]
    assert later.full_losses[0].size >= 1


def test_a_full_batch_snapshot_has_no_full_loss_records() -> None:
    trainer = Trainer(_config())
    trainer.step(20)
    assert all(a.size == 0 for a in _snap(trainer, 0).full_losses)
