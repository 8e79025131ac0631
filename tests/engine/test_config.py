"""TrainConfig validation: every bad field is refused with its name and value."""

import dataclasses
import math
import re
from types import SimpleNamespace

import pytest

from spiral_gui.engine import LIMITS, MEMORY_BUDGET_BYTES, TrainConfig, working_set_bytes

# (field, bad value, how the message must show the value)
INVALID = [
    ("n", 0, "0"),
    ("n", -5, "-5"),
    ("n", 1_000_001, "1,000,001"),
    ("n", 1.5, "1.5"),
    ("n", "3", "'3'"),
    ("n", True, "True"),
    ("k", 1, "1"),
    ("k", 21, "21"),
    ("k", 3.0, "3.0"),
    ("hidden", 0, "0"),
    ("hidden", 4097, "4,097"),
    ("hidden", None, "None"),
    ("step_size", 0, "0"),
    ("step_size", 0.0, "0.0"),
    ("step_size", -1.0, "-1.0"),
    ("step_size", math.nan, "nan"),
    ("step_size", math.inf, "inf"),
    ("step_size", 2e6, "2000000.0"),
    ("step_size", "1.0", "'1.0'"),
    ("step_size", False, "False"),
    ("reg", -0.001, "-0.001"),
    ("reg", math.nan, "nan"),
    ("reg", math.inf, "inf"),
    ("reg", -math.inf, "-inf"),
    ("noise", -0.1, "-0.1"),
    ("noise", math.nan, "nan"),
    ("seed", -1, "-1"),
    ("seed", 2**32, "4,294,967,296"),
    ("seed", 0.5, "0.5"),
    ("iterations", 0, "0"),
    ("iterations", -10, "-10"),
    ("iterations", True, "True"),
]


@pytest.mark.parametrize(("field", "value", "shown"), INVALID)
def test_invalid_field_is_refused_with_name_and_value(field, value, shown):
    with pytest.raises(ValueError) as info:
        TrainConfig(**{field: value})
    message = str(info.value)
    assert message.startswith(f"{field} "), message
    assert message.endswith(f"got {shown}"), message


def test_unknown_model_is_refused():
    with pytest.raises(ValueError) as info:
        TrainConfig(model="foo")
    message = str(info.value)
    assert message.startswith("model ") and "'foo'" in message
    assert "linear" in message and "nn" in message


def test_replace_validates_too():
    with pytest.raises(ValueError, match=r"^k "):
        TrainConfig().replace(k=1)


@pytest.mark.parametrize(
    "change",
    [
        {"n": 1},
        {"n": 100_000},
        {"k": 2},
        {"k": 20},
        {"hidden": 1},
        {"hidden": 4096},
        {"step_size": 1e-6},
        {"step_size": 1e6},
        {"reg": 0.0},
        {"reg": 1e3},
        {"noise": 0.0},
        {"noise": 10.0},
        {"seed": 0},
        {"seed": 2**32 - 1},
        {"iterations": 1},
        {"model": "linear"},
    ],
)
def test_limits_are_inclusive(change):
    config = TrainConfig(**change)
    for name, value in change.items():
        assert getattr(config, name) == value


def test_limits_table_matches_the_checks():
    for name, (low, high) in LIMITS.items():
        TrainConfig(model="linear", **{name: low})
        TrainConfig(model="linear", **{name: high})


def test_defaults_are_the_case_study_net():
    c = TrainConfig()
    assert (c.model, c.n, c.k, c.hidden, c.step_size, c.reg, c.seed, c.noise, c.iterations) == (
        "nn",
        100,
        3,
        100,
        1.0,
        1e-3,
        0,
        0.2,
        10_000,
    )
    assert c.num_examples == 300 and c.width == 100
    assert TrainConfig(model="linear").width == 3


def test_float_fields_are_stored_as_float():
    c = TrainConfig(step_size=2, reg=0, noise=1)
    for name in ("step_size", "reg", "noise"):
        assert type(getattr(c, name)) is float


def test_config_is_frozen():
    with pytest.raises(dataclasses.FrozenInstanceError):
        TrainConfig().n = 5  # type: ignore[misc]


def test_as_dict_round_trips():
    c = TrainConfig(model="linear", n=7, step_size=0.5)
    assert TrainConfig(**c.as_dict()) == c


# -- memory budget -------------------------------------------------------------------------


