"""The steppable trainer: the case study's figures, and its in-place maths held to models.py."""

import math

import numpy as np
import pytest

from spiral_gui.engine import TrainConfig, Trainer, init_params, loss_and_grads, make_spiral, predict

from .reference import (
    LINEAR_ACCURACY,
    LINEAR_ITERATIONS,
    LINEAR_LOSSES,
    LINEAR_W,
    LN3,
    NET_ACCURACY,
    NET_FINAL_LOSS_BELOW,
    NET_ITERATIONS,
)


def _small(model: str, **changes) -> TrainConfig:
    return TrainConfig(model=model, n=20, k=3, hidden=7, iterations=50).replace(**changes)


def _random_params(model: str, k: int, hidden: int, seed: int = 1) -> dict[str, np.ndarray]:
    """Weights well away from the tiny initial ones, so every term of the update matters."""
    rng = np.random.RandomState(seed)
    width = hidden if model == "nn" else k
    p = {"W": rng.randn(2, width), "b": 0.3 * rng.randn(1, width)}
    if model == "nn":
        p |= {"W2": rng.randn(hidden, k), "b2": 0.3 * rng.randn(1, k)}
    return p


def _readable_step(params, X, y, step_size, reg):
    result = loss_and_grads(params, X, y, reg)
    return {k: v - step_size * result.grads[k] for k, v in params.items()}, result


def _assert_params_close(actual, expected, tol=1e-12):
    assert set(actual) == set(expected)
    for name in expected:
        np.testing.assert_allclose(actual[name], expected[name], rtol=tol, atol=tol, err_msg=name)


# -- the case study's figures ---------------------------------------------------------------


def test_linear_loss_table_matches_the_spec(trained_linear):
    losses = trained_linear.losses
    assert len(losses) == LINEAR_ITERATIONS
    for iteration, value in LINEAR_LOSSES.items():
        assert round(float(losses[iteration]), 6) == value, f"iteration {iteration}: {losses[iteration]}"


def test_linear_final_weights_match_the_spec(trained_linear):
    np.testing.assert_allclose(trained_linear.params()["W"], LINEAR_W, rtol=0, atol=5e-9)


def test_linear_accuracy_matches_the_spec(trained_linear):
    assert round(trained_linear.accuracy(), 2) == LINEAR_ACCURACY
    assert trained_linear.finished and trained_linear.iteration == LINEAR_ITERATIONS


def test_first_loss_is_near_ln_k(trained_linear, trained_net):
    # Spec: the linear run starts at 1.096919 (1.7e-3 below ln 3); the net at "about 1.0986".
    assert abs(trained_linear.losses[0] - LN3) < 2e-3
    assert abs(trained_net.losses[0] - LN3) < 1e-3


@pytest.mark.parametrize("k", [5, 10])
@pytest.mark.parametrize("model", ["linear", "nn"])
def test_first_loss_is_ln_k_for_more_classes(model, k):
    trainer = Trainer(TrainConfig(model=model, k=k, iterations=1))
    assert trainer.step(1) == 1
    assert abs(trainer.losses[0] - math.log(k)) < 1e-3


def test_net_reaches_the_case_study_accuracy(trained_net):
    assert trained_net.accuracy() >= NET_ACCURACY
    assert len(trained_net.losses) == NET_ITERATIONS


def test_net_loss_falls_from_chance_to_the_case_study_level(trained_net):
    losses = trained_net.losses
    assert 0.2 < losses[-1] < NET_FINAL_LOSS_BELOW
    assert np.isfinite(losses).all()
    assert trained_net.data_losses[-1] < losses[-1]  # the L2 part is positive


def test_step_clamps_at_the_budget(trained_net):
    assert trained_net.finished and not trained_net.diverged
    assert trained_net.step(1) == 0
    assert trained_net.step(1000) == 0
    assert trained_net.iteration == NET_ITERATIONS
    assert len(trained_net.losses) == NET_ITERATIONS


