"""Optimizers, activations, initialisation, float32 and mini-batches: the trainer's in-place
maths held to models.loss_and_grads and the optimizers' textbook updates."""

import math

import numpy as np
import pytest

from spiral_gui.engine import TrainConfig, Trainer, init_params, loss_and_grads, make_spiral
from spiral_gui.engine.batches import BatchOrder
from spiral_gui.engine.config import ACTIVATIONS, OPTIMIZERS

STEP = {"sgd": 0.37, "momentum": 0.2, "nesterov": 0.2, "rmsprop": 0.01, "adam": 0.01}


def _config(model="nn", **changes) -> TrainConfig:
    return TrainConfig(model=model, n=20, k=3, hidden=7, iterations=50, reg=0.05).replace(**changes)


def _problem(config: TrainConfig, seed: int = 1):
    X, y = make_spiral(config.n, config.k, np.random.RandomState(3))
    rng = np.random.RandomState(seed)
    width = config.width
    p = {"W": rng.randn(2, width), "b": 0.3 * rng.randn(1, width)}
    if config.model == "nn":
        p |= {"W2": rng.randn(config.hidden, config.k), "b2": 0.3 * rng.randn(1, config.k)}
    return X, y, p


def textbook_update(cfg: TrainConfig, params, grads, state, t):
    """The CS231n notes' update rules, written plainly."""
    lr, out = cfg.step_size, {}
    for name, x in params.items():
        dx = grads[name]
        if cfg.optimizer == "sgd":
            out[name] = x - lr * dx
        elif cfg.optimizer == "momentum":
            v = state.setdefault(("v", name), np.zeros_like(x))
            v = cfg.momentum * v - lr * dx
            state[("v", name)] = v
            out[name] = x + v
        elif cfg.optimizer == "nesterov":
            v_prev = state.setdefault(("v", name), np.zeros_like(x))
            v = cfg.momentum * v_prev - lr * dx
            state[("v", name)] = v
            out[name] = x - cfg.momentum * v_prev + (1 + cfg.momentum) * v
        elif cfg.optimizer == "rmsprop":
            cache = state.setdefault(("cache", name), np.zeros_like(x))
            cache = cfg.decay_rate * cache + (1 - cfg.decay_rate) * dx**2
            state[("cache", name)] = cache
            out[name] = x - lr * dx / (np.sqrt(cache) + cfg.eps)
        else:
            m = state.setdefault(("m", name), np.zeros_like(x))
            v = state.setdefault(("v", name), np.zeros_like(x))
            m = cfg.beta1 * m + (1 - cfg.beta1) * dx
            v = cfg.beta2 * v + (1 - cfg.beta2) * dx**2
            state[("m", name)], state[("v", name)] = m, v
            mt, vt = m / (1 - cfg.beta1**t), v / (1 - cfg.beta2**t)
            out[name] = x - lr * mt / (np.sqrt(vt) + cfg.eps)
    return out


def _assert_close(actual, expected, tol=1e-10):
    assert set(actual) == set(expected)
    for name in expected:
        np.testing.assert_allclose(actual[name], expected[name], rtol=tol, atol=tol, err_msg=name)


@pytest.mark.parametrize("optimizer", OPTIMIZERS)
@pytest.mark.parametrize("activation", ACTIVATIONS)
def test_steps_equal_readable_gradients_and_textbook_updates(activation, optimizer):
    cfg = _config(activation=activation, optimizer=optimizer, step_size=STEP[optimizer])
    X, y, params = _problem(cfg)
    trainer = Trainer.from_arrays(cfg, X, y, params)
    state: dict = {}
    for t in range(1, 4):
        result = loss_and_grads(params, X, y, cfg.reg, activation=activation)
        params = textbook_update(cfg, params, result.grads, state, t)
        assert trainer.step(1) == 1
        assert trainer.losses[t - 1] == pytest.approx(result.loss, rel=1e-12)
        assert trainer.data_losses[t - 1] == pytest.approx(result.data_loss, rel=1e-12)
        _assert_close(trainer.params(), params)


