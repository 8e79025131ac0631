"""The two-layer net's hidden units seen on the plane: lines, strength, dead units, thumbnails.

Hidden unit j computes `z_j = x·W[:, j] + b[j]` and outputs `max(0, z_j)`: it is active on one
side of the line `z_j = 0` and exactly 0 on the other. On that dead side `hidden_layer[i, j] == 0`,
so the backward line `dhidden[hidden_layer <= 0] = 0` blocks the point's gradient into `W[:, j]`
and `b[j]`. Everything here is pure NumPy on a snapshot's arrays (params dict with 'W' (2×h),
'b' (1×h), 'W2' (h×K), 'b2' (1×K); X (n×2) float64; y (n,) uint8): it never touches the trainer
or Qt, and never writes its inputs.

A rectangle is `(x, y, width, height)`, as `Snapshot.grid_rect` gives it.
Costs (this 2-core machine, shared and noisy; `benchmarks/explain_engine.py` reprints them):
at the case-study size (300 points, h=100) every function here takes under 0.5 ms. At h=4096
with N=1000 per class (3000 points): `unit_lines` ~0.3 ms, `unit_thumbnails` (32×32, all units)
~12 ms, and `unit_stats`, `diagnose` (stats included) and `unit_detail` one forward pass each,
25–60 ms, in cache-sized blocks of 2 MiB.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum

import numpy as np

from .models import Params, softmax

Rect = tuple[float, float, float, float]  # (x, y, width, height), as Snapshot.grid_rect

#: A unit whose weight column is shorter than this has no line: z_j = b[j] everywhere.
FLAT_NORM = 1e-12
#: Float64 values of hidden layer processed at once (2 MiB): cache-sized blocks, written into one
#: reused buffer, run about 3× faster than one big product at h=4096 with 3000 points.
BLOCK_VALUES = 1 << 18
#: Share of dead units from which `diagnose` reports MOST_UNITS_DEAD.
MOST_DEAD_FRACTION = 0.5


def _frozen(a: np.ndarray) -> np.ndarray:
    a.flags.writeable = False
    return a


def _blocks(n: int, width: int) -> list[tuple[int, int]]:
    rows = max(16, BLOCK_VALUES // max(width, 1))
    return [(r, min(r + rows, n)) for r in range(0, n, rows)]


def _buffer(n: int, width: int) -> np.ndarray:
    return np.empty((min(n, max(16, BLOCK_VALUES // max(width, 1))), width))


def _hidden_layer(X: np.ndarray, params: Params, buf: np.ndarray) -> np.ndarray:
    """max(0, X·W + b) for a block of rows, into `buf`: with 2 inputs, two broadcast multiply-adds
    beat a matrix product whose inner dimension is 2."""
    H = buf[: X.shape[0]]
    W = params["W"]
    np.multiply(X[:, 0:1], W[0], out=H)
    H += X[:, 1:2] * W[1]
    H += params["b"]
    np.maximum(H, 0, out=H)
    return H


def _scores(hidden_layer: np.ndarray, W2T: np.ndarray, b2: np.ndarray) -> np.ndarray:
    """hidden_layer·W2 + b2 as K matrix-vector products (W2T = W2ᵀ, contiguous): for blocks of a
    few dozen rows and h in the thousands, several times faster here than one product with K
    columns."""
    out = np.empty((W2T.shape[0], hidden_layer.shape[0]))
    for k in range(W2T.shape[0]):
        np.dot(hidden_layer, W2T[k], out=out[k])
    return np.asarray(out.T + b2)


# -- lines ---------------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class UnitLines:
    """Every hidden unit's line `z_j = 0` clipped to a rectangle; one row per unit j.

    `segments[j]` is `[[x0, y0], [x1, y1]]`, NaN where the line misses the rectangle (`visible`
    False). `normals[j]` is the unit normal `W[:, j] / ‖W[:, j]‖`, pointing to the active side
    z_j > 0 (NaN for a flat unit). `markers[j]` is a point a little way into the active side from
    the segment's middle (NaN when not visible). For a unit with no line in view,
    `active_in_view[j]` says whether the whole rectangle is on its active side (True) or dead
    side (False); for visible units it is True.
    """

    segments: np.ndarray  # (h, 2, 2) float64
    visible: np.ndarray  # (h,) bool
    normals: np.ndarray  # (h, 2) float64
    markers: np.ndarray  # (h, 2) float64
    flat: np.ndarray  # (h,) bool: ‖W[:, j]‖ < FLAT_NORM, no line at all (z_j = b[j] everywhere)
    active_in_view: np.ndarray  # (h,) bool


def clip_lines(w: np.ndarray, b: np.ndarray, rect: Rect) -> tuple[np.ndarray, np.ndarray]:
    """Segments (m, 2, 2) and visibility (m,) of the lines `x·w[:, j] + b[j] = 0` in `rect`.

    Liang–Barsky on the line through the point nearest the origin, along its direction: one
    vectorised pass for all m lines. `w` is (2, m), `b` is (m,) or (1, m).
    """
    w = np.asarray(w, dtype=np.float64)
    b = np.asarray(b, dtype=np.float64).reshape(-1)
    x, y, width, height = rect
    lo = np.array([x, y])[:, None]
    hi = np.array([x + width, y + height])[:, None]
    norm2 = (w * w).sum(axis=0)
    flat = np.sqrt(norm2) < FLAT_NORM
    with np.errstate(all="ignore"):
        p0 = -b * w / norm2  # (2, m): the point of the line nearest the origin
        d = np.stack([-w[1], w[0]]) / np.sqrt(norm2)  # (2, m): unit direction along the line
        moving = np.abs(d) > 1e-300
        t_a = np.where(moving, (lo - p0) / d, -np.inf)
        t_b = np.where(moving, (hi - p0) / d, np.inf)
        inside = moving | ((p0 >= lo) & (p0 <= hi))
        t0 = np.minimum(t_a, t_b).max(axis=0)
        t1 = np.maximum(t_a, t_b).min(axis=0)
    visible = ~flat & inside.all(axis=0) & (t0 <= t1) & np.isfinite(t0) & np.isfinite(t1)
    seg = np.stack([(p0 + t0 * d).T, (p0 + t1 * d).T], axis=1)  # (m, 2, 2)
    seg[~visible] = np.nan
    return seg, visible


def unit_lines(params: Params, rect: Rect, marker_offset: float = 0.04) -> UnitLines:
    """Each unit's line `z_j = 0` in `rect`, its active side, and a marker point on that side.

    `marker_offset` is the marker's distance from the line as a share of the rectangle's
    shorter side.
    """
    W, b = params["W"], params["b"].reshape(-1)
    seg, visible = clip_lines(W, b, rect)
    norm = np.sqrt((W * W).sum(axis=0))
    flat = norm < FLAT_NORM
    with np.errstate(all="ignore"):
        normals = (W / norm).T.copy()
    normals[flat] = np.nan
    offset = marker_offset * min(rect[2], rect[3])
    markers = seg.mean(axis=1) + offset * normals
    cx, cy = rect[0] + rect[2] / 2, rect[1] + rect[3] / 2
    centre_active = cx * W[0] + cy * W[1] + b > 0
    active_in_view = np.where(visible, True, centre_active)
    return UnitLines(
        *(_frozen(a) for a in (seg, visible, normals, markers, flat, np.asarray(active_in_view)))
    )


# -- strength, contribution, dead units -----------------------------------------------------------
@dataclass(frozen=True, slots=True)
class UnitStats:
    """Per-unit facts over the training points; one entry per unit j.

    `contribution[j] = mean_activation[j] × strength[j]`: the mean size of the unit's push on
    the scores, mean_i ‖hidden_layer[i, j] · W2[j, :]‖. Sort by it to put the units that shape
    the decision first; a dead unit contributes exactly 0.
    """

    favoured_class: np.ndarray  # (h,) int64: argmax_k W2[j, k], the class the unit votes for
    strength: np.ndarray  # (h,) ‖W2[j, :]‖ (Euclidean), e.g. for line width
    mean_activation: np.ndarray  # (h,) mean_i hidden_layer[i, j]
    active_count: np.ndarray  # (h,) int64: training points with hidden_layer[i, j] > 0
    contribution: np.ndarray  # (h,) mean_activation × strength
    dead: np.ndarray  # (h,) bool: hidden_layer[:, j] == 0 for every training point
    num_examples: int

    @property
    def hidden(self) -> int:
        return int(self.dead.shape[0])

    @property
    def dead_count(self) -> int:
        return int(np.count_nonzero(self.dead))

    def order(self) -> np.ndarray:
        """Unit indices by contribution, largest first (ties by index)."""
        return np.lexsort((np.arange(self.hidden), -self.contribution))

    def strongest(self, count: int = 64) -> np.ndarray:
        """The `count` units contributing most, largest first (all units when h <= count)."""
        return self.order()[: max(count, 0)]


def _scan(
    params: Params, X: np.ndarray, y: np.ndarray | None, should_stop: Callable[[], bool] | None
) -> tuple[np.ndarray, np.ndarray, float, float] | None:
    """One blockwise forward pass: per-unit (sum, count of > 0) for the net, and with labels the
    summed cross-entropy and max |probs - 1/K|. None if `should_stop` answered True."""
    nn = "W2" in params
    n, width = X.shape[0], params["W"].shape[1]
    k = params["W2" if nn else "W"].shape[1]
    total = np.zeros(width)
    count = np.zeros(width, dtype=np.int64)
    loss_sum = deviation = 0.0
    buf = _buffer(n, width)
    W2T = np.ascontiguousarray(params["W2"].T) if nn else None
    for i, (r0, r1) in enumerate(_blocks(n, width)):
        if i and should_stop is not None and should_stop():
            return None
        if nn:
            hidden_layer = _hidden_layer(X[r0:r1], params, buf)
            total += hidden_layer.sum(axis=0)
            count += np.count_nonzero(hidden_layer, axis=0)
        if y is not None:
            linear = X[r0:r1] @ params["W"] + params["b"] if not nn else None
            if nn:
                assert W2T is not None
                probs = softmax(_scores(hidden_layer, W2T, params["b2"]))
            else:
                assert linear is not None
                probs = softmax(linear)
            with np.errstate(divide="ignore"):  # a probability of 0 is an infinite loss term
                loss_sum += float(-np.log(probs[np.arange(r1 - r0), y[r0:r1]]).sum())
            deviation = max(deviation, float(np.abs(probs - 1.0 / k).max()))
    return total, count, loss_sum, deviation


def _stats(params: Params, total: np.ndarray, count: np.ndarray, n: int) -> UnitStats:
    W2 = params["W2"]
    strength = np.sqrt((W2 * W2).sum(axis=1))
    mean = total / max(n, 1)
    return UnitStats(
        favoured_class=_frozen(W2.argmax(axis=1)),
        strength=_frozen(strength),
        mean_activation=_frozen(mean),
        active_count=_frozen(count),
        contribution=_frozen(mean * strength),
        dead=_frozen(count == 0),
        num_examples=n,
    )


def unit_stats(
    params: Params, X: np.ndarray, should_stop: Callable[[], bool] | None = None
) -> UnitStats | None:
    """One blockwise forward pass over X: activation and dead-unit facts per unit.

    `should_stop` is polled between blocks; when it answers True the pass is abandoned and
    None is returned.
    """
    scan = _scan(params, X, None, should_stop)
    return None if scan is None else _stats(params, scan[0], scan[1], X.shape[0])


class Failure(Enum):
    """A way training fails silently, in the notes' terms."""

    #: Every unit has every training point on its dead side: dhidden is all zeros, so W and b
    #: get no gradient and never change again (only the L2 term shrinks them).
    ALL_UNITS_DEAD = "all_units_dead"
    #: At least MOST_DEAD_FRACTION of the units are dead: the net has lost most of its capacity.
    MOST_UNITS_DEAD = "most_units_dead"
    #: The L2 penalty wins: the data loss sits at ln K and every class gets probability ≈ 1/K.
    REG_DOMINATES = "reg_dominates"


