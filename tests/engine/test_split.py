"""The held-out split, the evaluation of held-out points, the confusion matrix, the factory."""

import math

import numpy as np
import pytest

from spiral_gui.engine import TrainConfig, Trainer, loss_and_grads
from spiral_gui.engine.evaluation import confusion_matrix, evaluate, row_percentages
from spiral_gui.engine.experiment import MetricsLog, build_experiment
from spiral_gui.engine.models import forward, predict
from spiral_gui.engine.split import held_out_counts, held_out_mask, point_keys


def test_no_fraction_holds_nothing_out_and_is_exactly_the_notes():
    e = build_experiment(TrainConfig())
    assert not e.test.any() and e.test_count == 0
    plain = Trainer(TrainConfig())
    np.testing.assert_array_equal(e.trainer.X, plain.X)
    e.trainer.step(50)
    plain.step(50)
    np.testing.assert_array_equal(e.trainer.losses, plain.losses)
    test = e.evaluate_test()
    assert test.count == 0 and math.isnan(test.accuracy) and math.isnan(test.data_loss)


@pytest.mark.parametrize("fraction", [0.1, 0.25, 0.5, 0.9])
def test_split_is_stratified_and_keeps_a_training_point_per_class(fraction):
    config = TrainConfig(n=37, k=4, test_fraction=fraction)
    e = build_experiment(config)
    for j in range(4):
        held = int(e.test[e.y == j].sum())
        assert held == min(math.floor(37 * fraction + 0.5), 36)
    assert held_out_counts(np.array([1, 2, 10]), 0.9).tolist() == [0, 1, 9]


def test_split_does_not_touch_the_stream_of_data_and_weights():
    plain = Trainer(TrainConfig(n=50, hidden=20))
    e = build_experiment(TrainConfig(n=50, hidden=20, test_fraction=0.3))
    np.testing.assert_array_equal(e.X, plain.X)
    for name, value in plain.params().items():
        np.testing.assert_array_equal(e.trainer.params()[name], value)
    np.testing.assert_array_equal(e.trainer.X, plain.X[~e.test])


def test_trainer_of_a_config_trains_on_the_training_rows_only():
    config = TrainConfig(n=40, hidden=16, test_fraction=0.25, iterations=30)
    e = build_experiment(config)
    t = Trainer(config)
    assert t.X.shape == (90, 2)
    np.testing.assert_array_equal(t.X, e.X[~e.test])
    np.testing.assert_array_equal(t.y, e.y[~e.test])
    t.step(30)
    e.trainer.step(30)
    np.testing.assert_array_equal(t.losses, e.trainer.losses)
    # And the loss is the loss of those rows alone.
    start = build_experiment(config).trainer
    first = loss_and_grads(start.params(), t.X, t.y, config.reg)
    assert t.losses[0] == pytest.approx(first.loss, rel=1e-12)


def test_split_is_seeded_and_follows_the_points_not_their_order():
    X = np.random.RandomState(0).randn(200, 2)
    y = np.repeat(np.arange(4), 50).astype(np.uint8)
    a = held_out_mask(X, y, 0.3, seed=1)
    assert a.sum() == 4 * 15
    np.testing.assert_array_equal(a, held_out_mask(X, y, 0.3, seed=1))
    assert not np.array_equal(a, held_out_mask(X, y, 0.3, seed=2))
    perm = np.random.RandomState(1).permutation(200)
    np.testing.assert_array_equal(held_out_mask(X[perm], y[perm], 0.3, seed=1), a[perm])
    # A new point moves at most one other point of its class.
    X2 = np.r_[X, [[0.123, -0.456]]]
    y2 = np.r_[y, np.uint8(2)]
    b = held_out_mask(X2, y2, 0.3, seed=1)
    assert np.count_nonzero(b[:200] != a) <= 1
    assert point_keys(np.array([[-0.0, 0.0]]), 3) == point_keys(np.array([[0.0, -0.0]]), 3)


