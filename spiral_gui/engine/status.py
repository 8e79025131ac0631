"""Where a run stands (`Status`) and what last happened to it (`Event`): facts, not words.

The worker reports these in every snapshot; the window alone turns them into sentences. Both are
`str` enums, so a status compares equal to its plain value ("running") and prints as it.
"""

from __future__ import annotations

from enum import Enum


class _StrEnum(str, Enum):
    __hash__ = str.__hash__  # equal to its value, so hashed like it too

    def __str__(self) -> str:
        return str(self.value)


class Status(_StrEnum):
    """Where a run stands."""

    READY = "ready"  #: a new run, nothing trained yet
    RUNNING = "running"  #: training continuously
    PAUSED = "paused"  #: stopped by the user, can go on
    FINISHED = "finished"  #: the iteration budget is spent
    DIVERGED = "diverged"  #: the loss blew up; the reason is in the snapshot


class Event(_StrEnum):
    """What last changed the run's state (how the window words the status)."""

    READY = "ready"  #: a new run: first picture, new data or new weights
    RESET = "reset"  #: weights re-drawn from the seed by the user
    STARTED = "started"  #: training started or goes on
    PAUSED = "paused"  #: paused by the user
    STEPPED = "stepped"  #: one iteration by the user
    BUDGET_RAISED = "budget_raised"  #: a finished run got more iterations
    FINISHED = "finished"  #: the budget was reached
    DIVERGED = "diverged"  #: training diverged
