"""The notes' printed figures, and a real run compared with them."""

import numpy as np
import pytest

from spiral_gui.engine import TrainConfig, Trainer
from spiral_gui.engine.casestudy import (
    LINEAR_RUN,
    NET_RUN,
    compare,
    compare_run,
    is_case_study,
)

from . import reference


def test_the_printed_rows_are_the_specs():
    assert dict(LINEAR_RUN.rows) == reference.LINEAR_LOSSES
    assert LINEAR_RUN.accuracy == reference.LINEAR_ACCURACY and LINEAR_RUN.same_draw
    assert [it for it, _ in NET_RUN.rows] == list(range(0, 10_000, 1000))
    assert dict(NET_RUN.rows)[6000] == 1.925122 and not NET_RUN.same_draw


def test_which_configurations_are_the_case_study():
    assert is_case_study(TrainConfig())
    assert is_case_study(TrainConfig(model="linear", iterations=200))
    assert is_case_study(TrainConfig(model="linear", hidden=7))  # the linear model has no hidden layer
    assert is_case_study(TrainConfig(iterations=123))
    for change in ({"seed": 1}, {"n": 99}, {"k": 4}, {"noise": 0.3}, {"step_size": 0.5},
                   {"reg": 1e-2}, {"hidden": 50}):  # fmt: skip
        assert not is_case_study(TrainConfig().replace(**change)), change


def test_a_real_200_iteration_linear_run_matches_every_printed_row(trained_linear):
    comparison = compare(trained_linear.config, trained_linear.losses)
    assert comparison is not None and comparison.same_draw
    assert len(comparison.reached) == 20 and comparison.all_match is True
    latest = comparison.latest
    assert latest.iteration == 190 and latest.matches
    assert f"{latest.ours:.6f}" == "0.786302" and abs(latest.difference) < 5e-7


def test_a_partial_run_has_reached_only_the_early_rows(trained_linear):
    partial = compare(trained_linear.config, trained_linear.losses[:35])
    assert [c.iteration for c in partial.reached] == [0, 10, 20, 30]
    assert partial.all_match is True and partial.latest.iteration == 30
    assert all(c.ours is None and c.matches is None for c in partial.checkpoints[4:])
    # A window of losses that starts later (a snapshot's share of the history).
    window = compare(trained_linear.config, trained_linear.losses[100:], loss_start=100)
    assert [c.iteration for c in window.reached] == list(range(100, 200, 10)) and window.all_match


def test_a_different_run_does_not_match(trained_linear):
    off = np.array(trained_linear.losses) + 2e-6
    comparison = compare_run(LINEAR_RUN, off)
    assert comparison.all_match is False
    assert not any(c.matches for c in comparison.reached)
    other = Trainer(TrainConfig(model="linear", iterations=200, reg=2e-3))
    other.step(200)
    assert compare(other.config, other.losses) is None  # not the case study: nothing to mark


def test_the_net_is_compared_with_the_learners_run_not_matched():
    trainer = Trainer(TrainConfig())
    trainer.step(2001)
    comparison = compare(trainer.config, trainer.losses)
    assert not comparison.same_draw and comparison.all_match is None
    assert [c.iteration for c in comparison.reached] == [0, 1000, 2000]
    assert all(c.matches is None for c in comparison.checkpoints)
    first = comparison.checkpoints[0]
    assert first.ours == pytest.approx(trainer.losses[0]) and first.printed == 1.098513
    # Both start at chance (ln 3) and fall to about 0.27 by iteration 2000.
    assert abs(first.ours - reference.LN3) < 2e-3 and abs(first.difference) < 5e-3
    assert comparison.checkpoints[2].ours < 0.35
