"""Every training setting, validated once, shared by the CLI, the worker and the window.

The limits live here and nowhere else: the window reads them to set its controls' ranges, so no
control can produce a configuration the engine refuses.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, fields, replace
from enum import IntEnum
from typing import Any, Literal

from .blocks import block_rows

Model = Literal["linear", "nn"]
MODELS: tuple[Model, ...] = ("linear", "nn")
MODEL_TITLES: dict[str, str] = {"linear": "Softmax (linear)", "nn": "Two-layer ReLU net"}

#: Input dimension of the spiral data; fixed by the case study.
D = 2

#: Full-batch working set the engine agrees to allocate (bytes). Above it a configuration is
#: refused with the figure it would need, rather than letting the machine swap.
MEMORY_BUDGET_BYTES = 1 << 30

#: Inclusive numeric ranges of every bounded field: (low, high).
LIMITS: dict[str, tuple[float, float]] = {
    "n": (1, 1_000_000),
    "k": (2, 20),
    "hidden": (1, 4096),
    "step_size": (1e-6, 1e6),
    "reg": (0.0, 1e3),
    "noise": (0.0, 10.0),
    "seed": (0, 2**32 - 1),
    "iterations": (1, 10_000_000),
}

#: Short names of the fields, in the case study's terms (the window's labels).
FIELD_TITLES: dict[str, str] = {
    "model": "Model",
    "n": "N (points per class)",
    "k": "K (classes)",
    "hidden": "Hidden size h",
    "step_size": "step_size",
    "reg": "reg",
    "seed": "Seed",
    "noise": "Theta noise",
    "iterations": "Iterations",
}

#: What each field means, in the case study's terms: the CLI's --help and the window's tooltips.
FIELD_HELP: dict[str, str] = {
    "model": "'linear': softmax classifier, scores = X·W + b (the notes reach 49%); "
    "'nn': two-layer net, hidden = max(0, X·W + b), scores = hidden·W2 + b2 (98%)",
    "n": "N, points per class: each class is one spiral arm of N points, radius 0 to 1",
    "k": "K, the number of classes, i.e. spiral arms (3 in the notes); each arm spans 4 radians",
    "hidden": "h, the size of the ReLU hidden layer of the two-layer net (100 in the notes)",
    "step_size": "step_size, the gradient-descent learning rate: W += -step_size * dW "
    "(1.0 in the notes; too large and the loss explodes)",
    "reg": "reg, the L2 regularisation strength: the loss adds 0.5*reg*sum(W*W) (1e-3 in the notes)",
    "seed": "seed of the one random stream that draws the data, then the weights (0 in the notes)",
    "noise": "theta noise: each point's angle gets randn * noise added (0.2 in the notes)",
    "iterations": "iteration budget: full-batch gradient-descent iterations to run "
    "(10,000 for the net in the notes, 200 for the softmax)",
}



class Change(IntEnum):
    """What a changed setting asks of a running experiment, from least to most disruptive."""

    NONE = 0  #: nothing changed
    LIVE = 1  #: applies at the next iteration; weights, data and history are kept
    WEIGHTS = 2  #: same data, weights re-drawn from the seed: a new run
    DATA = 3  #: new data (and so new weights): a new run


#: The one rule for every field: what changing it does to a run. A new field declares its
#: effect here and nowhere else; the worker and the panel's tooltips both read it.
FIELD_CHANGE: dict[str, Change] = {
    "model": Change.WEIGHTS,
    "n": Change.DATA,
    "k": Change.DATA,
    "hidden": Change.WEIGHTS,
    "step_size": Change.LIVE,
    "reg": Change.LIVE,
    "seed": Change.DATA,
    "noise": Change.DATA,
    "iterations": Change.LIVE,
}

_INT_FIELDS = ("n", "k", "hidden", "seed", "iterations")
_FLOAT_FIELDS = ("step_size", "reg", "noise")


def _fmt(value: float) -> str:
    return f"{value:g}" if isinstance(value, float) else f"{value:,}"


@dataclass(frozen=True, slots=True)
class TrainConfig:
    """One experiment. Defaults are the case study's two-layer network run."""

    model: Model = "nn"
    n: int = 100
    k: int = 3
    hidden: int = 100
    step_size: float = 1.0
    reg: float = 1e-3
    seed: int = 0
    noise: float = 0.2
    iterations: int = 10_000

    def __post_init__(self) -> None:
        if not isinstance(self.model, str) or self.model not in MODELS:
            raise ValueError(f"model must be one of {', '.join(MODELS)}, got {self.model!r}")
        for name in _INT_FIELDS:
            value = getattr(self, name)
            low, high = LIMITS[name]
            if isinstance(value, bool) or not isinstance(value, int):
                raise ValueError(f"{name} must be a whole number from {low:,} to {high:,}, got {value!r}")
            if not low <= value <= high:
                raise ValueError(f"{name} must be between {low:,} and {high:,}, got {value:,}")
        for name in _FLOAT_FIELDS:
            value = getattr(self, name)
            low, high = LIMITS[name]
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                raise ValueError(f"{name} must be a number from {low:g} to {high:g}, got {value!r}")
            if not math.isfinite(value) or not low <= value <= high:
                raise ValueError(f"{name} must be between {low:g} and {high:g}, got {value!r}")
            object.__setattr__(self, name, float(value))
        need = working_set_bytes(self)
        if need > MEMORY_BUDGET_BYTES:
            raise ValueError(
                f"this configuration needs about {format_bytes(need)} for full-batch training, "
                f"over the {format_bytes(MEMORY_BUDGET_BYTES)} budget; "
                f"lower N, K or the hidden size"
            )

    @property
    def num_examples(self) -> int:
        return self.n * self.k

    @property
    def width(self) -> int:
        """Columns of the first weight matrix W: the hidden units, or the classes for linear."""
        return self.hidden if self.model == "nn" else self.k

    def replace(self, **changes: Any) -> TrainConfig:
        """A validated copy with some fields changed."""
        return replace(self, **changes)

    def as_dict(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in fields(self)}

    def change_from(self, old: TrainConfig) -> Change:
        """The most disruptive effect of going from `old` to this configuration."""
        changed = [f.name for f in fields(self) if getattr(self, f.name) != getattr(old, f.name)]
        return max((FIELD_CHANGE[name] for name in changed), default=Change.NONE)


def working_set_bytes(config: TrainConfig) -> int:
    """Bytes the trainer and the window hold for `config`, counted from their buffers.

    Per example: the data (X, and the inputs with a ones column: 2 + 3 floats), its label and
    the index of its true class (9 bytes), and the window's drawing copy of the points (2 floats).
    Per row of a block (see blocks.block_rows): the scores and three row vectors (K + 3 floats),
    and for the net the hidden layer, its gradient and its ReLU mask (2h floats + h bytes).
    """
    n = config.n * config.k
    rows = min(n, block_rows(config.width))
    per_row = 8 * (config.k + 3)
    if config.model == "nn":
        per_row += 8 * 2 * config.hidden + config.hidden
    width = config.width
    params = 8 * 4 * ((D + 1) * width + (width + 1) * config.k)
    return n * (8 * (2 + 3 + 2) + 9) + rows * per_row + params


def format_bytes(count: int) -> str:
    size = float(count)
    for unit in ("bytes", "KiB", "MiB", "GiB", "TiB"):
        if size < 1024 or unit == "TiB":
            return f"{size:.0f} {unit}" if unit == "bytes" else f"{size:.1f} {unit}"
        size /= 1024
    raise AssertionError("unreachable")
