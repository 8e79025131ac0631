"""The data sets a run can be trained on, each drawn from the run's one random stream.

Every generator takes N points per class, K classes, the legacy `RandomState` of the seed and a
noise level, and returns X (N*K, 2) float64 with points roughly in [-1, 1]² and y (N*K,) uint8,
the classes in blocks of N in class order, like the notes' spiral. Each draws from the stream
before the weights do, so data and weights stay one reproducible sequence. All are vectorised:
N may be a million points per class.

Pure NumPy; holds no training state. "custom" data is not generated here (see `custom.py`).
"""

from __future__ import annotations

import numpy as np

from .config import DATASETS, D, TrainConfig, fixed_k
from .data import make_spiral

__all__ = ["DATASETS", "GENERATED", "fixed_k", "make_data", "make_dataset"]

#: The data sets drawn from the seed (all but "custom").
GENERATED: tuple[str, ...] = tuple(name for name in DATASETS if name != "custom")


Data = tuple[np.ndarray, np.ndarray]


def _labels(n: int, k: int) -> np.ndarray:
    return np.repeat(np.arange(k, dtype=np.uint8), n)


def make_rings(n: int, k: int, rng: np.random.RandomState, noise: float = 0.2) -> Data:
    """K concentric rings, class j at radius (j+1)/K; the noise blurs the radius by noise/(2K)."""
    angle = rng.uniform(0.0, 2 * np.pi, n * k)
    radius = np.repeat((np.arange(k) + 1.0) / k, n) + rng.randn(n * k) * (noise / (2 * k))
    return np.c_[radius * np.cos(angle), radius * np.sin(angle)], _labels(n, k)


def make_xor(n: int, k: int, rng: np.random.RandomState, noise: float = 0.2) -> Data:
    """Class 0 in the quadrants where x·y > 0, class 1 where x·y < 0 (K is 2).

    Points are uniform in each quadrant, 0.05 from the axes, half in each of the class's two
    quadrants; the noise shifts them by noise/4 (standard deviation), across the axes when large.
    """
    _check_fixed("xor", k)
    size = rng.uniform(0.05, 1.0, (2 * n, D))
    side = np.where(np.arange(n) % 2 == 0, 1.0, -1.0)  # alternate quadrants within a class
    sign = np.empty((2 * n, D))
    sign[:n, 0] = sign[:n, 1] = side  # (+, +) and (-, -)
    sign[n:, 0], sign[n:, 1] = side, -side  # (+, -) and (-, +)
    X = size * sign + rng.randn(2 * n, D) * (noise / 4)
    return X, _labels(n, 2)


def make_blobs(n: int, k: int, rng: np.random.RandomState, noise: float = 0.2) -> Data:
    """K round Gaussian blobs centred on a circle of radius 0.6; the noise/2 is their spread."""
    angle = 2 * np.pi * np.arange(k) / k
    centres = 0.6 * np.c_[np.sin(angle), np.cos(angle)]
    X = np.repeat(centres, n, axis=0) + rng.randn(n * k, D) * (noise / 2)
    return X, _labels(n, k)


def make_moons(n: int, k: int, rng: np.random.RandomState, noise: float = 0.2) -> Data:
    """Two interleaved half circles (K is 2), scaled into x in [-1, 1]; the noise/4 blurs them."""
    _check_fixed("moons", k)
    t = np.linspace(0.0, np.pi, n)
    upper = np.c_[np.cos(t), np.sin(t)]
    lower = np.c_[1.0 - np.cos(t), 0.5 - np.sin(t)]
    X = (np.r_[upper, lower] - (0.5, 0.25)) * (2.0 / 3.0) + rng.randn(2 * n, D) * (noise / 4)
    return X, _labels(n, 2)


_GENERATORS = {
    "spiral": make_spiral,
    "rings": make_rings,
    "xor": make_xor,
    "blobs": make_blobs,
    "moons": make_moons,
}


def _check_fixed(name: str, k: int) -> None:
    if k != fixed_k(name):
        raise ValueError(f"k must be {fixed_k(name)} for the {name} data set, got {k}")


def make_dataset(
    name: str, n: int, k: int, rng: np.random.RandomState, noise: float = 0.2
) -> tuple[np.ndarray, np.ndarray]:
    """X (n*k, 2) float64 and y (n*k,) uint8 of the data set `name`, drawn from `rng`."""
    if name not in _GENERATORS:
        if name == "custom":
            raise ValueError("custom data is not drawn from the seed: give its points to the experiment")
        raise ValueError(f"dataset must be one of {', '.join(GENERATED)}, got {name!r}")
    return _GENERATORS[name](n, k, rng, noise)


def make_data(config: TrainConfig, rng: np.random.RandomState) -> tuple[np.ndarray, np.ndarray]:
    """The data of a `TrainConfig`, drawn from `rng` (the seed's stream, before the weights)."""
    return make_dataset(config.dataset, config.n, config.k, rng, config.noise)
