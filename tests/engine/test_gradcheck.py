"""The gradient check passes on the real gradient and fails on the one without the ReLU mask."""

import functools

import numpy as np
import pytest

from spiral_gui.engine import TrainConfig, Trainer, loss_and_grads
from spiral_gui.engine.gradcheck import (
    PASS,
    forward_losses,
    gradient_check,
    incremental_losses,
    loss_and_grads_without_mask,
    relu_kinks,
)
from spiral_gui.engine.stepper import notebook_loss_and_grads


@functools.cache
def _state(model: str, iterations: int):
    trainer = Trainer(TrainConfig(model=model))
    trainer.step(iterations)
    return trainer.params(), trainer.X, trainer.y, trainer.config.reg


@pytest.mark.parametrize("iterations", [0, 300, 1000])
def test_the_real_gradient_passes_at_the_case_study_size(iterations):
    params, X, y, reg = _state("nn", iterations)
    check = gradient_check(params, X, y, reg, point_losses=forward_losses)
    assert [a.name for a in check.arrays] == ["W", "b", "W2", "b2"]
    for a in check.arrays:
        assert not a.sampled and a.checked == a.size == params[a.name].size  # every entry
    assert check.passed() and check.worst <= PASS
    assert check["W2"].max_rel_error <= PASS and not check["W2"].kink.any()
    clean_w = ~check["W"].kink
    assert clean_w.sum() >= 40  # the check covers a real share of W, not only kink-free corners
    if iterations == 0:
        # Every b[j] sits on a kink: the three first points are the origin, where z = b[j] = 0.
        assert check["b"].kink.all() and np.isnan(check["b"].max_rel_error)
    else:
        assert (~check["b"].kink).sum() >= 40


def test_the_linear_model_passes_with_no_kinks():
    params, X, y, reg = _state("linear", 50)
    check = gradient_check(params, X, y, reg)
    assert [a.name for a in check.arrays] == ["W", "b"]
    assert check.passed() and not any(a.kink.any() for a in check.arrays)


@pytest.mark.parametrize("iterations", [0, 300])
def test_the_gradient_without_the_mask_fails(iterations):
    params, X, y, reg = _state("nn", iterations)
    check = gradient_check(params, X, y, reg, loss_and_grads_without_mask, point_losses=forward_losses)
    assert check["W"].max_rel_error > 1e-2
    assert check["b"].max_rel_error_all > 1e-2
    if iterations:
        assert check["b"].max_rel_error > 1e-2
    assert check["W2"].max_rel_error <= PASS  # above the mask, the gradient is still right
    assert not check.passed()


def test_kinks_are_entries_whose_stencil_crosses_z_equals_zero():
    params, X, _, _ = _state("nn", 300)
    z = X @ params["W"] + params["b"]
    entries = np.array([[0, j] for j in range(100)])
    near = relu_kinks(params, X, "b", entries, 1e-3)
    for j in range(100):
        assert near[j] == bool(np.any(np.abs(z[:, j]) < 1e-3))
    assert near.any() and not near.all()
    assert not relu_kinks(params, X, "W2", np.array([[0, 0]]), 1.0).any()


def test_large_arrays_are_sampled_reproducibly_and_the_check_can_stop(rng):
    h = 400
    X = rng.randn(40, 2)
    y = (np.arange(40) % 3).astype(np.uint8)
    params = {"W": rng.randn(2, h), "b": rng.randn(1, h), "W2": 0.1 * rng.randn(h, 3), "b2": np.zeros((1, 3))}
    check = gradient_check(params, X, y, 1e-3, full_up_to=500, sample=7, seed=3, order=2, h=1e-5)
    assert check["W"].sampled and check["W"].checked == 7 and check["W"].size == 800
    assert not check["b"].sampled and check["b"].checked == 400
    assert check["W2"].sampled and not check["b2"].sampled
    again = gradient_check(params, X, y, 1e-3, full_up_to=500, sample=7, seed=3, order=2, h=1e-5)
    np.testing.assert_array_equal(check["W"].entries, again["W"].entries)
    other = gradient_check(params, X, y, 1e-3, full_up_to=500, sample=7, seed=4, order=2, h=1e-5)
    assert not np.array_equal(check["W"].entries, other["W"].entries)
    assert check.passed(1e-5)
    calls = []
    assert gradient_check(params, X, y, 1e-3, should_stop=lambda: calls.append(1) or len(calls) > 3) is None
    assert len(calls) == 4
    with pytest.raises(ValueError, match="order must be 2 or 4"):
        gradient_check(params, X, y, 1e-3, order=3)


