"""Divergence at every extreme: the largest step size, the largest reg, both at once.

Each run must stop as "diverged" within seconds with a status bar that says what to lower, keep
the window responsive while it sits there, and train again once the value is lowered and the
weights reset.
"""

from __future__ import annotations

import math
import time

import pytest
from PySide6.QtCore import Qt, QTimer

from spiral_gui.engine.config import LIMITS, TrainConfig

from .conftest import TIMEOUT_MS

SANE = TrainConfig()  # the case study's step_size 1.0 and reg 1e-3
EXTREMES = {
    "step_size": {"step_size": LIMITS["step_size"][1]},
    "reg": {"reg": LIMITS["reg"][1]},
    "both": {"step_size": LIMITS["step_size"][1], "reg": LIMITS["reg"][1]},
}
#: What the status bar must name for the user to act on, per case.
ADVICE = {"step_size": ("step size",), "reg": ("reg",), "both": ("step size", "reg")}
TIMER_MS = 50
#: How late a GUI-thread timer may fire while the run sits diverged.
TIMER_SLACK_MS = 250


def click(qtbot, button) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


@pytest.mark.parametrize("case", list(EXTREMES))
def test_divergence_at_the_extremes_then_recovery(make_window, qtbot, case: str) -> None:
    window = make_window(config=SANE)
    panel = window.panel
    for name, value in EXTREMES[case].items():
        getattr(panel, f"{name}_spin").setValue(value)
    assert panel.config() == SANE.replace(**EXTREMES[case])
    assert panel.message_label.text() == ""  # the extremes are in range: nothing refused

    t0 = time.perf_counter()
    click(qtbot, window.start_button)
    qtbot.waitUntil(lambda: window.last_snapshot.status == "diverged", timeout=5_000)
    snap = window.last_snapshot
    assert time.perf_counter() - t0 < 5.0
    assert snap.config == panel.config()

    message = window.statusBar().currentMessage()
    assert "diverged" in message, message
    for word in ADVICE[case]:
        assert word in message, f"{message!r} does not mention {word!r}"
    assert "Reset" in message, message
    assert "diverged" in window.loss_label.text()
    assert not window.step_button.isEnabled()
    assert not window.start_button.isEnabled()
    assert math.isfinite(snap.loss) and snap.iteration >= 1
    assert window.worker_thread.isRunning()

    # Responsive while diverged: a GUI-thread timer fires on time, several times over.
    for _ in range(3):
        fired: list[float] = []
        start = time.perf_counter()
        QTimer.singleShot(TIMER_MS, lambda: fired.append(time.perf_counter()))  # noqa: B023
        qtbot.waitUntil(lambda: bool(fired), timeout=2_000)  # noqa: B023
        late_ms = 1000 * (fired[0] - start) - TIMER_MS
        assert late_ms < TIMER_SLACK_MS, f"a {TIMER_MS} ms timer fired {late_ms:.0f} ms late"
    assert window.last_snapshot.status == "diverged"

    # Lower the values, Reset, Start: it trains.
    for name in EXTREMES[case]:
        getattr(panel, f"{name}_spin").setValue(getattr(SANE, name))
    assert panel.config() == SANE
    click(qtbot, window.reset_button)
    qtbot.waitUntil(lambda: window.last_snapshot.status == "ready", timeout=TIMEOUT_MS)
    assert window.start_button.isEnabled() and window.step_button.isEnabled()
    assert window.last_snapshot.iteration == 0
    click(qtbot, window.start_button)
    qtbot.waitUntil(
        lambda: (
            window.last_snapshot.status in ("running", "finished") and window.last_snapshot.iteration > 50
        ),
        timeout=TIMEOUT_MS,
    )
    snap = window.last_snapshot
    assert snap.config == SANE
    assert math.isfinite(snap.loss) and snap.loss < 5.0, snap.loss
    assert "diverged" not in window.loss_label.text()
    assert window.loss_label.text() != "–"
