"""Full-batch gradient descent as a steppable object: the loop the window and the CLI drive.

The maths is `models.loss_and_grads`, run in place on preallocated private buffers, because
the window trains in short time slices and a case-study-sized step is dominated by NumPy call
overhead: fewer, allocation-free calls are what make it fast. Specifically:

- layer 1's bias is folded into its matmul (the inputs carry a column of ones);
- the step size is folded into the score gradient, so every parameter gradient comes out
  already scaled and the update is one subtraction;
- the L2 decay and the update write into a second parameter set that is then swapped in, so
  the last finite parameters survive a divergence without a per-iteration copy.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

import numpy as np

from .blocks import ShouldStop, block_rows, check
from .config import Change, D, TrainConfig
from .data import make_spiral
from .models import Params, init_params

#: A loss above this gives the true class a probability below e^-100: the run has blown up
#: (chance level is ln K, at most ln 20 = 3.0), even if every number is still finite.
DIVERGED_LOSS = 100.0


class _LossLog:
    """Growing float64 buffers for the loss per iteration (total and data part)."""

    def __init__(self, capacity: int = 1024) -> None:
        self._buf = np.empty((2, capacity))
        self.size = 0

    def append(self, loss: float, data_loss: float) -> None:
        if self.size == self._buf.shape[1]:
            grown = np.empty((2, 2 * self.size))
            grown[:, : self.size] = self._buf
            self._buf = grown
        self._buf[0, self.size] = loss
        self._buf[1, self.size] = data_loss
        self.size += 1

    def view(self, row: int, start: int = 0) -> np.ndarray:
        v = self._buf[row, start : self.size]
        v.flags.writeable = False
        return v


class Trainer:
    """Trains one `TrainConfig`; `step(n)` advances n iterations, at most to the budget.

    `losses[i]` is the loss of the parameters after i updates, computed just before update i,
    as the notebook prints it. After `step(n)` from a fresh start, `iteration == n` and
    `len(losses) == n`. When the loss becomes non-finite (or explodes) the trainer stops in the
    `diverged` state with a `reason`, and its parameters are the last ones whose loss was finite.
    """

    def __init__(self, config: TrainConfig, should_stop: ShouldStop | None = None) -> None:
        """Draw the data and the weights for `config`. At the largest sizes this takes seconds:
        `should_stop` is polled on the way (`blocks.Interrupted` when it answers True)."""
        rng = np.random.RandomState(config.seed)
        X, y = make_spiral(config.n, config.k, rng, config.noise, should_stop)
        if config.model == "nn":
            # The notebook draws the linear classifier's W before the net's: skipping the same
            # draw makes the net's run with the default seed the notebook's, number for number.
            init_params("linear", config.k, config.hidden, rng)
        params = init_params(config.model, config.k, config.hidden, rng)
        check(should_stop)
        self._setup(config, X, y, params, should_stop)

    @classmethod
    def from_arrays(cls, config: TrainConfig, X: np.ndarray, y: np.ndarray, params: Params) -> Trainer:
        """A trainer on given data and initial weights (the case-study replay, benchmarks)."""
        self = cls.__new__(cls)
        self._setup(config, X, y, params)
        return self

    def _setup(
        self, config: TrainConfig, X: np.ndarray, y: np.ndarray, params: Params,
        should_stop: ShouldStop | None = None,
    ) -> None:
        self._config = config
        self._X = np.array(X, dtype=np.float64)
        self._y = np.array(y, dtype=np.uint8)
        self._X.flags.writeable = False
        self._y.flags.writeable = False
        self._initial = {k: np.array(v, dtype=np.float64) for k, v in params.items()}
        n, k = self._X.shape[0], config.k
        width = config.width
        self._nn = config.model == "nn"

        self._Xa = np.empty((n, D + 1))
        self._Xa[:, :D] = self._X
        self._Xa[:, D] = 1.0
        check(should_stop)
        # Rows are processed in blocks so that the hidden layer's buffers stay small however
        # large N is, and so that a long iteration can be abandoned between blocks.
        rows = min(n, block_rows(width))
        self._blocks = [(r, min(r + rows, n)) for r in range(0, n, rows)]
        # Index of each row's true class in its block's S.ravel(): (row % rows) * k + y.
        self._flat_correct = np.resize(np.arange(rows, dtype=np.int64) * k, n)
        self._flat_correct += self._y
        check(should_stop)
        self._S = np.empty((rows, k))
        self._row = np.empty(rows)  # row max, then row sum
        self._logz = np.empty(rows)
        self._correct = np.empty(rows)
        self._decay = np.ones((D + 1, 1))  # per-row factor of Wa: weights decay, the bias row not
        # Two parameter sets: [0] current, [1] spare that the next update writes into.
        shapes = {"Wa": (D + 1, width)}
        if self._nn:
            shapes |= {"W2": (width, k), "b2": (1, k)}
            self._H = np.empty((rows, width))
            self._dH = np.empty((rows, width))
            self._mask = np.empty((rows, width), dtype=bool)
        self._sets = [{name: np.empty(s) for name, s in shapes.items()} for _ in range(2)]
        self._grads = {name: np.empty(s) for name, s in shapes.items()}
        many = len(self._blocks) > 1
        self._block_grads = {name: np.empty(s) for name, s in shapes.items()} if many else None
        self._step_size = config.step_size
        self._reg = config.reg
        self.reset()

    # -- state ----------------------------------------------------------------------------
    @property
    def config(self) -> TrainConfig:
        """The configuration, with step_size and reg as they are now."""
        return self._config.replace(step_size=self._step_size, reg=self._reg)

    @property
    def X(self) -> np.ndarray:
        return self._X

    @property
    def y(self) -> np.ndarray:
        return self._y

    @property
    def iteration(self) -> int:
        return self._iteration

    @property
    def losses(self) -> np.ndarray:
        """Total loss per iteration so far (read-only view; copy it to keep it)."""
        return self._log.view(0)

    @property
    def data_losses(self) -> np.ndarray:
        return self._log.view(1)

    def losses_since(self, start: int) -> tuple[np.ndarray, np.ndarray]:
        """Copies of (total, data) losses from iteration `start` on."""
        return self._log.view(0, start).copy(), self._log.view(1, start).copy()

    @property
    def last_loss(self) -> float:
        return float(self._log.view(0)[-1]) if self._log.size else math.nan

    @property
    def diverged(self) -> bool:
        return self._reason is not None

    @property
    def reason(self) -> str | None:
        """Why training stopped early, in words a user can act on; None while healthy."""
        return self._reason

    @property
    def finished(self) -> bool:
        return self._iteration >= self._config.iterations

    def params(self) -> Params:
        """Read-only copies of the current parameters, named as in the notes."""
        cur = self._sets[0]
        out = {"W": cur["Wa"][:D].copy(), "b": cur["Wa"][D:].copy()}
        if self._nn:
            out |= {"W2": cur["W2"].copy(), "b2": cur["b2"].copy()}
        for v in out.values():
            v.flags.writeable = False
        return out

    def accuracy(self) -> float:
        """Training accuracy of the current parameters (one forward pass on the trainer's buffers)."""
        return self.evaluate()[0]

    def active_fraction(self) -> float:
        """Share of hidden units whose ReLU output is > 0 for the current parameters (NaN if linear).

        Only these pass gradient back in the ReLU backward step; the others are zeroed.
        """
        return self.evaluate()[1]

    def evaluate(self, should_stop: ShouldStop | None = None) -> tuple[float, float]:
        """(accuracy, active_fraction) of the current parameters from one forward pass.

        `should_stop` is polled between row blocks; when it answers True the pass raises
        `blocks.Interrupted`.
        """
        correct = active = 0
        with np.errstate(all="ignore"):
            for i, (r0, r1) in enumerate(self._blocks):
                if i:
                    check(should_stop)
                m = r1 - r0
                self._forward(self._sets[0], r0, r1)
                correct += int(np.count_nonzero(self._S[:m].argmax(axis=1) == self._y[r0:r1]))
                if self._nn:
                    active += int(np.count_nonzero(self._H[:m]))
        n = self._X.shape[0]
        return correct / n, (active / (n * self._H.shape[1]) if self._nn else math.nan)

    # -- control --------------------------------------------------------------------------
    def set_hyper(self, *, step_size: float | None = None, reg: float | None = None) -> None:
        """Change step_size and/or reg from the next iteration on, without resetting."""
        cfg = self._config.replace(
            step_size=self._step_size if step_size is None else step_size,
            reg=self._reg if reg is None else reg,
        )  # validates
        self._step_size, self._reg = cfg.step_size, cfg.reg

    def apply_live(self, config: TrainConfig) -> None:
        """Take every setting of `config` from the next iteration on, without resetting.

        Only fields that `FIELD_CHANGE` declares `Change.LIVE` may differ from the current
        configuration; anything else needs a new trainer (ValueError).
        """
        if config.change_from(self.config) > Change.LIVE:
            raise ValueError("this change needs new data or new weights: build a new trainer")
        config = config.replace()  # validates again: the trainer never runs on unchecked values
        self._config = config
        self._step_size, self._reg = config.step_size, config.reg

    def set_budget(self, iterations: int) -> None:
        """Change the iteration budget without resetting (the current iteration may exceed it)."""
        self._config = self._config.replace(iterations=iterations)

    def reset(self) -> None:
        """Back to the initial weights (drawn from the seed) and an empty loss history."""
        cur = self._sets[0]
        cur["Wa"][:D] = self._initial["W"]
        cur["Wa"][D:] = self._initial["b"]
        if self._nn:
            cur["W2"][...] = self._initial["W2"]
            cur["b2"][...] = self._initial["b2"]
        self._iteration = 0
        self._log = _LossLog()
        self._reason: str | None = None

    def step(self, n: int = 1, should_stop: ShouldStop | None = None) -> int:
        """Advance up to `n` iterations (fewer at the budget or on divergence); returns how many.

        `should_stop` is polled between row blocks and between iterations; when it answers True
        the iteration in progress is abandoned, leaving the parameters as they were.
        """
        n = min(n, self._config.iterations - self._iteration)
        done = 0
        with np.errstate(all="ignore"):
            while done < n and self._reason is None:
                if should_stop is not None and should_stop():
                    break
                if not self._one_step(should_stop):
                    break
                done += 1
        return done

    # -- the maths, in place --------------------------------------------------------------
    def _forward(self, p: Params, r0: int, r1: int) -> None:
        """Scores of parameter set `p` for rows r0:r1 into self._S (hidden layer into self._H)."""
        m = r1 - r0
        if self._nn:
            H = self._H[:m]
            np.matmul(self._Xa[r0:r1], p["Wa"], out=H)
            np.maximum(H, 0.0, out=H)
            np.matmul(H, p["W2"], out=self._S[:m])
            self._S[:m] += p["b2"]
        else:
            np.matmul(self._Xa[r0:r1], p["Wa"], out=self._S[:m])

    def _one_step(self, should_stop: ShouldStop | None = None) -> bool:
        """One iteration; False if abandoned or diverged (then `reason` says why)."""
        cur, new = self._sets[0], self._sets[1]
        n = self._X.shape[0]
        step, reg = self._step_size, self._reg
        loss_sum = 0.0
        for i, (r0, r1) in enumerate(self._blocks):
            if i and should_stop is not None and should_stop():
                return False
            g = self._grads if i == 0 or self._block_grads is None else self._block_grads
            loss_sum += self._block(cur, g, r0, r1, step / n)
            if i:
                for name, value in g.items():
                    self._grads[name] += value
        g = self._grads

        data_loss = loss_sum / n
        w1 = cur["Wa"][:D]
        reg_loss = 0.5 * reg * (np.vdot(w1, w1) + (np.vdot(cur["W2"], cur["W2"]) if self._nn else 0.0))
        loss = data_loss + float(reg_loss)
        if not math.isfinite(loss) or loss > DIVERGED_LOSS:
            self._reason = self._divergence_reason(loss)
            return False
        self._log.append(loss, data_loss)

        # Decay the weight rows only (the last row of Wa is the bias), then descend.
        decay = 1.0 - step * reg
        if self._nn:
            np.multiply(cur["W2"], decay, out=new["W2"])
            new["W2"] -= g["W2"]
            np.subtract(cur["b2"], g["b2"], out=new["b2"])
        self._decay[:D] = decay
        np.multiply(cur["Wa"], self._decay, out=new["Wa"])
        new["Wa"] -= g["Wa"]
        self._sets.reverse()
        self._iteration += 1
        return True

    def _block(self, cur: Params, g: Params, r0: int, r1: int, scale: float) -> float:
        """Forward and backward for rows r0:r1: gradients (times the step size) into `g`.

        Returns the block's summed cross-entropy, sum(log(sum(exp(s - max))) - (s_y - max)).
        """
        m = r1 - r0
        S, row = self._S[:m], self._row[:m]
        S_flat = S.reshape(-1)
        correct = self._flat_correct[r0:r1]
        self._forward(cur, r0, r1)

        self._rowwise(np.maximum, np.max, S, row)
        S -= row[:, None]
        np.take(S_flat, correct, out=self._correct[:m])
        np.exp(S, out=S)
        self._rowwise(np.add, np.sum, S, row)
        np.log(row, out=self._logz[:m])
        loss_sum = float(self._logz[:m].sum() - self._correct[:m].sum())

        # dscores = (probs - onehot) / n, pre-multiplied by the step size.
        row /= scale
        S /= row[:, None]
        S_flat[correct] -= scale

        # np.dot, not np.matmul, for the products with small results: matmul holds the GIL for
        # its whole BLAS call here, which stalled the GUI thread by up to 400 ms at large N.
        Xa = self._Xa[r0:r1]
        if self._nn:
            H, dH, mask = self._H[:m], self._dH[:m], self._mask[:m]
            np.dot(H.T, S, out=g["W2"])
            np.sum(S, axis=0, out=g["b2"][0])
            np.matmul(S, cur["W2"].T, out=dH)
            # ReLU backward: the gradient flows only through units that were active (hidden > 0).
            np.greater(H, 0.0, out=mask)
            dH *= mask
            np.dot(Xa.T, dH, out=g["Wa"])
        else:
            np.dot(Xa.T, S, out=g["Wa"])
        return loss_sum

    @staticmethod
    def _rowwise(pairwise: np.ufunc, reduce: Callable[..., Any], S: np.ndarray, out: np.ndarray) -> None:
        """Row reduction of S into out; pairwise over the columns when K is small (~5x faster)."""
        k = S.shape[1]
        if k > 8:
            reduce(S, axis=1, out=out)
            return
        pairwise(S[:, 0], S[:, 1], out=out)
        for j in range(2, k):
            pairwise(out, S[:, j], out=out)

    def _divergence_reason(self, loss: float) -> str:
        what = "NaN" if math.isnan(loss) else "infinite" if math.isinf(loss) else f"{loss:.3g}"
        advice = "lower the step size"
        if self._step_size * self._reg >= 2.0:
            advice = "lower reg or the step size (step_size × reg must stay below 2)"
        return f"training diverged: loss became {what} at iteration {self._iteration}; {advice}"
