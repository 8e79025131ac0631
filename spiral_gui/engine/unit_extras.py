"""Snapshot extras for the hidden-unit views and the point inspector, computed in the worker.

Registers three extras (engine/extras.py) on import; the window builds their names with
`units_name`, `detail_name` and `inspect_name` and never spells them itself:

- "units:<parts>" → `UnitsOverview`: `units.diagnose` with the unit stats (dead units, the silent
  failures), always; with the part "lines" the lines `z_j = 0` of the strongest `LINE_UNITS`
  units; with "thumbs" the activation thumbnails of the strongest `GALLERY_UNITS`. None when
  the hidden layer is not a ReLU (the explanations here are the notes' ReLU's).
- "unit_detail:<j>" → `units.UnitDetail` of unit j; None if this net has no unit j.
- "inspect_point:<spec>" → `inspect.PointInspection` of a training point ("i<index>") or of a
  spot of the plane ("p<x>,<y>" or "p<x>,<y>,<class>"); None if there is no such point, or
  the hidden layer is not a ReLU.

Also `active_region`: the part of a rectangle on a unit's active side, for shading it. Pure
NumPy; reads the trainer (params, X, y, config) and never changes it; no Qt.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .blocks import Interrupted, ShouldStop, check
from .extras import register
from .grid import GridSpec
from .inspect import PointInspection, inspect_point
from .models import Params
from .trainer import Trainer
from .units import (
    Diagnosis,
    Rect,
    Thumbnails,
    UnitDetail,
    UnitLines,
    diagnose,
    unit_detail,
    unit_lines,
    unit_thumbnails,
)

#: Lines drawn on the plot at most: the strongest units by contribution.
LINE_UNITS = 64
#: Thumbnails in the gallery at most: the strongest units by contribution.
GALLERY_UNITS = 100
#: Thumbnail side in grid cells.
THUMBNAIL_CELLS = 32

UNITS = "units"
DETAIL = "unit_detail"
INSPECT = "inspect_point"


def units_name(lines: bool = False, thumbs: bool = False) -> str:
    """The name of the units overview extra with the parts asked for."""
    return f"{UNITS}:" + "+".join(p for p, on in (("lines", lines), ("thumbs", thumbs)) if on)


def detail_name(j: int) -> str:
    return f"{DETAIL}:{int(j)}"


def inspect_name(
    index: int | None = None, point: tuple[float, float] | None = None, label: int | None = None
) -> str:
    """Training point `index`, or the spot `point` (with an optional class `label`)."""
    if (index is None) == (point is None):
        raise ValueError("name either a training point (index) or a spot of the plane (point)")
    if index is not None:
        return f"{INSPECT}:i{int(index)}"
    spot = f"p{float(point[0])!r},{float(point[1])!r}"  # type: ignore[index]
    return f"{INSPECT}:{spot}" + ("" if label is None else f",{int(label)}")


@dataclass(frozen=True, slots=True)
class UnitsOverview:
    """What the hidden-unit views draw at one iteration.

    `diagnosis.stats` holds the per-unit facts (None for the softmax model). `line_units[u]` is
    the unit whose line is `lines.*[u]` (strongest first); `thumbnails.units` likewise. Both
    are empty/None for the softmax model or when not asked for.
    """

    diagnosis: Diagnosis
    rect: Rect
    hidden: int  # 0 for the softmax model
    line_units: np.ndarray  # (m,) int64, m <= LINE_UNITS
    lines: UnitLines | None
    thumbnails: Thumbnails | None


def _rect(trainer: Trainer) -> Rect:
    return GridSpec.over(trainer.X).rect


def _relu(trainer: Trainer) -> bool:
    return trainer.config.model == "linear" or trainer.config.activation == "relu"


def overview(trainer: Trainer, should_stop: ShouldStop | None, parts: str) -> UnitsOverview | None:
    """The units overview of the trainer's current parameters (see the module docstring)."""
    wanted = set(parts.split("+")) - {""}
    unknown = wanted - {"lines", "thumbs"}
    if unknown:
        raise ValueError(f"unknown parts of the units overview: {sorted(unknown)}")
    if not _relu(trainer):
        return None
    params, cfg = trainer.params(), trainer.config
    found = diagnose(
        params,
        trainer.X,
        trainer.y,
        step_size=cfg.step_size,
        reg=cfg.reg,
        iteration=trainer.iteration,
        should_stop=should_stop,
    )
    if found is None:
        raise Interrupted
    rect = _rect(trainer)
    stats = found.stats
    empty = np.zeros(0, dtype=np.int64)
    line_units, lines, thumbs = empty, None, None
    if stats is not None:
        check(should_stop)
        if "lines" in wanted:
            line_units = stats.strongest(LINE_UNITS)
            line_units.flags.writeable = False
            lines = unit_lines({"W": params["W"][:, line_units], "b": params["b"][:, line_units]}, rect)
        if "thumbs" in wanted:
            thumbs = unit_thumbnails(params, rect, THUMBNAIL_CELLS, stats.strongest(GALLERY_UNITS))
    return UnitsOverview(found, rect, stats.hidden if stats else 0, line_units, lines, thumbs)


