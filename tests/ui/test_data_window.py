"""Your own data in the window: data sets, drawn points with undo, the held-out split, the
confusion matrix, sessions and CSV files, driven as a user drives them."""

from __future__ import annotations

import csv

import numpy as np
import pytest
from PySide6.QtCore import QPoint, QPointF, Qt

from spiral_gui.engine import TrainConfig, Trainer, build_experiment
from spiral_gui.engine.datasets import make_dataset
from spiral_gui.engine.evaluation import confusion_matrix
from spiral_gui.engine.session import load_session

from .helpers import TIMEOUT_MS, click, control, drawn_xy, wait_status, wait_until_snapshot

SMALL = TrainConfig(n=40, hidden=20, iterations=2000)


def _choose(combo, data) -> None:
    index = combo.findData(data)
    assert index >= 0, data
    combo.setCurrentIndex(index)


def _pixel(window, x: float, y: float) -> QPoint:
    """Where the data point (x, y) is in the decision view's viewport."""
    view = window.decision_view
    scene = view.getPlotItem().getViewBox().mapViewToScene(QPointF(x, y))
    return view.mapFromScene(scene)


def _edit_mode(qtbot, window) -> None:
    check = control(window, "edit_points_check")
    if not check.isChecked():
        qtbot.mouseClick(check, Qt.MouseButton.LeftButton)
    assert check.isChecked()


def _points(window) -> tuple[np.ndarray, np.ndarray]:
    snap = window.last_snapshot
    return np.asarray(snap.points), np.asarray(snap.labels)


def test_switching_the_data_set_changes_the_points(make_window, qtbot) -> None:
    window = make_window(config=SMALL)
    before = drawn_xy(window).copy()
    _choose(control(window, "dataset_combo"), "rings")
    snap = wait_until_snapshot(qtbot, window, lambda s: s.config.dataset == "rings")
    X, _ = make_dataset("rings", 40, 3, np.random.RandomState(0), 0.2)
    assert np.array_equal(np.asarray(snap.X), X)
    after = drawn_xy(window)
    assert after.shape == before.shape and not np.allclose(np.sort(after, 0), np.sort(before, 0))


def test_xor_fixes_k_at_two_and_disables_it(make_window, qtbot) -> None:
    window = make_window(config=SMALL)
    k_spin = control(window, "k_spin")
    assert k_spin.isEnabled()
    _choose(control(window, "dataset_combo"), "xor")
    wait_until_snapshot(qtbot, window, lambda s: s.config.dataset == "xor")
    assert k_spin.value() == 2 and not k_spin.isEnabled()
    assert "2" in k_spin.toolTip() and "XOR" in k_spin.toolTip()
    assert window.last_snapshot.config.k == 2
    _choose(control(window, "dataset_combo"), "blobs")
    wait_until_snapshot(qtbot, window, lambda s: s.config.dataset == "blobs")
    assert k_spin.isEnabled()


