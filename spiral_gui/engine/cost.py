"""How long one iteration, and the first picture, of a configuration will take: estimated up
front, before anything is built, so that an enormous configuration can be announced.

The model counts work units: for the two-layer net, one unit per hidden value per class and a
few more for the elementwise passes, i.e. `rows * hidden * (K + 4)` for an iteration (forward
and backward over its rows, plus, with mini-batches, the full-loss pass spread over the
iterations between two such records); about half of that per row for a forward pass only (the
accuracy pass over every training point and the decision grid of the first picture). The
linear classifier has `rows * K * 6`. Seconds per unit are measured once per process on a small
real `Trainer` (`seconds_per_unit`), and only when a configuration is large enough for the
estimate to matter; a timing of real training work (`observe`, from whoever trains) replaces
it. Pure NumPy; touches no state of any run.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass

from .config import TrainConfig
from .trainer import FULL_LOSS_MIN_PERIOD, Trainer

#: Above this many seconds for one iteration, the window warns before training.
SLOW_ITERATION_SECONDS = 3.0
#: Above this many seconds for the first picture, the window says it is being built.
SLOW_PICTURE_SECONDS = 1.0
#: Seconds per work unit before (or without) a measurement: a modest machine's figure.
DEFAULT_SECONDS_PER_UNIT = 5e-10
#: Configurations estimated below this (at the default rate) are not worth a measurement.
MEASURE_ABOVE_SECONDS = 0.25
#: The decision grid of a first picture (cells), as the window draws it.
DEFAULT_GRID_CELLS = 200 * 200
#: The configuration measured: large enough to time (about 10 ms a step), small to build.
_PROBE = TrainConfig(n=1000, k=3, hidden=256, iterations=1_000_000)
_PROBE_STEPS = 2
#: A timing of real training counts only from this many units on (below, overhead dominates).
OBSERVE_ABOVE_UNITS = 2e7

_lock = threading.Lock()
_measured: float | None = None


@dataclass(frozen=True, slots=True)
class Cost:
    """An estimate in seconds; `measured`: the rate was timed on this machine (else a default)."""

    iteration_seconds: float
    first_picture_seconds: float
    measured: bool

    @property
    def slow_iteration(self) -> bool:
        return self.iteration_seconds > SLOW_ITERATION_SECONDS

    @property
    def slow_picture(self) -> bool:
        return self.first_picture_seconds > SLOW_PICTURE_SECONDS


def _per_row(config: TrainConfig) -> float:
    """Work units of one row's forward and backward pass."""
    if config.model == "nn":
        return float(config.hidden * (config.k + 4))
    return float(config.k * 6)


def iteration_units(config: TrainConfig) -> float:
    """Work units of one iteration (mini-batches: with its share of the full-loss passes)."""
    units = config.batch_rows * _per_row(config)
    if not config.full_batch:
        examples = config.num_examples
        period = max(-(-examples // config.batch_rows), FULL_LOSS_MIN_PERIOD)
        units += examples * _per_row(config) / 2 / period
    return units


def picture_units(config: TrainConfig, grid_cells: int = DEFAULT_GRID_CELLS) -> float:
    """Work units of the first picture: building the data, then a forward pass over every
    training point (loss and accuracy) and over the decision grid's cells."""
    data = config.num_examples * 20.0  # the points, their angles and noise
    return data + (config.num_examples + grid_cells) * _per_row(config) / 2


def seconds_per_unit(measure: bool = True) -> float:
    """This machine's seconds per work unit, measured once per process on a small real run
    (a few tens of milliseconds). `measure=False`: the measured figure if there is one, else
    the default."""
    global _measured
    if _measured is not None or not measure:
        return _measured if _measured is not None else DEFAULT_SECONDS_PER_UNIT
    with _lock:
        if _measured is None:
            trainer = Trainer(_PROBE)
            trainer.step(1)  # warm-up: first-touch of the buffers, BLAS start-up
            start = time.perf_counter()
            trainer.step(_PROBE_STEPS)
            seconds = (time.perf_counter() - start) / _PROBE_STEPS
            _measured = max(seconds / iteration_units(_PROBE), 1e-12)
    return _measured


def observe(config: TrainConfig, iterations: float, seconds: float) -> None:
    """Real training of `config` did `iterations` (a fraction counts) in `seconds`: later
    estimates use this machine's rate, if the work was large enough to say something."""
    global _measured
    units = iterations * iteration_units(config)
    if units >= OBSERVE_ABOVE_UNITS and seconds > 0:
        with _lock:
            _measured = seconds / units


def estimate(config: TrainConfig, grid_cells: int = DEFAULT_GRID_CELLS, measure: bool = True) -> Cost:
    """The cost of `config` on this machine. Measures the machine (once per process) only when
    the default rate says the configuration could take noticeable time."""
    rate = seconds_per_unit(measure=False)
    units, picture = iteration_units(config), picture_units(config, grid_cells)
    if measure and _measured is None and max(units, picture) * rate > MEASURE_ABOVE_SECONDS:
        rate = seconds_per_unit()
    return Cost(units * rate, picture * rate, measured=_measured is not None)


def estimate_seconds_per_iteration(config: TrainConfig) -> float:
    """Seconds one iteration of `config` will take on this machine (an estimate)."""
    return estimate(config).iteration_seconds