@pytest.mark.parametrize("optimizer", OPTIMIZERS)
def test_linear_model_with_every_optimizer(optimizer):
    cfg = _config("linear", optimizer=optimizer, step_size=STEP[optimizer])
    X, y, params = _problem(cfg)
    trainer = Trainer.from_arrays(cfg, X, y, params)
    state: dict = {}
    for t in range(1, 4):
        params = textbook_update(cfg, params, loss_and_grads(params, X, y, cfg.reg).grads, state, t)
    trainer.step(3)
    _assert_close(trainer.params(), params)


@pytest.mark.parametrize("activation", ["relu", "leaky_relu"])
def test_skip_mask_trains_with_the_unmasked_gradient(activation):
    cfg = _config(activation=activation, skip_mask=True, step_size=0.3)
    X, y, params = _problem(cfg)
    wrong = loss_and_grads(params, X, y, cfg.reg, activation=activation, skip_mask=True)
    right = loss_and_grads(params, X, y, cfg.reg, activation=activation)
    assert not np.allclose(wrong.grads["W"], right.grads["W"])  # the mask matters here
    np.testing.assert_array_equal(wrong.grads["W2"], right.grads["W2"])
    trainer = Trainer.from_arrays(cfg, X, y, params)
    trainer.step(1)
    _assert_close(trainer.params(), {k: v - 0.3 * wrong.grads[k] for k, v in params.items()})


@pytest.mark.parametrize("activation", ["tanh", "sigmoid"])
def test_skip_mask_changes_nothing_without_a_mask(activation):
    cfg = _config(activation=activation)
    X, y, params = _problem(cfg)
    a = Trainer.from_arrays(cfg, X, y, params)
    b = Trainer.from_arrays(cfg.replace(skip_mask=True), X, y, params)
    a.step(3)
    b.step(3)
    _assert_close(a.params(), b.params(), tol=0)


@pytest.mark.parametrize("activation", ACTIVATIONS)
def test_accuracy_and_active_fraction_follow_the_activation(activation):
    cfg = _config(activation=activation)
    trainer = Trainer(cfg)
    trainer.step(20)
    result = loss_and_grads(trainer.params(), trainer.X, trainer.y, 0.0, activation=activation)
    acc, active = trainer.evaluate()
    assert acc == np.mean(result.probs.argmax(axis=1) == trainer.y)
    if activation in ("relu", "leaky_relu"):
        assert active == np.mean(result.hidden > 0)
    else:
        assert active == 1.0


# -- initialisation -----------------------------------------------------------------------------


@pytest.mark.parametrize(("init", "w_scale", "w2_scale"),
                         [("he", math.sqrt(2 / 2), math.sqrt(2 / 100)), ("xavier", math.sqrt(1 / 2), 0.1)])
def test_init_scales_the_same_draws(init, w_scale, w2_scale):
    notes = Trainer(TrainConfig()).params()
    other = Trainer(TrainConfig(init=init))
    np.testing.assert_allclose(other.params()["W"], notes["W"] / 0.01 * w_scale, rtol=1e-14)
    np.testing.assert_allclose(other.params()["W2"], notes["W2"] / 0.01 * w2_scale, rtol=1e-14)
    assert not other.params()["b"].any() and not other.params()["b2"].any()
    np.testing.assert_array_equal(other.X, Trainer(TrainConfig()).X)


def test_notes_init_is_the_notebook_draw():
    rng = np.random.RandomState(0)
    rng.randn(300)
    rng.randn(2, 3)
    np.testing.assert_array_equal(Trainer(TrainConfig()).params()["W"], 0.01 * rng.randn(2, 100))
    p = init_params("nn", 3, 100, np.random.RandomState(5), "notes")
    q = init_params("nn", 3, 100, np.random.RandomState(5))
    for name in p:
        np.testing.assert_array_equal(p[name], q[name])


# -- float32 --------------------------------------------------------------------------------


@pytest.mark.parametrize("optimizer", ["sgd", "adam"])
@pytest.mark.parametrize("activation", ["relu", "tanh"])
def test_float32_steps_track_float64(activation, optimizer):
    cfg = _config(activation=activation, optimizer=optimizer, step_size=STEP[optimizer])
    X, y, params = _problem(cfg)
    a = Trainer.from_arrays(cfg, X, y, params)
    b = Trainer.from_arrays(cfg.replace(dtype="float32"), X, y, params)
    a.step(5)
    b.step(5)
    for name, value in b.params().items():
        assert value.dtype == np.float32
        np.testing.assert_allclose(value, a.params()[name], rtol=1e-4, atol=1e-5, err_msg=name)
    np.testing.assert_allclose(b.losses, a.losses, rtol=1e-5)


