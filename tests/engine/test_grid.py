"""Decision regions on a grid (spec §4)."""

import numpy as np
import pytest

from spiral_gui.engine import TrainConfig, Trainer, make_spiral, predict
from spiral_gui.engine.grid import GridSpec, predict_grid, predict_grid_probs

from .reference import GRID_COLS, GRID_ROWS, SEED, K, N


@pytest.fixture(scope="module")
def X():
    return make_spiral(N, K, np.random.RandomState(SEED))[0]


def test_notebook_grid_has_the_spec_shape(X):
    grid = GridSpec.with_spacing(X)
    assert grid.shape == (GRID_ROWS, GRID_COLS)
    assert grid.shape == (len(grid.ys), len(grid.xs))


def test_notebook_grid_spacing_and_start(X):
    grid = GridSpec.with_spacing(X, 0.02)
    np.testing.assert_allclose(np.diff(grid.xs), 0.02, atol=1e-12)
    np.testing.assert_allclose(np.diff(grid.ys), 0.02, atol=1e-12)
    assert grid.xs[0] == pytest.approx(X[:, 0].min() - 1)
    assert grid.ys[0] == pytest.approx(X[:, 1].min() - 1)
    assert X[:, 0].max() + 1 - 0.02 <= grid.xs[-1] < X[:, 0].max() + 1
    assert X[:, 1].max() + 1 - 0.02 <= grid.ys[-1] < X[:, 1].max() + 1


def test_over_spans_the_data_bounds_plus_one(X):
    grid = GridSpec.over(X, cells=50)
    assert grid.shape == (50, 50)
    assert grid.xs[0] == pytest.approx(X[:, 0].min() - 1)
    assert grid.xs[-1] == pytest.approx(X[:, 0].max() + 1)
    assert grid.ys[0] == pytest.approx(X[:, 1].min() - 1)
    assert grid.ys[-1] == pytest.approx(X[:, 1].max() + 1)
    assert (np.diff(grid.xs) > 0).all() and (np.diff(grid.ys) > 0).all()


def test_rect_covers_the_cells_edge_to_edge():
    grid = GridSpec(np.array([0.0, 1.0, 2.0, 3.0]), np.array([10.0, 12.0, 14.0]))
    assert grid.rect == pytest.approx((-0.5, 9.0, 4.0, 6.0))


def test_points_are_row_major_with_y_per_row():
    grid = GridSpec(np.array([0.0, 1.0, 2.0]), np.array([5.0, 6.0]))
    np.testing.assert_array_equal(grid.points(), [[0, 5], [1, 5], [2, 5], [0, 6], [1, 6], [2, 6]])


def _by_sign(axis: int) -> dict[str, np.ndarray]:
    """A linear model that says class 1 where coordinate `axis` is positive, else class 0."""
    W = np.zeros((2, 2))
    W[axis] = [-1.0, 1.0]
    return {"W": W, "b": np.zeros((1, 2))}


@pytest.mark.parametrize("dtype", [np.float64, np.float32])
def test_row_zero_is_the_lowest_y(dtype):
    grid = GridSpec(np.array([-1.0, 1.0, 2.0]), np.array([-2.0, -1.0, 3.0]))
    regions = predict_grid(_by_sign(1), grid, dtype)
    np.testing.assert_array_equal(regions, [[0, 0, 0], [0, 0, 0], [1, 1, 1]])
    columns = predict_grid(_by_sign(0), grid, dtype)
    np.testing.assert_array_equal(columns, [[0, 1, 1]] * 3)


def test_regions_type_and_shape(trained_net, X):
    grid = GridSpec.with_spacing(X)
    regions = predict_grid(trained_net.params(), grid)
    assert regions.dtype == np.uint8
    assert regions.shape == grid.shape
    assert set(np.unique(regions)) == set(range(K))  # the net draws all three arms


