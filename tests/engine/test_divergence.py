"""A step size or reg too large must end in a clean `diverged` state (spec §5), never a warning."""

import math
import re
import warnings

import numpy as np
import pytest

from spiral_gui.engine import LIMITS, TrainConfig, Trainer


def _run_to_divergence(config: TrainConfig) -> Trainer:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        trainer = Trainer(config)
        trainer.step(config.iterations)
    return trainer


def _iteration_in(reason: str) -> int:
    match = re.search(r"iteration (\d+)", reason)
    assert match, reason
    return int(match.group(1))


def _assert_clean_stop(trainer: Trainer) -> None:
    assert trainer.diverged
    assert not trainer.finished
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert trainer.step(1) == 0
        assert trainer.step(100) == 0
        for name, value in trainer.params().items():
            assert np.isfinite(value).all(), name
        assert np.isfinite(trainer.losses).all()
        assert np.isfinite(trainer.data_losses).all()
        accuracy = trainer.accuracy()
        assert 0.0 <= accuracy <= 1.0
        active = trainer.active_fraction()
        assert math.isnan(active) if trainer.config.model == "linear" else 0.0 <= active <= 1.0
    # The reason names the iteration whose loss blew up: the first one not logged.
    assert _iteration_in(trainer.reason) == trainer.iteration == len(trainer.losses)


@pytest.mark.parametrize("step_size", [1e3, 1e6])
@pytest.mark.parametrize("model", ["linear", "nn"])
def test_huge_step_size_diverges_cleanly(model, step_size):
    trainer = _run_to_divergence(TrainConfig(model=model, step_size=step_size, iterations=5000))
    _assert_clean_stop(trainer)
    assert "step size" in trainer.reason
    assert trainer.iteration < 5000


@pytest.mark.parametrize("model", ["linear", "nn"])
def test_maximum_reg_diverges_and_blames_reg(model):
    reg = LIMITS["reg"][1]
    trainer = _run_to_divergence(TrainConfig(model=model, step_size=1.0, reg=reg, iterations=5000))
    _assert_clean_stop(trainer)
    assert "reg" in trainer.reason


@pytest.mark.parametrize("model", ["linear", "nn"])
def test_training_works_again_after_lowering_the_step_and_reset(model):
    trainer = _run_to_divergence(TrainConfig(model=model, step_size=1e3, n=50, hidden=20, iterations=500))
    assert trainer.diverged
    trainer.set_hyper(step_size=1.0)
    assert trainer.diverged and trainer.step(1) == 0  # still stopped until reset
    trainer.reset()
    assert not trainer.diverged and trainer.reason is None
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert trainer.step(100) == 100
    assert trainer.config.step_size == 1.0
    assert np.isfinite(trainer.losses).all()
    assert trainer.losses[-1] < trainer.losses[0]


def test_healthy_run_has_no_reason():
    trainer = Trainer(TrainConfig(model="linear", iterations=50))
    trainer.step(50)
    assert not trainer.diverged and trainer.reason is None and trainer.finished
