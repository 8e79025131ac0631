"""The views: one module per view, each a widget that draws only from a `Snapshot`.

Every view has `show_snapshot(snap)`, called on the GUI thread for each snapshot of the current
run (the runner has already dropped stale ones; `snap.run_id` changes when a new run begins).
A view reads nothing else: not the trainer, not the runner, not the window. To add one, write
a module here with a QWidget subclass that has an objectName and `show_snapshot`, then give it
a place in `MainWindow._build_layout` and append it to `MainWindow.views`.

A view that needs more than every snapshot carries registers an engine function in
`engine/extras.py` and, while it is open, is served through `Runner.want_extras(names)`; it
then reads `snap.extras[name]`. A closed view costs nothing per frame.
"""

from __future__ import annotations

from typing import Protocol

from ...engine.snapshot import Snapshot
from .decision import DecisionView
from .loss import LossView
from .model_text import ModelTextView
from .readouts import ReadoutsView


class SnapshotView(Protocol):
    """What the window asks of a view."""

    def show_snapshot(self, snap: Snapshot) -> None: ...


__all__ = ["DecisionView", "LossView", "ModelTextView", "ReadoutsView", "SnapshotView"]
