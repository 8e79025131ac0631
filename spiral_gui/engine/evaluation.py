"""How well given parameters do on given points: accuracy, data loss and the confusion matrix.

Used for the held-out points (test accuracy and test loss) and for the confusion matrix view of
either part. Works in blocks of rows, like `models.predict`, so a million points never need a
million-row hidden layer at once. Pure NumPy, built on `models.forward`; never trains.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np

from .models import Params, forward

#: Hidden-layer values per block (32 MiB of float64).
BLOCK_VALUES = 4_000_000


@dataclass(frozen=True, slots=True)
class Evaluation:
    """Accuracy and mean cross-entropy (the data loss) over `count` points; NaN when none."""

    accuracy: float
    data_loss: float
    count: int


def _blocks(params: Params, X: np.ndarray, y: np.ndarray) -> Iterator[tuple[np.ndarray, np.ndarray]]:
    """(scores, labels) of consecutive row blocks."""
    rows = max(256, BLOCK_VALUES // params["W"].shape[1])
    for start in range(0, X.shape[0], rows):
        scores, _ = forward(params, X[start : start + rows])
        yield scores, y[start : start + rows]


def evaluate(params: Params, X: np.ndarray, y: np.ndarray) -> Evaluation:
    """Accuracy (argmax of the scores vs y) and data loss of `params` on the rows of X.

    The data loss is the loss without the L2 term: mean over rows of -log softmax(scores)[y],
    computed stably as log(sum(exp(s - max))) - (s_y - max).
    """
    n = X.shape[0]
    if n == 0:
        return Evaluation(math.nan, math.nan, 0)
    correct = 0
    loss_sum = 0.0
    with np.errstate(all="ignore"):
        for scores, labels in _blocks(params, X, y):
            correct += int(np.count_nonzero(scores.argmax(axis=1) == labels))
            shifted = scores - scores.max(axis=1, keepdims=True)
            log_z = np.log(np.exp(shifted).sum(axis=1))
            loss_sum += float((log_z - shifted[np.arange(len(labels)), labels]).sum())
    return Evaluation(correct / n, loss_sum / n, n)


def confusion_matrix(params: Params, X: np.ndarray, y: np.ndarray, k: int) -> np.ndarray:
    """(K, K) int64 counts: row = true class, column = predicted class (the argmax)."""
    counts = np.zeros(k * k, dtype=np.int64)
    with np.errstate(all="ignore"):
        for scores, labels in _blocks(params, X, y):
            pred = scores.argmax(axis=1)
            counts += np.bincount(labels.astype(np.int64) * k + pred, minlength=k * k)
    return counts.reshape(k, k)


def row_percentages(counts: np.ndarray) -> np.ndarray:
    """Each row of a confusion matrix as percentages of that class's points (NaN for an empty row)."""
    totals = counts.sum(axis=1, keepdims=True)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(totals > 0, 100.0 * counts / totals, np.nan)