def test_the_check_does_not_write_the_parameters():
    params, X, y, reg = _state("nn", 300)
    before = {k: v.copy() for k, v in params.items()}
    writable = {k: np.array(v) for k, v in params.items()}
    gradient_check(writable, X, y, reg, point_losses=forward_losses, full_up_to=50, sample=5)
    for k in params:
        np.testing.assert_array_equal(writable[k], before[k])


@pytest.mark.parametrize("activation", ["tanh", "sigmoid", "leaky_relu"])
def test_the_notebooks_other_activations_have_right_gradients(activation, rng):
    X = rng.randn(30, 2)
    y = (np.arange(30) % 3).astype(np.uint8)
    params = {"W": rng.randn(2, 8), "b": rng.randn(1, 8), "W2": rng.randn(8, 3), "b2": rng.randn(1, 3)}
    fn = functools.partial(notebook_loss_and_grads, activation=activation)
    kinks = relu_kinks if activation == "leaky_relu" else None
    check = gradient_check(params, X, y, 1e-2, fn, kinks=kinks)
    assert check.passed(), [(a.name, a.max_rel_error) for a in check.arrays]
    relu = gradient_check(params, X, y, 1e-2, notebook_loss_and_grads)
    reference = gradient_check(params, X, y, 1e-2, loss_and_grads)
    np.testing.assert_allclose(relu["W"].analytic, reference["W"].analytic, rtol=1e-12, atol=1e-17)


def test_incremental_losses_equal_a_full_forward_pass(rng):
    params, X, y, reg = _state("nn", 300)
    fast = incremental_losses(params, X, y)
    work = {k: np.array(v) for k, v in params.items()}
    for name, idx in [("W", (1, 7)), ("b", (0, 42)), ("W2", (13, 2)), ("b2", (0, 1)), ("W", (0, 99))]:
        for delta in (1e-4, -0.3, 2.0):  # small moves, and big ones that switch units on or off
            work[name][idx] += delta
            ours, ours_reg = fast(work, X, y, reg)
            full, full_reg = forward_losses(work, X, y, reg)
            np.testing.assert_allclose(ours, full, rtol=1e-12, atol=1e-14)
            assert ours_reg == full_reg
            work[name][idx] = params[name][idx]
    # Two entries changed: a full forward pass, not a wrong shortcut.
    work["W"][0, 0] += 1.0
    work["W2"][0, 0] += 1.0
    np.testing.assert_array_equal(fast(work, X, y, reg)[0], forward_losses(work, X, y, reg)[0])
    assert incremental_losses(*_state("linear", 0)[:3]) is forward_losses


def test_with_incremental_losses_the_verdicts_are_the_same():
    params, X, y, reg = _state("nn", 300)
    fast = incremental_losses(params, X, y)
    good = gradient_check(params, X, y, reg, point_losses=fast)
    bad = gradient_check(params, X, y, reg, loss_and_grads_without_mask, point_losses=fast)
    assert good.passed() and bad["W"].max_rel_error > 1e-2 and bad["b"].max_rel_error > 1e-2
    slow = gradient_check(params, X, y, reg, point_losses=forward_losses)
    for a, b in zip(good.arrays, slow.arrays, strict=True):
        np.testing.assert_allclose(a.numerical, b.numerical, rtol=1e-6, atol=1e-12)
        np.testing.assert_array_equal(a.kink, b.kink)


@pytest.mark.parametrize("activation", ["relu", "leaky_relu", "tanh", "sigmoid"])
def test_every_activation_s_gradient_passes(activation):
    """The readable gradient of every activation (the trainer's own, which its tests hold equal)
    agrees with finite differences, after some training with that activation."""
    trainer = Trainer(TrainConfig(activation=activation, init="he", step_size=0.5, iterations=200))
    trainer.step(200)
    params, X, y, reg = trainer.params(), trainer.X, trainer.y, trainer.config.reg
    lag = functools.partial(loss_and_grads, activation=activation)
    kinks = relu_kinks if activation in ("relu", "leaky_relu") else None
    check = gradient_check(params, X, y, reg, lag, kinks=kinks)
    assert check.passed(), [(a.name, a.max_rel_error) for a in check.arrays]


@pytest.mark.parametrize("activation", ["relu", "leaky_relu"])
def test_skipping_the_mask_fails_the_check(activation):
    trainer = Trainer(TrainConfig(activation=activation, iterations=300))
    trainer.step(300)
    params, X, y, reg = trainer.params(), trainer.X, trainer.y, trainer.config.reg
    lag = functools.partial(loss_and_grads, activation=activation, skip_mask=True)
    check = gradient_check(params, X, y, reg, lag, kinks=relu_kinks)
    assert check["W"].max_rel_error_all > 1e-2
