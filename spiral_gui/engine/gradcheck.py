"""Gradient check: the analytic gradient against centred finite differences of the loss.

For each parameter array (W, b, and for the net W2, b2) every entry is checked when the array is
small (the case study's 603 entries all are); above `full_up_to` entries a seeded random sample
of `sample` entries per array is checked, and the result says so. The relative error of an entry
is |analytic - numerical| / max(|analytic|, |numerical|, floor): the floor (1e-7) keeps entries
whose gradient is too small for a finite difference to resolve (a dead unit's W2 row, ~1e-9) from
dominating; at or below 1e-6 the gradient is right.

A ReLU's kink breaks the finite difference, not the gradient: when perturbing an entry moves some
point's z_ij = x·W[:, j] + b[j] across 0 within the stencil, the numerical slope mixes both sides.
Such entries are reported in `kink` and left out of `max_rel_error` (`max_rel_error_all` keeps
them). At initialisation every b[j] is one: the spiral's first point of each class is the origin,
where z_ij = b[j] = 0.

Generic over the gradient: pass any `models.loss_and_grads`-like callable (the notebook's lines,
the unmasked gradient, another activation). The differences are of the loss summed point by
point (from `.probs` when the callable returns them), which resolves about 20 times finer than
differencing two totals near ln K. Default stencil: 4th-order centred, h = 1e-4.

Cost: 4 loss evaluations per entry (2 with order=2). At the case-study size, 603 entries × 4 ≈
2,400 evaluations: about 0.4 s with `point_losses=forward_losses`, ~0.1 s with
`incremental_losses`. At h=4096 with 3000 points the default sample (32 entries of each large
array, b2 whole) is ~400 evaluations: about a minute with `forward_losses` (~0.15 s each), about
1–2 s with `incremental_losses` (the analytic gradient and the kink test dominate). Run it in a
worker with `should_stop`. Pure NumPy; no Qt, no trainer.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np

from .models import PARAM_NAMES, Params, forward, model_of, softmax
from .models import loss_and_grads as case_study_loss_and_grads
from .stepper import notebook_loss_and_grads

#: (params, X, y, reg) -> an object with .loss and .grads (and, optionally, .probs and .reg_loss)
LossAndGradsFn = Callable[[Params, np.ndarray, np.ndarray, float], Any]
PointLossesFn = Callable[[Params, np.ndarray, np.ndarray, float], tuple[np.ndarray, float]]
KinksFn = Callable[[Params, np.ndarray, str, np.ndarray, float], np.ndarray]

#: Relative errors at or below this mean the gradient is right (float64).
PASS = 1e-6
#: Gradients smaller than this are compared in absolute terms (see the module's docstring).
FLOOR = 1e-7


def forward_losses(params: Params, X: np.ndarray, y: np.ndarray, reg: float) -> tuple[np.ndarray, float]:
    """Per-point loss terms -log probs[i, y_i] and the L2 term, forward pass only (case-study models)."""
    scores, _ = forward(params, X)
    probs = softmax(scores)
    reg_loss = 0.5 * reg * sum(float(np.sum(params[p] * params[p])) for p in ("W", "W2") if p in params)
    return -np.log(probs[np.arange(X.shape[0]), y]), reg_loss


def incremental_losses(params: Params, X: np.ndarray, y: np.ndarray) -> PointLossesFn:
    """A `point_losses` for the case-study net that reuses one forward pass at `params`.

    Moving one entry changes little: W[:, j] or b[j] changes only unit j's column of the hidden
    layer, W2[j, k] or b2[k] only column k of the scores. So each finite-difference evaluation
    costs O(n·K) instead of O(n·h): at h=4096 with 3000 points, ~0.1 ms instead of ~150 ms.
    Parameters that differ from `params` in more than one entry (or other data) fall back to
    `forward_losses`. For the softmax model it is `forward_losses` (its arrays are tiny).
    """
    if model_of(params) != "nn":
        return forward_losses
    base = {k: np.array(v, dtype=np.float64) for k, v in params.items()}
    z = X @ base["W"] + base["b"]
    hidden_layer = np.maximum(0, z)
    scores0 = hidden_layer @ base["W2"] + base["b2"]
    rows = np.arange(X.shape[0])

    def losses(p: Params, X_: np.ndarray, y_: np.ndarray, reg: float) -> tuple[np.ndarray, float]:
        changed = [(name, np.argwhere(p[name] != base[name])) for name in base]
        changed = [(name, idx) for name, idx in changed if len(idx)]
        if X_ is not X or y_ is not y or len(changed) > 1 or (changed and len(changed[0][1]) > 1):
            return forward_losses(p, X_, y_, reg)
        scores = scores0.copy()
        if changed:
            name, (idx,) = changed[0]
            delta = p[name][tuple(idx)] - base[name][tuple(idx)]
            if name in ("W", "b"):
                j = idx[1]
                moved = z[:, j] + (delta * X[:, idx[0]] if name == "W" else delta)
                scores += (np.maximum(0, moved) - hidden_layer[:, j])[:, None] * base["W2"][j]
            elif name == "W2":
                scores[:, idx[1]] += delta * hidden_layer[:, idx[0]]
            else:
                scores[:, idx[1]] += delta
        probs = softmax(scores)
        reg_loss = 0.5 * reg * (float(np.sum(p["W"] * p["W"])) + float(np.sum(p["W2"] * p["W2"])))
        return -np.log(probs[rows, y]), reg_loss

    return losses


def _from_loss_and_grads(fn: LossAndGradsFn) -> Callable[..., tuple[np.ndarray, float] | float]:
    def losses(params: Params, X: np.ndarray, y: np.ndarray, reg: float) -> tuple[np.ndarray, float] | float:
        result = fn(params, X, y, reg)
        probs = getattr(result, "probs", None)
        if probs is None or not hasattr(result, "reg_loss"):
            return float(result.loss)
        return np.asarray(-np.log(probs[np.arange(X.shape[0]), y])), float(result.reg_loss)

    return losses


def relu_kinks(params: Params, X: np.ndarray, name: str, entries: np.ndarray, reach: float) -> np.ndarray:
    """For each entry (rows of `entries`) of W or b: does moving it by ±reach flip some z_ij > 0?

    Only the first layer's entries can move a unit's z; W2, b2 and the linear model have no kink.
    """
    if model_of(params) != "nn" or name not in ("W", "b"):
        return np.zeros(len(entries), dtype=bool)
    z = X @ params["W"] + params["b"]
    out = np.empty(len(entries), dtype=bool)
    for e, idx in enumerate(entries):
        j = idx[1]
        shift = reach * (X[:, idx[0]] if name == "W" else 1.0)
        out[e] = bool(np.any((z[:, j] + shift > 0) != (z[:, j] - shift > 0)))
    return out


@dataclass(frozen=True, slots=True)
class ArrayCheck:
    """The check of one parameter array; per-entry arrays follow `entries`' rows."""

    name: str
    size: int  # entries in the array
    entries: np.ndarray  # (m, ndim) int64 indices checked, in row-major order
    sampled: bool  # True when `entries` is a random sample of the array
    analytic: np.ndarray  # (m,)
    numerical: np.ndarray  # (m,)
    rel_error: np.ndarray  # (m,)
    kink: np.ndarray  # (m,) bool: a ReLU kink lies within the stencil
    max_rel_error: float  # over entries without a kink; NaN when every entry has one
    max_rel_error_all: float  # over every checked entry

    @property
    def kink_entries(self) -> np.ndarray:
        return np.asarray(self.entries[self.kink])

    @property
    def checked(self) -> int:
        return len(self.entries)


