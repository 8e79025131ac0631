"""The keyboard: Start/Pause, Step and Reset from anywhere in the window, Return and Escape
leave a number field, nothing typed into a field is eaten, and Ctrl+Q quits."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from spiral_gui.engine import TrainConfig

from .helpers import control, points_drawn, wait_status, wait_until_snapshot


def _activate(qtbot, window) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2_000)


def _type_into(qtbot, spin, text: str) -> None:
    spin.setFocus()
    qtbot.waitUntil(spin.hasFocus, timeout=2_000)
    spin.lineEdit().selectAll()
    qtbot.keyClicks(spin, text)


def _key(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    """A key pressed wherever the focus is, as the user presses it."""
    target = QApplication.focusWidget()
    assert target is not None
    qtbot.keyClick(target, key, modifier)


def test_typing_a_number_then_space_commits_it_and_starts(qtbot, make_window) -> None:
    window = make_window(config=TrainConfig(n=20, iterations=1_000_000))
    _activate(qtbot, window)
    spin = control(window, "n_spin")
    _type_into(qtbot, spin, "5")
    _key(qtbot, Qt.Key.Key_Space)
    assert spin.text() == "5", "the field must keep what was typed"
    assert not spin.hasFocus()
    snap = wait_until_snapshot(qtbot, window, lambda s: s.config.n == 5 and s.status == "running")
    assert points_drawn(window) == 15 and snap.config.n == 5
    # Space again pauses: the focus is out of the field now.
    _key(qtbot, Qt.Key.Key_Space)
    wait_status(qtbot, window, "paused")
    assert spin.text() == "5"


def test_s_and_r_in_a_field_step_and_reset_without_typing(qtbot, make_window) -> None:
    window = make_window(config=TrainConfig(n=20))
    _activate(qtbot, window)
    spin = control(window, "hidden_spin")
    _type_into(qtbot, spin, "30")
    _key(qtbot, Qt.Key.Key_S)
    snap = wait_until_snapshot(qtbot, window, lambda s: s.config.hidden == 30 and s.iteration == 1)
    assert spin.text() == "30"
    _key(qtbot, Qt.Key.Key_S)
    wait_until_snapshot(qtbot, window, lambda s: s.iteration == 2 and s.run_id == snap.run_id)
    # Back in a field, R resets (new run at iteration 0) and types nothing.
    _type_into(qtbot, control(window, "seed_spin"), "3")
    _key(qtbot, Qt.Key.Key_R)
    wait_until_snapshot(qtbot, window, lambda s: s.config.seed == 3 and s.iteration == 0)
    assert control(window, "seed_spin").text() == "3"


@pytest.mark.parametrize("key", [Qt.Key.Key_Return, Qt.Key.Key_Escape])
def test_return_and_escape_commit_and_leave_the_field(qtbot, make_window, key) -> None:
    window = make_window(config=TrainConfig(n=20))
    _activate(qtbot, window)
    spin = control(window, "step_size_spin")
    _type_into(qtbot, spin, "0.25")
    _key(qtbot, key)
    assert not spin.hasFocus()
    assert window.decision_view.hasFocus()
    wait_until_snapshot(qtbot, window, lambda s: s.config.step_size == 0.25)
    # The focus is on the plot now: Space starts.
    _key(qtbot, Qt.Key.Key_Space)
    wait_status(qtbot, window, "running", "finished")


def test_ctrl_q_closes_the_window(qtbot, make_window) -> None:
    window = make_window(config=TrainConfig(n=20))
    _activate(qtbot, window)
    _type_into(qtbot, control(window, "n_spin"), "7")  # from inside a field too
    _key(qtbot, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=5_000)
    assert not window.worker_thread.isRunning()