def test_over_budget_config_is_refused_in_gib():
    with pytest.raises(ValueError) as info:
        TrainConfig(k=20, n=1_000_000, hidden=1000)
    message = str(info.value)
    budget_gib = MEMORY_BUDGET_BYTES / 2**30
    assert f"{budget_gib:.1f} GiB" in message and "budget" in message
    need = re.search(r"needs about ([\d.]+) GiB", message)
    assert need, message
    # 20,000,000 examples × (X, inputs with ones, drawing copy: 7 float64) is 1.04 GiB alone.
    assert 2e7 * 7 * 8 / 2**30 <= float(need.group(1)) < 100


def test_the_linear_model_does_not_pay_for_a_hidden_layer():
    config = TrainConfig(model="linear", k=20, n=100_000, hidden=1000)
    assert working_set_bytes(config) <= MEMORY_BUDGET_BYTES


def test_budget_boundary():
    """Just under the budget is accepted, just over is refused, at the same N."""
    config = TrainConfig(k=20, n=1000, hidden=1000)
    per_n = working_set_bytes(config.replace(n=1001)) - working_set_bytes(config)
    fixed = working_set_bytes(config) - 1000 * per_n
    n_max = (MEMORY_BUDGET_BYTES - fixed) // per_n
    assert working_set_bytes(TrainConfig(k=20, n=n_max, hidden=1000)) <= MEMORY_BUDGET_BYTES
    with pytest.raises(ValueError, match="GiB"):
        TrainConfig(k=20, n=n_max + 1, hidden=1000)


@pytest.mark.parametrize("model", ["linear", "nn"])
def test_working_set_grows_linearly_in_n(model):
    sizes = [working_set_bytes(TrainConfig(model=model, n=n, k=5, hidden=64)) for n in (100, 200, 300, 1000)]
    step = sizes[1] - sizes[0]
    assert step > 0
    assert sizes[2] - sizes[1] == step
    assert sizes[3] - sizes[0] == 9 * step
    # At least X (2 floats) and the scores (K floats) per example, and the hidden layer for the net.
    floor = 100 * 5 * 8 * (2 + 5 + (64 if model == "nn" else 0))
    assert step >= floor


def test_working_set_counts_the_hidden_layer():
    small = working_set_bytes(SimpleNamespace(model="nn", n=100, k=3, hidden=10, width=10))
    big = working_set_bytes(SimpleNamespace(model="nn", n=100, k=3, hidden=20, width=20))
    assert big - small >= 300 * 10 * 8  # ten more float64 hidden units for each of 300 examples


def test_every_field_declares_what_changing_it_does():
    from dataclasses import fields

    from spiral_gui.engine.config import FIELD_CHANGE

    assert set(FIELD_CHANGE) == {f.name for f in fields(TrainConfig)}


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({}, "NONE"),
        ({"step_size": 0.5}, "LIVE"),
        ({"reg": 0.1, "iterations": 50}, "LIVE"),
        ({"hidden": 50}, "WEIGHTS"),
        ({"model": "linear", "step_size": 0.5}, "WEIGHTS"),
        ({"seed": 1}, "DATA"),
        ({"noise": 0.3, "hidden": 7}, "DATA"),
    ],
)
def test_change_from_reports_the_most_disruptive_effect(changes, expected):
    from spiral_gui.engine.config import Change

    old = TrainConfig()
    assert old.replace(**changes).change_from(old) is Change[expected]


# -- optimizers, activations, initialisation, precision, mini-batches -------------------------

NEW_INVALID = [
    ("batch_size", -1, "-1"),
    ("batch_size", 1_000_001, "1,000,001"),
    ("batch_size", 2.0, "2.0"),
    ("momentum", -0.1, "-0.1"),
    ("momentum", 1.0, "1.0"),
    ("beta1", 1.0, "1.0"),
    ("beta2", 1.0, "1.0"),
    ("beta2", math.nan, "nan"),
    ("decay_rate", 1.5, "1.5"),
    ("eps", 0.0, "0.0"),
    ("eps", 2.0, "2.0"),
    ("optimizer", "sgdm", "'sgdm'"),
    ("optimizer", 1, "1"),
    ("activation", "ReLU", "'ReLU'"),
    ("init", "glorot", "'glorot'"),
    ("dtype", "float16", "'float16'"),
    ("skip_mask", 1, "1"),
    ("skip_mask", "yes", "'yes'"),
]


@pytest.mark.parametrize(("field", "value", "shown"), NEW_INVALID)
def test_invalid_new_field_is_refused_with_name_and_value(field, value, shown):
    with pytest.raises(ValueError) as info:
        TrainConfig(**{field: value})
    message = str(info.value)
    assert message.startswith(f"{field} "), message
    assert message.endswith(f"got {shown}"), message


