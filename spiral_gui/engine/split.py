"""The held-out split: which points training never sees, so test accuracy means something.

The rule, one for every data set: each point gets a key, a 64-bit hash of its two coordinates
and the seed. In each class, the round(test_fraction × count) points with the smallest keys are
held out, but never the class's last training point. So the split is

- seeded and exact per class (stratified), yet draws nothing from the random stream that gives
  the data and the weights: the notes' numbers are unchanged;
- a function of the points themselves, not of their order: adding or removing a drawn point
  moves at most a point or two of its class between training and test, instead of reshuffling
  everything under the learner's eyes.

Pure NumPy; knows nothing of training.
"""

from __future__ import annotations

import numpy as np

_M1 = np.uint64(0xBF58476D1CE4E5B9)
_M2 = np.uint64(0x94D049BB133111EB)
_GOLDEN = np.uint64(0x9E3779B97F4A7C15)


def _mix(z: np.ndarray) -> np.ndarray:
    """SplitMix64's finaliser: every input bit flips about half the output bits."""
    z = (z ^ (z >> np.uint64(30))) * _M1
    z = (z ^ (z >> np.uint64(27))) * _M2
    return np.asarray(z ^ (z >> np.uint64(31)))


def point_keys(X: np.ndarray, seed: int) -> np.ndarray:
    """A uint64 key per row of X, from its coordinates' bits and the seed (-0.0 counts as 0.0)."""
    bits = np.ascontiguousarray(np.asarray(X, dtype=np.float64) + 0.0).view(np.uint64)
    with np.errstate(over="ignore"):
        h = _mix(np.uint64(seed) * _GOLDEN + _GOLDEN + bits[:, 0])
        return _mix(h ^ (bits[:, 1] + _GOLDEN))


def held_out_counts(counts: np.ndarray, fraction: float) -> np.ndarray:
    """Points held out of each class of `counts` points: round(fraction × count), keeping one."""
    counts = np.asarray(counts, dtype=np.int64)
    held = np.floor(counts * fraction + 0.5).astype(np.int64)
    return np.asarray(np.minimum(held, np.maximum(counts - 1, 0)))


def held_out_mask(X: np.ndarray, y: np.ndarray, fraction: float, seed: int) -> np.ndarray:
    """Boolean mask over the rows, True where the point is held out (see the module's rule)."""
    n = len(y)
    mask = np.zeros(n, dtype=bool)
    if fraction <= 0 or n == 0:
        return mask
    y = np.asarray(y)
    k = int(y.max()) + 1
    take = held_out_counts(np.bincount(y, minlength=k), fraction)
    # Rows sorted by class, then key, then row (ties): each class's smallest keys come first.
    order = np.lexsort((np.arange(n), point_keys(X, seed), y))
    starts = np.r_[0, np.cumsum(np.bincount(y, minlength=k))[:-1]]
    rank = np.empty(n, dtype=np.int64)
    rank[order] = np.arange(n) - np.repeat(starts, np.bincount(y, minlength=k))
    mask[rank < take[y]] = True
    return mask
