"""Optional snapshot contents: what only an open view needs, computed by name on request.

A view that needs more than every snapshot carries (a unit's line, an inspected point, a
confusion matrix) registers an engine function here under a name, and asks for that name while
it is open; the worker then computes it for each snapshot and the view reads
`snapshot.extras[name]`. A closed view costs nothing per frame. Pure NumPy like the rest of
the engine: the functions receive the trainer (read it, never change it) and a `should_stop`
to poll between row blocks (`blocks.Interrupted`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from types import MappingProxyType
from typing import Any

from .blocks import ShouldStop, check
from .trainer import Trainer

#: name → function(trainer, should_stop) returning an immutable value (read-only arrays).
Extra = Callable[[Trainer, ShouldStop | None], Any]
EXTRAS: dict[str, Extra] = {}

EMPTY: Mapping[str, Any] = MappingProxyType({})


def register(name: str) -> Callable[[Extra], Extra]:
    """Decorator: make `fn` available to snapshots as `extras[name]`."""

    def add(fn: Extra) -> Extra:
        if name in EXTRAS and EXTRAS[name] is not fn:
            raise ValueError(f"an extra named {name!r} is already registered")
        EXTRAS[name] = fn
        return fn

    return add


def compute(
    trainer: Trainer, names: Iterable[str], should_stop: ShouldStop | None = None
) -> Mapping[str, Any]:
    """The requested extras, by name (unknown names raise KeyError)."""
    out: dict[str, Any] = {}
    for name in sorted(names):
        check(should_stop)
        out[name] = EXTRAS[name](trainer, should_stop)
    return MappingProxyType(out) if out else EMPTY