@dataclass(frozen=True, slots=True)
class GradientCheck:
    """The check of every parameter array, in the notes' order, and how it was done."""

    arrays: tuple[ArrayCheck, ...]
    h: float
    order: int  # 2: (L(+h) - L(-h)) / 2h; 4: (8(L(+h) - L(-h)) - (L(+2h) - L(-2h))) / 12h
    seed: int  # of the random sample of large arrays
    full_up_to: int
    sample: int
    floor: float

    def __getitem__(self, name: str) -> ArrayCheck:
        for a in self.arrays:
            if a.name == name:
                return a
        raise KeyError(name)

    @property
    def worst(self) -> float:
        """Largest max_rel_error over the arrays (kink entries left out)."""
        values = [a.max_rel_error for a in self.arrays if not np.isnan(a.max_rel_error)]
        return max(values, default=float("nan"))

    def passed(self, tol: float = PASS) -> bool:
        return bool(self.worst <= tol)


def _entries(
    shape: tuple[int, ...], full_up_to: int, sample: int, rng: np.random.RandomState
) -> tuple[np.ndarray, bool]:
    size = int(np.prod(shape))
    if size <= full_up_to:
        flat = np.arange(size)
    else:
        flat = np.sort(rng.choice(size, size=min(sample, size), replace=False))
    return np.array(np.unravel_index(flat, shape)).T.astype(np.int64), size > full_up_to


