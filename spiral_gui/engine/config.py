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
from .words import QT_TRANSLATE_NOOP

Model = Literal["linear", "nn"]
MODELS: tuple[Model, ...] = ("linear", "nn")
MODEL_TITLES: dict[str, str] = {
    "linear": QT_TRANSLATE_NOOP("config", "Softmax (linear)"),
    "nn": QT_TRANSLATE_NOOP("config", "Two-layer ReLU net"),
}

Optimizer = Literal["sgd", "momentum", "nesterov", "rmsprop", "adam"]
OPTIMIZERS: tuple[Optimizer, ...] = ("sgd", "momentum", "nesterov", "rmsprop", "adam")
OPTIMIZER_TITLES: dict[str, str] = {
    "sgd": QT_TRANSLATE_NOOP("config", "Gradient descent (the notes)"),
    "momentum": QT_TRANSLATE_NOOP("config", "Momentum"),
    "nesterov": QT_TRANSLATE_NOOP("config", "Nesterov momentum"),
    "rmsprop": QT_TRANSLATE_NOOP("config", "RMSprop"),
    "adam": QT_TRANSLATE_NOOP("config", "Adam"),
}

Activation = Literal["relu", "leaky_relu", "tanh", "sigmoid"]
ACTIVATIONS: tuple[Activation, ...] = ("relu", "leaky_relu", "tanh", "sigmoid")
ACTIVATION_TITLES: dict[str, str] = {
    "relu": QT_TRANSLATE_NOOP("config", "ReLU (the notes)"),
    "leaky_relu": QT_TRANSLATE_NOOP("config", "Leaky ReLU"),
    "tanh": QT_TRANSLATE_NOOP("config", "tanh"),
    "sigmoid": QT_TRANSLATE_NOOP("config", "Sigmoid"),
}
#: The activations as a name inside a sentence ("a two-layer tanh net").
ACTIVATION_NAMES: dict[str, str] = {
    "relu": "ReLU", "leaky_relu": "leaky ReLU", "tanh": "tanh", "sigmoid": "sigmoid",
}


def model_title(model: str, activation: str = "relu") -> str:
    """The model's title, naming the net's activation: "Two-layer tanh net"."""
    if model != "nn" or activation == "relu":
        return MODEL_TITLES[model]
    return f"Two-layer {ACTIVATION_NAMES[activation]} net"


#: Slope of the leaky ReLU for negative inputs: max(z, LEAKY_SLOPE * z). FIELD_HELP["activation"]
#: writes it out (translatable text is literal); a test holds the two equal.
LEAKY_SLOPE = 0.01

Init = Literal["notes", "he", "xavier"]
INITS: tuple[Init, ...] = ("notes", "he", "xavier")
INIT_TITLES: dict[str, str] = {
    "notes": QT_TRANSLATE_NOOP("config", "0.01 · randn (the notes)"),
    "he": QT_TRANSLATE_NOOP("config", "He: randn · sqrt(2 / fan_in)"),
    "xavier": QT_TRANSLATE_NOOP("config", "Xavier: randn · sqrt(1 / fan_in)"),
}

DType = Literal["float64", "float32"]
DTYPES: tuple[DType, ...] = ("float64", "float32")
DTYPE_TITLES: dict[str, str] = {
    "float64": QT_TRANSLATE_NOOP("config", "float64 (exact)"),
    "float32": QT_TRANSLATE_NOOP("config", "float32 (fast)"),
}

#: The choices of every field that takes one of a few names.
CHOICES: dict[str, tuple[str, ...]] = {
    "model": MODELS,
    "optimizer": OPTIMIZERS,
    "activation": ACTIVATIONS,
    "init": INITS,
    "dtype": DTYPES,
}

#: Input dimension of the spiral data; fixed by the case study.
D = 2