#: What to do about each failure (the view words it): lower step_size and Reset for dead units;
#: lower reg (and Reset) when the penalty dominates.
REMEDY: dict[Failure, tuple[str, ...]] = {
    Failure.ALL_UNITS_DEAD: ("lower step_size", "reset"),
    Failure.MOST_UNITS_DEAD: ("lower step_size", "reset"),
    Failure.REG_DOMINATES: ("lower reg",),
}


@dataclass(frozen=True, slots=True)
class Diagnosis:
    """Numbers behind the silent failures; `failures` is empty for a healthy run."""

    failures: tuple[Failure, ...]
    hidden: int  # 0 for the linear model
    dead_units: int
    dead_fraction: float
    dhidden_all_zero: bool  # no unit passes gradient for any point (net only)
    data_loss: float  # of the given parameters
    chance_loss: float  # ln K: the data loss when every class gets 1/K
    max_prob_deviation: float  # max over points and classes of |probs - 1/K|
    iteration: int
    step_size: float
    reg: float
    stats: UnitStats | None = None  # the per-unit facts it was based on (net only)

    @property
    def healthy(self) -> bool:
        return not self.failures


def diagnose(
    params: Params,
    X: np.ndarray,
    y: np.ndarray,
    *,
    step_size: float,
    reg: float,
    iteration: int,
    stats: UnitStats | None = None,
    chance_tolerance: float = 0.01,
    should_stop: Callable[[], bool] | None = None,
) -> Diagnosis | None:
    """Detect the silent failures at the given parameters (one blockwise forward pass).

    REG_DOMINATES is reported when the data loss is within `chance_tolerance` (relative) of
    ln K, every probability is within 0.02 of 1/K, reg > 0, and the L2 decay has had time to act:
    `iteration · step_size · reg >= 3` (weights without data gradient would have shrunk by e^-3).
    That last test keeps iteration 0, where small random weights also give ln K, healthy.
    One blockwise forward pass, which also yields the units' `stats` (returned in the
    diagnosis: a view needing both calls this alone); `stats`, if given, is used for the dead
    units instead of the pass's own count. Returns None if `should_stop` answered True.
    """
    k = params["W2" if "W2" in params else "W"].shape[1]
    n = X.shape[0]
    nn = "W2" in params
    scan = _scan(params, X, y, should_stop)
    if scan is None:
        return None
    total, count, loss_sum, deviation = scan
    if nn and stats is None:
        stats = _stats(params, total, count, n)
    data_loss = loss_sum / max(n, 1)
    chance = math.log(k)
    hidden = stats.hidden if stats is not None else 0
    dead = stats.dead_count if stats is not None else 0
    fraction = dead / hidden if hidden else 0.0
    failures: list[Failure] = []
    if nn and dead == hidden:
        failures.append(Failure.ALL_UNITS_DEAD)
    elif nn and fraction >= MOST_DEAD_FRACTION:
        failures.append(Failure.MOST_UNITS_DEAD)
    at_chance = abs(data_loss - chance) <= chance_tolerance * chance and deviation <= 0.02
    if (
        Failure.ALL_UNITS_DEAD not in failures
        and reg > 0
        and at_chance
        and iteration * step_size * reg >= 3.0
    ):
        failures.append(Failure.REG_DOMINATES)
    return Diagnosis(
        failures=tuple(failures),
        hidden=hidden,
        dead_units=dead,
        dead_fraction=fraction,
        dhidden_all_zero=bool(nn and dead == hidden),
        data_loss=data_loss,
        chance_loss=chance,
        max_prob_deviation=deviation,
        iteration=iteration,
        step_size=step_size,
        reg=reg,
        stats=stats,
    )