def test_partial_step_at_the_budget():
    trainer = Trainer(_small("nn", iterations=10))
    assert trainer.step(7) == 7
    assert not trainer.finished
    assert trainer.step(7) == 3
    assert trainer.finished and trainer.iteration == 10 and len(trainer.losses) == 10
    assert trainer.step(0) == 0


# -- in-place update against the readable maths ---------------------------------------------


@pytest.mark.parametrize("model", ["linear", "nn"])
def test_one_step_equals_readable_gradient_descent(model):
    config = _small(model, step_size=0.37, reg=0.05)
    X, y = make_spiral(config.n, config.k, np.random.RandomState(3))
    params = _random_params(model, config.k, config.hidden)
    trainer = Trainer.from_arrays(config, X, y, params)
    assert trainer.step(1) == 1
    expected, result = _readable_step(params, X, y, 0.37, 0.05)
    _assert_params_close(trainer.params(), expected)
    assert trainer.losses[0] == pytest.approx(result.loss, rel=1e-12)
    assert trainer.data_losses[0] == pytest.approx(result.data_loss, rel=1e-12)
    assert trainer.last_loss == trainer.losses[0]


@pytest.mark.parametrize("model", ["linear", "nn"])
def test_many_steps_track_readable_gradient_descent(model):
    config = _small(model, step_size=0.8, reg=0.02)
    trainer = Trainer(config)
    params = {k: v.copy() for k, v in trainer.params().items()}
    X, y = trainer.X, trainer.y
    readable_losses = []
    for _ in range(25):
        params, result = _readable_step(params, X, y, 0.8, 0.02)
        readable_losses.append(result.loss)
    assert trainer.step(25) == 25
    _assert_params_close(trainer.params(), params, tol=1e-10)
    np.testing.assert_allclose(trainer.losses, readable_losses, rtol=1e-12)


def test_losses_i_is_the_loss_before_update_i():
    trainer = Trainer(_small("nn"))
    trainer.step(2)
    after_two = trainer.params()
    trainer.step(1)
    assert trainer.losses[2] == pytest.approx(
        loss_and_grads(after_two, trainer.X, trainer.y, trainer.config.reg).loss, rel=1e-12
    )


def test_accuracy_and_active_fraction_of_current_params():
    trainer = Trainer(_small("nn"))
    trainer.step(30)
    p = trainer.params()
    result = loss_and_grads(p, trainer.X, trainer.y, 0.0)
    assert trainer.accuracy() == np.mean(result.probs.argmax(axis=1) == trainer.y)
    assert trainer.active_fraction() == np.mean(result.hidden > 0)
    linear = Trainer(_small("linear"))
    assert math.isnan(linear.active_fraction())


# -- semantics ------------------------------------------------------------------------------


@pytest.mark.parametrize("n", [1, 3, 17])
def test_step_returns_n_and_counts(n):
    trainer = Trainer(_small("nn"))
    assert trainer.step(n) == n
    assert trainer.iteration == n
    assert len(trainer.losses) == n == len(trainer.data_losses)
    assert trainer.step(n) == n
    assert trainer.iteration == 2 * n


def test_fresh_trainer_state():
    trainer = Trainer(_small("nn"))
    assert trainer.iteration == 0 and len(trainer.losses) == 0
    assert math.isnan(trainer.last_loss)
    assert not trainer.diverged and trainer.reason is None and not trainer.finished


def test_losses_survive_the_log_growing():
    """The log starts at 1024 entries; crossing it must keep the history intact."""
    trainer = Trainer(TrainConfig(model="linear", n=10, iterations=3000))
    trainer.step(1000)
    first = trainer.losses.copy()
    trainer.step(2000)
    np.testing.assert_array_equal(trainer.losses[:1000], first)
    assert len(trainer.losses) == 3000 and np.isfinite(trainer.losses).all()