def test_cells_are_the_model_at_their_centre(trained_net, X):
    grid = GridSpec.with_spacing(X)
    params = trained_net.params()
    regions = predict_grid(params, grid)
    rows, cols = grid.shape
    corners = [(0, 0), (0, cols - 1), (rows - 1, 0), (rows - 1, cols - 1)]
    for r, c in [*corners, (rows // 2, cols // 3), (17, 150)]:
        point = np.array([[grid.xs[c], grid.ys[r]]])
        assert regions[r, c] == predict(params, point)[0], (r, c)


def test_float32_labels_agree_with_float64(trained_net, X):
    grid = GridSpec.with_spacing(X)
    params = trained_net.params()
    full = predict_grid(params, grid, np.float64)
    fast = predict_grid(params, grid, np.float32)
    assert fast.dtype == np.uint8 and fast.shape == full.shape
    assert np.mean(full == fast) >= 0.999


def test_trained_net_regions_contain_the_training_points(trained_net, X):
    """The decision regions agree with the training accuracy: ~98% of points in their class."""
    params = trained_net.params()
    grid = GridSpec.with_spacing(X)
    regions = predict_grid(params, grid)
    cols = np.clip(np.rint((X[:, 0] - grid.xs[0]) / 0.02).astype(int), 0, grid.shape[1] - 1)
    rows = np.clip(np.rint((X[:, 1] - grid.ys[0]) / 0.02).astype(int), 0, grid.shape[0] - 1)
    assert np.mean(regions[rows, cols] == trained_net.y) >= 0.95


def test_grid_follows_the_activation():
    rng = np.random.RandomState(2)
    params = {"W": 2 * rng.randn(2, 12), "b": rng.randn(1, 12), "W2": rng.randn(12, 3)}
    params["b2"] = np.zeros((1, 3))
    grid = GridSpec(np.linspace(-2, 2, 40), np.linspace(-2, 2, 30))
    by_act = {}
    for act in ("relu", "leaky_relu", "tanh", "sigmoid"):
        by_act[act] = predict_grid(params, grid, np.float64, act)
        np.testing.assert_array_equal(by_act[act].ravel(), predict(params, grid.points(), act))
    assert not np.array_equal(by_act["relu"], by_act["tanh"])


# -- how sure the model is per cell ------------------------------------------------------------
def _expected_confidence(params, grid, activation="relu"):
    """The winning class's softmax probability from the notes' forward pass, rescaled to 0…255."""
    from spiral_gui.engine.models import forward, softmax

    probs = softmax(forward(params, grid.points(), activation)[0])
    k = probs.shape[1]
    scaled = (probs.max(axis=1) - 1 / k) * 255 * k / (k - 1)
    return scaled.reshape(grid.shape)


@pytest.mark.parametrize("model", ["nn", "linear"])
def test_probs_classes_are_the_argmax_and_confidence_the_softmax(trained_net, trained_linear, X, model):
    params = (trained_net if model == "nn" else trained_linear).params()
    grid = GridSpec.over(X, 60)
    classes, confidence = predict_grid_probs(params, grid, np.float64)
    assert classes.dtype == confidence.dtype == np.uint8
    assert classes.shape == confidence.shape == grid.shape
    np.testing.assert_array_equal(classes, predict_grid(params, grid, np.float64))
    expected = _expected_confidence(params, grid)
    assert np.abs(confidence.astype(float) - expected).max() <= 0.5 + 1e-6
    fast_classes, fast = predict_grid_probs(params, grid, np.float32)
    assert np.mean(fast_classes == classes) >= 0.999
    assert np.abs(fast.astype(int) - confidence.astype(int)).max() <= 1


def test_confidence_is_zero_where_classes_tie_and_high_far_out():
    # Two classes by the sign of y: equally likely on y = 0, sure far from it.
    grid = GridSpec(np.array([-1.0, 0.0, 1.0]), np.array([-20.0, 0.0, 20.0]))
    classes, confidence = predict_grid_probs(_by_sign(1), grid, np.float64)
    np.testing.assert_array_equal(confidence[1], [0, 0, 0])
    assert (confidence[0] == 255).all() and (confidence[2] == 255).all()
    np.testing.assert_array_equal(classes[2], [1, 1, 1])


def test_a_trained_net_is_surer_near_its_points_than_at_untrained_weights(trained_net, X):
    grid = GridSpec.over(X, 80)
    _, trained = predict_grid_probs(trained_net.params(), grid)
    untrained = Trainer(TrainConfig()).params()  # weights at 0.01 scale: scores near 0
    _, fresh = predict_grid_probs(untrained, grid)
    assert fresh.max() < 10  # all classes nearly equally likely everywhere
    cols = np.clip(np.rint((X[:, 0] - grid.xs[0]) / (grid.xs[1] - grid.xs[0])).astype(int), 0, 79)
    rows = np.clip(np.rint((X[:, 1] - grid.ys[0]) / (grid.ys[1] - grid.ys[0])).astype(int), 0, 79)
    assert np.median(trained[rows, cols]) > 200


def test_probs_grid_can_be_interrupted(trained_net, X):
    from spiral_gui.engine.blocks import Interrupted

    grid = GridSpec.over(X, 400)
    with pytest.raises(Interrupted):
        predict_grid_probs(trained_net.params(), grid, should_stop=lambda: True)