# -- one selected unit ------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class UnitDetail:
    """Unit j at one iteration: which points move its line, and where the next step puts it.

    `receives[i]` is `hidden_layer[i, j] > 0`: the point's dhidden[i, j] survives the mask and
    flows into W[:, j] and b[j]. `blocked` is its complement (the mask zeroes it). `dW`, `db`
    are this iteration's full gradients for the unit, the L2 term `reg * W[:, j]` included, and
    `next_W`, `next_b` are `W[:, j] - step_size * dW`, `b[j] - step_size * db`: the unit's line
    after the next plain gradient-descent step (`next_segment`, NaN if out of view).
    """

    j: int
    receives: np.ndarray  # (n,) bool
    blocked: np.ndarray  # (n,) bool
    receives_count: int
    blocked_count: int
    W: np.ndarray  # (2,) W[:, j]
    b: float  # b[j]
    W2: np.ndarray  # (K,) W2[j, :]
    dW: np.ndarray  # noqa: N815  (2,) dW[:, j]
    db: float  # db[j]
    next_W: np.ndarray  # noqa: N815  (2,)
    next_b: float
    segment: np.ndarray  # (2, 2) the line now, NaN if not in view
    next_segment: np.ndarray  # (2, 2) the line after the next step, NaN if not in view


def unit_detail(
    params: Params,
    X: np.ndarray,
    y: np.ndarray,
    j: int,
    *,
    reg: float,
    step_size: float,
    rect: Rect,
) -> UnitDetail:
    """Everything about unit `j` that the selected-unit view shows.

    Runs the full forward pass (the scores need every unit) and the backward pass for column j
    only: dhidden[:, j] = dscores · W2[j, :], masked where hidden_layer[:, j] <= 0; it equals the
    same column of a full backward pass (`models.loss_and_grads`).
    """
    W, b, W2 = params["W"], params["b"], params["W2"]
    h = W.shape[1]
    if not 0 <= j < h:
        raise ValueError(f"unit must be between 0 and {h - 1}, got {j}")
    n = X.shape[0]
    column = np.empty(n)
    dscores = np.empty((n, W2.shape[1]))
    buf = _buffer(n, h)
    W2T = np.ascontiguousarray(W2.T)
    for r0, r1 in _blocks(n, h):
        hidden_layer = _hidden_layer(X[r0:r1], params, buf)
        column[r0:r1] = hidden_layer[:, j]
        probs = softmax(_scores(hidden_layer, W2T, params["b2"]))
        probs[np.arange(r1 - r0), y[r0:r1]] -= 1
        dscores[r0:r1] = probs
    dscores /= n
    dhidden_j = dscores @ W2[j]
    receives = column > 0
    dhidden_j[~receives] = 0
    dW = X.T @ dhidden_j + reg * W[:, j]
    db = float(dhidden_j.sum())
    next_W = W[:, j] + (-step_size * dW)
    next_b = float(b[0, j] + (-step_size * db))
    seg, _ = clip_lines(np.c_[W[:, j], next_W], np.array([b[0, j], next_b]), rect)
    count = int(np.count_nonzero(receives))
    return UnitDetail(
        j=j,
        receives=_frozen(receives),
        blocked=_frozen(~receives),
        receives_count=count,
        blocked_count=n - count,
        W=_frozen(W[:, j].copy()),
        b=float(b[0, j]),
        W2=_frozen(W2[j].copy()),
        dW=_frozen(dW),
        db=db,
        next_W=_frozen(next_W),
        next_b=next_b,
        segment=_frozen(seg[0]),
        next_segment=_frozen(seg[1]),
    )