#: The data sets: the notes' spiral first (the default), then other shapes, then points the user
#: drew or imported ("custom", whose points come with the experiment rather than from the seed).
DATASETS: tuple[str, ...] = ("spiral", "rings", "xor", "blobs", "moons", "custom")
DATASET_TITLES: dict[str, str] = {
    "spiral": QT_TRANSLATE_NOOP("config", "Spiral"),
    "rings": QT_TRANSLATE_NOOP("config", "Rings"),
    "xor": QT_TRANSLATE_NOOP("config", "XOR quadrants"),
    "blobs": QT_TRANSLATE_NOOP("config", "Gaussian blobs"),
    "moons": QT_TRANSLATE_NOOP("config", "Two moons"),
    "custom": QT_TRANSLATE_NOOP("config", "Custom (drawn or imported)"),
}
CHOICES["dataset"] = DATASETS
#: Data sets whose shape fixes the number of classes K.
DATASET_FIXED_K: dict[str, int] = {"xor": 2, "moons": 2}


def fixed_k(dataset: str) -> int | None:
    """The K a data set fixes (XOR and moons have 2 classes), or None when K is free."""
    return DATASET_FIXED_K.get(dataset)

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
    "batch_size": (0, 1_000_000),
    "momentum": (0.0, 0.9999),
    "beta1": (0.0, 0.9999),
    "beta2": (0.0, 0.99999),
    "decay_rate": (0.0, 0.99999),
    "eps": (1e-12, 1.0),
    "test_fraction": (0.0, 0.9),
}

#: Short names of the fields, in the case study's terms (the window's labels).
FIELD_TITLES: dict[str, str] = {
    "model": QT_TRANSLATE_NOOP("config", "Model"),
    "n": QT_TRANSLATE_NOOP("config", "N (points per class)"),
    "k": QT_TRANSLATE_NOOP("config", "K (classes)"),
    "hidden": QT_TRANSLATE_NOOP("config", "Hidden size h"),
    "step_size": QT_TRANSLATE_NOOP("config", "step_size"),
    "reg": QT_TRANSLATE_NOOP("config", "reg"),
    "seed": QT_TRANSLATE_NOOP("config", "Seed"),
    "noise": QT_TRANSLATE_NOOP("config", "Theta noise"),
    "iterations": QT_TRANSLATE_NOOP("config", "Iterations"),
    "batch_size": QT_TRANSLATE_NOOP("config", "Batch size"),
    "optimizer": QT_TRANSLATE_NOOP("config", "Optimizer"),
    "momentum": QT_TRANSLATE_NOOP("config", "Momentum μ"),
    "beta1": QT_TRANSLATE_NOOP("config", "Adam β1"),
    "beta2": QT_TRANSLATE_NOOP("config", "Adam β2"),
    "decay_rate": QT_TRANSLATE_NOOP("config", "RMSprop decay"),
    "eps": QT_TRANSLATE_NOOP("config", "ε"),
    "activation": QT_TRANSLATE_NOOP("config", "Activation"),
    "init": QT_TRANSLATE_NOOP("config", "Initialisation"),
    "dtype": QT_TRANSLATE_NOOP("config", "Precision"),
    "skip_mask": QT_TRANSLATE_NOOP("config", "Skip the ReLU backward mask"),
    "dataset": QT_TRANSLATE_NOOP("config", "Data set"),
    "test_fraction": QT_TRANSLATE_NOOP("config", "Held-out fraction"),
}

