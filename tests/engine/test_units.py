"""Hidden units on the plane, held to a full forward/backward pass (`models.loss_and_grads`)."""

import math

import numpy as np
import pytest

from spiral_gui.engine import TrainConfig, Trainer, forward, loss_and_grads, units
from spiral_gui.engine.grid import GridSpec

RECT = (-2.0, -1.5, 4.0, 3.0)


def _net(rng, h=12, n=60, k=3):
    X = rng.randn(n, 2)
    y = (np.arange(n) % k).astype(np.uint8)
    params = {"W": rng.randn(2, h), "b": rng.randn(1, h), "W2": rng.randn(h, k), "b2": rng.randn(1, k)}
    return X, y, params


def _corners(rect):
    x, y, w, h = rect
    return np.array([[x, y], [x + w, y], [x, y + h], [x + w, y + h]])


def test_clipped_segments_lie_on_their_line_and_on_the_rectangle(rng):
    W = rng.randn(2, 500)
    b = 2.0 * rng.randn(1, 500)
    seg, visible = units.clip_lines(W, b, RECT)
    z_corners = _corners(RECT) @ W + b
    # A line crosses a convex rectangle exactly when its corners are not all on one side.
    crosses = (z_corners > 0).any(axis=0) & (z_corners < 0).any(axis=0)
    np.testing.assert_array_equal(visible, crosses)
    assert 50 < visible.sum() < 450
    x, y, w, h = RECT
    for end in (seg[visible, 0], seg[visible, 1]):
        z = (end[:, None, :] @ W.T[visible][:, :, None]).ravel() + b[0, visible]
        assert np.abs(z).max() < 1e-12
        on_x = np.isclose(end[:, 0], x) | np.isclose(end[:, 0], x + w)
        on_y = np.isclose(end[:, 1], y) | np.isclose(end[:, 1], y + h)
        assert (on_x | on_y).all()
        assert (end[:, 0] >= x - 1e-12).all() and (end[:, 0] <= x + w + 1e-12).all()
        assert (end[:, 1] >= y - 1e-12).all() and (end[:, 1] <= y + h + 1e-12).all()
    assert np.isnan(seg[~visible]).all()


def test_axis_parallel_lines_are_clipped_too():
    W = np.array([[1.0, 0.0], [0.0, -2.0]])  # x = 0.5 and y = 0.25
    b = np.array([[-0.5, 0.5]])
    seg, visible = units.clip_lines(W, b, RECT)
    assert visible.all()
    np.testing.assert_allclose(sorted(seg[0, :, 1]), [-1.5, 1.5])
    np.testing.assert_allclose(seg[0, :, 0], [0.5, 0.5])
    np.testing.assert_allclose(sorted(seg[1, :, 0]), [-2.0, 2.0])
    np.testing.assert_allclose(seg[1, :, 1], [0.25, 0.25])


def test_normal_and_marker_point_to_the_active_side(rng):
    _, _, params = _net(rng, h=200)
    lines = units.unit_lines(params, RECT)
    W, b = params["W"], params["b"][0]
    v = lines.visible
    z_marker = (lines.markers[v] * W.T[v]).sum(axis=1) + b[v]
    assert (z_marker > 0).all()
    np.testing.assert_allclose(np.linalg.norm(lines.normals, axis=1), 1.0)
    # Invisible lines: the whole view is on one side, and active_in_view says which.
    inv = ~v
    assert inv.any()
    z_corners = _corners(RECT) @ W[:, inv] + b[inv]
    np.testing.assert_array_equal(lines.active_in_view[inv], (z_corners > 0).all(axis=0))


def test_a_flat_unit_has_no_line_and_is_active_everywhere_or_nowhere():
    params = {"W": np.zeros((2, 2)), "b": np.array([[0.3, -0.3]])}
    lines = units.unit_lines(params, RECT)
    assert lines.flat.all() and not lines.visible.any()
    assert np.isnan(lines.normals).all() and np.isnan(lines.markers).all()
    np.testing.assert_array_equal(lines.active_in_view, [True, False])


