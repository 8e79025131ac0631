"""The data sets: shapes, classes, what the noise does, the seed's stream, and fixed K."""

import numpy as np
import pytest

from spiral_gui.cli import main
from spiral_gui.engine import TrainConfig, Trainer, make_spiral
from spiral_gui.engine.config import DATASETS, FIELD_CHANGE, FIELD_HELP, FIELD_TITLES, Change, fixed_k
from spiral_gui.engine.datasets import GENERATED, make_data, make_dataset
from spiral_gui.engine.models import initial_params

K_OF = {"spiral": 3, "rings": 4, "xor": 2, "blobs": 5, "moons": 2}


def test_the_list_of_data_sets():
    assert DATASETS == ("spiral", "rings", "xor", "blobs", "moons", "custom")
    assert DATASETS[:-1] == GENERATED
    assert TrainConfig().dataset == "spiral"
    for name in ("dataset", "test_fraction"):
        assert FIELD_CHANGE[name] is Change.DATA
        assert FIELD_TITLES[name] and FIELD_HELP[name]


def test_the_default_is_the_notes_spiral_on_the_same_stream():
    """Data then weights, from one RandomState: the trainer's arrays are the notebook's."""
    rng = np.random.RandomState(0)
    X, y = make_spiral(100, 3, rng, 0.2)
    from spiral_gui.engine import init_params

    init_params("linear", 3, 100, rng)
    expected = init_params("nn", 3, 100, rng)
    trainer = Trainer(TrainConfig())
    np.testing.assert_array_equal(trainer.X, X)
    np.testing.assert_array_equal(trainer.y, y)
    for name, value in trainer.params().items():
        np.testing.assert_array_equal(value, expected[name])


@pytest.mark.parametrize("name", GENERATED)
def test_shape_dtype_classes_in_blocks_and_range(name):
    k = K_OF[name]
    X, y = make_dataset(name, 500, k, np.random.RandomState(1), 0.2)
    assert X.shape == (500 * k, 2) and X.dtype == np.float64
    assert y.shape == (500 * k,) and y.dtype == np.uint8
    np.testing.assert_array_equal(y, np.repeat(np.arange(k), 500))
    assert np.isfinite(X).all()
    assert np.abs(X).max() < 1.5  # roughly [-1, 1]², like the spiral
    assert np.abs(X).max() > 0.5


@pytest.mark.parametrize("name", GENERATED)
def test_seed_reproduces_and_differs(name):
    k = K_OF[name]
    a = make_dataset(name, 50, k, np.random.RandomState(3), 0.2)[0]
    b = make_dataset(name, 50, k, np.random.RandomState(3), 0.2)[0]
    c = make_dataset(name, 50, k, np.random.RandomState(4), 0.2)[0]
    np.testing.assert_array_equal(a, b)
    assert not np.array_equal(a, c)


@pytest.mark.parametrize("name", GENERATED)
def test_noise_blurs_the_points(name):
    k = K_OF[name]
    calm = make_dataset(name, 400, k, np.random.RandomState(5), 0.0)[0]
    blurred = make_dataset(name, 400, k, np.random.RandomState(5), 1.0)[0]
    assert np.abs(blurred - calm).mean() > 0.05


@pytest.mark.parametrize("name", GENERATED)
def test_weights_follow_the_data_on_the_stream(name):
    """The weights are drawn after the data, so the data set changes where they come from."""
    config = TrainConfig(dataset=name, k=K_OF[name], n=20, hidden=8)
    rng = np.random.RandomState(config.seed)
    X, y = make_data(config, rng)
    params = initial_params(config, rng)
    trainer = Trainer(config)
    np.testing.assert_array_equal(trainer.X, X)
    np.testing.assert_array_equal(trainer.y, y)
    for key, value in trainer.params().items():
        np.testing.assert_array_equal(value, params[key])