def test_same_config_is_deterministic():
    a, b = Trainer(_small("nn")), Trainer(_small("nn"))
    a.step(20)
    b.step(20)
    np.testing.assert_array_equal(a.losses, b.losses)


@pytest.mark.parametrize("model", ["linear", "nn"])
def test_set_hyper_takes_effect_without_reset(model):
    trainer = Trainer(_small(model))
    trainer.step(5)
    before = trainer.params()
    trainer.set_hyper(step_size=0.25, reg=0.01)
    assert trainer.iteration == 5 and len(trainer.losses) == 5
    assert trainer.config.step_size == 0.25 and trainer.config.reg == 0.01
    assert trainer.step(1) == 1
    expected, result = _readable_step(before, trainer.X, trainer.y, 0.25, 0.01)
    _assert_params_close(trainer.params(), expected)
    assert trainer.losses[5] == pytest.approx(result.loss, rel=1e-12)
    assert trainer.iteration == 6


def test_set_hyper_one_at_a_time():
    trainer = Trainer(_small("nn", step_size=0.5, reg=0.002))
    trainer.set_hyper(reg=0.2)
    assert (trainer.config.step_size, trainer.config.reg) == (0.5, 0.2)
    trainer.set_hyper(step_size=2.0)
    assert (trainer.config.step_size, trainer.config.reg) == (2.0, 0.2)
    assert trainer.config.hidden == 7 and trainer.config.n == 20  # the rest is kept


@pytest.mark.parametrize(
    "change",
    [
        {"step_size": 0.0},
        {"step_size": -1.0},
        {"step_size": math.nan},
        {"step_size": math.inf},
        {"step_size": 1e7},
        {"reg": -0.1},
        {"reg": math.nan},
        {"reg": math.inf},
        {"step_size": 0.5, "reg": -1.0},
    ],
)
def test_invalid_set_hyper_raises_and_changes_nothing(change):
    trainer = Trainer(_small("nn", step_size=0.6, reg=0.003))
    trainer.step(3)
    before = trainer.params()
    with pytest.raises(ValueError):
        trainer.set_hyper(**change)
    assert (trainer.config.step_size, trainer.config.reg) == (0.6, 0.003)
    trainer.step(1)
    expected, _ = _readable_step(before, trainer.X, trainer.y, 0.6, 0.003)
    _assert_params_close(trainer.params(), expected)


@pytest.mark.parametrize("model", ["linear", "nn"])
def test_reset_restores_the_initial_params_exactly(model):
    trainer = Trainer(_small(model))
    initial = {k: v.copy() for k, v in trainer.params().items()}
    trainer.step(20)
    first_run = trainer.losses.copy()
    assert not np.array_equal(trainer.params()["W"], initial["W"])
    trainer.reset()
    assert trainer.iteration == 0 and len(trainer.losses) == 0 and len(trainer.data_losses) == 0
    assert math.isnan(trainer.last_loss) and not trainer.finished
    for name, value in trainer.params().items():
        np.testing.assert_array_equal(value, initial[name])
    trainer.step(20)
    np.testing.assert_array_equal(trainer.losses, first_run)


def test_params_are_read_only_copies():
    trainer = Trainer(_small("nn"))
    p = trainer.params()
    saved = {k: v.copy() for k, v in p.items()}
    for value in p.values():
        with pytest.raises(ValueError):
            value[0, 0] = 1.0
    trainer.step(5)
    for name, value in p.items():
        np.testing.assert_array_equal(value, saved[name])
    assert not np.array_equal(trainer.params()["W2"], saved["W2"])


def test_losses_data_and_labels_are_read_only():
    trainer = Trainer(_small("linear"))
    trainer.step(3)
    for array in (trainer.losses, trainer.data_losses, trainer.X, trainer.y):
        with pytest.raises(ValueError):
            array[0] = 0