def test_unit_stats_match_the_hidden_layer_of_a_full_forward_pass(rng, monkeypatch):
    X, _, params = _net(rng, h=30, n=700)
    params["b"][0, :5] = -50.0  # five units dead on every point
    _, hidden_layer = forward(params, X)
    expected_dead = (hidden_layer == 0).all(axis=0)
    norms = np.linalg.norm(params["W2"], axis=1)
    push = np.linalg.norm(hidden_layer[:, :, None] * params["W2"][None], axis=2).mean(axis=0)
    for block_values in (units.BLOCK_VALUES, 1):  # one block, then blocks of 256 rows
        monkeypatch.setattr(units, "BLOCK_VALUES", block_values)
        stats = units.unit_stats(params, X)
        np.testing.assert_array_equal(stats.dead, expected_dead)
        assert stats.dead_count == int(expected_dead.sum()) and stats.dead[:5].all()
        np.testing.assert_array_equal(stats.active_count, (hidden_layer > 0).sum(axis=0))
        np.testing.assert_allclose(stats.mean_activation, hidden_layer.mean(axis=0), rtol=1e-12)
        np.testing.assert_allclose(stats.strength, norms, rtol=1e-12)
        np.testing.assert_allclose(stats.contribution, push, rtol=1e-12)
        np.testing.assert_array_equal(stats.favoured_class, params["W2"].argmax(axis=1))
    order = stats.order()
    assert (np.diff(stats.contribution[order]) <= 0).all()
    np.testing.assert_array_equal(stats.strongest(4), order[:4])
    dead = stats.dead_count
    assert set(order[-dead:]) == set(np.flatnonzero(expected_dead))  # dead units contribute nothing


def test_unit_stats_can_be_abandoned_between_blocks(rng, monkeypatch):
    X, _, params = _net(rng, h=10, n=600)
    monkeypatch.setattr(units, "BLOCK_VALUES", 1)
    calls = []
    assert units.unit_stats(params, X, should_stop=lambda: calls.append(1) or True) is None
    assert calls == [1]


def test_default_run_reports_its_dead_units(trained_net):
    params = trained_net.params()
    stats = units.unit_stats(params, trained_net.X)
    _, hidden_layer = forward(params, trained_net.X)
    assert stats.dead_count == int((hidden_layer == 0).all(axis=0).sum()) > 0
    diagnosis = units.diagnose(
        params, trained_net.X, trained_net.y, step_size=1.0, reg=1e-3, iteration=trained_net.iteration
    )
    assert diagnosis.healthy and diagnosis.dead_units == stats.dead_count
    np.testing.assert_array_equal(diagnosis.stats.dead, stats.dead)
    np.testing.assert_array_equal(diagnosis.stats.active_count, stats.active_count)


def test_step_size_10_kills_every_unit_and_W_then_only_decays():
    trainer = Trainer(TrainConfig(step_size=10.0))
    trainer.step(120)
    params = trainer.params()
    d = units.diagnose(params, trainer.X, trainer.y, step_size=10.0, reg=1e-3, iteration=trainer.iteration)
    assert d.failures == (units.Failure.ALL_UNITS_DEAD,)
    assert d.dead_units == d.hidden == 100 and d.dhidden_all_zero
    # What the diagnosis claims, checked on the full backward pass: W and b get no data gradient.
    grads = loss_and_grads(params, trainer.X, trainer.y, 1e-3).grads
    np.testing.assert_array_equal(grads["W"], 1e-3 * params["W"])
    assert not grads["b"].any()
    assert units.REMEDY[units.Failure.ALL_UNITS_DEAD] == ("lower step_size", "reset")


