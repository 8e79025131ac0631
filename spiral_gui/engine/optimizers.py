"""The update rules beyond the notes' plain step: momentum, Nesterov momentum, RMSprop, Adam.

Each works in place on a dict of parameter arrays with its own state arrays of the same
shapes: given the current parameters and their full gradient (L2 term included), it writes the
next parameters into a second dict. Plain gradient descent ('sgd') is not here: the trainer
folds it into the gradient for speed. Pure NumPy; knows nothing of the data or the model.

The rules, as the CS231n notes write them (dx the gradient, x a parameter):

- momentum:  v = mu * v - step_size * dx;  x += v
- nesterov:  v_prev = v;  v = mu * v - step_size * dx;  x += -mu * v_prev + (1 + mu) * v
- rmsprop:   cache = decay_rate * cache + (1 - decay_rate) * dx**2;
             x += -step_size * dx / (sqrt(cache) + eps)
- adam:      t += 1;  m = beta1 * m + (1 - beta1) * dx;  v = beta2 * v + (1 - beta2) * dx**2;
             x += -step_size * (m / (1 - beta1**t)) / (sqrt(v / (1 - beta2**t)) + eps)
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

import numpy as np
from numpy.typing import DTypeLike

if TYPE_CHECKING:
    from .config import TrainConfig

#: The state arrays each rule keeps per parameter.
STATE: dict[str, tuple[str, ...]] = {
    "sgd": (),
    "momentum": ("v",),
    "nesterov": ("v",),
    "rmsprop": ("cache",),
    "adam": ("m", "v"),
}

#: The configuration fields each rule reads besides step_size (the panel shows only these).
HYPER: dict[str, tuple[str, ...]] = {
    "sgd": (),
    "momentum": ("momentum",),
    "nesterov": ("momentum",),
    "rmsprop": ("decay_rate", "eps"),
    "adam": ("beta1", "beta2", "eps"),
}


class Optimizer:
    """One rule's state for parameters of the given shapes; `t` counts the updates made."""

    def __init__(self, name: str, shapes: Mapping[str, tuple[int, ...]], dtype: DTypeLike) -> None:
        self.name = name
        self.state = {s: {p: np.zeros(shape, dtype) for p, shape in shapes.items()} for s in STATE[name]}
        self._tmp = {p: np.empty(shape, dtype) for p, shape in shapes.items()} if STATE[name] else {}
        self.t = 0

    def reset(self) -> None:
        for arrays in self.state.values():
            for a in arrays.values():
                a[...] = 0
        self.t = 0

    def arrays(self) -> list[np.ndarray]:
        return [a for arrays in self.state.values() for a in arrays.values()]

    def update(
        self,
        cur: dict[str, np.ndarray],
        grads: dict[str, np.ndarray],
        new: dict[str, np.ndarray],
        config: TrainConfig,
    ) -> None:
        """new = cur + the rule's step for `grads`; `grads` may be overwritten (scratch)."""
        self.t += 1
        step = config.step_size
        for p, x in cur.items():
            dx, tmp, out = grads[p], self._tmp[p], new[p]
            if self.name in ("momentum", "nesterov"):
                v, mu = self.state["v"][p], config.momentum
                if self.name == "nesterov":
                    np.multiply(v, mu, out=tmp)  # mu * v_prev
                v *= mu
                dx *= step
                v -= dx
                if self.name == "momentum":
                    np.add(x, v, out=out)
                else:
                    np.multiply(v, 1 + mu, out=out)
                    out += x
                    out -= tmp
            elif self.name == "rmsprop":
                cache, rate = self.state["cache"][p], config.decay_rate
                cache *= rate
                np.multiply(dx, dx, out=tmp)
                tmp *= 1 - rate
                cache += tmp
                np.sqrt(cache, out=tmp)
                tmp += config.eps
                np.divide(dx, tmp, out=tmp)
                tmp *= step
                np.subtract(x, tmp, out=out)
            else:  # adam
                m, v = self.state["m"][p], self.state["v"][p]
                b1, b2 = config.beta1, config.beta2
                m *= b1
                np.multiply(dx, 1 - b1, out=tmp)
                m += tmp
                v *= b2
                np.multiply(dx, dx, out=tmp)
                tmp *= 1 - b2
                v += tmp
                np.divide(v, 1 - b2**self.t, out=tmp)
                np.sqrt(tmp, out=tmp)
                tmp += config.eps
                np.divide(m, tmp, out=tmp)
                tmp *= step / (1 - b1**self.t)
                np.subtract(x, tmp, out=out)