def test_new_defaults_are_the_notes():
    c = TrainConfig()
    assert (c.batch_size, c.optimizer, c.activation, c.init, c.dtype, c.skip_mask) == (
        0, "sgd", "relu", "notes", "float64", False)
    assert (c.momentum, c.beta1, c.beta2, c.decay_rate, c.eps) == (0.9, 0.9, 0.999, 0.99, 1e-8)
    assert c.full_batch and c.batch_rows == 300


def test_batch_rows():
    assert TrainConfig(batch_size=32).batch_rows == 32 and not TrainConfig(batch_size=32).full_batch
    assert TrainConfig(batch_size=300).full_batch  # all 300 examples: the full batch
    assert TrainConfig(batch_size=5000).batch_rows == 300


def test_every_field_has_a_title_and_help():
    from dataclasses import fields

    from spiral_gui.engine.config import FIELD_HELP, FIELD_TITLES

    names = {f.name for f in fields(TrainConfig)}
    assert set(FIELD_TITLES) == names and set(FIELD_HELP) == names
    numeric = {f.name for f in fields(TrainConfig) if f.type in ("int", "float")}
    assert numeric == set(LIMITS)


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"batch_size": 32}, "LIVE"),
        ({"momentum": 0.5, "beta1": 0.8, "beta2": 0.99, "eps": 1e-6, "decay_rate": 0.9}, "LIVE"),
        ({"optimizer": "adam"}, "WEIGHTS"),
        ({"activation": "tanh", "batch_size": 10}, "WEIGHTS"),
        ({"init": "he"}, "WEIGHTS"),
        ({"dtype": "float32"}, "WEIGHTS"),
        ({"skip_mask": True}, "WEIGHTS"),
    ],
)
def test_change_of_new_fields(changes, expected):
    from spiral_gui.engine.config import Change

    old = TrainConfig()
    assert old.replace(**changes).change_from(old) is Change[expected]


@pytest.mark.parametrize(
    ("name", "text", "value"),
    [
        ("optimizer", " adam ", "adam"),
        ("skip_mask", "true", True),
        ("skip_mask", "false", False),
        ("batch_size", "64", 64),
        ("eps", "1e-07", 1e-7),
        ("n", "5", 5),
    ],
)
def test_field_from_text(name, text, value):
    from spiral_gui.engine.config import field_from_text

    assert field_from_text(name, text) == value
    assert TrainConfig(**{name: field_from_text(name, text)}).as_dict()[name] == value


def test_field_from_text_refuses_a_bad_yes_no():
    from spiral_gui.engine.config import field_from_text

    with pytest.raises(ValueError, match=r"^skip_mask must be true or false"):
        field_from_text("skip_mask", "maybe")


def test_config_imports_nothing_of_the_engine():
    """The trainer reads the config; the config must not read the trainer (no import cycle).
    Its engine imports are `blocks` and `words` (the translation marker), which import nothing of
    the engine."""
    import ast
    from pathlib import Path

    import spiral_gui.engine.config as config_module

    tree = ast.parse(Path(config_module.__file__).read_text())
    relative = [n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.level > 0]
    assert relative == ["blocks", "words"]
    for name in relative:
        module = ast.parse((Path(config_module.__file__).parent / f"{name}.py").read_text())
        assert not [n for n in ast.walk(module) if isinstance(n, ast.ImportFrom) and n.level > 0]


def test_working_set_counts_optimizer_state_batches_and_precision():
    base = TrainConfig(n=10_000, hidden=1000)
    plain = working_set_bytes(base)
    params = 3 * 1000 + 1001 * 3
    assert working_set_bytes(base.replace(optimizer="momentum")) - plain == params * 8 * 2
    assert working_set_bytes(base.replace(optimizer="adam")) - plain == params * 8 * 3
    batched = working_set_bytes(base.replace(batch_size=256))
    assert batched - plain >= 30_000 * 4 + 256 * 3 * 8  # the epoch's order and the batch
    half = working_set_bytes(base.replace(dtype="float32"))
    assert plain - half >= 30_000 * 3 * 4 + 2 * 1000 * 4 * min(30_000, 2048)  # Xa and H, dH halved


def test_the_largest_linear_configuration_is_counted_in_full():
    """16 million examples: X, the inputs, labels, indices and the drawing copy, 65 bytes each."""
    need = working_set_bytes(TrainConfig(model="linear", n=1_000_000, k=16))
    assert need >= 16_000_000 * 65
