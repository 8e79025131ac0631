"""The loss per iteration, kept in bounded memory however long a run is.

The last EXACT to 2·EXACT iterations are kept exactly, in one contiguous buffer. Older
iterations are folded into at most BUCKETS buckets that keep the minimum and the maximum of
each series over their span, so a spike anywhere in a ten-million-iteration run is still
visible; when the buckets run out, neighbours merge and the span doubles. Memory: about
2.5 MiB at any length. Pure NumPy; knows nothing of the trainer.
"""

from __future__ import annotations

import numpy as np

#: Iterations always kept exactly (the buffer holds between EXACT and 2·EXACT of them).
EXACT = 1 << 16
#: Most buckets for the older history; each holds (min, max) of the total and the data loss.
BUCKETS = 1 << 14
#: Span of a bucket when the first one is made (iterations); doubles as buckets merge.
FIRST_SPAN = 16

#: Bytes a LossHistory holds at most (the trainer's memory estimate counts it).
HISTORY_BYTES = 2 * 2 * EXACT * 8 + 4 * BUCKETS * 8


class LossHistory:
    """Total and data loss per iteration: `append` one iteration at a time.

    Row 0 is the total loss, row 1 its data (cross-entropy) part.
    """

    def __init__(self) -> None:
        self._buf = np.empty((2, min(1024, 2 * EXACT)))
        self._count = 0  # exact values in _buf
        self.size = 0  # iterations appended in all
        self._span = FIRST_SPAN
        self._lo = np.full((2, BUCKETS), np.inf)
        self._hi = np.full((2, BUCKETS), -np.inf)

    # -- writing --------------------------------------------------------------------------
    def append(self, loss: float, data_loss: float) -> None:
        if self._count == self._buf.shape[1]:
            self._grow_or_fold()
        self._buf[0, self._count] = loss
        self._buf[1, self._count] = data_loss
        self._count += 1
        self.size += 1

    def extend(self, losses: np.ndarray, data_losses: np.ndarray) -> None:
        """Append many iterations at once: the same state as appending them one by one."""
        done, total = 0, len(losses)
        while done < total:
            if self._count == self._buf.shape[1]:
                self._grow_or_fold()
            take = min(self._buf.shape[1] - self._count, total - done)
            self._buf[0, self._count : self._count + take] = losses[done : done + take]
            self._buf[1, self._count : self._count + take] = data_losses[done : done + take]
            self._count += take
            self.size += take
            done += take

    def _grow_or_fold(self) -> None:
        if self._count < 2 * EXACT:
            grown = np.empty((2, min(2 * self._count, 2 * EXACT)))
            grown[:, : self._count] = self._buf[:, : self._count]
            self._buf = grown
            return
        # Fold the oldest iterations into buckets; keep the newest EXACT exact.
        old = self._count - EXACT
        self._fold(self._buf[:, :old], self.exact_start)
        self._buf[:, :EXACT] = self._buf[:, old : self._count]
        self._count = EXACT

    def _fold(self, values: np.ndarray, first: int) -> None:
        last = first + values.shape[1] - 1
        while last // self._span >= BUCKETS:
            self._merge()
        span = self._span
        b0, b1 = first // span, last // span
        edges = np.maximum(np.arange(b0, b1 + 1) * span - first, 0)
        lo = np.minimum.reduceat(values, edges, axis=1)
        hi = np.maximum.reduceat(values, edges, axis=1)
        np.minimum(self._lo[:, b0 : b1 + 1], lo, out=self._lo[:, b0 : b1 + 1])
        np.maximum(self._hi[:, b0 : b1 + 1], hi, out=self._hi[:, b0 : b1 + 1])

    def _merge(self) -> None:
        half = BUCKETS // 2
        self._lo[:, :half] = np.minimum(self._lo[:, 0::2], self._lo[:, 1::2])
        self._hi[:, :half] = np.maximum(self._hi[:, 0::2], self._hi[:, 1::2])
        self._lo[:, half:] = np.inf
        self._hi[:, half:] = -np.inf
        self._span *= 2

    # -- reading --------------------------------------------------------------------------
    @property
    def exact_start(self) -> int:
        """First iteration still kept exactly (0 until the run is longer than 2·EXACT)."""
        return self.size - self._count

    @property
    def span(self) -> int:
        """Iterations per bucket of the older history."""
        return self._span

    def exact(self, row: int) -> np.ndarray:
        """Read-only view of the exact values, iterations exact_start … size − 1."""
        v = self._buf[row, : self._count]
        v.flags.writeable = False
        return v

    def since(self, start: int) -> tuple[np.ndarray, np.ndarray]:
        """Copies of (total, data) for iterations start … size − 1, one value per iteration.

        Iterations still kept exactly get their own value. Older ones get their bucket's maximum
        at even offsets from the bucket's first iteration and its minimum at odd offsets: the
        curve then fills the band each bucket spanned, spikes included, while single values are
        no longer known.
        """
        start = max(0, min(start, self.size))
        ex = self.exact_start
        if start >= ex:
            tail = self._buf[:, start - ex : self._count]
            return tail[0].copy(), tail[1].copy()
        out = np.empty((2, self.size - start))
        j = np.arange(start, ex)
        bucket = j // self._span
        odd = (j - bucket * self._span) % 2 == 1
        out[:, : ex - start] = np.where(odd, self._lo[:, bucket], self._hi[:, bucket])
        out[:, ex - start :] = self._buf[:, : self._count]
        return out[0], out[1]

    def curve(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(iterations, total, data) for drawing the whole run in bounded size: two points per
        bucket of the older history (its maximum at its first iteration, its minimum at its
        middle), then every exact iteration. At most 2·BUCKETS + 2·EXACT points."""
        ex, span = self.exact_start, self._span
        used = -(-ex // span)
        starts = np.arange(used) * span
        x = np.empty(2 * used + self._count)
        x[0 : 2 * used : 2] = starts
        x[1 : 2 * used : 2] = np.minimum(starts + span // 2, ex - 1)
        x[2 * used :] = np.arange(ex, self.size)
        series = []
        for row in (0, 1):
            y = np.empty_like(x)
            y[0 : 2 * used : 2] = self._hi[row, :used]
            y[1 : 2 * used : 2] = self._lo[row, :used]
            y[2 * used :] = self._buf[row, : self._count]
            series.append(y)
        return x, series[0], series[1]


class Checkpoints:
    """(iteration, total loss, data loss) recorded now and then, e.g. the full training loss
    of a mini-batch run. Grows as needed; the trainer records at most every 100 iterations."""

    def __init__(self) -> None:
        self._buf = np.empty((3, 64))
        self.size = 0

    def append(self, iteration: int, loss: float, data_loss: float) -> None:
        if self.size == self._buf.shape[1]:
            grown = np.empty((3, 2 * self.size))
            grown[:, : self.size] = self._buf
            self._buf = grown
        self._buf[:, self.size] = (iteration, loss, data_loss)
        self.size += 1

    @property
    def last_iteration(self) -> int:
        return int(self._buf[0, self.size - 1]) if self.size else -1

    def arrays(self, start: int = 0) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Copies of (iterations as int64, total, data) for the records at iteration >= start."""
        first = int(np.searchsorted(self._buf[0, : self.size], start))
        b = self._buf[:, first : self.size]
        return b[0].astype(np.int64), b[1].copy(), b[2].copy()
