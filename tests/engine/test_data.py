"""The spiral data set (spec §1)."""

import numpy as np
import pytest

from spiral_gui.engine import make_spiral

from .reference import FIRST_ROWS, LAST_ROW, SEED, K, N


@pytest.fixture(scope="module")
def data():
    return make_spiral(N, K, np.random.RandomState(SEED), 0.2)


def test_first_and_last_rows_match_the_spec(data):
    X, _ = data
    for i, row in enumerate(FIRST_ROWS):
        np.testing.assert_allclose(X[i], row, rtol=0, atol=5e-9, err_msg=f"row {i}")
    np.testing.assert_allclose(X[-1], LAST_ROW, rtol=0, atol=5e-9)
    assert X[0, 0] == 0 and X[0, 1] == 0


def test_shapes_and_dtypes(data):
    X, y = data
    assert X.shape == (N * K, 2)
    assert X.dtype == np.float64
    assert y.shape == (N * K,)
    assert y.dtype == np.uint8


def test_classes_come_in_order_in_blocks_of_n(data):
    _, y = data
    np.testing.assert_array_equal(y, np.repeat(np.arange(K), N))


def test_radius_is_linspace_zero_to_one_in_every_class(data):
    X, _ = data
    r = np.hypot(X[:, 0], X[:, 1]).reshape(K, N)
    for j in range(K):
        np.testing.assert_allclose(r[j], np.linspace(0.0, 1.0, N), rtol=0, atol=1e-12)


def test_noise_free_arm_follows_the_formula():
    """With no theta noise, class j is r*(sin t, cos t) with t = linspace(4j, 4(j+1), N)."""
    n, k = 7, 4
    X, y = make_spiral(n, k, np.random.RandomState(3), noise=0.0)
    r = np.linspace(0.0, 1.0, n)
    for j in range(k):
        t = np.linspace(4 * j, 4 * (j + 1), n)
        np.testing.assert_allclose(X[n * j : n * (j + 1), 0], r * np.sin(t), atol=1e-15)
        np.testing.assert_allclose(X[n * j : n * (j + 1), 1], r * np.cos(t), atol=1e-15)
        assert (y[n * j : n * (j + 1)] == j).all()


def test_draws_one_randn_of_n_per_class_from_the_stream():
    """The stream after the data is where the weights come from, so its position matters."""
    rng = np.random.RandomState(SEED)
    make_spiral(N, K, rng, 0.2)
    expected = np.random.RandomState(SEED)
    expected.randn(N * K)
    np.testing.assert_array_equal(rng.randn(5), expected.randn(5))


def test_noise_scales_the_angle_perturbation():
    rng_a, rng_b = np.random.RandomState(1), np.random.RandomState(1)
    Xa, _ = make_spiral(50, 3, rng_a, noise=0.0)
    Xb, _ = make_spiral(50, 3, rng_b, noise=0.5)
    # Same radii, different angles.
    np.testing.assert_allclose(np.hypot(*Xa.T), np.hypot(*Xb.T), atol=1e-12)
    assert not np.allclose(Xa, Xb)


def test_seed_reproduces_and_differs():
    X1, _ = make_spiral(20, 3, np.random.RandomState(7))
    X2, _ = make_spiral(20, 3, np.random.RandomState(7))
    X3, _ = make_spiral(20, 3, np.random.RandomState(8))
    np.testing.assert_array_equal(X1, X2)
    assert not np.array_equal(X1, X3)
