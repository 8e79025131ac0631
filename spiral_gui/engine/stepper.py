"""One iteration of the notebook, line by line, on the real arrays.

`IterationStepper` holds the notebook's lines for the model in use, with the notebook's names
(hidden_layer, scores, exp_scores, probs, correct_logprobs, data_loss, reg_loss, loss, dscores,
dW2, db2, dhidden, the mask line, dW, db, the regularisation gradient lines and the updates).
Each `step()` runs the next line on the current state and returns an immutable `LineResult`;
`back()` undoes one line in O(1) (every state is kept). The mask line also returns a
`MaskDetail`: dhidden before and after, the boolean mask, counts and two worked examples.

The notebook's arithmetic (W += -step_size * dW, the bias added after the product) differs
from the trainer's in operation order, so its final parameters can differ from `Trainer.step(1)`
in the last bit. The ordinary step is therefore the one that counts: `finish(trainer)` runs the
trainer's own `step(1)` and exposes its parameters as `committed`; the notebook's updated
parameters agree with them to about 1e-15 relative, all parameters taken as one vector in the
max norm (tested to 1e-12; a bias right after the first step, a heavily cancelling column sum of
about 1e-4, matches only to ~1e-12 of its own size).

The hidden layer's activation comes from a small table (`ACTIVATIONS`): ReLU is the notes'; tanh,
leaky ReLU and sigmoid have their forward and backward lines ready for when the trainer offers
them. Pure NumPy; it reads a snapshot's arrays, copies them, and never touches Qt. It holds one
array per line run: at h=4096 and 3000 points, about 0.4 GB for a full iteration (hidden_layer,
dhidden before and after the mask, the mask); at the case-study size, about 1 MB.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

import numpy as np

from .config import TrainConfig
from .models import PARAM_NAMES, LossAndGrads, Params, model_of

if TYPE_CHECKING:
    from .snapshot import Snapshot
    from .trainer import Trainer

State = Mapping[str, Any]


def _frozen(a: np.ndarray) -> np.ndarray:
    a.flags.writeable = False
    return a


# -- the activation table -------------------------------------------------------------------------
def _relu_backward(dhidden: np.ndarray, hidden_layer: np.ndarray) -> np.ndarray:
    out: np.ndarray = dhidden.copy()
    out[hidden_layer <= 0] = 0
    return out


def _leaky_backward(dhidden: np.ndarray, hidden_layer: np.ndarray) -> np.ndarray:
    out: np.ndarray = dhidden.copy()
    out[hidden_layer <= 0] *= LEAKY_SLOPE
    return out


LEAKY_SLOPE = 0.01


@dataclass(frozen=True, slots=True)
class Activation:
    """The hidden layer's nonlinearity: its forward line and its backward line, as source text."""

    name: str
    forward_source: str  # produces hidden_layer
    forward: Callable[[np.ndarray], np.ndarray] = field(repr=False)  # z -> hidden_layer
    backward_source: str  # changes dhidden
    #: (dhidden, hidden_layer) -> the new dhidden (a new array)
    backward: Callable[[np.ndarray, np.ndarray], np.ndarray] = field(repr=False)
    zeroes: bool = False  # the backward line sets entries to 0 (a mask): MaskDetail applies


ACTIVATIONS: dict[str, Activation] = {
    "relu": Activation(
        "relu",
        "hidden_layer = np.maximum(0, np.dot(X, W) + b)",
        lambda z: np.maximum(0, z),
        "dhidden[hidden_layer <= 0] = 0",
        _relu_backward,
        zeroes=True,
    ),
    "leaky_relu": Activation(
        "leaky_relu",
        f"hidden_layer = np.maximum({LEAKY_SLOPE} * (np.dot(X, W) + b), np.dot(X, W) + b)",
        lambda z: np.maximum(LEAKY_SLOPE * z, z),
        f"dhidden[hidden_layer <= 0] *= {LEAKY_SLOPE}",
        _leaky_backward,
    ),
    "tanh": Activation(
        "tanh",
        "hidden_layer = np.tanh(np.dot(X, W) + b)",
        np.tanh,
        "dhidden *= 1 - hidden_layer**2",
        lambda d, h: d * (1 - h**2),
    ),
    "sigmoid": Activation(
        "sigmoid",
        "hidden_layer = 1 / (1 + np.exp(-(np.dot(X, W) + b)))",
        lambda z: 1 / (1 + np.exp(-z)),
        "dhidden *= hidden_layer * (1 - hidden_layer)",
        lambda d, h: d * (h * (1 - h)),
    ),
}