def test_float32_case_study_reaches_the_same_accuracy():
    a, b = Trainer(TrainConfig()), Trainer(TrainConfig(dtype="float32"))
    a.step(10_000)
    b.step(10_000)
    assert round(b.accuracy(), 2) == round(a.accuracy(), 2) >= 0.98
    assert abs(b.losses[999] - a.losses[999]) < 1e-3
    assert b._Xa.dtype == np.float32 and b._H.dtype == np.float32


# -- mini-batches ---------------------------------------------------------------------------------


def test_batch_loss_and_update_are_the_readable_maths_on_that_batch():
    cfg = _config(batch_size=8, step_size=0.5)
    X, y, params = _problem(cfg)
    trainer = Trainer.from_arrays(cfg, X, y, params)
    order = BatchOrder(60, cfg.seed).order(0).copy()
    for t in range(3):
        idx = order[8 * t : 8 * (t + 1)]
        result = loss_and_grads(params, X[idx], y[idx], cfg.reg)
        params = {k: v - 0.5 * result.grads[k] for k, v in params.items()}
        trainer.step(1)
        assert trainer.losses[t] == pytest.approx(result.loss, rel=1e-12)
        _assert_close(trainer.params(), params)


def test_batches_run_into_the_next_epoch():
    cfg = _config(batch_size=50)  # 60 examples: the second batch is 10 of epoch 0, 40 of epoch 1
    X, y, params = _problem(cfg)
    trainer = Trainer.from_arrays(cfg, X, y, params)
    orders = BatchOrder(60, cfg.seed)
    e0, e1 = orders.order(0).copy(), orders.order(1).copy()
    assert not np.array_equal(e0, e1) and sorted(e0) == sorted(e1) == list(range(60))
    trainer.step(1)
    after_one = trainer.params()
    idx = np.concatenate([e0[50:], e1[:40]])
    expected = loss_and_grads(after_one, X[idx], y[idx], cfg.reg)
    trainer.step(1)
    assert trainer.losses[1] == pytest.approx(expected.loss, rel=1e-12)
    assert trainer.state_arrays()["batch.epoch"] == 1 and trainer.state_arrays()["batch.position"] == 40


def test_mini_batch_runs_are_reproducible_and_leave_the_data_stream_alone():
    cfg = TrainConfig(batch_size=32, iterations=300)
    a, b = Trainer(cfg), Trainer(cfg)
    plain = Trainer(TrainConfig())
    np.testing.assert_array_equal(a.X, plain.X)
    for name, value in a.params().items():
        np.testing.assert_array_equal(value, plain.params()[name])
    a.step(300)
    b.step(150)
    b.step(150)
    np.testing.assert_array_equal(a.losses, b.losses)
    assert Trainer(cfg.replace(seed=1)).step(5) == 5


def test_full_training_loss_is_recorded_once_per_epoch_at_most_every_100():
    cfg = TrainConfig(batch_size=32, iterations=250)  # 300 examples: an epoch is 10 batches
    trainer = Trainer(cfg)
    assert trainer.full_loss_period == 100
    before = trainer.params()
    trainer.step(250)
    its, total, data = trainer.full_losses()
    assert list(its) == [0, 100, 200]
    full = loss_and_grads(before, trainer.X, trainer.y, cfg.reg)
    assert total[0] == pytest.approx(full.loss, rel=1e-12)
    assert data[0] == pytest.approx(full.data_loss, rel=1e-12)
    assert list(trainer.full_losses(150)[0]) == [200]
    assert Trainer(TrainConfig()).full_losses()[0].size == 0  # full batch: losses are the full loss
    big = Trainer(TrainConfig(n=10_000, batch_size=100, iterations=1))
    assert big.full_loss_period == 300  # one epoch of 30,000 examples