def test_noise_free_shapes_follow_their_formulas():
    rng = np.random.RandomState(0)
    X, y = make_dataset("rings", 30, 4, rng, 0.0)
    np.testing.assert_allclose(np.hypot(*X.T), (y + 1.0) / 4, atol=1e-12)

    X, y = make_dataset("blobs", 10, 4, rng, 0.0)
    centres = 0.6 * np.c_[np.sin(np.pi / 2 * y), np.cos(np.pi / 2 * y)]
    np.testing.assert_allclose(X, centres, atol=1e-12)

    X, y = make_dataset("xor", 40, 2, rng, 0.0)
    assert (np.abs(X) >= 0.05).all()
    np.testing.assert_array_equal(X[:, 0] * X[:, 1] < 0, y == 1)
    # Each class fills both of its quadrants.
    assert len({tuple(s) for s in np.sign(X[y == 0])}) == 2
    assert len({tuple(s) for s in np.sign(X[y == 1])}) == 2

    X, y = make_dataset("moons", 50, 2, rng, 0.0)
    t = np.linspace(0, np.pi, 50)
    upper = (np.c_[np.cos(t), np.sin(t)] - (0.5, 0.25)) * 2 / 3
    np.testing.assert_allclose(X[y == 0], upper, atol=1e-12)
    assert X[:, 0].min() == pytest.approx(-1) and X[:, 0].max() == pytest.approx(1)


def test_a_million_points_per_class():
    X, y = make_dataset("rings", 1_000_000, 3, np.random.RandomState(0), 0.2)
    assert X.shape == (3_000_000, 2) and np.bincount(y).tolist() == [1_000_000] * 3


@pytest.mark.parametrize("name", ["xor", "moons"])
def test_xor_and_moons_fix_k_at_two(name):
    assert fixed_k(name) == 2
    assert TrainConfig(dataset=name, k=2).k == 2
    with pytest.raises(ValueError) as info:
        TrainConfig(dataset=name)  # K = 3 by default
    assert str(info.value) == f"k must be 2 for the {name} data set, which has 2 classes, got 3"
    assert TrainConfig().with_dataset(name) == TrainConfig(dataset=name, k=2)
    with pytest.raises(ValueError, match="k must be 2"):
        make_dataset(name, 5, 3, np.random.RandomState(0))


@pytest.mark.parametrize("name", ["spiral", "rings", "blobs", "custom"])
def test_other_sets_leave_k_free(name):
    assert fixed_k(name) is None
    assert TrainConfig(k=7).with_dataset(name).k == 7


def test_unknown_and_custom_data_sets_are_refused_where_they_cannot_be_drawn():
    with pytest.raises(ValueError, match=r"^dataset must be one of spiral, rings, .*custom, got 'swirl'"):
        TrainConfig(dataset="swirl")
    with pytest.raises(ValueError, match="custom data is not drawn from the seed"):
        Trainer(TrainConfig(dataset="custom"))


def test_changing_the_data_set_is_a_data_change():
    old = TrainConfig()
    assert old.replace(dataset="rings").change_from(old) is Change.DATA


def test_cli_dataset_option(capsys):
    code = main(["--dataset", "xor", "--n", "20", "--hidden", "8", "--iters", "20", "--print-every", "10"])
    out, err = capsys.readouterr()
    assert code == 0 and err == ""
    trainer = Trainer(TrainConfig(dataset="xor", k=2, n=20, hidden=8, iterations=20))
    trainer.step(20)
    assert out.splitlines() == [
        f"iteration 0: loss {trainer.losses[0]:f}",
        f"iteration 10: loss {trainer.losses[10]:f}",
        f"training accuracy: {trainer.accuracy():.2f}",
    ]


def test_cli_refuses_a_k_the_data_set_does_not_have(capsys):
    code = main(["--dataset", "moons", "--k", "3"])
    _, err = capsys.readouterr()
    assert code == 2
    assert err == "spiral-train: error: --k must be 2 for the moons data set, which has 2 classes, got 3\n"


def test_cli_refuses_custom_data(capsys):
    with pytest.raises(SystemExit) as info:
        main(["--dataset", "custom"])
    assert info.value.code == 2
    assert "invalid choice: 'custom'" in capsys.readouterr().err
