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

The playback speed (`set_target`, iterations per second; `MAX_SPEED` is as fast as training
goes). Below it the run is *watched*: `iterations_due` caps each slice by the iterations due
since the speed was set (a run that falls behind does not rush to catch up), `sleep_seconds`
says how long the worker may sleep until the next one is due (a timer, never a busy loop),
every snapshot gets a fresh decision grid (`grid_due`) and the window acknowledges at once
(`ack_delay`), so that every frame shows regions and readouts of one iteration. At `MAX_SPEED`
the budgets above hold, and the regions are still never older than `MAX_REGION_AGE`.
"""

from __future__ import annotations

import math
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
#: The playback speed meaning "as fast as training goes".
MAX_SPEED = float("inf")
#: The playback speeds offered, in iterations per second.
SPEEDS = (1.0, 3.0, 10.0, 30.0, 100.0, 300.0, 1000.0, 3000.0, MAX_SPEED)
#: The speed of a new user: the case study's 10,000 iterations in about half a minute.
DEFAULT_SPEED = 300.0
#: At full speed a snapshot's decision regions are at most this old (seconds) when it is sent,
#: as long as a grid costs at most `MAX_GRID_SHARE` of that (a 30 ms grid; 200 cells at hidden
#: 100 take ~5 ms); a costlier grid is spaced to take that share of the time.
MAX_REGION_AGE = 0.2
MAX_GRID_SHARE = 0.15
#: While watching, the share of the worker's time that snapshots (grid included) may take.
WATCH_BUDGET = 0.6
#: Upper bound on snapshots per second while watching: above the 25 a smooth picture needs,
#: with room for a late timer or a slow frame.
WATCH_FPS = 40.0
#: A watched run that falls behind its speed keeps at most this much backlog (seconds).
MAX_BACKLOG = 0.1
#: The longest the worker sleeps between two looks at the clock while watching (seconds).
MAX_SLEEP = 0.5


@dataclass
class Pacing:
    """The measured costs of one run and the decisions derived from them; `reset()` per run."""

    grid_cost: float = 0.0  #: seconds per decision grid: the least measured in this run
    view_cost: float = 0.0  #: seconds per snapshot without the grid, measured
    last_emit: float = -1e9  #: clock of the last snapshot sent
    last_grid: float = -1e9  #: clock of the last decision grid computed
    target_rate: float = MAX_SPEED  #: iterations per second asked for (kept across runs)
    origin_clock: float = 0.0  #: when the iterations due are counted from
    origin_iteration: int = 0  #: the iteration at that moment

    def reset(self) -> None:
        """Forget the measured costs (a new run); the speed stays."""
        self.grid_cost = self.view_cost = 0.0
        self.last_emit = self.last_grid = -1e9

    # -- the playback speed ----------------------------------------------------------------
    @property
    def watching(self) -> bool:
        """True below full speed: every frame fresh, training paced to `target_rate`."""
        return math.isfinite(self.target_rate)

    def set_target(self, rate: float, now: float, iteration: int) -> None:
        """A new speed, from now on (ValueError unless positive)."""
        if not rate > 0:  # also refuses NaN
            raise ValueError(f"the speed must be a positive number of iterations per second, got {rate}")
        self.target_rate = float(rate)
        self.restart_clock(now, iteration)

    def restart_clock(self, now: float, iteration: int) -> None:
        """Count the iterations due from `iteration` at `now` (on start, and on a new speed)."""
        self.origin_clock, self.origin_iteration = now, iteration

    def iterations_due(self, now: float, iteration: int) -> int | None:
        """How many iterations may run now: None at full speed (no cap). Iteration i after the
        origin is due at origin + i / rate, so the first runs at once; a backlog beyond
        `MAX_BACKLOG` is dropped."""
        if not self.watching:
            return None
        rate = self.target_rate
        done = iteration - self.origin_iteration
        backlog = (now - self.origin_clock) * rate - done
        allowed = max(1.0, rate * MAX_BACKLOG)
        if backlog > allowed:  # fell behind (a slow machine, a long frame): do not rush
            self.origin_clock += (backlog - allowed) / rate
            backlog = allowed
        return max(0, math.floor(backlog + 1e-9) + 1)

    def sleep_seconds(self, now: float, iteration: int, frame_pending: bool, in_flight: bool) -> float:
        """While watching: how long the worker may sleep before its next slice: until the next
        iteration is due, or sooner if a frame waits only for its period to pass. (A frame
        waiting for the window's acknowledgement wakes the worker through the acknowledgement.)"""
        done = iteration - self.origin_iteration
        wait = self.origin_clock + done / self.target_rate - now
        if frame_pending and not in_flight:
            wait = min(wait, self.last_emit + self.snapshot_period() - now)
        return min(max(wait, 0.0), MAX_SLEEP)

    # -- the worker's side ---------------------------------------------------------------------
    @staticmethod
    def slice_over(begin: float, now: float) -> bool:
        """True once a training slice begun at `begin` has lasted long enough."""
        return now - begin >= SLICE_SECONDS

    def slice_ends(self, begin: float, now: float) -> bool:
        """`slice_over`, or, while watching, the next frame is due: frames come first."""
        return self.slice_over(begin, now) or (
            self.watching and now - self.last_emit >= self.snapshot_period()
        )

    @staticmethod
    def next_chunk(chunk: int, elapsed: float) -> int:
        """Iterations for the next `Trainer.step` call after one of `chunk` took `elapsed` s:
        doubled while calls are short, so that Python round trips stay few."""
        return min(chunk * 2, MAX_CHUNK) if elapsed < CHUNK_SECONDS else chunk

    def snapshot_period(self) -> float:
        """Seconds between snapshots while training (while watching, grids included)."""
        if self.watching:
            return max(1.0 / WATCH_FPS, (self.view_cost + self.grid_cost) / WATCH_BUDGET)
        return max(1.0 / MAX_FPS, self.view_cost / (VIEW_BUDGET / 3))

    def grid_period(self) -> float:
        """Seconds between decision grids while training: every snapshot while watching; at full
        speed as the budget allows, but never more than `MAX_REGION_AGE`."""
        if self.watching:
            return 0.0
        budget = max(1.0 / MAX_FPS, self.grid_cost / (VIEW_BUDGET * 2 / 3))
        return min(budget, max(MAX_REGION_AGE, self.grid_cost / MAX_GRID_SHARE))

    def snapshot_due(self, now: float, in_flight: bool) -> bool:
        """A snapshot may be sent: the last one was acknowledged and the period has passed."""
        return not in_flight and now - self.last_emit >= self.snapshot_period()

    def grid_due(self, now: float) -> bool:
        """The decision grid may be recomputed for the snapshot being built."""
        return now - self.last_grid >= self.grid_period()

    def grid_done(self, cost: float, end: float) -> None:
        """A grid took `cost` s. Its shapes are fixed for the run, so a longer time than before
        is another thread's doing (a first, cold call; a busy machine): the least one counts, and
        one bad measurement cannot hold the regions back for seconds."""
        self.grid_cost = min(self.grid_cost, cost) if self.grid_cost > 0 else cost
        self.last_grid = end

    def snapshot_done(self, cost: float, end: float) -> None:
        self.view_cost, self.last_emit = cost, end

    # -- the window's side ---------------------------------------------------------------------
    @staticmethod
    def ack_delay(frame_cost: float, running: bool, watching: bool = False) -> float:
        """Seconds to wait after a frame that cost `frame_cost` (drawing and painting) before
        asking for the next: none when training is not running or is being watched (the
        worker's `snapshot_period` then spaces the frames)."""
        return frame_cost * (1 / VIEW_SHARE - 1) if running and not watching else 0.0


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
