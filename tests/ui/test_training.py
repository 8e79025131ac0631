"""Start, Pause, Step, Reset (buttons and keys), the budget, divergence, and closing mid-run."""

from __future__ import annotations

import math
import time

import numpy as np
import shiboken6
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtWidgets import QApplication

from spiral_gui.ui.main_window import MainWindow

from .helpers import (
    click,
    control,
    region_image,
    settings_at,
    shown_iteration,
    wait_status,
    wait_until_snapshot,
)

#: Far more than a test trains: a run that must still be going when the test looks.
LONG_RUN = 10_000_000


def _start_long_run(qtbot, window) -> None:
    control(window, "iterations_spin").setValue(LONG_RUN)
    click(qtbot, window, "start_button")
    wait_until_snapshot(qtbot, window, lambda s: s.status == "running" and s.iteration > 0)


def _pause(qtbot, window) -> int:
    click(qtbot, window, "start_button")
    return wait_status(qtbot, window, "paused").iteration


def _assert_stands_still(qtbot, window, iteration: int, ms: int = 300) -> None:
    qtbot.wait(ms)  # an observation window, not synchronisation: nothing may change during it
    assert window.last_snapshot.iteration == iteration
    assert shown_iteration(window) == iteration


# -- Start, Pause, Step, Reset ------------------------------------------------------------------
def test_start_trains_and_the_button_reads_pause(qtbot, window) -> None:
    _start_long_run(qtbot, window)
    assert control(window, "start_button").text() == "Pause"
    first = shown_iteration(window)
    qtbot.waitUntil(lambda: shown_iteration(window) > first + 100, timeout=10_000)
    qtbot.waitUntil(lambda: window.loss_view.count > first + 100, timeout=10_000)
    assert control(window, "loss_label").text() != "–"
    _pause(qtbot, window)


def test_pause_stops_training(qtbot, window) -> None:
    _start_long_run(qtbot, window)
    paused_at = _pause(qtbot, window)
    assert control(window, "start_button").text() == "Start"
    _assert_stands_still(qtbot, window, paused_at)
    # Every iteration trained is on the loss curve: none was lost between snapshots.
    assert window.loss_view.count == paused_at
    x, total, _ = window.loss_view.curve_data()
    np.testing.assert_array_equal(x, np.arange(paused_at))
    assert np.all(np.isfinite(total))


def test_step_advances_exactly_one_iteration(qtbot, window) -> None:
    _start_long_run(qtbot, window)
    paused_at = _pause(qtbot, window)
    click(qtbot, window, "step_button")
    snap = wait_until_snapshot(qtbot, window, lambda s: s.iteration != paused_at)
    assert snap.iteration == paused_at + 1
    assert snap.status == "paused"
    _assert_stands_still(qtbot, window, paused_at + 1)
    assert control(window, "iteration_label").text().startswith(f"{paused_at + 1:,} /")
    assert window.loss_view.count == paused_at + 1


def test_step_from_the_start(qtbot, window) -> None:
    for expected in (1, 2, 3):
        click(qtbot, window, "step_button")
        wait_until_snapshot(qtbot, window, lambda s, e=expected: s.iteration == e)
        assert shown_iteration(window) == expected
        assert window.loss_view.count == expected
    assert math.isfinite(float(control(window, "loss_label").text()))


def test_reset_returns_to_the_initial_weights(qtbot, window) -> None:
    initial = region_image(window)
    run = window.last_snapshot.run_id
    _start_long_run(qtbot, window)
    _pause(qtbot, window)
    assert window.loss_view.count > 0
    click(qtbot, window, "reset_button")
    snap = wait_until_snapshot(qtbot, window, lambda s: s.run_id > run and s.iteration == 0)
    assert snap.status == "ready"
    assert shown_iteration(window) == 0
    assert window.loss_view.count == 0
    assert control(window, "loss_label").text() == "–"
    # The weights are re-drawn from the same seed: the very regions the window opened with.
    np.testing.assert_array_equal(region_image(window), initial)


def test_training_changes_the_regions_under_the_points(qtbot, window) -> None:
    initial = region_image(window)
    control(window, "iterations_spin").setValue(2000)
    click(qtbot, window, "start_button")
    wait_status(qtbot, window, "finished")
    trained = region_image(window)
    assert trained.shape == initial.shape
    assert not np.array_equal(trained, initial)
    assert window.loss_view.count == 2000

    # What the user sees: the colour under each point is its own class (the image is placed
    # and oriented in the points' coordinates). The case study's net gets >90% by 2000 steps.
    image = window.decision_view.image
    rows, cols = trained.shape
    hits = total = 0
    for label, scatter in enumerate(window.decision_view.scatters[:3]):
        for x, y in zip(*scatter.getData(), strict=True):
            p = image.mapFromScene(scatter.mapToScene(QPointF(float(x), float(y))))
            col, row = int(p.x()), int(p.y())
            assert 0 <= row < rows and 0 <= col < cols, "a point lies outside the region image"
            hits += int(trained[row, col] == label)
            total += 1
    assert total == 300
    assert hits / total > 0.9
    accuracy = float(control(window, "accuracy_label").text().rstrip("%")) / 100
    assert accuracy > 0.9


