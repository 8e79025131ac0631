"""The window's words for what the worker reports: status-bar sentences from a snapshot's facts.

The worker and the engine never name keys or buttons; the sentences that do live here, in the
user's language (the engine's divergence reason is re-worded from its facts). Reads a
snapshot (or an error text) and returns a string; touches no widget.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ..engine.snapshot import Snapshot
from ..engine.status import Event, Status
from .engine_text import divergence_text

#: Above this, the status bar says how often the decision regions are refreshed.
SLOW_GRID_SECONDS = 0.05


translate = QCoreApplication.translate


def ready_text() -> str:
    return translate("messages", "ready: press Start (Space) or Step (S)")


def status_text(snap: Snapshot) -> str:
    """One sentence for the status bar: where the run stands and what the user can do next."""
    status, event = snap.status, snap.event
    if status == Status.RUNNING:
        text = translate("messages", "training…")
        if snap.grid_period > SLOW_GRID_SECONDS:
            text += translate(
                "messages", " (decision regions refresh every {seconds} s at this size)"
            ).format(seconds=f"{snap.grid_period:.1f}")
        return text
    if status == Status.DIVERGED:
        reason = divergence_text(snap.reason) if snap.reason else translate("messages", "training diverged")
        return reason + translate("messages", " — then press Reset (R)")
    if status == Status.FINISHED:
        return translate(
            "messages", "finished: {iterations} iterations, loss {loss}, training accuracy {accuracy}"
        ).format(
            iterations=f"{snap.iteration:,}", loss=f"{snap.loss:.4f}", accuracy=f"{snap.accuracy:.2%}"
        )
    if status == Status.PAUSED:
        at = f"{snap.iteration:,}"
        if event == Event.STEPPED:
            return translate("messages", "stepped to iteration {iteration}").format(iteration=at)
        if event == Event.BUDGET_RAISED:
            return translate("messages", "budget raised: press Start to go on")
        return translate("messages", "paused at iteration {iteration}").format(iteration=at)
    if event == Event.RESET:
        return translate("messages", "reset: weights re-drawn from the seed")
    return ready_text()


def failure_text(text: str) -> str:
    """The first line of an unexpected error, for the status bar and the message box."""
    return text.splitlines()[0] if text else translate("messages", "unknown error")
