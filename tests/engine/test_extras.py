"""Optional snapshot contents: computed by name, only when asked for, carried read-only."""

from __future__ import annotations

import numpy as np
import pytest

from spiral_gui.engine import TrainConfig, Trainer
from spiral_gui.engine.blocks import Interrupted
from spiral_gui.engine.extras import EXTRAS, compute, register
from spiral_gui.engine.grid import GridSpec
from spiral_gui.engine.snapshot import take_snapshot


@pytest.fixture
def hidden_sum():
    """A throw-away extra: the sum of the first layer's weights, from the trainer's parameters."""
    calls: list[int] = []

    def fn(trainer, should_stop):
        calls.append(trainer.iteration)
        return float(trainer.params()["W"].sum())

    register("test_w_sum")(fn)
    yield calls
    del EXTRAS["test_w_sum"]


def _trainer() -> Trainer:
    t = Trainer(TrainConfig(n=20, hidden=8, iterations=50))
    t.step(3)
    return t


def test_an_extra_is_computed_only_when_asked_for(hidden_sum) -> None:
    t = _trainer()
    grid = GridSpec.over(t.X, 10)
    plain = take_snapshot(t, run_id=1, status="paused", event="stepped", loss_start=0, grid=grid)
    assert dict(plain.extras) == {} and hidden_sum == []
    snap = take_snapshot(t, run_id=1, status="paused", event="stepped", loss_start=0, grid=grid,
                         extras=["test_w_sum"])
    assert snap.extras["test_w_sum"] == pytest.approx(float(np.sum(t.params()["W"])))
    assert hidden_sum == [3]
    with pytest.raises(TypeError):
        snap.extras["other"] = 1  # read-only


def test_names_are_unique_and_known(hidden_sum) -> None:
    with pytest.raises(ValueError, match="already registered"):
        register("test_w_sum")(lambda t, s: 0)
    with pytest.raises(KeyError):
        compute(_trainer(), ["no such extra"])


def test_an_interrupt_abandons_the_extras(hidden_sum) -> None:
    with pytest.raises(Interrupted):
        compute(_trainer(), ["test_w_sum"], should_stop=lambda: True)


def test_an_extra_with_an_argument_gets_the_text_after_the_colon() -> None:
    from spiral_gui.engine.extras import ARGUMENT_EXTRAS

    seen: list[str] = []

    def fn(trainer, should_stop, argument):
        seen.append(argument)
        return float(trainer.params()["W"][:, int(argument)].sum())

    register("test_column", argument=True)(fn)
    try:
        t = _trainer()
        out = compute(t, ["test_column:3", "test_column:5"])
        assert out["test_column:5"] == pytest.approx(float(t.params()["W"][:, 5].sum()))
        assert sorted(seen) == ["3", "5"]
        with pytest.raises(ValueError, match="may not contain"):
            register("a:b")(fn)
    finally:
        del ARGUMENT_EXTRAS["test_column"]