# -- lines and what running one gives -------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Line:
    """One line of the notebook: its source text, the name it produces or changes, its section
    ("forward", "loss", "backward", "regularisation" or "update")."""

    source: str
    name: str
    section: str
    compute: Callable[[State], Any] = field(repr=False, compare=False)


@dataclass(frozen=True, slots=True)
class ArrayRecord:
    """What a line produced: a read-only array (0-d for a number) and its summary."""

    name: str
    value: np.ndarray
    shape: tuple[int, ...]
    dtype: str
    min: float
    max: float
    mean: float

    @classmethod
    def of(cls, name: str, value: Any) -> ArrayRecord:
        # Arrays the stepper produced are read-only and never written again: shared, not copied.
        a = value if isinstance(value, np.ndarray) and not value.flags.writeable else _frozen(np.array(value))
        with np.errstate(all="ignore"):
            lo, hi, mean = (float(f(a)) for f in (np.min, np.max, np.mean)) if a.size else (np.nan,) * 3
        return cls(name, a, a.shape, str(a.dtype), lo, hi, mean)


@dataclass(frozen=True, slots=True)
class WorkedExample:
    """One real entry of the mask line: z → ReLU → upstream gradient → masked gradient."""

    row: int  # training point i
    unit: int  # hidden unit j
    z: float  # (X·W + b)[i, j]
    hidden: float  # hidden_layer[i, j] = max(0, z)
    upstream: float  # dhidden[i, j] before the mask
    masked: float  # dhidden[i, j] after: upstream if z > 0, else 0


@dataclass(frozen=True, slots=True)
class MaskDetail:
    """`dhidden[hidden_layer <= 0] = 0` on the real arrays.

    `mask` is `hidden_layer <= 0`; `zeroed` counts its True entries (the entries set to 0, of
    `total`), `changed` those among them that were not already 0. `passing` is an entry with
    z > 0 (the gradient passes), `blocked` one with z <= 0 (it is zeroed); each is the entry with
    the largest |upstream| of its kind, None when there is no such entry.
    """

    before: np.ndarray
    mask: np.ndarray
    after: np.ndarray
    zeroed: int
    changed: int
    total: int
    passing: WorkedExample | None
    blocked: WorkedExample | None


@dataclass(frozen=True, slots=True)
class LineResult:
    """Line number `index` (0-based) of `lines`, run: what it produced."""

    index: int
    line: Line
    record: ArrayRecord
    mask: MaskDetail | None = None


# -- the lines per model ------------------------------------------------------------------------------
def _exp_line(stable: bool) -> Line:
    if stable:
        return Line(
            "exp_scores = np.exp(scores - np.max(scores, axis=1, keepdims=True))",
            "exp_scores",
            "loss",
            lambda s: np.exp(s["scores"] - np.max(s["scores"], axis=1, keepdims=True)),
        )
    return Line("exp_scores = np.exp(scores)", "exp_scores", "loss", lambda s: np.exp(s["scores"]))


def _dscores_lines() -> list[Line]:
    def minus_one(s: State) -> np.ndarray:
        d: np.ndarray = s["dscores"].copy()
        d[range(s["num_examples"]), s["y"]] -= 1
        return d

    return [
        # The notebook aliases probs here; the stepper copies, so probs stays as it was.
        Line("dscores = probs", "dscores", "backward", lambda s: s["probs"].copy()),
        Line("dscores[range(num_examples), y] -= 1", "dscores", "backward", minus_one),
        Line("dscores /= num_examples", "dscores", "backward", lambda s: s["dscores"] / s["num_examples"]),
    ]


