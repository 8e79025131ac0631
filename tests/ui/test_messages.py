"""The window's words: every status and event becomes one sentence; keys are named here only."""

from __future__ import annotations

import pytest

from spiral_gui.engine import TrainConfig, Trainer
from spiral_gui.engine.grid import GridSpec
from spiral_gui.engine.snapshot import take_snapshot
from spiral_gui.ui import messages


def _snap(status: str, event: str, *, steps: int = 3, step_size: float = 1.0, grid_period: float = 0.0):
    trainer = Trainer(TrainConfig(n=20, hidden=10, iterations=100, step_size=step_size))
    trainer.step(steps)
    grid = GridSpec.over(trainer.X, 10)
    return take_snapshot(
        trainer, run_id=1, status=status, event=event, loss_start=0, grid=grid, grid_period=grid_period
    )


@pytest.mark.parametrize(
    ("status", "event", "expected"),
    [
        ("ready", "ready", "ready: press Start (Space) or Step (S)"),
        ("ready", "reset", "reset: weights re-drawn from the seed"),
        ("running", "started", "training…"),
        ("paused", "paused", "paused at iteration 3"),
        ("paused", "stepped", "stepped to iteration 3"),
        ("paused", "budget_raised", "budget raised: press Start to go on"),
    ],
)
def test_status_sentences(qapp, status, event, expected) -> None:
    assert messages.status_text(_snap(status, event)) == expected


def test_finished_names_the_result(qapp) -> None:
    snap = _snap("finished", "finished")
    assert messages.status_text(snap) == (
        f"finished: 3 iterations, loss {snap.loss:.4f}, training accuracy {snap.accuracy:.2%}"
    )


def test_slow_grid_is_mentioned_while_running(qapp) -> None:
    text = messages.status_text(_snap("running", "started", grid_period=0.4))
    assert text == "training… (decision regions refresh every 0.4 s at this size)"


def test_divergence_gives_the_engines_reason_and_the_way_out(qapp) -> None:
    snap = _snap("diverged", "diverged", steps=50, step_size=1e3)
    assert snap.reason and "step size" in snap.reason
    assert messages.status_text(snap) == snap.reason + " — then press Reset (R)"


def test_failure_text_is_the_first_line(qapp) -> None:
    assert messages.failure_text("boom\n\nTraceback …") == "boom"
    assert messages.failure_text("") == "unknown error"
