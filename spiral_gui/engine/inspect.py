"""One point through the model: its forward values, its loss term and its rows of the backward pass.

For a training point (by index) or any spot of the plane (with an optional label), computes what
the notes compute for that row only: z, hidden_layer (net only), scores, probs, its loss term
L_i = -log probs[y_i], its row of dscores (divided by n, as the notes divide the whole matrix),
and its row of dhidden before and after `dhidden[hidden_layer <= 0] = 0`. Every row equals the
same row of a full backward pass, because each of these rows depends on that point alone.

Pure NumPy on a snapshot's arrays; never writes its inputs, never touches the trainer or Qt.
Cost: O(h·K) for one point, microseconds at the case-study size and well under 1 ms at h=4096.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from .models import Params, model_of, softmax


def _frozen(a: np.ndarray) -> np.ndarray:
    a.flags.writeable = False
    return a


@dataclass(frozen=True, slots=True)
class PointInspection:
    """The rows of one point. Arrays are 1-D and read-only; the net-only ones are None for the
    softmax model, the label-dependent ones None for an unlabelled spot.

    `num_examples` is the n that dscores is divided by (the training set's size, also for a spot
    that is not a training point: its row is then the one it would have as an extra row).
    """

    x: np.ndarray  # (2,)
    index: int | None  # training-point index, None for a spot of the plane
    label: int | None  # its class y_i, if known
    num_examples: int
    z: np.ndarray | None  # (h,) x·W + b, net only (for the softmax model, scores are x·W + b)
    hidden_layer: np.ndarray | None  # (h,) max(0, z), net only
    scores: np.ndarray  # (K,)
    probs: np.ndarray  # (K,)
    predicted: int  # argmax of scores
    loss: float | None  # L_i = -log probs[label], the point's term of data_loss (times n)
    dscores: np.ndarray | None  # (K,) (probs - onehot(label)) / n
    dhidden_before: np.ndarray | None  # (h,) dscores · W2ᵀ, net only
    dhidden: np.ndarray | None  # (h,) after the mask: 0 where hidden_layer <= 0
    active: np.ndarray | None  # (h,) bool hidden_layer > 0: the units this point sends gradient to

    @property
    def sends_to(self) -> np.ndarray | None:
        """Indices of the units whose W[:, j], b[j] receive this point's gradient."""
        return None if self.active is None else np.flatnonzero(self.active)

    @property
    def masked(self) -> np.ndarray | None:
        """Indices of the units where hidden_layer <= 0: the mask zeroes this point's gradient."""
        return None if self.active is None else np.flatnonzero(~self.active)

    @property
    def zeroed(self) -> np.ndarray | None:
        """(h,) bool: entries that the mask changed (nonzero before, 0 after)."""
        if self.dhidden_before is None or self.active is None:
            return None
        return np.asarray((~self.active) & (self.dhidden_before != 0))


def inspect_point(
    params: Params,
    X: np.ndarray,
    y: np.ndarray,
    *,
    index: int | None = None,
    point: tuple[float, float] | np.ndarray | None = None,
    label: int | None = None,
) -> PointInspection:
    """Inspect training point `index`, or the spot `point` (with an optional class `label`).

    Exactly one of `index` and `point` must be given; `label` only goes with `point` (a training
    point's label is y[index]).
    """
    if (index is None) == (point is None):
        raise ValueError("inspect either a training point (index) or a spot of the plane (point)")
    n = X.shape[0]
    k = params["W2" if "W2" in params else "W"].shape[1]
    if index is not None:
        if label is not None:
            raise ValueError("a training point's class is its label y[index]; do not pass label")
        if not 0 <= index < n:
            raise ValueError(f"point index must be between 0 and {n - 1}, got {index}")
        x = np.array(X[index], dtype=np.float64)
        label = int(y[index])
    else:
        x = np.asarray(point, dtype=np.float64).reshape(-1)
        if x.shape != (2,) or not np.isfinite(x).all():
            raise ValueError(f"a spot of the plane is two finite numbers (x, y), got {point!r}")
        if label is not None and not 0 <= label < k:
            raise ValueError(f"class must be between 0 and {k - 1}, got {label}")

    row = x[None, :]
    z = hidden_layer = dhidden_before = dhidden = active = None
    if model_of(params) == "nn":
        z = (row @ params["W"] + params["b"])[0]
        hidden_layer = np.maximum(0, z)
        scores = (hidden_layer[None, :] @ params["W2"] + params["b2"])[0]
        active = hidden_layer > 0
    else:
        scores = (row @ params["W"] + params["b"])[0]
    probs = softmax(scores[None, :])[0]
    loss = dscores = None
    if label is not None:
        loss = -math.log(probs[label])
        dscores = probs.copy()
        dscores[label] -= 1
        dscores /= n
        if hidden_layer is not None:
            dhidden_before = dscores @ params["W2"].T
            dhidden = dhidden_before.copy()
            dhidden[hidden_layer <= 0] = 0
    return PointInspection(
        x=_frozen(x),
        index=index,
        label=label,
        num_examples=n,
        z=None if z is None else _frozen(z),
        hidden_layer=None if hidden_layer is None else _frozen(hidden_layer),
        scores=_frozen(scores),
        probs=_frozen(probs),
        predicted=int(scores.argmax()),
        loss=loss,
        dscores=None if dscores is None else _frozen(dscores),
        dhidden_before=None if dhidden_before is None else _frozen(dhidden_before),
        dhidden=None if dhidden is None else _frozen(dhidden),
        active=None if active is None else _frozen(active),
    )


def point_probs(params: Params, points: np.ndarray) -> np.ndarray:
    """Class probabilities (m, K) of many points at once, e.g. for hover tooltips."""
    z = np.asarray(points, dtype=np.float64) @ params["W"] + params["b"]
    if model_of(params) == "nn":
        z = np.maximum(0, z) @ params["W2"] + params["b2"]
    return softmax(z)
