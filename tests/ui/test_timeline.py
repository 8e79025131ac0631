"""Looking back through a run: checkpoints, the timeline slider, Live, clicks on the loss curve,
the animation export; and the loss plot's axes, Reset view and presentation mode."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QPushButton

from spiral_gui.engine.config import TrainConfig
from spiral_gui.engine.grid import GridSpec, predict_grid
from spiral_gui.ui.animation import formats
from spiral_gui.ui.pacing import GRID_CELLS

from .helpers import click, control, region_image, shown_iteration, wait_status, wait_until_snapshot

SMALL = TrainConfig(n=40, hidden=30, iterations=1_500)


def _finished_run(qtbot, make_window, config: TrainConfig = SMALL):
    window = make_window(config=config)
    click(qtbot, window, "start_button")
    wait_status(qtbot, window, "finished", timeout=60_000)
    return window


@pytest.fixture
def finished(qtbot, make_window):
    return _finished_run(qtbot, make_window)


def _expected_regions(window, iteration: int) -> np.ndarray:
    snap = window.last_snapshot
    params = window.runner.timeline.params_at(iteration)
    grid = GridSpec.over(snap.X, GRID_CELLS)
    return predict_grid(params, grid, np.float32, snap.config.activation)


def test_the_run_keeps_every_early_iteration_then_spaced_ones(finished) -> None:
    timeline = finished.runner.timeline
    its = timeline.iterations
    assert its[0] == 0 and its[-1] == 1_500
    assert (its[:1_000] == np.arange(1_000)).all()
    assert len(its) <= timeline.capacity
    for i in its[::97]:  # each holds the parameters the run had then: replaying them is tested below
        assert set(timeline.params_at(int(i))) == {"W", "b", "W2", "b2"}


def test_scrubbing_pauses_training_and_shows_the_checkpoint(qtbot, make_window) -> None:
    window = make_window(config=SMALL.replace(iterations=10_000_000))
    click(qtbot, window, "start_button")
    wait_until_snapshot(qtbot, window, lambda s: s.status == "running" and s.iteration > 1_200)
    slider = control(window, "timeline_slider")
    slider.setValue(300)  # as a drag to iteration 300 does
    snap = wait_until_snapshot(qtbot, window, lambda s: s.viewing)
    assert snap.iteration == 300  # every early iteration is kept
    assert not window.runner.running
    assert control(window, "start_button").text() == "Start"
    np.testing.assert_array_equal(region_image(window), _expected_regions(window, 300))
    live_regions = window.runner.last_snapshot.regions
    assert not np.array_equal(region_image(window), _expected_regions(window, 0)) or live_regions is None
    assert shown_iteration(window) == 300
    assert control(window, "loss_label").text() == f"{snap.loss:.6f}"
    assert window.loss_view.timeline_marker.isVisible()
    assert window.loss_view.timeline_marker.value() == 300
    # Training stands still while the user looks back.
    stopped_at = window.watch.timeline_bar.live_iteration
    qtbot.wait(300)
    assert window.runner.timeline.last_iteration == stopped_at

    click(qtbot, window, "live_button")
    live = wait_until_snapshot(qtbot, window, lambda s: not s.viewing)
    assert live.iteration == stopped_at and shown_iteration(window) == stopped_at
    assert not window.loss_view.timeline_marker.isVisible()
    assert slider.value() == stopped_at
    assert not control(window, "live_button").isEnabled()


def test_keys_step_from_checkpoint_to_checkpoint(qtbot, finished) -> None:
    slider = control(finished, "timeline_slider")
    slider.setValue(1_200)
    first = wait_until_snapshot(qtbot, finished, lambda s: s.viewing).iteration
    kept = finished.runner.timeline.iterations
    assert first == finished.runner.timeline.nearest(1_200)
    slider.setFocus()
    qtbot.keyClick(slider, Qt.Key.Key_Right)
    nxt = int(kept[np.searchsorted(kept, first) + 1])
    snap = wait_until_snapshot(qtbot, finished, lambda s: s.viewing and s.iteration == nxt)
    np.testing.assert_array_equal(region_image(finished), _expected_regions(finished, snap.iteration))


def test_clicking_the_loss_curve_jumps_to_the_nearest_checkpoint(qtbot, finished) -> None:
    view = finished.loss_view
    vb = view.getPlotItem().getViewBox()
    y_mid = sum(vb.viewRange()[1]) / 2
    scene = vb.mapViewToScene(QPointF(1_234, y_mid))
    pos = view.mapFromScene(scene)
    with qtbot.waitSignal(view.iteration_clicked, timeout=5_000) as clicked:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(pos.x(), pos.y()))
    target = clicked.args[0]
    assert abs(target - 1_234) <= 5  # a pixel is a few iterations wide
    snap = wait_until_snapshot(qtbot, finished, lambda s: s.viewing)
    assert snap.iteration == finished.runner.timeline.nearest(target)
    assert abs(snap.iteration - 1_234) <= finished.runner.timeline.stride
    np.testing.assert_array_equal(region_image(finished), _expected_regions(finished, snap.iteration))


@pytest.mark.parametrize("suffix", formats())
def test_export_animation_writes_an_animated_file(qtbot, finished, tmp_path, suffix) -> None:
    path = tmp_path / f"run.{suffix}"
    job = finished.watch.export_animation(path)
    assert job is not None
    qtbot.waitUntil(lambda: job.result is not None, timeout=120_000)
    assert job.result == ""
    with Image.open(path) as image:
        assert image.format == suffix.upper()
        assert image.n_frames > 10
        assert image.size == (640, 360)
        image.seek(0)
        first = np.array(image.convert("RGB"))
        image.seek(image.n_frames - 1)
        last = np.array(image.convert("RGB"))
    assert not np.array_equal(first, last)  # the regions and the curve moved
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix == f".{suffix}") == [path.name]


def test_cancelled_export_leaves_no_file(qtbot, finished, tmp_path) -> None:
    path = tmp_path / "run.gif"
    job = finished.watch.export_animation(path)
    dialog = finished.watch.progress_dialog
    assert dialog is not None and dialog.objectName() == "animation_progress"
    clicked = []

    def cancel_on_first_frame(done, total) -> None:
        if not clicked:
            clicked.append(done)
            qtbot.mouseClick(dialog.findChild(QPushButton), Qt.MouseButton.LeftButton)

    job.progress.connect(cancel_on_first_frame)
    qtbot.waitUntil(lambda: job.result is not None, timeout=120_000)
    assert clicked and job.result == "cancelled"
    assert not path.exists()
    assert [p for p in tmp_path.iterdir() if p.suffix == ".gif"] == []
    assert "cancelled" in finished.statusBar().currentMessage()


def test_nothing_to_animate_before_training(window, tmp_path) -> None:
    assert window.watch.export_animation(tmp_path / "x.gif") is None
    assert not (tmp_path / "x.gif").exists()
    assert "Nothing to animate" in window.statusBar().currentMessage()


# -- the loss plot ---------------------------------------------------------------------------------
def test_the_x_axis_spans_the_budget_from_the_start(make_window) -> None:
    window = make_window(config=TrainConfig(model="linear", iterations=200))
    low, high = window.loss_view.getPlotItem().getViewBox().viewRange()[0]
    assert low == pytest.approx(-4, abs=0.5) and high == pytest.approx(204, abs=0.5)


def test_the_legend_never_covers_the_plot_area(qtbot, finished) -> None:
    view = finished.loss_view
    vb = view.getPlotItem().getViewBox()
    for _ in range(2):
        legend = view.legend.sceneBoundingRect()
        assert legend.width() > 50
        assert not legend.intersects(vb.sceneBoundingRect())
        finished.watch.presentation.action.trigger()
        qtbot.waitUntil(lambda: finished.isFullScreen() == finished.watch.presentation.active)


def _wheel(view, steps: int) -> None:
    centre = view.viewport().rect().center()
    event = QWheelEvent(QPointF(centre), QPointF(view.mapToGlobal(centre)), QPoint(0, 0),
                        QPoint(0, 120 * steps), Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
                        Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(view.viewport(), event)


def test_reset_view_undoes_a_wheel_zoom(qtbot, finished) -> None:
    view = finished.loss_view
    vb = view.getPlotItem().getViewBox()
    before = [list(r) for r in vb.viewRange()]
    _wheel(view, 3)
    zoomed = [list(r) for r in vb.viewRange()]
    assert zoomed[0][1] - zoomed[0][0] < 0.9 * (before[0][1] - before[0][0])
    finished.watch.reset_view_action.trigger()
    assert np.allclose(vb.viewRange(), before)
    # The A key does it too, and so does Reset (a new run).
    _wheel(view, 3)
    qtbot.keyClick(finished, Qt.Key.Key_A)
    assert np.allclose(vb.viewRange()[0], before[0])
    _wheel(view, 3)
    click(qtbot, finished, "reset_button")
    wait_until_snapshot(qtbot, finished, lambda s: s.iteration == 0 and s.event == "reset")
    assert np.allclose(vb.viewRange()[0], before[0])
    assert not np.allclose(vb.viewRange()[1], zoomed[1])
    click(qtbot, finished, "step_button")
    snap = wait_until_snapshot(qtbot, finished, lambda s: s.iteration == 1)
    assert np.allclose(vb.viewRange()[1], [0, snap.loss * 1.05])


def test_presentation_mode_enlarges_and_restores(qtbot, finished) -> None:
    axis = finished.loss_view.getPlotItem().getAxis("bottom")
    normal = axis.style["tickFont"].pixelSize()
    pen = finished.loss_view.total_curve.opts["pen"].widthF()
    scatter = finished.decision_view.scatters[0]
    marker = scatter.data["size"][0] if scatter.data["size"][0] > 0 else scatter.opts["size"]
    control(finished, "timeline_slider")
    finished.watch.presentation.action.trigger()
    assert finished.isFullScreen()
    assert axis.style["tickFont"].pixelSize() == round(normal * 1.6)
    assert finished.loss_view.total_curve.opts["pen"].widthF() == pytest.approx(pen * 1.6)
    assert finished.decision_view.scatters[0].data["size"][0] == pytest.approx(marker * 1.6)
    assert finished.font().pointSizeF() > QApplication.font().pointSizeF() * 1.5
    qtbot.keyClick(finished, Qt.Key.Key_Escape)
    assert not finished.isFullScreen() and not finished.watch.presentation.action.isChecked()
    assert axis.style["tickFont"].pixelSize() == normal
    assert finished.loss_view.total_curve.opts["pen"].widthF() == pytest.approx(pen)
    assert finished.decision_view.scatters[0].data["size"][0] == pytest.approx(marker)


def test_log_x_toggle_persists(qtbot, make_window, ini_path) -> None:
    first = make_window()
    check = control(first, "log_x_check")
    assert not check.isChecked()
    check.setChecked(True)
    assert first.loss_view.log_x
    control(first, "log_check").setChecked(True)
    first.close()
    second = make_window(ini_path)
    assert control(second, "log_x_check").isChecked() and control(second, "log_check").isChecked()
    assert second.loss_view.log_x
    _low, high = second.loss_view.getPlotItem().getViewBox().viewRange()[0]
    assert high == pytest.approx(4, abs=0.2)  # log10 of the 10,000-iteration budget
