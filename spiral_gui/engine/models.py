"""The two models of the case study, written as the notes write them.

These functions are the readable definition of the maths: the gradient check and the tests
use them. The trainer runs the same maths in place on private buffers for speed, and
`grid.predict_grid` the forward pass on a product grid; the tests hold both to these.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .config import D, Model

Params = dict[str, np.ndarray]

#: Parameter names per model, in the order the notes introduce them.
PARAM_NAMES: dict[str, tuple[str, ...]] = {
    "linear": ("W", "b"),
    "nn": ("W", "b", "W2", "b2"),
}
#: Parameters that the L2 penalty applies to (the weights, never the biases).
REGULARISED = ("W", "W2")


def init_params(model: Model, k: int, hidden: int, rng: np.random.RandomState) -> Params:
    """Small random weights and zero biases, drawn from `rng` in the notes' order."""
    if model == "linear":
        return {"W": 0.01 * rng.randn(D, k), "b": np.zeros((1, k))}
    return {
        "W": 0.01 * rng.randn(D, hidden),
        "b": np.zeros((1, hidden)),
        "W2": 0.01 * rng.randn(hidden, k),
        "b2": np.zeros((1, k)),
    }


def model_of(params: Params) -> Model:
    return "nn" if "W2" in params else "linear"


def forward(params: Params, X: np.ndarray) -> tuple[np.ndarray, np.ndarray | None]:
    """Class scores (n, K), and the hidden layer (n, h) for the net (None for linear)."""
    if model_of(params) == "linear":
        return X @ params["W"] + params["b"], None
    hidden = np.maximum(0, X @ params["W"] + params["b"])
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


def loss_and_grads(params: Params, X: np.ndarray, y: np.ndarray, reg: float) -> LossAndGrads:
    """Mean cross-entropy plus 0.5*reg*sum(W*W), and its analytic gradient per parameter."""
    n = X.shape[0]
    scores, hidden = forward(params, X)
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
        # The ReLU passes gradient only where the unit was active: max(0, z) has slope 0 for z <= 0.
        dhidden[hidden <= 0] = 0
        grads["W"] = X.T @ dhidden + reg * params["W"]
        grads["b"] = dhidden.sum(axis=0, keepdims=True)
    return LossAndGrads(data_loss, reg_loss, grads, probs, hidden)


def predict(params: Params, X: np.ndarray) -> np.ndarray:
    """Argmax class (uint8) per row of X, in chunks of about 32 MiB of hidden units."""
    out = np.empty(X.shape[0], dtype=np.uint8)
    chunk = max(256, 4_000_000 // params["W"].shape[1])
    for start in range(0, X.shape[0], chunk):
        scores, _ = forward(params, X[start : start + chunk])
        out[start : start + chunk] = scores.argmax(axis=1)
    return out
