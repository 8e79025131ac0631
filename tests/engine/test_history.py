"""The bounded loss history: recent iterations exact, older ones as min/max buckets."""

import numpy as np
import pytest

from spiral_gui.engine import TrainConfig, Trainer
from spiral_gui.engine import history as history_module
from spiral_gui.engine.history import BUCKETS, EXACT, HISTORY_BYTES, LossHistory


def _series(n: int) -> np.ndarray:
    i = np.arange(n)
    return 1.0 / (1.0 + i / 1000.0) + 0.001 * np.sin(i)


def _filled(values: np.ndarray) -> LossHistory:
    h = LossHistory()
    for v in values:
        h.append(v, v / 2)
    return h


@pytest.fixture(scope="module")
def long_run():
    values = _series(1_000_000)
    values[123_457] = 50.0  # a spike far in the past
    values[300_001] = -1.0  # and a dip
    return values, _filled(values)


def test_memory_stays_bounded(long_run):
    _, h = long_run
    held = h._buf.nbytes + h._lo.nbytes + h._hi.nbytes
    assert held <= HISTORY_BYTES <= 3 * 2**20
    assert h.size == 1_000_000
    assert EXACT <= len(h.exact(0)) <= 2 * EXACT


def test_recent_iterations_are_exact(long_run):
    values, h = long_run
    np.testing.assert_array_equal(h.exact(0), values[h.exact_start :])
    np.testing.assert_array_equal(h.exact(1), values[h.exact_start :] / 2)
    total, data = h.since(h.size - 500)
    np.testing.assert_array_equal(total, values[-500:])
    np.testing.assert_array_equal(data, values[-500:] / 2)


def test_spikes_survive_in_the_curve_and_in_since(long_run):
    values, h = long_run
    x, total, data = h.curve()
    assert len(x) <= 2 * BUCKETS + 2 * EXACT
    assert np.all(np.diff(x) >= 0)
    assert total.max() == 50.0 and total.min() == -1.0 and data.max() == 25.0
    spike_x = x[np.argmax(total)]
    assert spike_x <= 123_457 < spike_x + h.span
    old, _ = h.since(0)
    assert len(old) == h.size
    assert old.max() == 50.0 and old.min() == -1.0
    # Every older iteration's value lies within the envelope of the true values of its bucket.
    b = 200_000 // h.span
    chunk = values[b * h.span : (b + 1) * h.span]
    got = old[b * h.span : (b + 1) * h.span]
    assert got.min() == chunk.min() and got.max() == chunk.max()


def test_since_has_one_value_per_iteration_from_any_start(long_run):
    _, h = long_run
    for start in (0, 5, h.exact_start - 3, h.exact_start, h.size - 1, h.size, h.size + 10):
        total, data = h.since(start)
        assert len(total) == len(data) == max(0, h.size - start)


def test_short_runs_are_kept_whole():
    values = _series(3000)
    h = _filled(values)
    assert h.exact_start == 0
    np.testing.assert_array_equal(h.since(0)[0], values)
    x, total, _ = h.curve()
    np.testing.assert_array_equal(x, np.arange(3000))
    np.testing.assert_array_equal(total, values)


def test_trainer_history_beyond_the_exact_window(monkeypatch):
    """With a small window the trainer's recent losses stay exact and older ones bounded."""
    monkeypatch.setattr(history_module, "EXACT", 64)
    monkeypatch.setattr(history_module, "BUCKETS", 16)
    monkeypatch.setattr(history_module, "FIRST_SPAN", 2)
    config = TrainConfig(model="linear", n=10, iterations=3000)
    small = Trainer(config)
    small.step(3000)
    monkeypatch.undo()
    whole = Trainer(config)
    whole.step(3000)
    assert small.losses_start > 0 and 64 <= len(small.losses) <= 128
    assert small.losses_start + len(small.losses) == small.iteration == 3000
    np.testing.assert_array_equal(small.losses, whole.losses[small.losses_start :])
    total, _ = small.losses_since(0)
    assert len(total) == 3000 and total[0] == whole.losses[0]  # the first bucket's maximum
    assert total.min() >= whole.losses.min() and total.max() == whole.losses.max()
    x, _, _ = small.loss_curve()
    assert len(x) <= 2 * 16 + 128


def test_the_memory_estimate_uses_the_real_bounds():
    from spiral_gui.engine.config import LOSS_HISTORY_BYTES, OPTIMIZER_STATE_ARRAYS
    from spiral_gui.engine.optimizers import STATE

    assert LOSS_HISTORY_BYTES == HISTORY_BYTES
    assert {name: len(arrays) for name, arrays in STATE.items()} == OPTIMIZER_STATE_ARRAYS