#: What each field means, in the case study's terms: the CLI's --help and the window's tooltips.
FIELD_HELP: dict[str, str] = {
    "model": QT_TRANSLATE_NOOP(
        "config",
        "'linear': softmax classifier, scores = X·W + b (the notes reach 49%); "
        "'nn': two-layer net, hidden = max(0, X·W + b), scores = hidden·W2 + b2 (98%)",
    ),
    "n": QT_TRANSLATE_NOOP(
        "config",
        "N, points per class: each class is one spiral arm of N points, radius 0 to 1",
    ),
    "k": QT_TRANSLATE_NOOP(
        "config",
        "K, the number of classes, i.e. spiral arms (3 in the notes); each arm spans 4 radians",
    ),
    "hidden": QT_TRANSLATE_NOOP(
        "config",
        "h, the size of the ReLU hidden layer of the two-layer net (100 in the notes)",
    ),
    "step_size": QT_TRANSLATE_NOOP(
        "config",
        "step_size, the gradient-descent learning rate: W += -step_size * dW "
        "(1.0 in the notes; too large and the loss explodes)",
    ),
    "reg": QT_TRANSLATE_NOOP(
        "config",
        "reg, the L2 regularisation strength: the loss adds 0.5*reg*sum(W*W) (1e-3 in the notes)",
    ),
    "seed": QT_TRANSLATE_NOOP(
        "config",
        "seed of the one random stream that draws the data, then the weights (0 in the notes)",
    ),
    "noise": QT_TRANSLATE_NOOP(
        "config",
        "theta noise: each point's angle gets randn * noise added (0.2 in the notes); "
        "on the other data sets it blurs the points as much",
    ),
    "iterations": QT_TRANSLATE_NOOP(
        "config",
        "iteration budget: gradient-descent iterations to run "
        "(10,000 for the net in the notes, 200 for the softmax)",
    ),
    "batch_size": QT_TRANSLATE_NOOP(
        "config",
        "examples per gradient step: 0 uses every example each iteration (full batch, "
        "the notes); B > 0 takes the next B of a shuffled order that is reshuffled every epoch "
        "(pass over the data), from its own stream seeded by the seed. Each iteration then records "
        "that batch's loss, and the full training loss is recorded once per epoch (at least every "
        "100 iterations). B at or above the number of examples is full batch",
    ),
    "optimizer": QT_TRANSLATE_NOOP(
        "config",
        "how the gradient becomes an update: 'sgd' W += -step_size*dW (the notes); "
        "'momentum' v = mu*v - step_size*dW, W += v; 'nesterov' the same with the look-ahead "
        "W += -mu*v_prev + (1 + mu)*v; 'rmsprop' cache = decay_rate*cache + (1 - decay_rate)*dW**2, "
        "W += -step_size*dW / (sqrt(cache) + eps); 'adam' m and v averages of dW and dW**2 with "
        "beta1, beta2, bias-corrected, W += -step_size*m / (sqrt(v) + eps). Adam and RMSprop want "
        "a much smaller step size than the notes' 1.0 (1e-2 to 1e-3)",
    ),
    "momentum": QT_TRANSLATE_NOOP(
        "config",
        "mu, the momentum and Nesterov optimizers' friction: the share of the last "
        "update kept in the next",
    ),
    "beta1": QT_TRANSLATE_NOOP(
        "config",
        "Adam's beta1: decay of its running mean of the gradient",
    ),
    "beta2": QT_TRANSLATE_NOOP(
        "config",
        "Adam's beta2: decay of its running mean of the squared gradient",
    ),
    "decay_rate": QT_TRANSLATE_NOOP(
        "config",
        "RMSprop's decay rate: decay of its running mean of the squared gradient",
    ),
    "eps": QT_TRANSLATE_NOOP(
        "config",
        "epsilon: keeps RMSprop's and Adam's division finite where the squared-gradient "
        "average is 0",
    ),
    "activation": QT_TRANSLATE_NOOP(
        "config",
        "the hidden layer's non-linearity: 'relu' max(0, z) (the notes), 'leaky_relu' "
        "max(0.01*z, z), 'tanh', 'sigmoid' 1/(1 + exp(-z)). Its backward step: ReLU "
        "passes the gradient only where the unit is active (the mask), leaky ReLU multiplies by 1 "
        "or 0.01, tanh by 1 - hidden_layer**2, sigmoid by hidden_layer*(1 - hidden_layer)",
    ),
    "init": QT_TRANSLATE_NOOP(
        "config",
        "initial weights from the same random draws, scaled: 'notes' 0.01*randn (the "
        "notes), 'he' randn*sqrt(2/fan_in), 'xavier' randn*sqrt(1/fan_in); biases start at 0",
    ),
    "dtype": QT_TRANSLATE_NOOP(
        "config",
        "floating-point precision of training: 'float64' reproduces the notes exactly; "
        "'float32' is faster and reaches the same accuracy, with losses that differ slightly",
    ),
    "skip_mask": QT_TRANSLATE_NOOP(
        "config",
        "an experiment: leave out the ReLU backward line dhidden[hidden_layer <= 0] = 0, "
        "so the gradient also flows back through inactive units (leaky ReLU: the slope factor is "
        "left out). The gradient is then wrong: the gradient check fails and training suffers. "
        "No effect with tanh or sigmoid. Off in the notes",
    ),
    "dataset": QT_TRANSLATE_NOOP(
        "config",
        "the data: 'spiral' (the notes' K arms), 'rings' (K concentric rings), "
        "'xor' (opposite quadrants, 2 classes), 'blobs' (K Gaussian blobs), 'moons' (two interleaved "
        "half circles, 2 classes), or 'custom' (points drawn or imported); each draws N points per "
        "class from the seed, and the noise blurs it",
    ),
    "test_fraction": QT_TRANSLATE_NOOP(
        "config",
        "share of each class held out of training to measure test accuracy and "
        "test loss on points the net never saw (0 in the notes: train on everything)",
    ),
}