def gradient_check(
    params: Params,
    X: np.ndarray,
    y: np.ndarray,
    reg: float,
    loss_and_grads: LossAndGradsFn = case_study_loss_and_grads,
    *,
    point_losses: PointLossesFn | None = None,
    h: float = 1e-4,
    order: int = 4,
    full_up_to: int = 1000,
    sample: int = 32,
    seed: int = 0,
    floor: float = FLOOR,
    kinks: KinksFn | None = relu_kinks,
    should_stop: Callable[[], bool] | None = None,
) -> GradientCheck | None:
    """Check `loss_and_grads`' gradient at `params` by centred finite differences.

    `point_losses` gives the loss the differences are taken of; by default it comes from
    `loss_and_grads` itself. For the case study's own models (and any gradient variant of them,
    e.g. the unmasked one, which shares their loss) `forward_losses` is 3× faster, and
    `incremental_losses(params, X, y)` is what makes a check at h=4096 take seconds, not minutes.
    `should_stop` is polled between entries; the check returns None when it answers True.
    Never writes `params`.
    """
    if order not in (2, 4):
        raise ValueError(f"the stencil order must be 2 or 4, got {order}")
    if h <= 0:
        raise ValueError(f"the finite-difference step h must be positive, got {h}")
    losses = point_losses or _from_loss_and_grads(loss_and_grads)
    analytic_grads = loss_and_grads(params, X, y, reg).grads
    work = {k: np.array(v, dtype=np.float64) for k, v in params.items()}
    rng = np.random.RandomState(seed)
    offsets = (h, -h) if order == 2 else (h, -h, 2 * h, -2 * h)

    def loss_at(name: str, idx: tuple[int, ...], delta: float) -> tuple[np.ndarray, float] | float:
        saved = work[name][idx]
        work[name][idx] = saved + delta
        try:
            return losses(work, X, y, reg)
        finally:
            work[name][idx] = saved

    def difference(a: tuple[np.ndarray, float] | float, b: tuple[np.ndarray, float] | float) -> float:
        if isinstance(a, tuple) and isinstance(b, tuple):
            return float(np.mean(a[0] - b[0])) + float(a[1] - b[1])
        assert not isinstance(a, tuple) and not isinstance(b, tuple)
        return float(a - b)

    checks = []
    for name in PARAM_NAMES[model_of(params)]:
        entries, sampled = _entries(work[name].shape, full_up_to, sample, rng)
        numerical = np.empty(len(entries))
        for e, idx in enumerate(map(tuple, entries)):
            if should_stop is not None and should_stop():
                return None
            values = [loss_at(name, idx, d) for d in offsets]
            one = difference(values[0], values[1])
            if order == 2:
                numerical[e] = one / (2 * h)
            else:
                numerical[e] = (8 * one - difference(values[2], values[3])) / (12 * h)
        analytic = np.asarray(analytic_grads[name], dtype=np.float64)[tuple(entries.T)]
        scale = np.maximum(np.maximum(np.abs(analytic), np.abs(numerical)), floor)
        rel = np.abs(analytic - numerical) / scale
        reach = h if order == 2 else 2 * h
        kink = kinks(params, X, name, entries, reach) if kinks else np.zeros(len(entries), dtype=bool)
        clean = rel[~kink]
        checks.append(
            ArrayCheck(
                name=name,
                size=int(work[name].size),
                entries=entries,
                sampled=sampled,
                analytic=analytic,
                numerical=numerical,
                rel_error=rel,
                kink=kink,
                max_rel_error=float(clean.max()) if clean.size else float("nan"),
                max_rel_error_all=float(rel.max()) if rel.size else float("nan"),
            )
        )
    return GradientCheck(tuple(checks), h, order, seed, full_up_to, sample, floor)


def loss_and_grads_without_mask(params: Params, X: np.ndarray, y: np.ndarray, reg: float) -> Any:
    """The net's gradient with the line `dhidden[hidden_layer <= 0] = 0` left out (wrong on purpose)."""
    return notebook_loss_and_grads(params, X, y, reg, mask=False)
