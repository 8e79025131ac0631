"""One experiment: all its points, which are held out, the trainer on the rest, and what was
measured along the way. `build_experiment` is the one call that makes it, for generated data,
custom points and reopened sessions alike.

The trainer sees the training rows only; the held-out rows are evaluated with
`evaluation.evaluate` on the trainer's current parameters. Pure NumPy, no threads: the worker
owns an Experiment and calls it between time slices.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike

from .blocks import ShouldStop, check
from .config import MEMORY_BUDGET_BYTES, TrainConfig, format_bytes, working_set_bytes
from .custom import validate_points
from .datasets import make_data
from .evaluation import Evaluation, confusion_matrix, evaluate
from .models import Params, initial_params
from .split import held_out_mask
from .trainer import Trainer


def _frozen(a: np.ndarray) -> np.ndarray:
    a.flags.writeable = False
    return a


#: Name of the snapshot extra holding `Experiment.confusions()` (the confusion matrix view's).
CONFUSION = "confusion"


@dataclass(frozen=True, slots=True)
class Measurement:
    """Accuracies and test loss of the parameters after `iteration` updates."""

    iteration: int
    train_accuracy: float
    test_accuracy: float  # NaN without held-out points
    test_loss: float  # data loss on the held-out points; NaN without them


class MetricsLog:
    """Measurements taken now and then (at snapshots, at printed iterations), in iteration order.

    Arrays by name: "iteration" (int64), "train_accuracy", "test_accuracy", "test_loss" (float64).
    """

    NAMES = ("iteration", "train_accuracy", "test_accuracy", "test_loss")

    def __init__(self, arrays: dict[str, np.ndarray] | None = None) -> None:
        self._rows: list[tuple[int, float, float, float]] = []
        if arrays:
            iterations, *values = (np.asarray(arrays[name]).tolist() for name in self.NAMES)
            for i, iteration in enumerate(iterations):
                train, test, test_loss = (float(v[i]) for v in values)
                self._rows.append((int(iteration), train, test, test_loss))

    def record(self, m: Measurement) -> None:
        """Add `m`, replacing anything recorded at or after its iteration (e.g. after a reset)."""
        while self._rows and self._rows[-1][0] >= m.iteration:
            self._rows.pop()
        self._rows.append((m.iteration, m.train_accuracy, m.test_accuracy, m.test_loss))

    def clear(self) -> None:
        self._rows.clear()

    def __len__(self) -> int:
        return len(self._rows)

    def arrays(self, start: int = 0) -> dict[str, np.ndarray]:
        """The measurements from the `start`-th on (all by default)."""
        rows = self._rows[start:]
        out = {"iteration": np.array([r[0] for r in rows], dtype=np.int64)}
        for j, name in enumerate(self.NAMES[1:], start=1):
            out[name] = np.array([r[j] for r in rows], dtype=np.float64)
        return out


class Experiment:
    """Data (all rows), the held-out mask, the trainer on the training rows, the metrics log."""

    def __init__(self, X: np.ndarray, y: np.ndarray, test: np.ndarray, trainer: Trainer,
                 metrics: MetricsLog | None = None) -> None:
        self.X, self.y, self.test = _frozen(X), _frozen(y), _frozen(test)
        self.trainer = trainer
        self.metrics = metrics if metrics is not None else MetricsLog()
        #: Timeline checkpoints a reopened session brought (engine/timeline.py's arrays), if any.
        self.checkpoints: dict[str, np.ndarray] = {}
        self._test_rows = _frozen(np.flatnonzero(test))
        self._X_test, self._y_test = _frozen(X[self._test_rows]), _frozen(y[self._test_rows])

    @property
    def config(self) -> TrainConfig:
        return self.trainer.config

    @property
    def test_count(self) -> int:
        return len(self._test_rows)

    @property
    def X_test(self) -> np.ndarray:
        return self._X_test

    @property
    def y_test(self) -> np.ndarray:
        return self._y_test

    def evaluate_test(self, params: Params | None = None) -> Evaluation:
        """Test accuracy and test (data) loss of the current parameters on the held-out rows."""
        return evaluate(params or self.trainer.params(), self._X_test, self._y_test)

    def confusion(self, part: str = "train", params: Params | None = None) -> np.ndarray:
        """(K, K) counts, row = true class, column = predicted, over the 'train' or 'test' rows."""
        if part not in ("train", "test"):
            raise ValueError(f"part must be 'train' or 'test', got {part!r}")
        X, y = (self.trainer.X, self.trainer.y) if part == "train" else (self._X_test, self._y_test)
        return confusion_matrix(params or self.trainer.params(), X, y, self.config.k)

    def confusions(self, params: Params | None = None) -> dict[str, np.ndarray | None]:
        """Both confusion matrices, {"train": counts, "test": counts or None when nothing is held
        out}: the snapshot extra named CONFUSION."""
        params = params or self.trainer.params()
        test = self.confusion("test", params) if self.test_count else None
        train = _frozen(self.confusion("train", params))
        return {"train": train, "test": test if test is None else _frozen(test)}

    def measure(self) -> Measurement:
        """Train accuracy, test accuracy and test loss now (not recorded)."""
        params = self.trainer.params()
        train = evaluate(params, self.trainer.X, self.trainer.y)
        test = self.evaluate_test(params)
        return Measurement(self.trainer.iteration, train.accuracy, test.accuracy, test.data_loss)

    def record(self) -> Measurement:
        """Measure now and keep it in the metrics log (the loss-history CSV's accuracy columns)."""
        m = self.measure()
        self.metrics.record(m)
        return m

    def reset(self) -> None:
        """Back to the initial weights, with empty loss history and metrics."""
        self.trainer.reset()
        self.metrics.clear()

    def with_points(self, X: ArrayLike, y: ArrayLike, test: np.ndarray | None = None) -> Experiment:
        """The same run on edited points: weights, iteration, step size, reg and history are kept.

        The held-out mask follows the split rule unless `test` is given.
        """
        t = self.trainer
        config = t.config.replace(dataset="custom")
        new = build_experiment(config, np.asarray(X), np.asarray(y), test=test, initial=t.initial_params())
        new.trainer.restore(t.params(), t.iteration, *t.losses_since(0), state_arrays=t.state_arrays())
        new.metrics = MetricsLog(self.metrics.arrays())
        return new


def build_experiment(
    config: TrainConfig,
    X: np.ndarray | None = None,
    y: np.ndarray | None = None,
    *,
    test: np.ndarray | None = None,
    initial: Params | None = None,
    should_stop: ShouldStop | None = None,
) -> Experiment:
    """The experiment of `config`: its data, split and a trainer at iteration 0.

    Without X and y the data is drawn from the seed, then the weights, as in the notes. With
    them (custom points, or a session's data) the points are validated against config.k, and the
    weights are the seed's as for generated data, unless `initial` gives them. `test` gives the
    held-out mask; by default it follows the split rule (split.py) with config.test_fraction.
    `should_stop` is polled on the way (`blocks.Interrupted`): at the largest sizes this takes seconds.
    """
    rng = np.random.RandomState(config.seed)
    if X is None or y is None:
        if X is not None or y is not None:
            raise ValueError("give both the points X and their labels y, or neither")
        X, y = make_data(config, rng)  # raises for "custom", which has no generator
    else:
        X, y = validate_points(X, y, config.k)
        if config.dataset != "custom" and initial is None:
            make_data(config, rng)  # the stream's position after the data, for the weights
    check(should_stop)
    need = working_set_bytes(config, examples=X.shape[0])
    if need > MEMORY_BUDGET_BYTES:
        raise ValueError(
            f"these {X.shape[0]:,} points need about {format_bytes(need)} for full-batch training, "
            f"over the {format_bytes(MEMORY_BUDGET_BYTES)} budget"
        )
    params = initial_params(config, rng) if initial is None else initial
    if test is None:
        test = held_out_mask(X, y, config.test_fraction, config.seed)
    else:
        test = np.asarray(test)
        if test.shape != y.shape or test.dtype != bool:
            raise ValueError(
                f"the held-out mask must be {y.shape[0]:,} booleans, got {test.dtype} {test.shape}"
            )
    train = ~test
    if not train.any():
        raise ValueError("there are no points to train on: add points, or hold fewer out")
    if train.all():
        trainer = Trainer.from_arrays(config, X, y, params, should_stop)
    else:
        trainer = Trainer.from_arrays(config, X[train], y[train], params, should_stop)
    return Experiment(X, y, test.copy(), trainer)