def test_losses_since_returns_copies_of_the_tail():
    trainer = Trainer(_small("nn"))
    trainer.step(10)
    total, data = trainer.losses_since(4)
    np.testing.assert_array_equal(total, trainer.losses[4:])
    np.testing.assert_array_equal(data, trainer.data_losses[4:])
    total[0] = -1.0  # a copy: writable and detached
    assert trainer.losses[4] != -1.0


def test_trainer_data_is_the_spiral_of_its_config():
    config = TrainConfig(model="linear", n=40, k=4, seed=11, noise=0.3)
    X, y = make_spiral(40, 4, np.random.RandomState(11), 0.3)
    trainer = Trainer(config)
    np.testing.assert_array_equal(trainer.X, X)
    np.testing.assert_array_equal(trainer.y, y)


# -- from_arrays: the case-study stream ------------------------------------------------------


@pytest.fixture(scope="module")
def case_study_stream():
    """The notebook's one stream: data, then the linear weights, then the net's."""
    base = TrainConfig()
    rng = np.random.RandomState(base.seed)
    X, y = make_spiral(base.n, base.k, rng, base.noise)
    linear = init_params("linear", base.k, base.hidden, rng)
    net = init_params("nn", base.k, base.hidden, rng)
    return X, y, linear, net


def test_from_arrays_linear_reproduces_the_spec(case_study_stream):
    X, y, linear, _ = case_study_stream
    trainer = Trainer.from_arrays(TrainConfig(model="linear", iterations=200), X, y, linear)
    for name, value in trainer.params().items():
        np.testing.assert_array_equal(value, linear[name])
    trainer.step(200)
    assert [round(float(trainer.losses[i]), 6) for i in LINEAR_LOSSES] == list(LINEAR_LOSSES.values())
    np.testing.assert_allclose(trainer.params()["W"], LINEAR_W, rtol=0, atol=5e-9)


def test_from_arrays_net_starts_from_the_weights_after_the_linear_draw(case_study_stream):
    X, y, _, net = case_study_stream
    trainer = Trainer.from_arrays(TrainConfig(), X, y, net)
    for name, value in trainer.params().items():
        np.testing.assert_array_equal(value, net[name])
    expected = np.random.RandomState(0)
    expected.randn(300)  # data
    expected.randn(2, 3)  # linear W
    np.testing.assert_array_equal(trainer.params()["W"], 0.01 * expected.randn(2, 100))
    params = net
    for _ in range(5):
        params, _ = _readable_step(params, X, y, 1.0, 1e-3)
    trainer.step(5)
    assert abs(trainer.losses[0] - LN3) < 1e-3
    _assert_params_close(trainer.params(), params, tol=1e-11)


def test_from_arrays_copies_its_inputs(case_study_stream):
    X, y, linear, _ = case_study_stream
    X, y, linear = X.copy(), y.copy(), {k: v.copy() for k, v in linear.items()}
    trainer = Trainer.from_arrays(TrainConfig(model="linear"), X, y, linear)
    X_before = trainer.X.copy()
    X[:] = 5.0
    y[:] = 1
    linear["W"][:] = 7.0
    np.testing.assert_array_equal(trainer.X, X_before)
    assert trainer.y[0] == 0
    assert trainer.params()["W"][0, 0] != 7.0
    trainer.step(3)
    trainer.reset()
    assert trainer.params()["W"][0, 0] != 7.0


def test_set_budget_extends_and_shrinks_without_reset():
    trainer = Trainer(_small("linear", iterations=10))
    trainer.step(10)
    assert trainer.finished
    trainer.set_budget(15)
    assert not trainer.finished and trainer.config.iterations == 15
    assert trainer.step(100) == 5 and trainer.iteration == 15
    trainer.set_budget(12)  # below the current iteration: finished, nothing lost
    assert trainer.finished and trainer.step(1) == 0
    assert trainer.iteration == 15 and len(trainer.losses) == 15
    with pytest.raises(ValueError):
        trainer.set_budget(0)
    assert trainer.config.iterations == 12


