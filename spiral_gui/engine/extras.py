"""Optional snapshot contents: what only an open view needs, computed by name on request.

A view that needs more than every snapshot carries (a unit's line, an inspected point, a
confusion matrix) registers an engine function here under a name, and asks for that name while
it is open; the worker then computes it for each snapshot and the view reads
`snapshot.extras[name]`. A closed view costs nothing per frame. Pure NumPy like the rest of
the engine: the functions receive the trainer (read it, never change it) and a `should_stop`
to poll between row blocks (`blocks.Interrupted`).

An extra that depends on a choice in the window (which unit, which point) is registered with
`register(name, argument=True)` and asked for as "name:argument": the function then also receives
the text after the first colon, and the snapshot carries the result under the full name.
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
#: name → function(trainer, should_stop, argument), asked for as "name:argument".
ArgumentExtra = Callable[[Trainer, ShouldStop | None, str], Any]
ARGUMENT_EXTRAS: dict[str, ArgumentExtra] = {}

EMPTY: Mapping[str, Any] = MappingProxyType({})


def register(name: str, *, argument: bool = False) -> Callable[[Any], Any]:
    """Decorator: make `fn` available to snapshots as `extras[name]`, or with `argument=True`
    as `extras["name:argument"]` for any argument text."""
    if ":" in name:
        raise ValueError(f"an extra's name may not contain ':', got {name!r}")
    table: dict[str, Any] = ARGUMENT_EXTRAS if argument else EXTRAS

    def add(fn: Any) -> Any:
        if name in table and table[name] is not fn:
            raise ValueError(f"an extra named {name!r} is already registered")
        table[name] = fn
        return fn

    return add


def compute(
    trainer: Trainer, names: Iterable[str], should_stop: ShouldStop | None = None
) -> Mapping[str, Any]:
    """The requested extras, by name (unknown names raise KeyError)."""
    out: dict[str, Any] = {}
    for name in sorted(names):
        check(should_stop)
        base, colon, argument = name.partition(":")
        if colon:
            out[name] = ARGUMENT_EXTRAS[base](trainer, should_stop, argument)
        else:
            out[name] = EXTRAS[name](trainer, should_stop)
    return MappingProxyType(out) if out else EMPTY