def detail(trainer: Trainer, should_stop: ShouldStop | None, argument: str) -> UnitDetail | None:
    """Unit `int(argument)` of the trainer's net at its current parameters."""
    params: Params = trainer.params()
    j = int(argument)
    if "W2" not in params or not _relu(trainer) or not 0 <= j < params["W"].shape[1]:
        return None
    cfg = trainer.config
    return unit_detail(
        params, trainer.X, trainer.y, j, reg=cfg.reg, step_size=cfg.step_size, rect=_rect(trainer)
    )


def inspection(trainer: Trainer, should_stop: ShouldStop | None, spec: str) -> PointInspection | None:
    """The inspection named by `spec` ("i<index>", "p<x>,<y>" or "p<x>,<y>,<class>")."""
    if not _relu(trainer):
        return None
    params, X, y = trainer.params(), trainer.X, trainer.y
    if spec.startswith("i"):
        index = int(spec[1:])
        if not 0 <= index < X.shape[0]:
            return None
        return inspect_point(params, X, y, index=index)
    if not spec.startswith("p"):
        raise ValueError(f"an inspected point is 'i<index>' or 'p<x>,<y>[,<class>]', got {spec!r}")
    fields = spec[1:].split(",")
    label = int(fields[2]) if len(fields) > 2 else None
    if label is not None and not 0 <= label < trainer.config.k:
        label = None
    return inspect_point(params, X, y, point=(float(fields[0]), float(fields[1])), label=label)


register(UNITS, argument=True)(overview)
register(DETAIL, argument=True)(detail)
register(INSPECT, argument=True)(inspection)


def active_region(w: np.ndarray, b: float, rect: Rect) -> np.ndarray:
    """The polygon (m, 2), m = 0…5, of `rect` where `x·w + b > 0`, corners counter-clockwise.

    One half-plane clip (Sutherland–Hodgman) of the rectangle's four corners; empty when the
    whole rectangle is on the dead side, the whole rectangle when it is all active.
    """
    x, y, width, height = rect
    corners = np.array([[x, y], [x + width, y], [x + width, y + height], [x, y + height]])
    w = np.asarray(w, dtype=np.float64).reshape(2)
    z = corners @ w + float(b)
    out: list[np.ndarray] = []
    for i in range(4):
        p, q = corners[i], corners[(i + 1) % 4]
        zp, zq = z[i], z[(i + 1) % 4]
        if zp > 0:
            out.append(p)
        if (zp > 0) != (zq > 0) and zp != zq:
            out.append(p + (q - p) * (zp / (zp - zq)))
    return np.array(out).reshape(-1, 2)