def test_a_click_in_edit_mode_adds_a_point_of_the_chosen_class_where_clicked(make_window, qtbot) -> None:
    window = make_window(config=SMALL)
    X0, y0 = _points(window)
    _edit_mode(qtbot, window)
    _choose(control(window, "class_combo"), 2)
    target = (0.35, -0.4)
    pos = _pixel(window, *target)
    qtbot.mouseClick(window.decision_view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    snap = wait_until_snapshot(qtbot, window, lambda s: s.points is not None and len(s.points) == len(X0) + 1)
    assert snap.config.dataset == "custom"
    assert control(window, "dataset_combo").currentData() == "custom"
    X, y = _points(window)
    assert np.array_equal(X[:-1], X0) and np.array_equal(y[:-1], y0)
    per_pixel = 1.0 / window.point_editor._pixels_per_unit()
    assert np.allclose(X[-1], target, atol=2 * per_pixel)
    assert y[-1] == 2
    # the number keys choose the class while the plot has focus
    qtbot.keyClick(window.decision_view, Qt.Key.Key_1)
    assert control(window, "class_combo").currentIndex() == 0


def test_right_click_removes_the_nearest_point_and_undo_redo_restore_exactly(make_window, qtbot) -> None:
    window = make_window(config=SMALL)
    X0, y0 = _points(window)
    _edit_mode(qtbot, window)
    i = 17
    pos = _pixel(window, *X0[i])
    qtbot.mouseClick(window.decision_view.viewport(), Qt.MouseButton.RightButton, pos=pos)
    wait_until_snapshot(qtbot, window, lambda s: len(s.points) == len(X0) - 1)
    X1, y1 = _points(window)
    assert np.array_equal(X1, np.delete(X0, i, axis=0)) and np.array_equal(y1, np.delete(y0, i))
    # a painted stroke: several points, one undo step
    viewport = window.decision_view.viewport()
    start = _pixel(window, -0.5, 0.5)
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=start)
    for step in range(1, 6):
        qtbot.mouseMove(viewport, start + QPoint(15 * step, 0))
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=start + QPoint(75, 0))
    snap = wait_until_snapshot(qtbot, window, lambda s: len(s.points) > len(X1) + 1)
    assert len(snap.points) == len(X1) + 6
    editor = window.point_editor
    editor.undo_action.trigger()  # the stroke
    wait_until_snapshot(qtbot, window, lambda s: len(s.points) == len(X1))
    editor.undo_action.trigger()  # the removal
    wait_until_snapshot(qtbot, window, lambda s: len(s.points) == len(X0))
    X2, y2 = _points(window)
    assert X2.tobytes() == X0.tobytes() and np.array_equal(y2, y0)
    editor.redo_action.trigger()
    wait_until_snapshot(qtbot, window, lambda s: len(s.points) == len(X0) - 1)
    assert np.array_equal(_points(window)[0], X1)
    # Clear empties the plane, undo brings every point back
    qtbot.mouseClick(control(window, "clear_points_button"), Qt.MouseButton.LeftButton)
    wait_until_snapshot(qtbot, window, lambda s: len(s.points) == 0)
    editor.undo_action.trigger()
    wait_until_snapshot(qtbot, window, lambda s: len(s.points) == len(X1))
    assert np.array_equal(_points(window)[0], X1)


def test_editing_while_training_keeps_the_weights_and_the_count(make_window, qtbot) -> None:
    window = make_window(config=SMALL.replace(iterations=1_000_000))
    click(qtbot, window, "start_button")
    before = wait_until_snapshot(qtbot, window, lambda s: s.iteration > 50)
    run_id = before.run_id
    _edit_mode(qtbot, window)
    qtbot.mouseClick(window.decision_view.viewport(), Qt.MouseButton.LeftButton, pos=_pixel(window, 0.1, 0.1))
    edited = wait_until_snapshot(qtbot, window, lambda s: s.points is not None and len(s.points) == 121)
    assert edited.run_id == run_id and edited.iteration >= before.iteration
    assert edited.status == "running" and edited.config.dataset == "custom"
    later = wait_until_snapshot(qtbot, window, lambda s: s.iteration > edited.iteration + 20)
    assert later.run_id == run_id  # the same run goes on: weights and loss curve kept
    assert window.loss_view.count >= later.iteration


def test_a_held_out_split_shows_test_readouts_and_hollow_points(make_window, qtbot) -> None:
    window = make_window(config=SMALL)
    assert not control(window, "test_accuracy_label").isVisible()
    control(window, "test_fraction_spin").setValue(0.3)
    snap = wait_until_snapshot(qtbot, window, lambda s: s.config.test_fraction == 0.3)
    assert len(snap.y_test) == 36 and len(snap.y) == 84  # 12 of each class's 40
    assert control(window, "test_accuracy_label").isVisible()
    assert control(window, "test_loss_label").text() != "–"
    hollow = window.decision_view.test_scatters
    assert sum(len(s.getData()[0]) for s in hollow) == 36
    for j, s in enumerate(hollow[:3]):
        spot = s.points()[0]
        assert spot.brush().style() == Qt.BrushStyle.NoBrush  # no fill
        assert spot.pen().color().getRgb()[:3] == tuple(int(c) for c in window_colours(3)[j])
    e = build_experiment(snap.config)
    assert e.evaluate_test(snap.params).accuracy == pytest.approx(snap.test_accuracy)
    click(qtbot, window, "step_button")
    wait_until_snapshot(qtbot, window, lambda s: s.iteration == 1)
    tx, ty = window.loss_view.test_data()
    assert list(tx) == [0, 1] and np.isfinite(ty).all()