#: Fields that take a yes/no value.
_BOOL_FIELDS = ("skip_mask",)

#: Experiments that are never remembered between launches: the app always starts from the notes.
EXPERIMENT_FIELDS = ("skip_mask",)



class ConfigError(ValueError):
    """A refused configuration. `str()` is the English sentence; `template` (marked for
    translation, context "ConfigError") and `values` let the window word it in another language."""

    def __init__(self, template: str, **values: Any) -> None:
        super().__init__(template.format(**values))
        self.template = template
        self.values = values


_MUST_BE_ONE_OF = QT_TRANSLATE_NOOP(
    "ConfigError", "{name} must be one of {choices}, got {value!r}"
)
_MUST_BE_BOOL = QT_TRANSLATE_NOOP(
    "ConfigError", "{name} must be true or false, got {value!r}"
)
_MUST_BE_WHOLE = QT_TRANSLATE_NOOP(
    "ConfigError", "{name} must be a whole number from {low:,} to {high:,}, got {value!r}"
)
_WHOLE_RANGE = QT_TRANSLATE_NOOP(
    "ConfigError", "{name} must be between {low:,} and {high:,}, got {value:,}"
)
_MUST_BE_NUMBER = QT_TRANSLATE_NOOP(
    "ConfigError", "{name} must be a number from {low:g} to {high:g}, got {value!r}"
)
_NUMBER_RANGE = QT_TRANSLATE_NOOP(
    "ConfigError", "{name} must be between {low:g} and {high:g}, got {value!r}"
)
_FIXED_K = QT_TRANSLATE_NOOP(
    "ConfigError", "k must be {fixed} for the {dataset} data set, which has {fixed} classes, got {k}"
)
_OVER_BUDGET = QT_TRANSLATE_NOOP(
    "ConfigError",
    "this configuration needs about {need} for full-batch training, over the {budget} budget; "
    "lower N, K or the hidden size",
)


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
    # How each step is taken, not what is learned: a change applies from the next iteration on
    # the same weights, so the learner sees the loss curve turn noisy (or smooth) right there.
    "batch_size": Change.LIVE,
    # A different update rule or network is a different experiment: start it from the same
    # initial weights, so that its loss curve compares like for like with the last one.
    "optimizer": Change.WEIGHTS,
    # The optimizers' own constants are tuned like step_size, mid-run; their state is kept.
    "momentum": Change.LIVE,
    "beta1": Change.LIVE,
    "beta2": Change.LIVE,
    "decay_rate": Change.LIVE,
    "eps": Change.LIVE,
    "activation": Change.WEIGHTS,
    "init": Change.WEIGHTS,
    "dtype": Change.WEIGHTS,
    # Turning the experiment off must give back the notes' run exactly: a new run.
    "skip_mask": Change.WEIGHTS,
    # Data and split.
    "dataset": Change.DATA,
    "test_fraction": Change.DATA,
}

