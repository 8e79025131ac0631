"""The two models of the case study, written as the notes write them.

These functions are the readable definition of the maths: the gradient check and the tests
use them. The trainer runs the same maths in place on private buffers for speed, and
`grid.predict_grid` the forward pass on a product grid; the tests hold both to these.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .config import LEAKY_SLOPE, D, Model, TrainConfig

Params = dict[str, np.ndarray]

#: Parameter names per model, in the order the notes introduce them.
PARAM_NAMES: dict[str, tuple[str, ...]] = {
    "linear": ("W", "b"),
    "nn": ("W", "b", "W2", "b2"),
}
#: Parameters that the L2 penalty applies to (the weights, never the biases).
REGULARISED = ("W", "W2")


def init_scale(init: str, fan_in: int) -> float:
    """Factor of the standard-normal draws: 'notes' 0.01, 'he' sqrt(2/fan_in), 'xavier' sqrt(1/fan_in)."""
    if init == "notes":
        return 0.01
    if init == "he":
        return float(np.sqrt(2.0 / fan_in))
    if init == "xavier":
        return float(np.sqrt(1.0 / fan_in))
    raise ValueError(f"init must be one of notes, he, xavier, got {init!r}")


def init_params(model: Model, k: int, hidden: int, rng: np.random.RandomState, init: str = "notes") -> Params:
    """Random weights and zero biases, drawn from `rng` in the notes' order.

    Every `init` uses the same draws, scaled (see `init_scale`), so the random stream after the
    weights is the same whichever is chosen.
    """
    if model == "linear":
        return {"W": init_scale(init, D) * rng.randn(D, k), "b": np.zeros((1, k))}
    return {
        "W": init_scale(init, D) * rng.randn(D, hidden),
        "b": np.zeros((1, hidden)),
        "W2": init_scale(init, hidden) * rng.randn(hidden, k),
        "b2": np.zeros((1, k)),
    }


def model_of(params: Params) -> Model:
    return "nn" if "W2" in params else "linear"


def activate(z: np.ndarray, activation: str = "relu") -> np.ndarray:
    """The hidden layer from its pre-activation z = X·W + b."""
    if activation == "relu":
        return np.asarray(np.maximum(0, z))
    if activation == "leaky_relu":
        return np.asarray(np.maximum(LEAKY_SLOPE * z, z))
    if activation == "tanh":
        return np.asarray(np.tanh(z))
    if activation == "sigmoid":
        return np.asarray(1 / (1 + np.exp(-z)))
    raise ValueError(f"activation must be one of relu, leaky_relu, tanh, sigmoid, got {activation!r}")


def activation_backward(
    dhidden: np.ndarray, hidden_layer: np.ndarray, activation: str = "relu", skip_mask: bool = False
) -> np.ndarray:
    """dhidden carried back through the activation (a new array), from the hidden layer alone.

    ReLU: zero where the unit was inactive (hidden_layer <= 0, exactly where z <= 0), the mask;
    leaky ReLU: times LEAKY_SLOPE there; tanh: times 1 - hidden_layer**2; sigmoid: times
    hidden_layer * (1 - hidden_layer). `skip_mask` leaves the ReLU's (and leaky ReLU's) factor
    out, a deliberately wrong gradient; it changes nothing for tanh and sigmoid.
    """
    dhidden = dhidden.copy()
    if activation in ("relu", "leaky_relu"):
        if not skip_mask:
            dhidden[hidden_layer <= 0] *= 0 if activation == "relu" else LEAKY_SLOPE
    elif activation == "tanh":
        dhidden *= 1 - hidden_layer**2
    else:
        dhidden *= hidden_layer * (1 - hidden_layer)
    return dhidden


def forward(params: Params, X: np.ndarray, activation: str = "relu") -> tuple[np.ndarray, np.ndarray | None]:
    """Class scores (n, K), and the hidden layer (n, h) for the net (None for linear)."""
    if model_of(params) == "linear":
        return X @ params["W"] + params["b"], None
    hidden = activate(X @ params["W"] + params["b"], activation)
    return hidden @ params["W2"] + params["b2"], hidden


def softmax(scores: np.ndarray) -> np.ndarray:
    """Row-wise softmax; subtracting each row's maximum first keeps exp from overflowing."""
    shifted = scores - scores.max(axis=1, keepdims=True)
    e: np.ndarray = np.exp(shifted)
    e /= e.sum(axis=1, keepdims=True)
    return e


@dataclass(frozen=True)
class LossAndGrads:
    data_loss: float
    reg_loss: float
    grads: Params
    probs: np.ndarray
    hidden: np.ndarray | None

    @property
    def loss(self) -> float:
        return self.data_loss + self.reg_loss


def loss_and_grads(
    params: Params,
    X: np.ndarray,
    y: np.ndarray,
    reg: float,
    *,
    activation: str = "relu",
    skip_mask: bool = False,
) -> LossAndGrads:
    """Mean cross-entropy plus 0.5*reg*sum(W*W), and its analytic gradient per parameter.

    `skip_mask` computes the gradient without the ReLU backward mask (an experiment: the result
    is then not the loss's gradient).
    """
    n = X.shape[0]
    scores, hidden = forward(params, X, activation)
    probs = softmax(scores)
    data_loss = float(-np.log(probs[np.arange(n), y]).mean())
    reg_loss = 0.5 * reg * sum(float(np.sum(params[p] * params[p])) for p in REGULARISED if p in params)

    dscores = probs.copy()
    dscores[np.arange(n), y] -= 1
    dscores /= n
    grads: Params = {}
    if hidden is None:
        grads["W"] = X.T @ dscores + reg * params["W"]
        grads["b"] = dscores.sum(axis=0, keepdims=True)
    else:
        grads["W2"] = hidden.T @ dscores + reg * params["W2"]
        grads["b2"] = dscores.sum(axis=0, keepdims=True)
        dhidden = dscores @ params["W2"].T
        if activation == "relu" and not skip_mask:
            # The ReLU passes gradient only where the unit was active: max(0, z) has slope 0 for z <= 0.
            dhidden[hidden <= 0] = 0
        elif activation != "relu":
            dhidden = activation_backward(dhidden, hidden, activation, skip_mask)
        grads["W"] = X.T @ dhidden + reg * params["W"]
        grads["b"] = dhidden.sum(axis=0, keepdims=True)
    return LossAndGrads(data_loss, reg_loss, grads, probs, hidden)


def predict(params: Params, X: np.ndarray, activation: str = "relu") -> np.ndarray:
    """Argmax class (uint8) per row of X, in chunks of about 32 MiB of hidden units."""
    out = np.empty(X.shape[0], dtype=np.uint8)
    chunk = max(256, 4_000_000 // params["W"].shape[1])
    for start in range(0, X.shape[0], chunk):
        scores, _ = forward(params, X[start : start + chunk], activation)
        out[start : start + chunk] = scores.argmax(axis=1)
    return out


def initial_params(config: TrainConfig, rng: np.random.RandomState) -> Params:
    """The starting weights of a `TrainConfig`, drawn from `rng` right after the data.

    The notebook draws the linear classifier's W before the net's: skipping the same draw makes
    the net's run with the default seed the notebook's, number for number.
    """
    if config.model == "nn":
        init_params("linear", config.k, config.hidden, rng)
    return init_params(config.model, config.k, config.hidden, rng, config.init)