def _loss_lines(stable: bool, reg_source: str, reg_loss: Callable[[State], Any]) -> list[Line]:
    return [
        _exp_line(stable),
        Line(
            "probs = exp_scores / np.sum(exp_scores, axis=1, keepdims=True)",
            "probs",
            "loss",
            lambda s: s["exp_scores"] / np.sum(s["exp_scores"], axis=1, keepdims=True),
        ),
        Line(
            "correct_logprobs = -np.log(probs[range(num_examples), y])",
            "correct_logprobs",
            "loss",
            lambda s: -np.log(s["probs"][range(s["num_examples"]), s["y"]]),
        ),
        Line(
            "data_loss = np.sum(correct_logprobs) / num_examples",
            "data_loss",
            "loss",
            lambda s: np.sum(s["correct_logprobs"]) / s["num_examples"],
        ),
        Line(reg_source, "reg_loss", "loss", reg_loss),
        Line("loss = data_loss + reg_loss", "loss", "loss", lambda s: s["data_loss"] + s["reg_loss"]),
    ]


def _update(name: str) -> Line:
    grad = "d" + name
    return Line(
        f"{name} += -step_size * {grad}",
        name,
        "update",
        lambda s: s[name] + (-s["step_size"] * s[grad]),
    )


def _net_reg_loss(s: State) -> Any:
    return 0.5 * s["reg"] * np.sum(s["W"] * s["W"]) + 0.5 * s["reg"] * np.sum(s["W2"] * s["W2"])


def notebook_lines(
    model: str, *, activation: str = "relu", mask: bool = True, stable: bool = True
) -> tuple[Line, ...]:
    """The lines of one iteration for `model` ("linear" or "nn").

    `mask=False` leaves out the activation's backward line (for ReLU, the mask line): the
    "skip the ReLU backward mask" experiment. `stable=True` writes exp_scores with the row
    maximum subtracted (same probs, never overflows); `stable=False` is the notebook's
    `np.exp(scores)` as printed.
    """
    if model == "linear":
        return (
            Line("scores = np.dot(X, W) + b", "scores", "forward", lambda s: np.dot(s["X"], s["W"]) + s["b"]),
            *_loss_lines(stable, "reg_loss = 0.5 * reg * np.sum(W * W)",
                         lambda s: 0.5 * s["reg"] * np.sum(s["W"] * s["W"])),
            *_dscores_lines(),
            Line("dW = np.dot(X.T, dscores)", "dW", "backward", lambda s: np.dot(s["X"].T, s["dscores"])),
            Line("db = np.sum(dscores, axis=0, keepdims=True)", "db", "backward",
                 lambda s: np.sum(s["dscores"], axis=0, keepdims=True)),
            Line("dW += reg * W", "dW", "regularisation", lambda s: s["dW"] + s["reg"] * s["W"]),
            _update("W"),
            _update("b"),
        )
    if model != "nn":
        raise ValueError(f"model must be 'linear' or 'nn', got {model!r}")
    if activation not in ACTIVATIONS:
        raise ValueError(f"activation must be one of {', '.join(ACTIVATIONS)}, got {activation!r}")
    act = ACTIVATIONS[activation]
    backward = [Line(act.backward_source, "dhidden", "backward",
                     lambda s: act.backward(s["dhidden"], s["hidden_layer"]))] if mask else []
    return (
        Line(act.forward_source, "hidden_layer", "forward",
             lambda s: act.forward(np.dot(s["X"], s["W"]) + s["b"])),
        Line("scores = np.dot(hidden_layer, W2) + b2", "scores", "forward",
             lambda s: np.dot(s["hidden_layer"], s["W2"]) + s["b2"]),
        *_loss_lines(stable, "reg_loss = 0.5 * reg * np.sum(W * W) + 0.5 * reg * np.sum(W2 * W2)",
                     _net_reg_loss),
        *_dscores_lines(),
        Line("dW2 = np.dot(hidden_layer.T, dscores)", "dW2", "backward",
             lambda s: np.dot(s["hidden_layer"].T, s["dscores"])),
        Line("db2 = np.sum(dscores, axis=0, keepdims=True)", "db2", "backward",
             lambda s: np.sum(s["dscores"], axis=0, keepdims=True)),
        Line("dhidden = np.dot(dscores, W2.T)", "dhidden", "backward",
             lambda s: np.dot(s["dscores"], s["W2"].T)),
        *backward,
        Line("dW = np.dot(X.T, dhidden)", "dW", "backward", lambda s: np.dot(s["X"].T, s["dhidden"])),
        Line("db = np.sum(dhidden, axis=0, keepdims=True)", "db", "backward",
             lambda s: np.sum(s["dhidden"], axis=0, keepdims=True)),
        Line("dW2 += reg * W2", "dW2", "regularisation", lambda s: s["dW2"] + s["reg"] * s["W2"]),
        Line("dW += reg * W", "dW", "regularisation", lambda s: s["dW"] + s["reg"] * s["W"]),
        _update("W"),
        _update("b"),
        _update("W2"),
        _update("b2"),
    )