def test_strong_reg_sits_at_chance_but_a_fresh_run_is_healthy():
    fresh = Trainer(TrainConfig(reg=0.3))
    d0 = units.diagnose(fresh.params(), fresh.X, fresh.y, step_size=1.0, reg=0.3, iteration=0)
    assert d0.healthy  # small random weights also give ln K: not a failure yet
    fresh.step(300)
    d = units.diagnose(fresh.params(), fresh.X, fresh.y, step_size=1.0, reg=0.3, iteration=300)
    assert units.Failure.REG_DOMINATES in d.failures
    assert d.chance_loss == pytest.approx(math.log(3))
    assert d.data_loss == pytest.approx(math.log(3), rel=1e-3) and d.max_prob_deviation < 0.02
    weak = Trainer(TrainConfig(reg=1e-3))
    weak.step(300)
    dw = units.diagnose(weak.params(), weak.X, weak.y, step_size=1.0, reg=1e-3, iteration=300)
    assert dw.healthy and dw.data_loss < 0.9


def test_unit_detail_matches_the_full_backward_pass(rng):
    X, y, params = _net(rng, h=15, n=90)
    reg, step = 0.01, 0.7
    grads = loss_and_grads(params, X, y, reg).grads
    _, hidden_layer = forward(params, X)
    for j in range(15):
        d = units.unit_detail(params, X, y, j, reg=reg, step_size=step, rect=RECT)
        np.testing.assert_array_equal(d.receives, hidden_layer[:, j] > 0)
        assert d.receives_count + d.blocked_count == 90
        assert d.receives_count == int((hidden_layer[:, j] > 0).sum())
        np.testing.assert_allclose(d.dW, grads["W"][:, j], rtol=1e-12, atol=1e-15)
        assert d.db == pytest.approx(grads["b"][0, j], rel=1e-12, abs=1e-15)
        np.testing.assert_array_equal(d.W2, params["W2"][j])
        np.testing.assert_allclose(d.next_W, params["W"][:, j] - step * grads["W"][:, j], rtol=1e-12)
        if not np.isnan(d.next_segment).any():
            z = d.next_segment @ d.next_W + d.next_b
            assert np.abs(z).max() < 1e-12


def test_points_on_the_dead_side_cannot_move_the_line(rng):
    X, y, params = _net(rng, h=6, n=60)
    d = units.unit_detail(params, X, y, 2, reg=0.0, step_size=1.0, rect=RECT)
    assert 0 < d.blocked_count < 60
    # Push every blocked point deeper into the dead side: unit 2's gradient does not change.
    normal = params["W"][:, 2] / np.linalg.norm(params["W"][:, 2])
    moved = X.copy()
    moved[d.blocked] -= 0.5 * normal
    d2 = units.unit_detail(params, moved, y, 2, reg=0.0, step_size=1.0, rect=RECT)
    np.testing.assert_array_equal(d2.blocked, d.blocked)
    np.testing.assert_array_equal(d2.dW, d.dW)
    assert d2.db == d.db
    with pytest.raises(ValueError, match="unit must be between 0 and 5"):
        units.unit_detail(params, X, y, 6, reg=0.0, step_size=1.0, rect=RECT)


def test_thumbnails_are_the_activation_on_the_grid(rng):
    _, _, params = _net(rng, h=20)
    thumbs = units.unit_thumbnails(params, RECT, size=16, units=np.array([3, 7, 11]))
    assert thumbs.images.shape == (3, 16, 16) and thumbs.images.dtype == np.float32
    x, y, w, h = RECT
    xs = x + (np.arange(16) + 0.5) * w / 16
    ys = y + (np.arange(16) + 0.5) * h / 16
    xx, yy = np.meshgrid(xs, ys)
    for u, j in enumerate([3, 7, 11]):
        expected = np.maximum(0, xx * params["W"][0, j] + yy * params["W"][1, j] + params["b"][0, j])
        np.testing.assert_allclose(thumbs.images[u], expected, rtol=1e-5, atol=1e-5)
        assert thumbs.peaks[u] == pytest.approx(expected.max(), rel=1e-5, abs=1e-5)
    assert units.unit_thumbnails(params, GridSpec.over(np.zeros((1, 2))).rect).images.shape == (20, 32, 32)
