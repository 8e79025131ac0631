"""Points the learner draws or imports ("custom" data), and the edits the edit mode makes.

`CustomData` is immutable: every edit returns a new one together with an `Edit` record, which
holds only the rows it added or removed, so an undo/redo history costs what the edits touched,
not a copy of the whole set per step (`apply_edit` / `revert_edit`).

`validate_points` is the one check of given data, shared by the experiment, sessions and CSV
import. Pure NumPy; knows nothing of training.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import numpy as np
from numpy.typing import ArrayLike

from .config import LIMITS

#: Largest |coordinate| accepted: the data sets live in about [-1, 1]²; far larger inputs only
#: make the net's first layer explode with the notes' step size.
COORD_LIMIT = 1000.0
#: Most points custom data may hold (drawn or imported).
MAX_POINTS = 1_000_000


def validate_points(
    X: ArrayLike, y: ArrayLike, k: int, max_points: int | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """X as (n, 2) float64 and y as (n,) uint8, or a ValueError saying what is wrong with them.

    `max_points` caps the count (MAX_POINTS for drawn or imported data).
    """
    low, high = LIMITS["k"]
    if isinstance(k, bool) or not isinstance(k, (int, np.integer)) or not low <= k <= high:
        raise ValueError(f"k must be between {low:,} and {high:,}, got {k!r}")
    X = np.asarray(X)
    y = np.asarray(y)
    if X.ndim != 2 or X.shape[1] != 2:
        raise ValueError(f"points must be an (n, 2) array of x1, x2 coordinates, got shape {X.shape}")
    if y.shape != (X.shape[0],):
        raise ValueError(f"labels must be one per point ({X.shape[0]:,}), got shape {y.shape}")
    if max_points is not None and X.shape[0] > max_points:
        raise ValueError(f"custom data may hold at most {max_points:,} points, got {X.shape[0]:,}")
    if X.dtype.kind not in "iuf" or y.dtype.kind not in "iu":
        raise ValueError(f"points must be numbers and labels whole numbers, got {X.dtype} and {y.dtype}")
    X = X.astype(np.float64)
    bad = ~np.isfinite(X).all(axis=1)
    if bad.any():
        raise ValueError(f"point {int(np.argmax(bad))} has a coordinate that is not a finite number")
    far = (np.abs(X) > COORD_LIMIT).any(axis=1)
    if far.any():
        i = int(np.argmax(far))
        raise ValueError(f"point {i} ({X[i, 0]:g}, {X[i, 1]:g}) is outside ±{COORD_LIMIT:g}")
    wrong = (y < 0) | (y >= k)
    if wrong.any():
        i = int(np.argmax(wrong))
        raise ValueError(f"point {i} has label {int(y[i])}, not a class below K = {k}")
    return X, y.astype(np.uint8)


def _frozen(a: np.ndarray) -> np.ndarray:
    a.flags.writeable = False
    return a


@dataclass(frozen=True, slots=True, eq=False)
class Edit:
    """One edit, enough to redo or undo it: the rows at `index` that it added or removed."""

    kind: Literal["add", "remove", "clear"]
    index: int
    X: np.ndarray
    y: np.ndarray


@dataclass(frozen=True, slots=True, eq=False)
class CustomData:
    """K classes of drawn or imported points: X (n, 2) float64 and y (n,) uint8, read-only."""

    X: np.ndarray
    y: np.ndarray
    k: int

    def __post_init__(self) -> None:
        X, y = validate_points(self.X, self.y, self.k, MAX_POINTS)
        object.__setattr__(self, "X", _frozen(X.copy()))
        object.__setattr__(self, "y", _frozen(y.copy()))
        object.__setattr__(self, "k", int(self.k))

    @classmethod
    def empty(cls, k: int) -> CustomData:
        return cls(np.empty((0, 2)), np.empty(0, dtype=np.uint8), k)

    def __len__(self) -> int:
        return int(self.X.shape[0])

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, CustomData):
            return NotImplemented
        return self.k == other.k and np.array_equal(self.X, other.X) and np.array_equal(self.y, other.y)

    __hash__ = None  # type: ignore[assignment]

    # -- edits: each returns the new data and the Edit that made it -------------------------------
    def add(self, points: ArrayLike, label: int) -> tuple[CustomData, Edit]:
        """Points (one (2,) or several (m, 2)) of class `label`, appended at the end."""
        pts = np.atleast_2d(np.asarray(points, dtype=np.float64))
        labels = np.full(pts.shape[0], label, dtype=np.int64)
        validate_points(pts, labels, self.k)  # check the new rows alone, before copying the rest
        edit = Edit("add", len(self), pts, labels.astype(np.uint8))
        return apply_edit(self, edit), edit

    def nearest(self, point: ArrayLike, within: float = np.inf) -> int | None:
        """Row of the point nearest to `point`, if one lies within `within`; None otherwise."""
        if len(self) == 0:
            return None
        d2 = ((self.X - np.asarray(point, dtype=np.float64)) ** 2).sum(axis=1)
        i = int(np.argmin(d2))
        return i if d2[i] <= within * within else None

    def remove(self, index: int) -> tuple[CustomData, Edit]:
        """Without row `index`."""
        if not 0 <= index < len(self):
            raise IndexError(f"no point {index}: there are {len(self)}")
        edit = Edit("remove", index, self.X[index : index + 1].copy(), self.y[index : index + 1].copy())
        return apply_edit(self, edit), edit

    def remove_nearest(self, point: ArrayLike, within: float = np.inf) -> tuple[CustomData, Edit | None]:
        """Without the point nearest to `point` (within `within`); unchanged and None if none is."""
        i = self.nearest(point, within)
        return (self, None) if i is None else self.remove(i)

    def clear(self) -> tuple[CustomData, Edit]:
        """No points at all (the Edit keeps them, for undo)."""
        edit = Edit("clear", 0, self.X.copy(), self.y.copy())
        return apply_edit(self, edit), edit


def _inserted(data: CustomData, i: int, X: np.ndarray, y: np.ndarray) -> CustomData:
    return CustomData(np.insert(data.X, i, X, axis=0), np.insert(data.y, i, y), data.k)


def _deleted(data: CustomData, i: int, m: int) -> CustomData:
    rows = np.s_[i : i + m]
    return CustomData(np.delete(data.X, rows, axis=0), np.delete(data.y, rows), data.k)


def apply_edit(data: CustomData, edit: Edit) -> CustomData:
    """`data` with `edit` done (redo)."""
    if edit.kind == "add":
        return _inserted(data, edit.index, edit.X, edit.y)
    if edit.kind == "remove":
        return _deleted(data, edit.index, edit.X.shape[0])
    return CustomData.empty(data.k)


def revert_edit(data: CustomData, edit: Edit) -> CustomData:
    """`data` with `edit` undone."""
    if edit.kind == "add":
        return _deleted(data, edit.index, edit.X.shape[0])
    if edit.kind == "remove":
        return _inserted(data, edit.index, edit.X, edit.y)
    return CustomData(edit.X, edit.y, data.k)