# -- thumbnails -------------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Thumbnails:
    """Activation `max(0, z_j)` of some units over a size×size grid covering `rect`.

    `images[u]` belongs to unit `units[u]`; row 0 is the lowest y and column 0 the lowest x,
    as the decision-region image. `peaks[u]` is that image's maximum (0 for a unit dead in view),
    for scaling each thumbnail's colours.
    """

    images: np.ndarray  # (len(units), size, size) float32
    units: np.ndarray  # (len(units),) int64
    peaks: np.ndarray  # (len(units),) float32
    rect: Rect


def unit_thumbnails(
    params: Params, rect: Rect, size: int = 32, units: np.ndarray | None = None
) -> Thumbnails:
    """Activation maps of `units` (default: all) on a size×size grid of cell centres, float32.

    z over a grid is a sum of a row part and a column part, y·W[1, j] + b[j] and x·W[0, j], so
    the maps are one broadcast add and a max: h=4096 at 32×32 is about 16 MiB.
    """
    if size < 2:
        raise ValueError(f"thumbnail size must be at least 2 pixels, got {size}")
    idx = np.arange(params["W"].shape[1]) if units is None else np.asarray(units, dtype=np.int64)
    W = params["W"][:, idx].astype(np.float32)
    b = params["b"][0, idx].astype(np.float32)
    x, y, width, height = rect
    xs = (x + (np.arange(size) + 0.5) * width / size).astype(np.float32)
    ys = (y + (np.arange(size) + 0.5) * height / size).astype(np.float32)
    rows = (ys[None, :] * W[1][:, None] + b[:, None])[:, :, None]  # (u, size, 1)
    cols = (xs[None, :] * W[0][:, None])[:, None, :]  # (u, 1, size)
    images = rows + cols
    np.maximum(images, 0, out=images)
    peaks = images.reshape(len(idx), -1).max(axis=1) if len(idx) else np.zeros(0, np.float32)
    return Thumbnails(_frozen(images), _frozen(idx.copy()), _frozen(peaks), rect)
