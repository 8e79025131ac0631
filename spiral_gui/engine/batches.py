"""Which examples each mini-batch iteration trains on: a shuffled order per epoch.

Epoch e's order is a permutation drawn from its own stream, RandomState([BATCH_STREAM, seed, e]),
never from the stream that drew the data and the weights, so choosing a batch size leaves those
untouched, and a run is reproducible and resumable from (seed, epoch, position) alone. Batches
take the next B examples of the order and run on into the next epoch's order when one ends, so
every batch has exactly B examples. Pure NumPy; knows nothing of the model.
"""

from __future__ import annotations

import numpy as np

#: Distinguishes the batch stream from any other stream seeded with the same seed.
BATCH_STREAM = 0x6261_7463

#: Rows written at a time when the identity order is rebuilt (bounded temporary memory).
_CHUNK = 1 << 16


class BatchOrder:
    """Position (epoch, position) in the per-epoch orders of `n` examples."""

    def __init__(self, n: int, seed: int) -> None:
        self.n, self.seed = n, seed
        self._perm = np.empty(n, dtype=np.int32)
        self._perm_epoch = -1
        self.epoch = 0
        self.position = 0

    def reset(self) -> None:
        self.epoch = self.position = 0

    def order(self, epoch: int) -> np.ndarray:
        """Epoch `epoch`'s permutation of 0 … n − 1 (int32, read it only)."""
        if self._perm_epoch != epoch:
            for c in range(0, self.n, _CHUNK):
                self._perm[c : c + _CHUNK] = np.arange(c, min(c + _CHUNK, self.n), dtype=np.int32)
            np.random.RandomState([BATCH_STREAM, self.seed, epoch]).shuffle(self._perm)
            self._perm_epoch = epoch
        return self._perm

    def draw(self, idx: np.ndarray) -> tuple[int, int]:
        """Fill `idx` with the next len(idx) example indices; return the (epoch, position) after
        them. Nothing moves until `commit` is called with it (an abandoned iteration redraws)."""
        epoch, pos, filled = self.epoch, self.position, 0
        while filled < len(idx):
            if pos == self.n:
                epoch, pos = epoch + 1, 0
            take = min(len(idx) - filled, self.n - pos)
            idx[filled : filled + take] = self.order(epoch)[pos : pos + take]
            filled += take
            pos += take
        return epoch, pos

    def commit(self, where: tuple[int, int]) -> None:
        self.epoch, self.position = where
