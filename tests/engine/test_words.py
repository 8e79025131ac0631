"""The engine's translatable text: marked, unchanged in English, and with its facts recoverable."""

from __future__ import annotations

import math

import pytest

from spiral_gui.engine.config import (
    ACTIVATION_TITLES,
    FIELD_HELP,
    FIELD_TITLES,
    LEAKY_SLOPE,
    ConfigError,
    TrainConfig,
)
from spiral_gui.engine.divergence import ADVICE, Divergence
from spiral_gui.engine.trainer import Trainer
from spiral_gui.engine.words import QT_TRANSLATE_NOOP


def test_the_marker_returns_its_text() -> None:
    assert QT_TRANSLATE_NOOP("config", "Seed") == "Seed"
    assert FIELD_TITLES["seed"] == "Seed" and ACTIVATION_TITLES["relu"] == "ReLU (the notes)"


def test_the_activation_help_states_the_leaky_slope() -> None:
    assert f"max({LEAKY_SLOPE:g}*z, z)" in FIELD_HELP["activation"]
    assert f"by 1 or {LEAKY_SLOPE:g}," in FIELD_HELP["activation"]


@pytest.mark.parametrize(
    "changes",
    [{"n": 0}, {"model": "deep"}, {"noise": -1.0}, {"dataset": "xor", "k": 3},
     {"n": 1_000_000, "k": 20}, {"skip_mask": "yes"}, {"seed": 1.5}, {"reg": "a"}],
)
def test_refusals_carry_their_template_and_values(changes) -> None:
    with pytest.raises(ConfigError) as info:
        TrainConfig(**changes)
    exc = info.value
    assert isinstance(exc, ValueError)
    assert str(exc) == exc.template.format(**exc.values)
    assert "{" in exc.template and exc.values


@pytest.mark.parametrize(
    ("loss", "what"), [(math.nan, "NaN"), (math.inf, "infinite"), (1.23456e12, "1.23e+12")]
)
@pytest.mark.parametrize(("optimizer", "step", "reg", "advice"),
                         [("sgd", 1.0, 1e-3, "step_size"), ("sgd", 100.0, 0.05, "reg"),
                          ("adam", 100.0, 0.05, "step_size")])
def test_a_divergence_reads_back_from_its_sentence(loss, what, optimizer, step, reg, advice) -> None:
    d = Divergence.of(loss, 1234, optimizer, step, reg)
    assert (d.what, d.iteration, d.advice) == (what, 1234, advice)
    assert Divergence.parse(d.text()) == d
    assert d.text().startswith("training diverged: loss became") and ADVICE[advice] in d.text()
    assert Divergence.parse("something else") is None


def test_the_trainers_reason_is_the_divergence_sentence() -> None:
    trainer = Trainer(TrainConfig(step_size=1e5, reg=0.0, iterations=50))
    trainer.step(50)
    assert trainer.diverged
    facts = Divergence.parse(trainer.reason)
    assert facts is not None and facts.iteration == trainer.iteration and facts.advice == "step_size"