def test_batch_size_at_or_above_n_is_the_full_batch():
    a, b = Trainer(TrainConfig()), Trainer(TrainConfig(batch_size=300))
    a.step(20)
    b.step(20)
    np.testing.assert_array_equal(a.losses, b.losses)
    assert b.full_losses()[0].size == 0


def test_batch_size_changes_live():
    trainer = Trainer(TrainConfig(iterations=100))
    trainer.step(10)
    before = trainer.params()
    trainer.set_hyper(batch_size=16)
    assert trainer.config.batch_size == 16 and trainer.iteration == 10
    idx = BatchOrder(300, 0).order(0)[:16]
    expected = loss_and_grads(before, trainer.X[idx], trainer.y[idx], trainer.config.reg)
    trainer.step(1)
    assert trainer.losses[10] == pytest.approx(expected.loss, rel=1e-12)
    trainer.set_hyper(batch_size=0)
    trainer.step(1)
    assert trainer.iteration == 12
    with pytest.raises(ValueError, match=r"^optimizer cannot change during a run"):
        trainer.set_hyper(optimizer="adam")
    with pytest.raises(ValueError):
        trainer.set_hyper(batch_size=-1)
    assert trainer.config.batch_size == 0 and trainer.config.optimizer == "sgd"


# -- state for sessions, reset ---------------------------------------------------------------------


@pytest.mark.parametrize("optimizer", ["momentum", "adam", "rmsprop", "sgd"])
def test_state_arrays_resume_a_run_exactly(optimizer):
    cfg = TrainConfig(batch_size=64, optimizer=optimizer, step_size=STEP[optimizer], iterations=100)
    a = Trainer(cfg)
    a.step(13)
    params, state = a.params(), a.state_arrays()
    a.step(7)
    b = Trainer.from_arrays(cfg, a.X, a.y, params)
    b.load_state_arrays(state)
    b.step(7)
    for name, value in a.params().items():
        np.testing.assert_array_equal(b.params()[name], value)
    np.testing.assert_array_equal(b.losses, a.losses[13:])


def test_state_arrays_name_the_notes_parameters():
    s = Trainer(TrainConfig(optimizer="adam")).state_arrays()
    assert set(s) == {f"optimizer.{a}.{p}" for a in "mv" for p in ("W", "b", "W2", "b2")} | {
        "optimizer.t", "batch.epoch", "batch.position"}
    assert s["optimizer.m.W"].shape == (2, 100) and s["optimizer.v.b2"].shape == (1, 3)


def test_bad_state_arrays_are_refused_and_change_nothing():
    trainer = Trainer(TrainConfig(optimizer="momentum", batch_size=10))
    trainer.step(3)
    good = trainer.state_arrays()
    with pytest.raises(ValueError, match="does not fit this momentum run"):
        trainer.load_state_arrays(Trainer(TrainConfig(optimizer="adam")).state_arrays())
    with pytest.raises(ValueError, match="shape"):
        trainer.load_state_arrays(good | {"optimizer.v.W": np.zeros((3, 3))})
    with pytest.raises(ValueError, match="out of range"):
        trainer.load_state_arrays(good | {"batch.position": np.array(10**9)})
    for key, value in trainer.state_arrays().items():
        np.testing.assert_array_equal(value, good[key])


def test_reset_clears_optimizer_state_and_batch_order():
    cfg = TrainConfig(batch_size=32, optimizer="adam", step_size=0.01, iterations=100)
    trainer = Trainer(cfg)
    trainer.step(40)
    first = trainer.losses.copy()
    trainer.reset()
    assert all(not v.any() for v in trainer.state_arrays().values())
    assert trainer.full_losses()[0].size == 0
    trainer.step(40)
    np.testing.assert_array_equal(trainer.losses, first)


def _accuracies(config: TrainConfig, every: int = 10) -> list[float]:
    trainer, out = Trainer(config), []
    while not trainer.finished:
        trainer.step(every)
        out.append(trainer.accuracy())
    return out


def test_adam_reaches_the_case_study_accuracy_far_sooner_than_the_notes():
    adam = _accuracies(TrainConfig(optimizer="adam", step_size=0.1, iterations=200))
    sgd = _accuracies(TrainConfig(iterations=200))
    assert max(adam) >= 0.98 > max(sgd)