_INT_FIELDS = ("n", "k", "hidden", "seed", "iterations", "batch_size")
_FLOAT_FIELDS = (
    "step_size", "reg", "noise", "momentum", "beta1", "beta2", "decay_rate", "eps", "test_fraction",
)


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
    batch_size: int = 0
    optimizer: Optimizer = "sgd"
    momentum: float = 0.9
    beta1: float = 0.9
    beta2: float = 0.999
    decay_rate: float = 0.99
    eps: float = 1e-8
    activation: Activation = "relu"
    init: Init = "notes"
    dtype: DType = "float64"
    skip_mask: bool = False
    # Data and split.
    dataset: str = "spiral"
    test_fraction: float = 0.0

    def __post_init__(self) -> None:
        for name, choices in CHOICES.items():
            value = getattr(self, name)
            if not isinstance(value, str) or value not in choices:
                raise ConfigError(_MUST_BE_ONE_OF, name=name, choices=", ".join(choices), value=value)
        for name in _BOOL_FIELDS:
            value = getattr(self, name)
            if not isinstance(value, bool):
                raise ConfigError(_MUST_BE_BOOL, name=name, value=value)
        if not isinstance(self.dataset, str) or self.dataset not in DATASETS:
            raise ConfigError(
                _MUST_BE_ONE_OF, name="dataset", choices=", ".join(DATASETS), value=self.dataset
            )
        for name in _INT_FIELDS:
            value = getattr(self, name)
            low, high = LIMITS[name]
            if isinstance(value, bool) or not isinstance(value, int):
                raise ConfigError(_MUST_BE_WHOLE, name=name, low=low, high=high, value=value)
            if not low <= value <= high:
                raise ConfigError(_WHOLE_RANGE, name=name, low=low, high=high, value=value)
        for name in _FLOAT_FIELDS:
            value = getattr(self, name)
            low, high = LIMITS[name]
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                raise ConfigError(_MUST_BE_NUMBER, name=name, low=low, high=high, value=value)
            if not math.isfinite(value) or not low <= value <= high:
                raise ConfigError(_NUMBER_RANGE, name=name, low=low, high=high, value=value)
            object.__setattr__(self, name, float(value))
        fixed = fixed_k(self.dataset)
        if fixed is not None and self.k != fixed:
            raise ConfigError(_FIXED_K, fixed=fixed, dataset=self.dataset, k=self.k)
        need = working_set_bytes(self)
        if need > MEMORY_BUDGET_BYTES:
            raise ConfigError(_OVER_BUDGET, need=format_bytes(need), budget=format_bytes(MEMORY_BUDGET_BYTES))

    @property
    def num_examples(self) -> int:
        return self.n * self.k

    @property
    def batch_rows(self) -> int:
        """Examples per iteration: all of them for full batch (batch_size 0 or at least N*K)."""
        n = self.num_examples
        return n if self.batch_size == 0 else min(self.batch_size, n)

    @property
    def full_batch(self) -> bool:
        return self.batch_rows == self.num_examples

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

    def with_dataset(self, dataset: str) -> TrainConfig:
        """A copy on another data set, with K set to the one it fixes (XOR and moons: 2)."""
        return self.replace(dataset=dataset, k=fixed_k(dataset) or self.k)

