"""Row blocks: how the engine splits a long pass over the data, and how such a pass is abandoned.

The trainer, the evaluation pass and the decision grid work through their rows a block at a
time, so that their buffers stay small however large N is, and so that a caller on another
thread can ask them to stop between two blocks. Pure Python: imports nothing of the engine.
"""

from __future__ import annotations

from collections.abc import Callable

#: Float64 values per hidden-layer block buffer (16 MiB): rows per block = this / width.
BLOCK_VALUES = 1 << 21

#: Polled between blocks; answering True abandons the pass.
ShouldStop = Callable[[], bool]


def block_rows(width: int) -> int:
    """Rows the trainer processes at once for a first layer `width` units wide."""
    return max(1024, BLOCK_VALUES // width)


class Interrupted(Exception):  # noqa: N818 (control flow, not an error)
    """A pass over the data was abandoned because its `should_stop` answered True."""


def check(should_stop: ShouldStop | None) -> None:
    """Raise Interrupted if `should_stop` says so."""
    if should_stop is not None and should_stop():
        raise Interrupted