def _full_pass(params, X, y):
    scores, _ = forward(params, X)
    accuracy = float(np.mean(scores.argmax(axis=1) == y))
    data_loss = loss_and_grads(params, X, y, 0.0).data_loss
    return accuracy, data_loss


@pytest.mark.parametrize("model", ["linear", "nn"])
def test_test_accuracy_and_loss_against_a_full_forward_pass(model):
    config = TrainConfig(model=model, n=80, hidden=30, test_fraction=0.3, iterations=300)
    e = build_experiment(config)
    e.trainer.step(300)
    got = e.evaluate_test()
    acc, loss = _full_pass(e.trainer.params(), e.X[e.test], e.y[e.test])
    assert got.count == 72
    assert got.accuracy == acc
    assert got.data_loss == pytest.approx(loss, rel=1e-12)
    m = e.record()
    train_acc, _ = _full_pass(e.trainer.params(), e.trainer.X, e.trainer.y)
    measured = (m.iteration, m.train_accuracy, m.test_accuracy, m.test_loss)
    assert measured == (300, train_acc, acc, got.data_loss)
    assert m.train_accuracy == pytest.approx(e.trainer.accuracy())


def test_evaluation_in_blocks_equals_one_pass(monkeypatch):
    import spiral_gui.engine.evaluation as evaluation

    rng = np.random.RandomState(3)
    params = {"W": rng.randn(2, 50), "b": rng.randn(1, 50), "W2": rng.randn(50, 4), "b2": rng.randn(1, 4)}
    X, y = rng.randn(5000, 2), rng.randint(0, 4, 5000).astype(np.uint8)
    whole = evaluate(params, X, y)
    monkeypatch.setattr(evaluation, "BLOCK_VALUES", 50 * 300)  # 300 rows per block
    blocked = evaluate(params, X, y)
    assert blocked.accuracy == whole.accuracy
    assert blocked.data_loss == pytest.approx(whole.data_loss, rel=1e-12)
    np.testing.assert_array_equal(confusion_matrix(params, X, y, 4), _confusion_by_hand(params, X, y, 4))


def _confusion_by_hand(params, X, y, k):
    pred = predict(params, X)
    out = np.zeros((k, k), dtype=np.int64)
    for t, p in zip(y, pred, strict=True):
        out[t, p] += 1
    return out


def test_confusion_matrix_of_training_and_test_rows(trained_net):
    counts = confusion_matrix(trained_net.params(), trained_net.X, trained_net.y, 3)
    assert counts.sum() == 300 and counts.sum(axis=1).tolist() == [100, 100, 100]
    assert np.trace(counts) / 300 == trained_net.accuracy()
    config = TrainConfig(n=60, hidden=20, test_fraction=0.2, iterations=200)
    e = build_experiment(config)
    e.trainer.step(200)
    for part, (X, y) in {"train": (e.trainer.X, e.trainer.y), "test": (e.X_test, e.y_test)}.items():
        np.testing.assert_array_equal(e.confusion(part), _confusion_by_hand(e.trainer.params(), X, y, 3))
    with pytest.raises(ValueError, match="'train' or 'test'"):
        e.confusion("all")


def test_row_percentages():
    pct = row_percentages(np.array([[3, 1], [0, 0]]))
    assert pct[0].tolist() == [75.0, 25.0] and np.isnan(pct[1]).all()


def test_metrics_log_keeps_iteration_order_and_forgets_after_a_reset():
    e = build_experiment(TrainConfig(n=20, hidden=8, test_fraction=0.2, iterations=20))
    e.record()
    e.trainer.step(10)
    e.record()
    e.record()  # same iteration: replaced, not repeated
    assert e.metrics.arrays()["iteration"].tolist() == [0, 10]
    again = MetricsLog(e.metrics.arrays())
    for name, value in e.metrics.arrays().items():
        np.testing.assert_array_equal(again.arrays()[name], value)
    e.reset()
    assert len(e.metrics) == 0 and e.trainer.iteration == 0