# -- keyboard ----------------------------------------------------------------------------------------
def test_space_s_and_r_shortcuts(qtbot, window) -> None:
    control(window, "iterations_spin").setValue(LONG_RUN)
    run = window.last_snapshot.run_id
    qtbot.keyClick(window, Qt.Key.Key_Space)
    wait_until_snapshot(qtbot, window, lambda s: s.status == "running" and s.iteration > 0)
    assert control(window, "start_button").text() == "Pause"

    qtbot.keyClick(window, Qt.Key.Key_Space)
    paused_at = wait_status(qtbot, window, "paused").iteration
    _assert_stands_still(qtbot, window, paused_at)

    qtbot.keyClick(window, Qt.Key.Key_S)
    wait_until_snapshot(qtbot, window, lambda s: s.iteration == paused_at + 1)
    _assert_stands_still(qtbot, window, paused_at + 1)

    qtbot.keyClick(window, Qt.Key.Key_R)
    wait_until_snapshot(qtbot, window, lambda s: s.run_id > run and s.iteration == 0)
    assert window.loss_view.count == 0


# -- the budget ------------------------------------------------------------------------------------
def test_start_runs_to_the_budget(qtbot, window) -> None:
    control(window, "iterations_spin").setValue(200)
    click(qtbot, window, "start_button")
    snap = wait_status(qtbot, window, "finished")
    assert snap.iteration == 200
    assert control(window, "iteration_label").text() == "200 / 200"
    assert window.progress.maximum() == 200
    assert window.progress.value() == window.progress.maximum()
    assert window.loss_view.count == 200
    assert control(window, "start_button").text() == "Start"
    assert "finished" in window.statusBar().currentMessage()
    _assert_stands_still(qtbot, window, 200)


def test_raising_the_budget_continues_the_run(qtbot, window) -> None:
    control(window, "iterations_spin").setValue(200)
    click(qtbot, window, "start_button")
    run = wait_status(qtbot, window, "finished").run_id
    control(window, "iterations_spin").setValue(300)
    wait_until_snapshot(qtbot, window, lambda s: s.config.iterations == 300 and s.status != "finished")
    click(qtbot, window, "start_button")
    snap = wait_until_snapshot(qtbot, window, lambda s: s.status == "finished" and s.iteration == 300)
    assert snap.run_id == run
    assert window.loss_view.count == 300
    assert window.progress.value() == 300


# -- divergence ------------------------------------------------------------------------------------
def test_divergence_is_reported_and_reset_recovers(qtbot, window) -> None:
    control(window, "iterations_spin").setValue(300)
    control(window, "step_size_spin").setValue(1e3)
    wait_until_snapshot(qtbot, window, lambda s: s.config.step_size == 1e3)
    click(qtbot, window, "start_button")
    snap = wait_status(qtbot, window, "diverged")
    assert snap.iteration < 300
    assert "diverged" in control(window, "loss_label").text()
    assert "step size" in window.statusBar().currentMessage()
    image = region_image(window)
    assert image.size >= 200 * 200
    assert set(np.unique(image)) <= {0, 1, 2}
    assert window.loss_view.count == snap.iteration
    assert np.all(np.isfinite(window.loss_view.curve_data()[1]))
    assert control(window, "start_button").text() == "Start"

    control(window, "step_size_spin").setValue(1.0)
    wait_until_snapshot(qtbot, window, lambda s: s.config.step_size == 1.0)
    click(qtbot, window, "reset_button")
    wait_until_snapshot(qtbot, window, lambda s: s.status == "ready" and s.iteration == 0)
    assert window.loss_view.count == 0
    click(qtbot, window, "start_button")
    snap = wait_status(qtbot, window, "finished")
    assert snap.iteration == 300
    assert math.isfinite(snap.loss) and snap.loss < 1.1  # below chance (ln 3) after 300 steps
    assert "diverged" not in control(window, "loss_label").text()
    assert math.isfinite(float(control(window, "loss_label").text()))


# -- closing -----------------------------------------------------------------------------------------
def test_closing_during_training_stops_the_thread(qtbot, make_window) -> None:
    """Closing a training window stops its thread at once, cleanly (a Qt warning fails the test);
    three times in a row."""
    windows = []
    for _ in range(3):
        window = make_window()
        _start_long_run(qtbot, window)
        began = time.perf_counter()
        window.close()
        assert not window.worker_thread.isRunning()
        assert time.perf_counter() - began < 1.0, "closing took more than a second"
        windows.append(window)
    assert not any(w.worker_thread.isRunning() for w in windows)


def test_deleting_a_window_after_training(qtbot, ini_path) -> None:
    """Nothing the window scheduled may run after it is gone (no Python error in the event loop).

    A short run ends moments after its last "running" frame, whose acknowledgement the window
    delays by several frame costs: the window is destroyed while that is still due.
    Built by hand, not with qtbot.addWidget: pytest-qt would close it again after its deletion.
    """
    window = MainWindow(settings=settings_at(ini_path))
    window.show()
    try:
        qtbot.waitUntil(lambda: window.last_snapshot is not None, timeout=10_000)
        control(window, "iterations_spin").setValue(50)
        click(qtbot, window, "start_button")
        wait_status(qtbot, window, "finished")
    finally:
        window.close()
    assert not window.worker_thread.isRunning()
    window.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert not shiboken6.isValid(window)
    qtbot.wait(1000)  # what the window left behind runs now; pytest-qt fails on any exception