def _mask_detail(before_state: State, after: np.ndarray) -> MaskDetail:
    before, hidden_layer = before_state["dhidden"], before_state["hidden_layer"]
    mask = _frozen(hidden_layer <= 0)
    # The same expression as the forward line, so these are the very z values it saw.
    z = np.dot(before_state["X"], before_state["W"]) + before_state["b"]
    size = np.abs(before)

    def example(where: np.ndarray) -> WorkedExample | None:
        if not where.any():
            return None
        i, j = np.unravel_index(int(np.argmax(np.where(where, size, -1.0))), where.shape)
        return WorkedExample(int(i), int(j), float(z[i, j]), float(hidden_layer[i, j]),
                             float(before[i, j]), float(after[i, j]))

    zeroed = int(np.count_nonzero(mask))
    return MaskDetail(
        before=before,
        mask=mask,
        after=after,
        zeroed=zeroed,
        changed=int(np.count_nonzero(mask & (before != 0))),
        total=int(mask.size),
        passing=example(~mask),
        blocked=example(mask),
    )


# -- the executor -----------------------------------------------------------------------------------
class IterationStepper:
    """Steps through one iteration of the notebook on given data and parameters.

    Build it from a snapshot (`from_snapshot`) or from (config, X, y, params) (`from_config`);
    it copies what it is given and never needs the trainer, except to `finish`.
    """

    def __init__(
        self,
        X: np.ndarray,
        y: np.ndarray,
        params: Params,
        *,
        reg: float,
        step_size: float,
        activation: str = "relu",
        mask: bool = True,
        stable: bool = True,
    ) -> None:
        model = model_of(params)
        missing = [p for p in PARAM_NAMES[model] if p not in params]
        if missing:
            raise ValueError(f"parameters {', '.join(missing)} are missing")
        self.model = model
        self.mask = mask
        self.activation = activation
        self.lines = notebook_lines(model, activation=activation, mask=mask, stable=stable)
        start: dict[str, Any] = {
            "X": _frozen(np.array(X, dtype=np.float64)),
            "y": _frozen(np.array(y, dtype=np.uint8)),
            "num_examples": int(np.shape(X)[0]),
            "reg": float(reg),
            "step_size": float(step_size),
        }
        for name in PARAM_NAMES[model]:
            start[name] = _frozen(np.array(params[name], dtype=np.float64))
        self._states: list[dict[str, Any]] = [start]
        self._results: list[LineResult] = []
        self.committed: Params | None = None

    @classmethod
    def from_config(
        cls, config: TrainConfig, X: np.ndarray, y: np.ndarray, params: Params, **options: Any
    ) -> IterationStepper:
        """From a configuration (its reg, step_size and, once it has one, activation)."""
        options.setdefault("activation", getattr(config, "activation", "relu"))
        return cls(X, y, params, reg=config.reg, step_size=config.step_size, **options)

    @classmethod
    def from_snapshot(cls, snapshot: Snapshot, **options: Any) -> IterationStepper:
        return cls.from_config(snapshot.config, snapshot.X, snapshot.y, snapshot.params, **options)

    # -- where it stands --------------------------------------------------------------------------
    @property
    def position(self) -> int:
        """Lines run so far: 0 at the start, len(lines) at the end."""
        return len(self._results)

    @property
    def at_start(self) -> bool:
        return not self._results

    @property
    def at_end(self) -> bool:
        return len(self._results) == len(self.lines)

    @property
    def results(self) -> tuple[LineResult, ...]:
        return tuple(self._results)

    @property
    def current(self) -> LineResult | None:
        """The result of the last line run, None at the start."""
        return self._results[-1] if self._results else None

    @property
    def state(self) -> Mapping[str, Any]:
        """Every name defined so far, with its current (read-only) value."""
        return MappingProxyType(self._states[-1])

    def value(self, name: str) -> Any:
        return self._states[-1][name]

    # -- moving -------------------------------------------------------------------------------------
    def step(self) -> LineResult:
        """Run the next line on the current state and return what it produced."""
        if self.at_end:
            raise ValueError("the iteration is complete: finish it, or go back a line")
        index = len(self._results)
        line = self.lines[index]
        before = self._states[-1]
        with np.errstate(all="ignore"):
            value = line.compute(before)
        if isinstance(value, np.ndarray):
            _frozen(value)  # every line makes a new array; from now on it is only read
        state = dict(before)
        state[line.name] = value
        detail = None
        act = ACTIVATIONS[self.activation] if self.model == "nn" else None
        if act is not None and act.zeroes and line.source == act.backward_source:
            detail = _mask_detail(before, value)
        result = LineResult(index, line, ArrayRecord.of(line.name, value), detail)
        self._states.append(state)
        self._results.append(result)
        return result

    def back(self) -> LineResult | None:
        """Undo the last line; returns the result now current (None back at the start).

        After `finish` the trainer has taken its step; going back only revisits the arrays, and
        `committed` is cleared so the view does not show the step as still to come.
        """
        if self._results:
            self._results.pop()
            self._states.pop()
            self.committed = None
        return self.current

    def run_to_end(self) -> LineResult | None:
        while not self.at_end:
            self.step()
        return self.current

    def start_params(self) -> Params:
        """The parameters the iteration started from (read-only)."""
        return {name: self._states[0][name] for name in PARAM_NAMES[self.model]}

    def notebook_params(self) -> Params:
        """The parameters after the notebook's update lines (only once every line has run)."""
        if not self.at_end:
            raise ValueError("the update lines have not run yet")
        return {name: self._states[-1][name] for name in PARAM_NAMES[self.model]}

    def loss_and_grads(self) -> LossAndGrads:
        """The iteration's loss and gradients, as `models.loss_and_grads` returns them.

        Runs the lines up to the first update if they have not run yet (the gradients are final
        once the regularisation lines have run; the updates do not change them).
        """
        while not self.at_end and self.lines[self.position].section != "update":
            self.step()
        s = self._states[-1]
        grads = {p: s["d" + p] for p in PARAM_NAMES[self.model]}
        hidden_layer = s.get("hidden_layer")
        return LossAndGrads(float(s["data_loss"]), float(s["reg_loss"]), grads, s["probs"], hidden_layer)

    def finish(self, trainer: Trainer) -> Params:
        """Complete the iteration with the ordinary step: the trainer's own `step(1)`.

        Runs any remaining lines (so every array stays viewable), checks the trainer stands where
        this iteration started (same parameters bit for bit, same reg and step_size), then calls
        `trainer.step(1)`. Returns the trainer's new parameters, also kept as `committed`. If the
        step diverged the trainer's `reason` says so and its parameters are unchanged.
        """
        if not self.mask:
            raise ValueError("the ordinary step applies the ReLU mask; this iteration skips it")
        cfg = trainer.config
        if cfg.reg != self._states[0]["reg"] or cfg.step_size != self._states[0]["step_size"]:
            raise ValueError("reg or step_size changed since this iteration was opened")
        now = trainer.params()
        if set(now) != set(self.start_params()) or any(
            not np.array_equal(now[name], value) for name, value in self.start_params().items()
        ):
            raise ValueError("training moved on since this iteration was opened")
        self.run_to_end()
        trainer.step(1)
        self.committed = trainer.params()
        return self.committed


def notebook_loss_and_grads(
    params: Params,
    X: np.ndarray,
    y: np.ndarray,
    reg: float,
    *,
    activation: str = "relu",
    mask: bool = True,
) -> LossAndGrads:
    """The loss and gradients computed by the notebook's own lines (for the gradient check).

    With `mask=False` this is the gradient without the activation's backward line: for ReLU,
    the "skip the mask" experiment's gradient, which a gradient check shows to be wrong.
    """
    stepper = IterationStepper(X, y, params, reg=reg, step_size=0.0, activation=activation, mask=mask)
    return stepper.loss_and_grads()
