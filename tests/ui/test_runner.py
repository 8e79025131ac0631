"""The runner, through the real window and worker thread: requested state, stale snapshots, live
settings that arrive at once."""

from __future__ import annotations

from PySide6.QtCore import Qt

from spiral_gui.engine.config import TrainConfig

from .helpers import TIMEOUT_MS, click, control, wait_status, wait_until_snapshot


def test_two_quick_presses_are_both_honoured(qtbot, window) -> None:
    """Start then Pause before the worker has answered: the second press is not lost."""
    texts: list[str] = []
    window.snapshot_drawn.connect(lambda _s: texts.append(window.start_button.text()))
    runner = window.runner
    click(qtbot, window, "start_button")
    assert runner.running and window.start_button.text() == "Pause"
    click(qtbot, window, "start_button")  # at once: no snapshot has come back yet
    assert not runner.running and window.start_button.text() == "Start"
    snap = wait_status(qtbot, window, "paused")
    qtbot.wait(100)
    assert window.last_snapshot is snap or window.last_snapshot.status == "paused"
    assert not runner.running and window.start_button.text() == "Start"
    assert set(texts) == {"Start"}, "the button offered Pause after the user had paused"
    # And the other way round: Pause then Start quickly leaves it running.
    click(qtbot, window, "start_button")
    wait_status(qtbot, window, "running")
    qtbot.keyClick(window, Qt.Key.Key_Space)
    qtbot.keyClick(window, Qt.Key.Key_Space)
    assert runner.running
    qtbot.wait(300)
    assert window.last_snapshot.status == "running" and window.start_button.text() == "Pause"
    runner.pause()
    wait_status(qtbot, window, "paused")


def test_snapshots_of_a_replaced_run_are_dropped(qtbot, make_window) -> None:
    window = make_window()
    window.panel.iterations_spin.setValue(10_000_000)
    click(qtbot, window, "start_button")
    wait_until_snapshot(qtbot, window, lambda s: s.status == "running" and s.iteration > 0)
    old_run = window.last_snapshot.run_id
    seen: list[int] = []
    window.runner.snapshot.connect(lambda s: seen.append(s.run_id))
    window.runner.reset()  # the worker may still send snapshots of the old run meanwhile
    snap = wait_status(qtbot, window, "ready")
    qtbot.wait(200)
    assert snap.run_id > old_run
    assert seen and set(seen) == {snap.run_id}, f"old-run snapshots reached the views: {seen}"
    assert window.loss_view.count == 0


def test_a_step_while_running_pauses_then_steps(qtbot, window) -> None:
    window.panel.iterations_spin.setValue(10_000_000)
    click(qtbot, window, "start_button")
    wait_until_snapshot(qtbot, window, lambda s: s.status == "running" and s.iteration > 0)
    click(qtbot, window, "step_button")
    assert not window.runner.running
    snap = wait_until_snapshot(qtbot, window, lambda s: s.event == "stepped")
    assert snap.status == "paused"
    assert window.start_button.text() == "Start"


def test_arrow_key_step_size_reaches_the_next_step(qtbot, window) -> None:
    """An arrow key on step_size followed at once by Step trains with the value shown."""
    spin = control(window, "step_size_spin")
    spin.setFocus()
    qtbot.keyClick(spin, Qt.Key.Key_Down)
    shown = window.panel.widget_value("step_size")
    assert shown < 1.0
    assert window.panel.config().step_size == shown  # no 300 ms delay
    click(qtbot, window, "step_button")
    snap = wait_until_snapshot(qtbot, window, lambda s: s.iteration == 1, timeout=TIMEOUT_MS)
    assert snap.config.step_size == shown


def test_apply_a_new_configuration_through_the_runner(qtbot, window) -> None:
    config = TrainConfig(model="linear", n=30, k=4, iterations=50)
    window.runner.apply(config)
    assert window.runner.config == config
    snap = wait_until_snapshot(qtbot, window, lambda s: s.config == config)
    assert snap.X.shape == (120, 2) and snap.status == "ready"