# -- row blocks ----------------------------------------------------------------------------


@pytest.mark.parametrize("model", ["linear", "nn"])
def test_row_blocks_give_the_readable_maths(model):
    """Several row blocks (wide hidden layer, many rows) still take exactly the notes' step."""
    from spiral_gui.engine.blocks import block_rows

    config = TrainConfig(model=model, n=1500, k=3, hidden=1000, reg=0.01, step_size=0.5)
    assert config.n * config.k > block_rows(config.width) or model == "linear"
    trainer = Trainer(config)
    before = {k: v.copy() for k, v in trainer.params().items()}
    ref = loss_and_grads(before, trainer.X, trainer.y, config.reg)
    trainer.step(1)
    assert trainer.losses[0] == pytest.approx(ref.loss, rel=1e-12)
    after = trainer.params()
    for name, value in before.items():
        np.testing.assert_allclose(after[name], value - 0.5 * ref.grads[name], rtol=1e-10, atol=1e-14)
    assert trainer.accuracy() == pytest.approx(np.mean(predict(after, trainer.X) == trainer.y))


def test_a_stop_request_abandons_the_iteration_between_blocks():
    config = TrainConfig(n=1500, k=3, hidden=1000)
    trainer = Trainer(config)
    trainer.step(2)
    before = trainer.params()
    calls = []

    def stop_after_first_block() -> bool:
        calls.append(1)
        return len(calls) > 1  # let the iteration start, then stop at the next block

    assert trainer.step(5, should_stop=stop_after_first_block) == 0
    assert trainer.iteration == 2 and trainer.losses.size == 2
    for name, value in trainer.params().items():
        np.testing.assert_array_equal(value, before[name])
    assert trainer.step(1) == 1  # and it goes on normally afterwards


# -- subnormal weights -----------------------------------------------------------------------


def _is_subnormal(a: np.ndarray) -> np.ndarray:
    return (a != 0) & (np.abs(a) < np.finfo(a.dtype).tiny)


def test_dead_units_weights_end_at_zero_not_subnormal():
    """A unit that is never active only decays (× 0.9 per iteration at step 1, reg 0.1): its
    weights pass below the smallest normal float and, unflushed, stick there as subnormals."""
    config = _small("nn", step_size=1.0, reg=0.1, iterations=9000)
    X, y = make_spiral(config.n, config.k, np.random.RandomState(3))
    params = _random_params("nn", config.k, config.hidden)
    params["W"][:, 0] = 0.01
    params["b"][0, 0] = -100.0  # off for every point: no data gradient ever reaches it
    params["W2"][0] = 0.01
    # The premise: the same decay, unflushed, leaves subnormal values behind.
    w = np.full(3, 0.01)
    for _ in range(config.iterations):
        w = w * (1 - config.step_size * config.reg)
    assert _is_subnormal(w).all()

    trainer = Trainer.from_arrays(config, X, y, params)
    assert trainer.step(config.iterations) == config.iterations
    p = trainer.params()
    for name, value in p.items():
        assert not _is_subnormal(value).any(), name
    assert (p["W"][:, 0] == 0).all() and (p["W2"][0] == 0).all()
    assert p["b"][0, 0] == -100.0
    assert np.isfinite(trainer.losses).all()


def test_flush_leaves_normal_values_alone():
    from spiral_gui.engine.trainer import flush_subnormals

    tiny = np.finfo(np.float64).tiny
    a = np.array([tiny, -tiny, tiny / 2, -tiny / 4, 0.0, 1e-300, 5e-324])
    flush_subnormals([a])
    np.testing.assert_array_equal(a, [tiny, -tiny, 0, 0, 0, 1e-300, 0])
    f = np.array([np.finfo(np.float32).tiny / 2, 1e-30], dtype=np.float32)
    flush_subnormals([f])
    assert f[0] == 0 and f[1] == np.float32(1e-30)
