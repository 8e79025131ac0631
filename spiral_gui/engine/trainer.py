"""Gradient descent as a steppable object: the loop the window and the CLI drive.

The maths is `models.loss_and_grads`, run in place on preallocated private buffers, because
the window trains in short time slices and a case-study-sized step is dominated by NumPy call
overhead: fewer, allocation-free calls are what make it fast. Specifically:

- layer 1's bias is folded into its matmul (the inputs carry a column of ones);
- for plain gradient descent ('sgd', the notes) the step size is folded into the score
  gradient, so every parameter gradient comes out already scaled and the update is one
  subtraction; the other optimizers (optimizers.py) get the plain gradient;
- the L2 decay and the update write into a second parameter set that is then swapped in, so
  the last finite parameters survive a divergence without a per-iteration copy;
- every FLUSH_EVERY iterations, weights (and optimizer state) smaller than the smallest normal
  float are set to 0. The L2 decay shrinks a dead unit's weights geometrically until they are
  subnormal (they stick near 2.5e-321), and arithmetic on subnormals is several times slower;
  NumPy has no flush-to-zero mode, so it is done here. The values changed are below 2.3e-308
  (1.2e-38 in float32): no printed figure can move.

Mini-batches (batch_size > 0) gather the batch's rows (batches.py) into a buffer of B rows,
so an iteration costs B rows whatever N is. All buffers and parameters have the configured
dtype; the data the views draw (`X`) stays float64. The loss history is bounded (history.py).
This module holds no Qt and no drawing.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from typing import Any, NamedTuple

import numpy as np

from .batches import BatchOrder
from .blocks import ShouldStop, block_rows, check
from .config import FIELD_CHANGE, LEAKY_SLOPE, Change, D, TrainConfig
from .datasets import make_data
from .divergence import Divergence
from .history import Checkpoints, LossHistory
from .models import Params, initial_params
from .optimizers import Optimizer
from .split import held_out_mask

__all__ = ["DIVERGED_LOSS", "FLUSH_EVERY", "FULL_LOSS_MIN_PERIOD", "Evaluation", "Trainer", "block_rows",
           "flush_subnormals"]

#: Iterations between two sweeps that set subnormal parameters to zero.
FLUSH_EVERY = 256

#: A loss above this gives the true class a probability below e^-100: the run has blown up
#: (chance level is ln K, at most ln 20 = 3.0), even if every number is still finite.
DIVERGED_LOSS = 100.0

#: With mini-batches the full training loss is recorded once per epoch, but at most this often.
FULL_LOSS_MIN_PERIOD = 100


class Evaluation(NamedTuple):
    """What one forward pass over the training data says about the current parameters."""

    accuracy: float
    active_fraction: float  #: share of hidden values > 0 (ReLU-like), 1.0 (tanh, sigmoid), NaN (linear)
    mean_slope: float  #: mean activation derivative over the hidden values (NaN if linear)


def flush_subnormals(arrays: Iterable[np.ndarray]) -> None:
    """Set every entry of `arrays` whose magnitude is below the smallest normal float to 0."""
    for a in arrays:
        tiny = np.finfo(a.dtype).tiny
        np.copyto(a, 0.0, where=np.abs(a) < tiny)


class Trainer:
    """Trains one `TrainConfig`; `step(n)` advances n iterations, at most to the budget.

    `losses[i]` is the loss of the parameters after i updates, computed just before update i,
    as the notebook prints it (with mini-batches: the loss on that iteration's batch, plus the
    L2 term). After `step(n)` from a fresh start, `iteration == n` and `len(losses) == n` for
    runs of up to 131,072 iterations; longer runs keep the last 65,536 or more exactly
    (`losses_start` is the iteration of `losses[0]`) and older ones as min/max buckets, see
    `losses_since` and `loss_curve`. When the loss becomes non-finite (or explodes) the trainer
    stops in the `diverged` state with a `reason`, and its parameters are the last ones whose
    loss was finite.
    """

    def __init__(self, config: TrainConfig, should_stop: ShouldStop | None = None) -> None:
        """Draw the data and the weights for `config`. At the largest sizes this takes seconds:
        `should_stop` is polled on the way (`blocks.Interrupted` when it answers True)."""
        rng = np.random.RandomState(config.seed)
        X, y = make_data(config, rng)  # the data first, then the weights, from one stream
        params = initial_params(config, rng)
        test = held_out_mask(X, y, config.test_fraction, config.seed)
        if test.any():  # train on the rest; build_experiment keeps the held-out rows
            X, y = X[~test], y[~test]
        check(should_stop)
        self._setup(config, X, y, params, copy=False, should_stop=should_stop)

    @classmethod
    def from_arrays(
        cls, config: TrainConfig, X: np.ndarray, y: np.ndarray, params: Params,
        should_stop: ShouldStop | None = None,
    ) -> Trainer:
        """A trainer on given data and initial weights (experiments, the case-study replay)."""
        self = cls.__new__(cls)
        self._setup(config, X, y, params, should_stop=should_stop)
        return self

    def _setup(
        self, config: TrainConfig, X: np.ndarray, y: np.ndarray, params: Params, copy: bool = True,
        should_stop: ShouldStop | None = None,
    ) -> None:
        self._config = config
        dt = self._dtype = np.dtype(config.dtype)
        self._X = np.array(X, dtype=np.float64) if copy else np.asarray(X, dtype=np.float64)
        self._y = np.array(y, dtype=np.uint8) if copy else np.asarray(y, dtype=np.uint8)
        self._X.flags.writeable = False
        self._y.flags.writeable = False
        self._initial = {k: np.array(v, dtype=np.float64) for k, v in params.items()}
        n, k = self._X.shape[0], config.k
        width = config.width
        self._nn = config.model == "nn"
        self._activation = config.activation

        self._Xa = np.empty((n, D + 1), dtype=dt)
        self._Xa[:, :D] = self._X
        self._Xa[:, D] = 1.0
        check(should_stop)
        # Rows are processed in blocks so that the hidden layer's buffers stay small however
        # large N is, and so that a long iteration can be abandoned between blocks.
        rows = self._rows = min(n, block_rows(width))
        self._blocks = [(r, min(r + rows, n)) for r in range(0, n, rows)]
        # Index of each row's true class in its block's S.ravel(), built in place (no
        # temporaries of N entries: at the largest N they would be hundreds of MiB).
        fc = self._flat_correct = np.arange(n)
        np.remainder(fc, rows, out=fc)
        fc *= k
        fc += self._y
        check(should_stop)
        self._S = np.empty((rows, k), dtype=dt)
        self._row = np.empty(rows, dtype=dt)  # row max, then row sum
        self._logz = np.empty(rows, dtype=dt)
        self._correct = np.empty(rows, dtype=dt)
        # float64 keeps np.sum's summation order: the notes' run is sensitive to the last bit.
        self._ones = np.ones(rows, dtype=dt) if dt == np.float32 else None
        self._decay = np.ones((D + 1, 1), dtype=dt)  # per-row factor of Wa: weights decay, the bias row not
        # Two parameter sets: [0] current, [1] spare that the next update writes into.
        shapes = {"Wa": (D + 1, width)}
        if self._nn:
            shapes |= {"W2": (width, k), "b2": (1, k)}
            self._H = np.empty((rows, width), dtype=dt)
            self._dH = np.empty((rows, width), dtype=dt)
            self._mask = np.empty((rows, width), dtype=bool)
            self._zero_row = np.zeros((1, width), dtype=dt)
        self._sets = [{name: np.empty(s, dtype=dt) for name, s in shapes.items()} for _ in range(2)]
        self._grads = {name: np.empty(s, dtype=dt) for name, s in shapes.items()}
        many = n > rows
        self._block_grads = {name: np.empty(s, dtype=dt) for name, s in shapes.items()} if many else None
        self._optimizer = Optimizer(config.optimizer, shapes, dt)
        self._order: BatchOrder | None = None
        self._batch_size = 0
        self._batch_buffers()
        self.reset()

    def _batch_buffers(self) -> None:
        """(Re)allocate the mini-batch buffers for the configured batch size."""
        cfg = self._config
        if cfg.full_batch:
            return
        b = cfg.batch_rows
        if b == self._batch_size:
            return
        if self._order is None:
            self._order = BatchOrder(self._X.shape[0], cfg.seed)
        self._batch_size = b
        self._idx = np.empty(b, dtype=np.intp)
        self._Xb = np.empty((b, D + 1), dtype=self._dtype)
        self._boffset = (np.arange(b) % self._rows) * cfg.k
        self._bcorrect = np.empty(b, dtype=np.intp)
        self._bblocks = [(r, min(r + self._rows, b)) for r in range(0, b, self._rows)]

    # -- state ----------------------------------------------------------------------------
    @property
    def config(self) -> TrainConfig:
        """The configuration, with the live fields (step_size, reg, batch size, …) as they are now."""
        return self._config

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
        """Total loss per iteration, iterations `losses_start` … now (read-only view; copy it to keep it)."""
        return self._history.exact(0)

    @property
    def data_losses(self) -> np.ndarray:
        """The data (cross-entropy) part of `losses`, same iterations."""
        return self._history.exact(1)

    @property
    def losses_start(self) -> int:
        """Iteration of losses[0]: 0 for runs of up to 131,072 iterations."""
        return self._history.exact_start

    def losses_since(self, start: int) -> tuple[np.ndarray, np.ndarray]:
        """Copies of (total, data) losses from iteration `start` on, one per iteration.

        Iterations older than `losses_start` are no longer known one by one: each gets the
        maximum (even offsets in its bucket) or the minimum (odd offsets) of the bucket it was
        folded into, so the curve drawn from them keeps its envelope and every spike.
        """
        return self._history.since(start)

    def loss_curve(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(iterations, total, data) of the whole run in at most ~160,000 points: the older
        history as (max, min) pairs per bucket, the recent iterations exactly."""
        return self._history.curve()

    def full_losses(self, start: int = 0) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(iterations, total, data) of the full training loss, recorded with mini-batches only.

        With mini-batches `losses` holds each iteration's batch loss; the loss on all the
        training examples is computed once per epoch (at most every FULL_LOSS_MIN_PERIOD
        iterations), at the iteration's parameters before its update, and kept here. With full
        batches it is empty: `losses` is then the full training loss itself.
        """
        return self._full.arrays(start)

    @property
    def full_loss_period(self) -> int:
        """Iterations between two full-training-loss records (mini-batches only)."""
        b = self._config.batch_rows
        return max(-(-int(self._X.shape[0]) // b), FULL_LOSS_MIN_PERIOD)

    @property
    def last_loss(self) -> float:
        v = self._history.exact(0)
        return float(v[-1]) if v.size else math.nan

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
        """Read-only copies of the current parameters, named as in the notes (in the run's dtype)."""
        out = self._named(self._sets[0])
        for v in out.values():
            v.flags.writeable = False
        return out

    def _named(self, arrays: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
        out = {"W": arrays["Wa"][:D].copy(), "b": arrays["Wa"][D:].copy()}
        if self._nn:
            out |= {"W2": arrays["W2"].copy(), "b2": arrays["b2"].copy()}
        return out

    def state_arrays(self) -> dict[str, np.ndarray]:
        """What, besides the parameters and the loss history, a resumed run needs: copies.

        Keys: 'optimizer.<state>.<param>' for each state array of the optimizer ('v' for
        momentum and Nesterov, 'cache' for RMSprop, 'm' and 'v' for Adam; params W, b, W2, b2),
        'optimizer.t' (updates made, Adam's bias correction), and 'batch.epoch',
        'batch.position' (where the mini-batch order stands). Plain arrays, fit for np.savez.
        """
        out: dict[str, np.ndarray] = {}
        for state, arrays in self._optimizer.state.items():
            for name, value in self._named(arrays).items():
                out[f"optimizer.{state}.{name}"] = value
        order = self._order
        out["optimizer.t"] = np.array(self._optimizer.t, dtype=np.int64)
        out["batch.epoch"] = np.array(order.epoch if order else 0, dtype=np.int64)
        out["batch.position"] = np.array(order.position if order else 0, dtype=np.int64)
        return out

    def load_state_arrays(self, arrays: dict[str, np.ndarray]) -> None:
        """Restore what `state_arrays` gave, for the same configuration. Checks everything first
        and raises ValueError, changing nothing, if a key, shape or value does not fit."""
        expected = self.state_arrays()
        missing = sorted(set(expected) - set(arrays))
        extra = sorted(set(arrays) - set(expected))
        if missing or extra:
            raise ValueError(
                f"the saved training state does not fit this {self._config.optimizer} run "
                f"(missing {', '.join(missing) or 'nothing'}; unexpected {', '.join(extra) or 'nothing'})"
            )
        values = {}
        for key, want in expected.items():
            got = np.asarray(arrays[key])
            if got.shape != want.shape or not np.all(np.isfinite(got)):
                raise ValueError(f"the saved training state's {key} has shape {got.shape}, "
                                 f"expected {want.shape} of finite numbers")
            values[key] = got
        t, epoch, position = (int(values[k]) for k in ("optimizer.t", "batch.epoch", "batch.position"))
        if t < 0 or epoch < 0 or not 0 <= position <= self._X.shape[0]:
            raise ValueError("the saved training state's counters are out of range")
        for state, arrays_ in self._optimizer.state.items():
            arrays_["Wa"][:D] = values[f"optimizer.{state}.W"]
            arrays_["Wa"][D:] = values[f"optimizer.{state}.b"]
            if self._nn:
                arrays_["W2"][...] = values[f"optimizer.{state}.W2"]
                arrays_["b2"][...] = values[f"optimizer.{state}.b2"]
        self._optimizer.t = t
        if epoch or position:
            if self._order is None:
                self._order = BatchOrder(self._X.shape[0], self._config.seed)
            self._order.commit((epoch, position))
        elif self._order is not None:
            self._order.reset()

    def accuracy(self) -> float:
        """Training accuracy of the current parameters (one forward pass on the trainer's buffers)."""
        return self.evaluate()[0]

    def active_fraction(self) -> float:
        """Share of hidden units whose output is > 0 for the current parameters (NaN if linear).

        With ReLU only these pass gradient back in the backward step; the others are zeroed.
        With tanh and sigmoid no unit is masked: 1.0.
        """
        return self.evaluate()[1]

    def evaluate(self, should_stop: ShouldStop | None = None) -> tuple[float, float]:
        """(accuracy, active_fraction) of the current parameters from one forward pass.

        `should_stop` is polled between row blocks; when it answers True the pass raises
        `blocks.Interrupted`.
        """
        return self.evaluation(should_stop)[:2]

    def evaluation(self, should_stop: ShouldStop | None = None) -> Evaluation:
        """Accuracy, active fraction and mean activation slope from one forward pass.

        `mean_slope` is the mean over every hidden value of the activation's derivative there:
        the average factor the backward step multiplies `dhidden` by. ReLU: the active fraction;
        leaky ReLU: 1 where active, LEAKY_SLOPE elsewhere; tanh: mean(1 - hidden_layer**2);
        sigmoid: mean(hidden_layer * (1 - hidden_layer)). NaN for the linear model.
        """
        correct = active = 0
        slope_sum = 0.0
        act = self._activation
        relu_like = act in ("relu", "leaky_relu")
        with np.errstate(all="ignore"):
            for i, (r0, r1) in enumerate(self._blocks):
                if i:
                    check(should_stop)
                m = r1 - r0
                self._forward(self._sets[0], self._Xa[r0:r1])
                correct += int(np.count_nonzero(self._S[:m].argmax(axis=1) == self._y[r0:r1]))
                if not self._nn:
                    continue
                H = self._H[:m]
                if relu_like:
                    np.greater(H, 0.0, out=self._mask[:m])
                    active += int(np.count_nonzero(self._mask[:m]))
                else:  # sums without a temporary: sum(H**2) as a dot product of H with itself
                    squares = float(np.einsum("ij,ij->", H, H, dtype=np.float64))
                    if act == "tanh":
                        slope_sum += H.size - squares
                    else:
                        slope_sum += float(H.sum(dtype=np.float64)) - squares
        n = self._X.shape[0]
        if not self._nn:
            return Evaluation(correct / n, math.nan, math.nan)
        values = n * self._H.shape[1]
        if act == "relu":
            fraction = active / values
            return Evaluation(correct / n, fraction, fraction)
        if act == "leaky_relu":
            fraction = active / values
            return Evaluation(correct / n, fraction, fraction + LEAKY_SLOPE * (1.0 - fraction))
        return Evaluation(correct / n, 1.0, slope_sum / values)

    # -- control --------------------------------------------------------------------------
    def set_hyper(self, **changes: Any) -> None:
        """Change live fields (step_size, reg, batch_size, momentum, beta1, beta2, decay_rate,
        eps) from the next iteration on, without resetting. None leaves a field as it is."""
        changes = {k: v for k, v in changes.items() if v is not None}
        for name in changes:
            if FIELD_CHANGE.get(name) is not Change.LIVE or name == "iterations":
                raise ValueError(f"{name} cannot change during a run; start a new one")
        self._config = self._config.replace(**changes)  # validates
        self._batch_buffers()

    def apply_live(self, config: TrainConfig) -> None:
        """Take every setting of `config` from the next iteration on, without resetting.

        Only fields that `FIELD_CHANGE` declares `Change.LIVE` may differ from the current
        configuration; anything else needs a new trainer (ValueError).
        """
        if config.change_from(self.config) > Change.LIVE:
            raise ValueError("this change needs new data or new weights: build a new trainer")
        self._config = config.replace()  # validates again: the trainer never runs on unchecked values
        self._batch_buffers()

    def set_budget(self, iterations: int) -> None:
        """Change the iteration budget without resetting (the current iteration may exceed it)."""
        self._config = self._config.replace(iterations=iterations)

    def reset(self) -> None:
        """Back to the initial weights (drawn from the seed), a fresh optimizer state and batch
        order, and an empty loss history."""
        cur = self._sets[0]
        cur["Wa"][:D] = self._initial["W"]
        cur["Wa"][D:] = self._initial["b"]
        if self._nn:
            cur["W2"][...] = self._initial["W2"]
            cur["b2"][...] = self._initial["b2"]
        self._optimizer.reset()
        if self._order is not None:
            self._order.reset()
        self._iteration = 0
        self._history = LossHistory()
        self._full = Checkpoints()
        self._reason: str | None = None

    def step(
        self,
        n: int = 1,
        should_stop: ShouldStop | None = None,
        on_block: Callable[[int, int], None] | None = None,
    ) -> int:
        """Advance up to `n` iterations (fewer at the budget or on divergence); returns how many.

        `should_stop` is polled between row blocks and between iterations; when it answers True
        the iteration in progress is abandoned, leaving the parameters as they were.
        `on_block(done, total)` is called after each row block of the forward/backward pass with
        the blocks done so far in the current iteration and the blocks per iteration, so that a
        caller can show progress within an iteration that takes long (large N and hidden size).
        """
        n = min(n, self._config.iterations - self._iteration)
        done = 0
        with np.errstate(all="ignore"):
            while done < n and self._reason is None:
                if should_stop is not None and should_stop():
                    break
                if not self._one_step(should_stop, on_block):
                    break
                done += 1
        return done

    # -- the maths, in place --------------------------------------------------------------
    def _forward(self, p: Params, Xa: np.ndarray) -> None:
        """Scores of parameter set `p` for the rows Xa into self._S (hidden layer into self._H)."""
        m = Xa.shape[0]
        if self._nn:
            H = self._H[:m]
            np.matmul(Xa, p["Wa"], out=H)
            act = self._activation
            if act == "relu":
                # Against a row of zeros, not the scalar 0: NumPy's vectorised two-array loop is
                # 2-2.5x faster here, with the same values.
                np.maximum(H, self._zero_row, out=H)
            elif act == "leaky_relu":
                np.multiply(H, LEAKY_SLOPE, out=self._dH[:m])
                np.maximum(H, self._dH[:m], out=H)
            elif act == "tanh":
                np.tanh(H, out=H)
            else:  # sigmoid, 1 / (1 + exp(-z))
                np.negative(H, out=H)
                np.exp(H, out=H)
                H += 1.0
                np.reciprocal(H, out=H)
            np.matmul(H, p["W2"], out=self._S[:m])
            self._S[:m] += p["b2"]
        else:
            np.matmul(Xa, p["Wa"], out=self._S[:m])

    def _one_step(
        self,
        should_stop: ShouldStop | None = None,
        on_block: Callable[[int, int], None] | None = None,
    ) -> bool:
        """One iteration; False if abandoned or diverged (then `reason` says why)."""
        cfg = self._config
        cur, new = self._sets[0], self._sets[1]
        where = None
        if cfg.batch_size == 0 or cfg.full_batch:
            X_src, c_src, blocks = self._Xa, self._flat_correct, self._blocks
            m_all = self._X.shape[0]
        else:
            if self._iteration % self.full_loss_period == 0 and self._full.last_iteration != self._iteration:
                full = self._full_loss(cur, should_stop)
                if full is None:
                    return False
                self._full.append(self._iteration, *full)
            assert self._order is not None  # mini-batch runs have an order
            where = self._order.draw(self._idx)
            np.take(self._Xa, self._idx, axis=0, out=self._Xb)
            np.add(self._boffset, self._y.take(self._idx), out=self._bcorrect)
            X_src, c_src, blocks = self._Xb, self._bcorrect, self._bblocks
            m_all = self._batch_size

        sgd = cfg.optimizer == "sgd"
        step, reg = cfg.step_size, cfg.reg
        loss_sum = 0.0
        for i, (r0, r1) in enumerate(blocks):
            if i and should_stop is not None and should_stop():
                return False
            g = self._grads if i == 0 or self._block_grads is None else self._block_grads
            loss_sum += self._block(cur, g, X_src[r0:r1], c_src[r0:r1], (step if sgd else 1.0) / m_all)
            if i:
                for name, value in g.items():
                    self._grads[name] += value
            if on_block is not None:
                on_block(i + 1, len(blocks))
        g = self._grads

        data_loss = loss_sum / m_all
        loss = data_loss + self._reg_loss(cur, reg)
        if not math.isfinite(loss) or loss > DIVERGED_LOSS:
            self._reason = self._divergence_reason(loss)
            return False
        self._history.append(loss, data_loss)

        if sgd:
            # Decay the weight rows only (the last row of Wa is the bias), then descend.
            decay = 1.0 - step * reg
            if self._nn:
                np.multiply(cur["W2"], decay, out=new["W2"])
                new["W2"] -= g["W2"]
                np.subtract(cur["b2"], g["b2"], out=new["b2"])
            self._decay[:D] = decay
            np.multiply(cur["Wa"], self._decay, out=new["Wa"])
            new["Wa"] -= g["Wa"]
        else:
            if reg:
                g["Wa"][:D] += reg * cur["Wa"][:D]
                if self._nn:
                    g["W2"] += reg * cur["W2"]
            self._optimizer.update(cur, g, new, cfg)
        if where is not None:
            assert self._order is not None
            self._order.commit(where)
        self._sets.reverse()
        self._iteration += 1
        if self._iteration % FLUSH_EVERY == 0:
            flush_subnormals(self._sets[0].values())
            flush_subnormals(self._optimizer.arrays())
        return True

    def _reg_loss(self, p: Params, reg: float) -> float:
        w1 = p["Wa"][:D]
        return float(0.5 * reg * (np.vdot(w1, w1) + (np.vdot(p["W2"], p["W2"]) if self._nn else 0.0)))

    def _full_loss(self, p: Params, should_stop: Callable[[], bool] | None) -> tuple[float, float] | None:
        """(total, data) loss of `p` on every training example; None if abandoned."""
        loss_sum = 0.0
        for i, (r0, r1) in enumerate(self._blocks):
            if i and should_stop is not None and should_stop():
                return None
            self._forward(p, self._Xa[r0:r1])
            loss_sum += self._softmax_loss(r1 - r0, self._flat_correct[r0:r1])
        data_loss = loss_sum / self._X.shape[0]
        return data_loss + self._reg_loss(p, self._config.reg), data_loss

    def _softmax_loss(self, m: int, correct: np.ndarray) -> float:
        """Summed cross-entropy of the scores in self._S[:m], sum(log(sum(exp(s - max))) - (s_y - max)).

        Leaves exp(s - max) in self._S[:m] and its row sums in self._row[:m].
        """
        S, row = self._S[:m], self._row[:m]
        self._rowwise(np.maximum, np.max, S, row)
        S -= row[:, None]
        np.take(S.reshape(-1), correct, out=self._correct[:m])
        np.exp(S, out=S)
        self._rowwise(np.add, np.sum, S, row)
        np.log(row, out=self._logz[:m])
        return float(self._logz[:m].sum() - self._correct[:m].sum())

    def _block(self, cur: Params, g: Params, Xa: np.ndarray, correct: np.ndarray, scale: float) -> float:
        """Forward and backward for the rows Xa: gradients (times `scale` · m) into `g`.

        Returns the block's summed cross-entropy.
        """
        m = Xa.shape[0]
        self._forward(cur, Xa)
        loss_sum = self._softmax_loss(m, correct)
        S, row = self._S[:m], self._row[:m]

        # dscores = (probs - onehot) / n, pre-multiplied by the step size for plain descent.
        row /= scale
        S /= row[:, None]
        S.reshape(-1)[correct] -= scale

        # np.dot, not np.matmul, for the products with small results: matmul holds the GIL for
        # its whole BLAS call here, which stalled the GUI thread by up to 400 ms at large N.
        if self._nn:
            H, dH = self._H[:m], self._dH[:m]
            np.dot(H.T, S, out=g["W2"])
            if self._ones is None:
                np.sum(S, axis=0, out=g["b2"][0])
            else:  # float32: the column sums as a product, ~15x faster (another summation order)
                np.dot(self._ones[:m], S, out=g["b2"][0])
            np.matmul(S, cur["W2"].T, out=dH)
            self._activation_backward(H, dH, m)
            np.dot(Xa.T, dH, out=g["Wa"])
        else:
            np.dot(Xa.T, S, out=g["Wa"])
        return loss_sum

    def _activation_backward(self, H: np.ndarray, dH: np.ndarray, m: int) -> None:
        """dhidden through the activation, in place; may overwrite H (no longer needed)."""
        act = self._activation
        if act == "relu":
            if not self._config.skip_mask:
                # ReLU backward: the gradient flows only through units that were active (hidden > 0).
                mask = self._mask[:m]
                np.greater(H, 0.0, out=mask)
                dH *= mask
        elif act == "leaky_relu":
            if not self._config.skip_mask:
                # × 1 where the unit was active, × LEAKY_SLOPE elsewhere (H is free as scratch).
                mask = self._mask[:m]
                np.greater(H, 0.0, out=mask)
                np.multiply(mask, 1.0 - LEAKY_SLOPE, out=H)
                H += LEAKY_SLOPE
                dH *= H
        elif act == "tanh":  # × (1 - hidden_layer**2)
            np.multiply(H, H, out=H)
            np.subtract(1.0, H, out=H)
            dH *= H
        else:  # sigmoid: × hidden_layer * (1 - hidden_layer)
            dH *= H
            np.subtract(1.0, H, out=H)
            dH *= H

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
        cfg = self._config
        return Divergence.of(loss, self._iteration, cfg.optimizer, cfg.step_size, cfg.reg).text()

    # -- saving and reopening ---------------------------------------------------------------
    def initial_params(self) -> Params:
        """Read-only copies of the weights Reset goes back to."""
        out = {name: value.copy() for name, value in self._initial.items()}
        for v in out.values():
            v.flags.writeable = False
        return out

    def restore(
        self,
        params: Params,
        iteration: int,
        losses: np.ndarray,
        data_losses: np.ndarray,
        *,
        reason: str | None = None,
        state_arrays: dict[str, np.ndarray] | None = None,
    ) -> None:
        """Continue from a saved state: the parameters after `iteration` updates and the losses
        before them. Stepping on gives exactly the numbers of a run that never stopped.

        `reason` restores a diverged run's explanation; `state_arrays` (optimizer state) goes
        to `load_state_arrays` where the trainer has one.
        """
        names = ("W", "b", "W2", "b2") if self._nn else ("W", "b")
        if set(params) != set(names):
            raise ValueError(f"parameters must be {', '.join(names)}, got {', '.join(sorted(params))}")
        cur = self._sets[0]
        expected = {"W": cur["Wa"][:D].shape, "b": cur["Wa"][D:].shape}
        if self._nn:
            expected |= {"W2": cur["W2"].shape, "b2": cur["b2"].shape}
        for name in names:
            shape = np.shape(params[name])
            if shape != expected[name]:
                raise ValueError(f"parameter {name} must have shape {expected[name]}, got {shape}")
            if not np.isfinite(params[name]).all():
                raise ValueError(f"parameter {name} holds values that are not finite numbers")
        losses, data_losses = np.asarray(losses, np.float64), np.asarray(data_losses, np.float64)
        if iteration < 0 or losses.shape != (iteration,) or data_losses.shape != (iteration,):
            raise ValueError(f"the loss history must hold one loss per iteration ({iteration}), "
                             f"got {losses.shape} and {data_losses.shape}")
        if state_arrays:
            if not hasattr(self, "load_state_arrays"):
                raise ValueError("this trainer keeps no optimizer state to restore")
            self.load_state_arrays(state_arrays)
        cur["Wa"][:D] = params["W"]
        cur["Wa"][D:] = params["b"]
        if self._nn:
            cur["W2"][...] = params["W2"]
            cur["b2"][...] = params["b2"]
        self._iteration = iteration
        self._history = LossHistory()
        self._history.extend(losses, data_losses)
        self._reason = reason
