"""The decision regions: the model's class at every cell of a grid over the data.

`predict_grid` gives the argmax class per cell (the notes' map); `predict_grid_probs` gives the
same classes and, per cell, how sure the model is of them (the winning class's softmax
probability, as uint8), which the window uses to fade uncertain zones towards white. Pure NumPy.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np

from .blocks import ShouldStop, check
from .models import Params, activate

#: The case study pads the data's bounding box by this much on every side.
MARGIN = 1.0


@dataclass(frozen=True, slots=True)
class GridSpec:
    """Cell centres `xs` (columns) and `ys` (rows) of a regular grid, lowest values first."""

    xs: np.ndarray
    ys: np.ndarray

    @classmethod
    def over(cls, X: np.ndarray, cells: int = 200) -> GridSpec:
        """`cells` × `cells` centres spanning the data bounds ± 1, the case study's extent."""
        (x0, y0), (x1, y1) = X.min(axis=0) - MARGIN, X.max(axis=0) + MARGIN
        return cls(np.linspace(x0, x1, cells), np.linspace(y0, y1, cells))

    @classmethod
    def with_spacing(cls, X: np.ndarray, spacing: float = 0.02) -> GridSpec:
        """The notebook's own grid: `np.arange(min - 1, max + 1, spacing)` on each axis."""
        (x0, y0), (x1, y1) = X.min(axis=0) - MARGIN, X.max(axis=0) + MARGIN
        return cls(np.arange(x0, x1, spacing), np.arange(y0, y1, spacing))

    @property
    def shape(self) -> tuple[int, int]:
        """(rows, columns): rows follow y, columns follow x, as an image is stored."""
        return len(self.ys), len(self.xs)

    @property
    def rect(self) -> tuple[float, float, float, float]:
        """(x, y, width, height) covered by the cells, edges included, for placing the image."""
        dx = (self.xs[-1] - self.xs[0]) / max(len(self.xs) - 1, 1)
        dy = (self.ys[-1] - self.ys[0]) / max(len(self.ys) - 1, 1)
        x0, y0 = float(self.xs[0] - dx / 2), float(self.ys[0] - dy / 2)
        return (x0, y0, float(dx * len(self.xs)), float(dy * len(self.ys)))

    def points(self) -> np.ndarray:
        xx, yy = np.meshgrid(self.xs, self.ys)
        points: np.ndarray = np.c_[xx.ravel(), yy.ravel()]
        return points


def _score_chunks(
    params: Params,
    grid: GridSpec,
    dtype: type,
    activation: str,
    should_stop: ShouldStop | None,
) -> Iterator[tuple[int, np.ndarray]]:
    """(first row, scores of a block of rows as (cells, K)) over the grid, lowest y first.

    The grid is a product of xs and ys, so the first layer's input term splits into a row part
    and a column part: X·W + b = (x·W[0]) + (y·W[1] + b), one broadcast add instead of a matmul
    with an inner dimension of 2 (about twice as fast). `should_stop` is polled between blocks.
    """
    W: np.ndarray = params["W"].astype(dtype, copy=False)
    b: np.ndarray = params["b"].astype(dtype, copy=False)
    xs: np.ndarray = grid.xs.astype(dtype)
    ys: np.ndarray = grid.ys.astype(dtype)
    col = xs[:, None] * W[0]  # (columns, width)
    row = ys[:, None] * W[1] + b  # (rows, width)
    width = W.shape[1]
    step = max(1, 4_000_000 // (len(xs) * width))  # rows per chunk: ~16 MiB of float32
    for r0 in range(0, len(ys), step):
        if r0:
            check(should_stop)
        z = row[r0 : r0 + step, None, :] + col[None, :, :]  # (chunk rows, columns, width)
        if "W2" in params:
            if activation == "relu":
                np.maximum(z, 0, out=z)
            else:
                z = activate(z, activation)
            z = z.reshape(-1, width) @ params["W2"].astype(dtype, copy=False)
            z += params["b2"].astype(dtype, copy=False)
        yield r0, z.reshape(-1, z.shape[-1])


def predict_grid(
    params: Params,
    grid: GridSpec,
    dtype: type = np.float64,
    activation: str = "relu",
    should_stop: ShouldStop | None = None,
) -> np.ndarray:
    """Argmax class per cell, (rows, columns) uint8, row 0 at the lowest y.

    `should_stop` is polled between chunks of rows; answering True raises `blocks.Interrupted`.
    float32 halves the cost and gives the same labels except where two classes tie to within
    float32 rounding, invisible on screen.
    """
    out = np.empty(grid.shape, dtype=np.uint8)
    cols = grid.shape[1]
    for r0, scores in _score_chunks(params, grid, dtype, activation, should_stop):
        out[r0 : r0 + scores.shape[0] // cols] = scores.argmax(axis=1).reshape(-1, cols)
    return out


def predict_grid_probs(
    params: Params,
    grid: GridSpec,
    dtype: type = np.float32,
    activation: str = "relu",
    should_stop: ShouldStop | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """(classes, confidence), both (rows, columns) uint8, row 0 at the lowest y.

    `classes` is `predict_grid`'s argmax. `confidence` is the winning class's softmax
    probability p = 1 / sum(exp(scores - max(scores))), rescaled from its range [1/K, 1] to
    0…255: 0 where all K classes are equally likely (a boundary), 255 where the model is sure.
    The softmax adds little to the cost: the hidden layer dominates. Interruptible like
    `predict_grid`.
    """
    cols = grid.shape[1]
    classes = np.empty(grid.shape, dtype=np.uint8)
    confidence = np.empty(grid.shape, dtype=np.uint8)
    for r0, scores in _score_chunks(params, grid, dtype, activation, should_stop):
        k = scores.shape[1]
        n = scores.shape[0] // cols
        best = scores.argmax(axis=1)
        top = scores[np.arange(scores.shape[0]), best]
        total = np.exp(scores - top[:, None]).sum(axis=1)  # >= 1: the winner's term is exp(0)
        p = 1.0 / total
        scaled = (p - 1.0 / k) * (255.0 * k / (k - 1))
        classes[r0 : r0 + n] = best.reshape(n, cols)
        confidence[r0 : r0 + n] = np.clip(np.rint(scaled), 0, 255).astype(np.uint8).reshape(n, cols)
    return classes, confidence