def field_from_text(name: str, text: str) -> Any:
    """The value of field `name` written as `text` (a settings file, a session): the right type,
    not yet range-checked. Raises ValueError, naming the field, for text of the wrong kind."""
    text = text.strip()
    if name in CHOICES:
        return text
    if name in _BOOL_FIELDS:
        if text.lower() in ("true", "1"):
            return True
        if text.lower() in ("false", "0"):
            return False
        raise ValueError(f"{name} must be true or false, got {text[:40]!r}")
    return int(text) if name in _INT_FIELDS else float(text)


#: Bytes of the loss history at most (history.LossHistory: 2 × 2·EXACT exact values and
#: 4 × BUCKETS bucket values, float64); a test holds the two modules to the same figure.
LOSS_HISTORY_BYTES = 2 * 2 * (1 << 16) * 8 + 4 * (1 << 14) * 8

#: State arrays per parameter of each optimizer (optimizers.STATE; a test holds them equal).
OPTIMIZER_STATE_ARRAYS = {"sgd": 0, "momentum": 1, "nesterov": 1, "rmsprop": 1, "adam": 2}

#: Full-training-loss records of a mini-batch run at most (one per 100 iterations), 3 float64 each.
_FULL_LOSS_BYTES = (10_000_000 // 100 + 64) * 3 * 8


def working_set_bytes(config: TrainConfig, examples: int | None = None) -> int:
    """Bytes the trainer and the window hold for `config`, counted from their buffers.

    Per example: the data (X float64, and the inputs with a ones column: 2 × 8 + 3 × itemsize),
    its label and the index of its true class (1 + 8 bytes), the window's drawing copy of the
    points (2 × 8); with mini-batches the epoch's shuffled order (4 bytes).
    Per row of a block (see block_rows): the scores and four row vectors (K + 4 values), the
    gather of the true-class entries (1 value), the evaluation's argmax and comparison (9 bytes);
    for the net the hidden layer and its gradient (2h values) and the ReLU mask (h bytes).
    Per batch row: its inputs (3 values) and four index vectors (25 bytes).
    Per parameter: two sets, the gradient, a block's gradient, a scratch for the L2 term and
    the optimizer's state and scratch (values), and the float64 initial copy.
    Plus the loss history (bounded) and, with mini-batches, the full-loss records.
    `examples` counts the rows of given data (custom points) instead of N*K.
    "Values" are `itemsize` bytes: 8 for float64, 4 for float32.
    """
    item = 4 if getattr(config, "dtype", "float64") == "float32" else 8
    n = config.n * config.k if examples is None else examples
    k, width = config.k, config.width
    nn = config.model == "nn"
    rows = min(n, block_rows(width))
    per_row = item * (k + 5) + 9
    if nn:
        per_row += item * 2 * config.hidden + config.hidden
    per_example = 8 * 2 + item * 3 + 1 + 8 + 8 * 2
    batch = getattr(config, "batch_size", 0)
    batch_rows = 0 if batch == 0 or batch >= n else batch
    extra = LOSS_HISTORY_BYTES
    if batch_rows:
        per_example += 4
        extra += batch_rows * (item * 3 + 25) + _FULL_LOSS_BYTES
    n_params = (D + 1) * width + ((width + 1) * k if nn else 0)
    state = OPTIMIZER_STATE_ARRAYS[getattr(config, "optimizer", "sgd")]
    params = n_params * (item * (5 + state + (1 if state else 0)) + 8)
    return n * per_example + rows * per_row + params + extra


def format_bytes(count: int) -> str:
    size = float(count)
    for unit in ("bytes", "KiB", "MiB", "GiB", "TiB"):
        if size < 1024 or unit == "TiB":
            return f"{size:.0f} {unit}" if unit == "bytes" else f"{size:.1f} {unit}"
        size /= 1024
    raise AssertionError("unreachable")