def test_custom_points_build_an_experiment_with_the_seeds_weights():
    X = np.random.RandomState(0).uniform(-1, 1, (30, 2))
    y = (X[:, 0] > 0).astype(np.uint8)
    config = TrainConfig(dataset="custom", k=2, hidden=10)
    e = build_experiment(config, X, y)
    rng = np.random.RandomState(0)
    from spiral_gui.engine.models import initial_params

    expected = initial_params(config, rng)
    for name, value in e.trainer.params().items():
        np.testing.assert_array_equal(value, expected[name])
    np.testing.assert_array_equal(e.X, X)


@pytest.mark.parametrize(
    ("X", "y", "message"),
    [
        (np.zeros((3, 3)), np.zeros(3, np.uint8), r"\(n, 2\) array"),
        (np.zeros((3, 2)), np.zeros(2, np.uint8), "one per point"),
        (np.array([[0, 0], [np.nan, 1]]), np.zeros(2, np.uint8), "point 1 has a coordinate that is not"),
        (np.array([[0, 0], [5000, 1]]), np.zeros(2, np.uint8), r"point 1 \(5000, 1\) is outside ±1000"),
        (np.zeros((2, 2)), np.array([0, 3], np.uint8), "point 1 has label 3, not a class below K = 3"),
        (np.zeros((0, 2)), np.zeros(0, np.uint8), "no points to train on"),
    ],
)
def test_bad_custom_points_are_refused(X, y, message):
    with pytest.raises(ValueError, match=message):
        build_experiment(TrainConfig(dataset="custom"), X, y)


def test_everything_held_out_is_refused_and_a_given_mask_is_checked():
    X, y = np.zeros((2, 2)), np.array([0, 1], np.uint8)
    with pytest.raises(ValueError, match="no points to train on"):
        build_experiment(TrainConfig(dataset="custom", k=2), X, y, test=np.array([True, True]))
    with pytest.raises(ValueError, match="held-out mask must be 2 booleans"):
        build_experiment(TrainConfig(dataset="custom", k=2), X, y, test=np.array([0, 1]))


def test_with_points_keeps_weights_iteration_and_history():
    config = TrainConfig(n=20, hidden=8, iterations=100, step_size=0.5)
    e = build_experiment(config)
    e.trainer.step(40)
    e.trainer.set_hyper(step_size=0.3)
    e.record()
    X = np.r_[e.X, [[0.5, 0.5]]]
    y = np.r_[e.y, np.uint8(1)]
    edited = e.with_points(X, y)
    t, u = e.trainer, edited.trainer
    assert u.config == t.config.replace(dataset="custom")
    assert u.iteration == 40 and u.config.step_size == 0.3
    np.testing.assert_array_equal(u.losses, t.losses)
    for name, value in t.params().items():
        np.testing.assert_array_equal(u.params()[name], value)
    assert len(edited.metrics) == 1
    # Reset goes back to the run's initial weights, not to new ones.
    u.reset()
    for name, value in build_experiment(config).trainer.params().items():
        np.testing.assert_array_equal(u.params()[name], value)
    # Training continues on the new points.
    u.step(1)
    initial = build_experiment(config).trainer.params()
    assert u.losses[0] == pytest.approx(loss_and_grads(initial, X, y, config.reg).loss, rel=1e-12)


def test_cli_prints_test_accuracy_when_points_are_held_out(capsys):
    from spiral_gui.cli import main

    argv = ["--n", "30", "--hidden", "10", "--iters", "20", "--print-every", "10"]
    code = main([*argv, "--test-fraction", "0.2"])
    out, err = capsys.readouterr()
    assert code == 0 and err == ""
    e = build_experiment(TrainConfig(n=30, hidden=10, iterations=20, test_fraction=0.2))
    e.trainer.step(20)
    assert out.splitlines() == [
        f"iteration 0: loss {e.trainer.losses[0]:f}",
        f"iteration 10: loss {e.trainer.losses[10]:f}",
        f"training accuracy: {e.trainer.accuracy():.2f}",
        f"test accuracy: {e.evaluate_test().accuracy:.2f}",
    ]