def window_colours(k: int) -> np.ndarray:
    from spiral_gui.ui.views.style import class_colours

    return class_colours(k)


def test_the_confusion_view_counts_every_point_as_the_engine_does(make_window, qtbot) -> None:
    window = make_window(config=SMALL.replace(test_fraction=0.25))
    tabs = window.confusion_view.parentWidget().parentWidget()
    tabs.setCurrentWidget(window.confusion_view)
    click(qtbot, window, "step_button")
    snap = wait_until_snapshot(qtbot, window, lambda s: "confusion" in s.extras and s.iteration == 1)
    view = window.confusion_view
    counts = view.counts()
    assert counts.sum() == len(snap.y)  # the training points
    e = build_experiment(snap.config)
    assert np.array_equal(counts, confusion_matrix(snap.params, e.trainer.X, e.trainer.y, 3))
    assert view.table.item(0, 0).text().startswith(f"{counts[0, 0]:,}\n")
    _choose(control(window, "confusion_part_combo"), "test")
    assert np.array_equal(view.counts(), confusion_matrix(snap.params, e.X_test, e.y_test, 3))
    # with no split, the training matrix covers N*K points
    control(window, "test_fraction_spin").setValue(0.0)
    _choose(control(window, "confusion_part_combo"), "train")
    wait_until_snapshot(qtbot, window, lambda s: s.config.test_fraction == 0 and "confusion" in s.extras)
    assert view.counts().sum() == 40 * 3
    tabs.setCurrentIndex(0)  # hidden: the extra is no longer computed
    click(qtbot, window, "step_button")
    wait_until_snapshot(qtbot, window, lambda s: s.iteration == 1 and "confusion" not in s.extras)


def _wait_written(qtbot, window, call) -> None:
    with qtbot.waitSignal(window.runner.written, timeout=TIMEOUT_MS) as blocker:
        call()
    assert blocker.args[2] == "", blocker.args


def test_save_and_reopen_continues_exactly_like_an_uninterrupted_run(make_window, qtbot, tmp_path) -> None:
    config = SMALL.replace(iterations=50, test_fraction=0.2)
    first = make_window(config=config)
    click(qtbot, first, "start_button")
    wait_status(qtbot, first, "finished")
    path = tmp_path / "run.spiral"
    _wait_written(qtbot, first, lambda: first.sessions.save_to(path))
    assert load_session(path).iteration == 50
    assert "run.spiral" in first.windowTitle() and not first.isWindowModified()

    second = make_window(config=TrainConfig(n=10, k=5, iterations=10))
    with qtbot.waitSignal(second.sessions.opened, timeout=TIMEOUT_MS):
        second.sessions.open_path(path)
    snap = wait_until_snapshot(qtbot, second, lambda s: s.iteration == 50)
    assert second.panel.config() == config and snap.config == config
    assert second.loss_view.count == 50
    control(second, "iterations_spin").setValue(100)
    wait_until_snapshot(qtbot, second, lambda s: s.config.iterations == 100 and s.status == "paused")
    click(qtbot, second, "start_button")
    snap = wait_status(qtbot, second, "finished")
    assert snap.iteration == 100
    reference = Trainer(config.replace(iterations=100))
    reference.step(100)
    for name, value in reference.params().items():
        assert snap.params[name].tobytes() == value.tobytes(), name
    assert second.isWindowModified()


