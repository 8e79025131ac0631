"""The one pacing policy of the live window: how much training time the pictures may cost.

Plain Python (no Qt, no threads), so that it is tested as a unit. Two parties use it:

- the worker (`TrainingWorker`) asks it how long a training slice lasts and how many
  iterations one call may do (`slice_over`, `next_chunk`), whether a snapshot is due
  (`snapshot_due`: at most `MAX_FPS` a second, one in flight, its own cost kept to a third of
  `VIEW_BUDGET`), and whether the decision grid is recomputed for it (`grid_due`: the grid's
  measured cost kept to two thirds of `VIEW_BUDGET`); it reports what each cost
  (`grid_done`, `snapshot_done`);
- the runner (`Runner`) asks how long to wait after a painted frame before acknowledging it
  (`ack_delay`): drawing holds the GIL that training needs, so the window keeps its share of
  the time near `VIEW_SHARE` (a frame that cost 10 ms is acknowledged ~90 ms later).

A target speed fits here without touching the window: a `target_rate` (iterations per second)
would cap `next_chunk` and `slice_over` by the iterations due since the run's start, and make
`grid_due` answer True for every snapshot, so that below full speed every frame is fresh.
"""

from __future__ import annotations

from dataclasses import dataclass

#: Cells per axis of the decision-region image.
GRID_CELLS = 200
#: Upper bound on snapshots per second.
MAX_FPS = 30.0
#: Share of wall time the worker may spend on the live views (accuracy pass, copies, decision
#: grid).
VIEW_BUDGET = 0.06
#: Share of wall time the GUI thread may spend drawing while training runs.
VIEW_SHARE = 0.10
#: Length of one training slice before the worker returns to its event loop (seconds).
SLICE_SECONDS = 0.02
#: Wall time one call of `Trainer.step` aims at: the chunk doubles until a call takes this long.
CHUNK_SECONDS = 0.002
#: The largest number of iterations one call of `Trainer.step` is given.
MAX_CHUNK = 4096
#: Seconds over which the speed readout is measured.
RATE_WINDOW = 0.25


@dataclass
class Pacing:
    """The measured costs of one run and the decisions derived from them; `reset()` per run."""

    grid_cost: float = 0.0  #: seconds per decision grid, measured
    view_cost: float = 0.0  #: seconds per snapshot without the grid, measured
    last_emit: float = -1e9  #: clock of the last snapshot sent
    last_grid: float = -1e9  #: clock of the last decision grid computed

    def reset(self) -> None:
        self.grid_cost = self.view_cost = 0.0
        self.last_emit = self.last_grid = -1e9

    # -- the worker's side ---------------------------------------------------------------------
    @staticmethod
    def slice_over(begin: float, now: float) -> bool:
        """True once a training slice begun at `begin` has lasted long enough."""
        return now - begin >= SLICE_SECONDS

    @staticmethod
    def next_chunk(chunk: int, elapsed: float) -> int:
        """Iterations for the next `Trainer.step` call after one of `chunk` took `elapsed` s:
        doubled while calls are short, so that Python round trips stay few."""
        return min(chunk * 2, MAX_CHUNK) if elapsed < CHUNK_SECONDS else chunk

    def snapshot_period(self) -> float:
        """Seconds between snapshots while training."""
        return max(1.0 / MAX_FPS, self.view_cost / (VIEW_BUDGET / 3))

    def grid_period(self) -> float:
        """Seconds between decision grids while training."""
        return max(1.0 / MAX_FPS, self.grid_cost / (VIEW_BUDGET * 2 / 3))

    def snapshot_due(self, now: float, in_flight: bool) -> bool:
        """A snapshot may be sent: the last one was acknowledged and the period has passed."""
        return not in_flight and now - self.last_emit >= self.snapshot_period()

    def grid_due(self, now: float) -> bool:
        """The decision grid may be recomputed for the snapshot being built."""
        return now - self.last_grid >= self.grid_period()

    def grid_done(self, cost: float, end: float) -> None:
        self.grid_cost, self.last_grid = cost, end

    def snapshot_done(self, cost: float, end: float) -> None:
        self.view_cost, self.last_emit = cost, end

    # -- the window's side ---------------------------------------------------------------------
    @staticmethod
    def ack_delay(frame_cost: float, running: bool) -> float:
        """Seconds to wait after a frame that cost `frame_cost` (drawing and painting) before
        asking for the next: none when training is not running."""
        return frame_cost * (1 / VIEW_SHARE - 1) if running else 0.0


class RateMeter:
    """Iterations per second, measured over `RATE_WINDOW` and smoothed."""

    def __init__(self) -> None:
        self.rate = 0.0
        self._clock = 0.0
        self._iteration = 0

    def start(self, now: float, iteration: int) -> None:
        self._clock, self._iteration = now, iteration

    def update(self, now: float, iteration: int) -> float:
        if now - self._clock >= RATE_WINDOW:
            rate = (iteration - self._iteration) / (now - self._clock)
            self.rate = rate if self.rate == 0 else 0.5 * self.rate + 0.5 * rate
            self._clock, self._iteration = now, iteration
        return self.rate

    def reset(self) -> None:
        self.rate = 0.0
