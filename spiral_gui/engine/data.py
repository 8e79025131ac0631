"""The spiral data set of the case study, drawn exactly as the original notebook draws it."""

from __future__ import annotations

import numpy as np

from .blocks import ShouldStop, check
from .config import D


def make_spiral(
    n: int, k: int, rng: np.random.RandomState, noise: float = 0.2, should_stop: ShouldStop | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """N points per class on K interleaved arms; returns X (N*K, 2) float64 and y (N*K,) uint8.

    Draws `randn(n)` once per class, in class order, from `rng` (a legacy `RandomState`):
    the same stream then gives the initial weights, which is how the original reproduces.
    Each arm spans 4 radians of angle, as in the original; with many classes arms overlap.
    `should_stop` is polled between classes (`blocks.Interrupted` when it answers True).
    """
    X = np.zeros((n * k, D))
    y = np.zeros(n * k, dtype=np.uint8)
    r = np.linspace(0.0, 1.0, n)
    for j in range(k):
        if j:
            check(should_stop)
        rows = slice(n * j, n * (j + 1))
        t = np.linspace(j * 4, (j + 1) * 4, n) + rng.randn(n) * noise
        X[rows] = np.c_[r * np.sin(t), r * np.cos(t)]
        y[rows] = j
    return X, y