def test_a_corrupt_session_is_refused_and_the_run_is_untouched(make_window, qtbot, tmp_path) -> None:
    window = make_window(config=SMALL)
    click(qtbot, window, "step_button")
    before = wait_until_snapshot(qtbot, window, lambda s: s.iteration == 1)
    bad = tmp_path / "bad.spiral"
    bad.write_bytes(b"PK\x03\x04" + b"\x00" * 50)
    with qtbot.waitSignal(window.sessions.refused, timeout=TIMEOUT_MS) as blocker:
        window.sessions.open_path(bad)
    assert "bad.spiral" in window.sessions.last_message.windowTitle()
    assert "damaged" in blocker.args[0] or "truncated" in blocker.args[0]
    assert window.last_snapshot.run_id == before.run_id and window.panel.config() == SMALL
    click(qtbot, window, "step_button")
    wait_until_snapshot(qtbot, window, lambda s: s.iteration == 2)
    window.sessions.last_message.close()


def test_csv_exports_parse_back_and_bad_imports_are_refused(make_window, qtbot, tmp_path) -> None:
    window = make_window(config=SMALL.replace(test_fraction=0.25))
    for _ in range(3):
        click(qtbot, window, "step_button")
    snap = wait_until_snapshot(qtbot, window, lambda s: s.iteration == 3)
    history, data = tmp_path / "loss.csv", tmp_path / "data.csv"
    _wait_written(qtbot, window, lambda: window.sessions.export_csv("history", history))
    _wait_written(qtbot, window, lambda: window.sessions.export_csv("data", data))
    rows = list(csv.DictReader(history.open()))
    assert [int(r["iteration"]) for r in rows] == [0, 1, 2, 3]
    assert [float(r["loss"]) for r in rows[:3]] == list(window.loss_view.curve_data()[1][:3])
    assert rows[3]["test_accuracy"] != ""
    rows = list(csv.DictReader(data.open()))
    assert len(rows) == 120 and sum(r["split"] == "test" for r in rows) == 30
    assert np.array_equal(np.array([[float(r["x1"]), float(r["x2"])] for r in rows]), snap.points)
    # the exported points import back as custom data, with their split
    with qtbot.waitSignal(window.sessions.opened, timeout=TIMEOUT_MS):
        window.sessions.import_points(data)
    imported = wait_until_snapshot(qtbot, window, lambda s: s.config.dataset == "custom" and s.iteration == 0)
    assert np.array_equal(imported.points, snap.points) and np.array_equal(imported.held_out, snap.held_out)
    bad = tmp_path / "bad.csv"
    bad.write_text("x1,x2,label\n0.1,0.2,0\nzero,0.2,1\n0.3,0.4,-1\n")
    with qtbot.waitSignal(window.sessions.refused, timeout=TIMEOUT_MS) as blocker:
        window.sessions.import_points(bad)
    assert "line 3" in blocker.args[0] and "line 4" in blocker.args[0]
    assert window.last_snapshot.run_id == imported.run_id
    window.sessions.last_message.close()


def test_a_saved_session_keeps_the_timeline(qtbot, make_window, tmp_path) -> None:
    """The timeline's checkpoints go into the session and come back with it."""
    window = make_window(config=TrainConfig(n=20, hidden=8, iterations=40))
    window.runner.step()
    qtbot.waitUntil(lambda: window.last_snapshot is not None and window.last_snapshot.iteration == 1)
    for _ in range(4):
        window.runner.step()
    qtbot.waitUntil(lambda: window.last_snapshot.iteration == 5)
    path = tmp_path / "run.spiral"
    with qtbot.waitSignal(window.runner.written, timeout=10_000):
        window.runner.write_file("session", str(path), {})
    session = load_session(path)
    assert list(session.checkpoints["iteration"]) == [0, 1, 2, 3, 4, 5]
    np.testing.assert_array_equal(session.checkpoints["W"][-1], window.last_snapshot.params["W"])

    other = make_window(config=TrainConfig(n=20, hidden=8, iterations=40))
    other.sessions.open_path(str(path))
    qtbot.waitUntil(lambda: other.last_snapshot is not None and other.last_snapshot.iteration == 5)
    assert list(other.runner.timeline.iterations) == [0, 1, 2, 3, 4, 5]
