"""The timeline of a run: copies of the parameters at chosen iterations, to look back at later.

Pure NumPy; knows nothing of the trainer, threads or the window. Whoever trains records the
parameters as it goes (`record`); `wants(i)` / `next_wanted(i)` say which iterations are kept,
so a caller can stop there and copy the parameters only when they will be kept.

Which iterations are kept (bounded memory at any run length):

- every iteration below `dense` (half the capacity: 0 … 999 by default), where the spiral forms;
- after that, multiples of a stride that starts at 1 and doubles whenever more than the rest
  of the capacity would be kept (every second one is then dropped), so the later part of any
  run is covered evenly by between a quarter and a half of the capacity;
- and always the latest iteration recorded (the "tail"), so the run's current state is on it.

The capacity is `MAX_CHECKPOINTS`, lowered for a large model so that the copies never take more
than `MAX_BYTES` (for the notes' two-layer net, 603 parameters: 4.8 KB a checkpoint, at most
2,000 checkpoints, 9.6 MB; for hidden size 4,096: 196.6 KB each, so at most 341, 64 MiB).

`arrays()` / `from_arrays()` give and take the session format's `checkpoints` group:
``iteration`` (m,) int64 and every parameter stacked, ``W`` (m, 2, h) and so on.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from .models import Params

#: The most checkpoints one run keeps.
MAX_CHECKPOINTS = 2_000
#: The most memory the checkpoints of one run take (bytes of parameter values).
MAX_BYTES = 64 * 1024 * 1024
#: The fewest checkpoints kept, however large the model.
MIN_CHECKPOINTS = 16


class Timeline:
    """Parameter checkpoints of one run, in increasing iteration order (see the module doc)."""

    def __init__(self, capacity: int = MAX_CHECKPOINTS, max_bytes: int = MAX_BYTES) -> None:
        if capacity < MIN_CHECKPOINTS:
            raise ValueError(f"a timeline keeps at least {MIN_CHECKPOINTS} checkpoints, got {capacity}")
        self._requested = capacity
        self._max_bytes = max_bytes
        self.clear()

    def clear(self) -> None:
        """Forget every checkpoint (a new run)."""
        self._capacity = self._requested  # fixed at the first record, from the model's size
        self._sized = False
        self._dense: list[tuple[int, Params]] = []
        self._sparse: list[tuple[int, Params]] = []
        self._tail: tuple[int, Params] | None = None
        self._stride = 1
        self._bytes_each = 0

    # -- policy ------------------------------------------------------------------------------
    @property
    def capacity(self) -> int:
        """The most checkpoints kept at once (tail included)."""
        return self._capacity

    @property
    def dense(self) -> int:
        """Every iteration below this is kept."""
        return self._capacity // 2

    @property
    def stride(self) -> int:
        """Iterations between two kept checkpoints from `dense` on (doubles as the run grows)."""
        return self._stride

    def wants(self, iteration: int) -> bool:
        """Whether a checkpoint at `iteration` would be kept for good (not only as the tail)."""
        return iteration < self.dense or iteration % self._stride == 0

    def next_wanted(self, iteration: int) -> int:
        """The first iteration after `iteration` that would be kept for good."""
        nxt = iteration + 1
        if nxt < self.dense:
            return nxt
        s = self._stride
        return max(-(-nxt // s) * s, self.dense)

    # -- recording ---------------------------------------------------------------------------
    def record(self, iteration: int, params: Mapping[str, np.ndarray]) -> None:
        """Keep `params` as the checkpoint at `iteration` (copied, read-only).

        Iterations must increase; recording the latest one again is a no-op. An iteration the
        policy does not keep replaces the tail.
        """
        last = self.last_iteration
        if iteration == last:
            return
        if iteration < last:
            raise ValueError(f"checkpoint iterations must increase: {iteration} after {last}")
        if not self._sized:
            self._size_for(params)
        copy = {name: _frozen_copy(a) for name, a in params.items()}
        if not self.wants(iteration):
            self._tail = (iteration, copy)
            return
        self._tail = None
        if iteration < self.dense:
            self._dense.append((iteration, copy))
            return
        self._sparse.append((iteration, copy))
        room = self._capacity - len(self._dense) - 1  # one place stays for the tail
        while len(self._sparse) > room:
            self._stride *= 2
            self._sparse = [(i, p) for i, p in self._sparse if i % self._stride == 0]

    def _size_for(self, params: Mapping[str, np.ndarray]) -> None:
        each = sum(int(np.asarray(a).nbytes) for a in params.values())
        self._bytes_each = each
        by_memory = self._max_bytes // max(each, 1)
        self._capacity = max(MIN_CHECKPOINTS, min(self._requested, by_memory))
        self._sized = True

    # -- reading -----------------------------------------------------------------------------
    def __len__(self) -> int:
        return len(self._dense) + len(self._sparse) + (self._tail is not None)

    def _items(self) -> list[tuple[int, Params]]:
        tail = [self._tail] if self._tail is not None else []
        return self._dense + self._sparse + tail

    @property
    def iterations(self) -> np.ndarray:
        """The kept iterations, increasing (int64)."""
        return np.array([i for i, _ in self._items()], dtype=np.int64)

    @property
    def last_iteration(self) -> int:
        """The latest iteration recorded; -1 when empty."""
        if self._tail is not None:
            return self._tail[0]
        if self._sparse:
            return self._sparse[-1][0]
        return self._dense[-1][0] if self._dense else -1

    @property
    def nbytes(self) -> int:
        """Bytes of parameter values held now."""
        return len(self) * self._bytes_each

    def nearest(self, iteration: int) -> int:
        """The kept iteration nearest to `iteration` (the earlier one on a tie)."""
        its = self.iterations
        if its.size == 0:
            raise LookupError("the timeline is empty")
        j = int(np.searchsorted(its, iteration))
        if j == 0:
            return int(its[0])
        if j == its.size:
            return int(its[-1])
        before, after = int(its[j - 1]), int(its[j])
        return before if iteration - before <= after - iteration else after

    def params_at(self, iteration: int) -> Params:
        """The read-only parameters kept at exactly `iteration` (KeyError if not kept)."""
        for i, p in self._items():
            if i == iteration:
                return dict(p)
        raise KeyError(f"no checkpoint at iteration {iteration}")

    def evenly(self, count: int) -> list[int]:
        """At most `count` kept iterations spread evenly over the run, first and last included."""
        its = self.iterations
        if its.size <= count:
            return [int(i) for i in its]
        targets = np.linspace(float(its[0]), float(its[-1]), count)
        return sorted({self.nearest(int(t + 0.5)) for t in targets})

    # -- the session format ----------------------------------------------------------------
    def arrays(self) -> dict[str, np.ndarray]:
        """``iteration`` (m,) and every parameter stacked (m, …); empty dict when empty."""
        items = self._items()
        if not items:
            return {}
        out = {"iteration": np.array([i for i, _ in items], dtype=np.int64)}
        for name in items[0][1]:
            out[name] = np.stack([p[name] for _, p in items])
        return out

    @classmethod
    def from_arrays(
        cls,
        arrays: Mapping[str, np.ndarray],
        capacity: int = MAX_CHECKPOINTS,
        max_bytes: int = MAX_BYTES,
    ) -> Timeline:
        """A timeline holding the checkpoints of `arrays()` (the same policy applies again)."""
        timeline = cls(capacity, max_bytes)
        if not arrays:
            return timeline
        its = np.asarray(arrays["iteration"])
        names = [n for n in arrays if n != "iteration"]
        for row, iteration in enumerate(its):
            timeline.record(int(iteration), {n: arrays[n][row] for n in names})
        return timeline


def _frozen_copy(a: np.ndarray) -> np.ndarray:
    out = np.array(a, copy=True)
    out.flags.writeable = False
    return out
