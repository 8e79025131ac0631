"""The up-front cost estimate of a configuration (engine/cost.py) and the trainer's progress
within an iteration, which the window turns into "iteration 1: 37% of the rows"."""

from __future__ import annotations

import pytest

from spiral_gui.engine import TrainConfig, Trainer, cost
from spiral_gui.engine.blocks import block_rows

HUGE = TrainConfig(n=1_000_000, k=15, hidden=4096)  # accepted; minutes per iteration


@pytest.fixture
def fresh_rate(monkeypatch):
    """No rate measured yet in this process (restored afterwards)."""
    monkeypatch.setattr(cost, "_measured", None)


def test_units_follow_the_work_of_an_iteration() -> None:
    base = TrainConfig()
    assert cost.iteration_units(base) == 300 * 100 * (3 + 4)
    assert cost.iteration_units(base.replace(n=200)) == 2 * cost.iteration_units(base)
    assert cost.iteration_units(base.replace(hidden=400)) == 4 * cost.iteration_units(base)
    linear = base.replace(model="linear")
    assert cost.iteration_units(linear) == 300 * 3 * 6
    # A mini-batch costs its rows, plus its share of the full-loss forward pass over all 30,000
    # examples, recorded every 100 iterations.
    batch = base.replace(n=10_000, batch_size=300)
    assert cost.iteration_units(batch) == 300 * 700 + 30_000 * 700 / 2 / 100


def test_the_huge_configuration_is_announced_and_the_case_study_is_not(fresh_rate) -> None:
    huge = cost.estimate(HUGE, measure=False)
    assert huge.slow_iteration and huge.slow_picture
    assert huge.iteration_seconds > 60
    small = cost.estimate(TrainConfig(), measure=False)
    assert not small.slow_iteration and not small.slow_picture
    assert not small.measured
    assert cost.estimate(TrainConfig()) == small  # a small configuration never measures


def test_the_rate_is_measured_once_per_process(fresh_rate) -> None:
    first = cost.seconds_per_unit()
    assert 0 < first < 1e-3
    assert cost.seconds_per_unit() == first
    measured = cost.estimate(HUGE)
    assert measured.measured
    assert measured.iteration_seconds == pytest.approx(cost.iteration_units(HUGE) * first)
    assert cost.estimate_seconds_per_iteration(HUGE) == measured.iteration_seconds


def test_real_training_replaces_the_rate(fresh_rate) -> None:
    config = TrainConfig(n=10_000, k=5, hidden=500)
    cost.observe(config, 0.5, 2.0)  # half an iteration took 2 s: one takes 4 s
    assert cost.estimate(config, measure=False).iteration_seconds == pytest.approx(4.0)
    assert cost.estimate(config, measure=False).slow_iteration
    cost.observe(TrainConfig(), 1.0, 1.0)  # too little work to say anything: ignored
    assert cost.estimate(config, measure=False).iteration_seconds == pytest.approx(4.0)


@pytest.mark.parametrize("batch_size", [0, 2048])
def test_on_block_reports_every_row_block_of_an_iteration(batch_size: int) -> None:
    config = TrainConfig(n=1000, k=3, hidden=4096, iterations=5, batch_size=batch_size)
    trainer = Trainer(config)
    rows = config.batch_rows
    blocks = -(-rows // block_rows(config.hidden))
    assert blocks > 1
    calls: list[tuple[int, int]] = []
    assert trainer.step(2, on_block=lambda done, total: calls.append((done, total))) == 2
    assert calls == [(i, blocks) for i in range(1, blocks + 1)] * 2
