"""Watching it learn: the speed control, fresh frames, shaded regions, palettes and the legend.

Speeds are checked with generous bounds only (the pacing caps the rate from above; a busy
machine only slows it down), never against a clock.
"""

from __future__ import annotations

import math
import time

import numpy as np
import pytest
from PySide6.QtCore import QPointF
from PySide6.QtWidgets import QCheckBox, QComboBox

from spiral_gui.engine import TrainConfig
from spiral_gui.ui.pacing import DEFAULT_SPEED
from spiral_gui.ui.palettes import class_colours

from .helpers import TIMEOUT_MS, click, control, wait_status, wait_until_snapshot

#: Small and cheap, so that a thousand iterations a second is within reach on a busy machine.
SMALL = TrainConfig(n=50, hidden=20, iterations=1_000_000)


def _speed_combo(window) -> QComboBox:
    combo = control(window, "speed_combo")
    assert isinstance(combo, QComboBox)
    return combo


def _choose_speed(window, rate: float) -> None:
    combo = _speed_combo(window)
    index = combo.findData(rate)
    assert index >= 0, f"no speed {rate} in the combo"
    combo.setCurrentIndex(index)


def _iterations_during(qtbot, window, seconds: float) -> tuple[int, float]:
    """(iterations the trainer advanced, seconds that took) while the event loop runs."""
    trainer = window.runner.worker.trainer
    it0, t0 = trainer.iteration, time.perf_counter()
    qtbot.wait(int(1000 * seconds))
    return trainer.iteration - it0, time.perf_counter() - t0


# -- the combo -----------------------------------------------------------------------------------
def test_speed_combo_offers_the_speeds_and_starts_at_300(window) -> None:
    combo = _speed_combo(window)
    data = [combo.itemData(i) for i in range(combo.count())]
    assert data == [1.0, 3.0, 10.0, 30.0, 100.0, 300.0, 1000.0, 3000.0, float("inf")]
    assert all(isinstance(d, float) for d in data)
    assert combo.currentData() == DEFAULT_SPEED == 300.0
    assert combo.itemText(combo.count() - 1) == "Max"
    assert combo.itemText(6) == "1,000 /s"
    assert combo.toolTip() and window.speed_control.label.text().replace("&", "") == "Speed"
    assert window.runner.speed == 300.0


def test_speed_is_remembered_across_a_restart(qtbot, make_window, ini_path) -> None:
    first = make_window(ini_path)
    _choose_speed(first, 30.0)
    first.close()
    second = make_window(ini_path)
    assert _speed_combo(second).currentData() == 30.0
    assert second.runner.speed == 30.0
    _choose_speed(second, float("inf"))
    second.close()
    third = make_window(ini_path)
    assert math.isinf(_speed_combo(third).currentData())


def test_an_unknown_saved_speed_gives_the_default(make_window, ini_path) -> None:
    ini_path.write_text("[playback]\nspeed=42\n", encoding="utf-8")
    window = make_window(ini_path)
    assert _speed_combo(window).currentData() == DEFAULT_SPEED


# -- pacing ----------------------------------------------------------------------------------------
def test_thirty_a_second_for_a_second_is_about_thirty_iterations(qtbot, make_window) -> None:
    window = make_window(config=SMALL)
    _choose_speed(window, 30.0)
    click(qtbot, window, "start_button")
    wait_status(qtbot, window, "running")
    done, _seconds = _iterations_during(qtbot, window, 1.0)
    assert 5 <= done <= 90


def test_a_new_speed_applies_mid_run_without_a_reset(qtbot, make_window) -> None:
    window = make_window(config=SMALL)
    _choose_speed(window, 10.0)
    click(qtbot, window, "start_button")
    first = wait_status(qtbot, window, "running")
    slow, slow_s = _iterations_during(qtbot, window, 0.8)
    _choose_speed(window, 1000.0)
    qtbot.wait(100)
    fast, fast_s = _iterations_during(qtbot, window, 0.8)
    assert slow / slow_s <= 40  # capped at 10/s (the first iteration runs at once)
    assert fast / fast_s > 3 * max(slow / slow_s, 10)
    snap = wait_until_snapshot(qtbot, window, lambda s: s.iteration >= slow + fast)
    assert snap.run_id == first.run_id  # the same run: no reset
    assert window.loss_view.count == snap.iteration  # the curve kept every iteration


def test_step_is_one_iteration_at_any_speed(qtbot, make_window) -> None:
    window = make_window(config=SMALL)
    _choose_speed(window, 1.0)
    before = window.last_snapshot.iteration
    click(qtbot, window, "step_button")
    snap = wait_until_snapshot(qtbot, window, lambda s: s.event == "stepped")
    assert snap.iteration == before + 1
    assert snap.regions_iteration == snap.iteration


@pytest.mark.parametrize("rate", [30.0, 300.0, 3000.0])
def test_every_frame_below_max_shows_one_iteration(qtbot, make_window, rate) -> None:
    window = make_window(config=SMALL)
    _choose_speed(window, rate)
    frames = []
    window.snapshot_drawn.connect(frames.append)
    click(qtbot, window, "start_button")
    wait_status(qtbot, window, "running")
    qtbot.wait(700)
    click(qtbot, window, "start_button")
    wait_status(qtbot, window, "paused")
    running = [s for s in frames if s.status == "running"]
    assert len(running) >= 5
    assert all(s.regions_iteration == s.iteration for s in frames)
    assert all(s.confidence is not None and s.confidence.shape == s.regions.shape for s in frames)
    assert not window.decision_view.lag_note.isVisible()
    # The readouts drawn are those of the frame's iteration.
    last = frames[-1]
    assert window.iteration_label.text().startswith(f"{last.iteration:,} /")


def test_lagging_regions_are_labelled(window) -> None:
    view = window.decision_view
    view.show_lag(120, 480)
    assert view.lag_note.isVisible()
    assert view.lag_note.textItem.toPlainText() == "regions at iteration 120"
    view.show_lag(480, 480)
    assert not view.lag_note.isVisible()


# -- the regions' pixels -----------------------------------------------------------------------------
def _trained(qtbot, make_window, **options):
    window = make_window(config=TrainConfig(iterations=1500))
    _choose_speed(window, float("inf"))
    click(qtbot, window, "start_button")
    wait_status(qtbot, window, "finished", timeout=3 * TIMEOUT_MS)
    return window


def _cell(snap, x: float, y: float) -> tuple[int, int]:
    gx, gy, gw, gh = snap.grid_rect
    rows, cols = snap.regions.shape
    return int((y - gy) / gh * rows), int((x - gx) / gw * cols)


def test_cells_near_training_points_are_darker_than_on_a_boundary(qtbot, make_window) -> None:
    window = _trained(qtbot, make_window)
    snap, view = window.last_snapshot, window.decision_view
    assert view.shaded
    pixels = np.asarray(view.image.image, dtype=int)
    assert pixels.shape == (*snap.regions.shape, 3)
    brightness = pixels.sum(axis=2)
    # Cells under the training points that the net gets right: it is sure there.
    near = [brightness[_cell(snap, x, y)] for (x, y), label in zip(snap.X, snap.y, strict=True)
            if snap.regions[_cell(snap, x, y)] == label]
    # Cells on a boundary: the class changes to the right.
    rows, cols = np.nonzero(snap.regions[:, :-1] != snap.regions[:, 1:])
    boundary = brightness[rows, cols]
    assert np.median(near) < np.median(boundary) - 30
    # The crisp map: one colour per class, whatever the confidence.
    check = control(window, "shading_check")
    assert isinstance(check, QCheckBox)
    check.setChecked(False)
    crisp = np.asarray(view.image.image)
    colours = {tuple(crisp[r, c]) for r, c in zip(*np.nonzero(np.ones(snap.regions.shape)), strict=True)}
    assert len(colours) == len(np.unique(snap.regions))
    assert not view.image.smooth


def test_the_palette_changes_the_pixels_and_the_points(qtbot, window) -> None:
    view = window.decision_view
    before = np.array(view.image.image)
    brush_before = view.scatters[0].opts["brush"].color().getRgb()[:3]
    combo = control(window, "palette_combo")
    assert isinstance(combo, QComboBox)
    assert [combo.itemData(i) for i in range(combo.count())] == ["spectral", "okabe_ito"]
    combo.setCurrentIndex(combo.findData("okabe_ito"))
    after = np.array(view.image.image)
    assert after.shape == before.shape and not np.array_equal(after, before)
    brush_after = view.scatters[0].opts["brush"].color().getRgb()[:3]
    assert brush_after != brush_before
    assert brush_after == tuple(int(v) for v in class_colours(3, "okabe_ito")[0])


def test_region_options_are_remembered(qtbot, make_window, ini_path) -> None:
    first = make_window(ini_path)
    control(first, "shading_check").setChecked(False)
    combo = control(first, "palette_combo")
    combo.setCurrentIndex(combo.findData("okabe_ito"))
    first.close()
    second = make_window(ini_path)
    assert not control(second, "shading_check").isChecked()
    assert control(second, "palette_combo").currentData() == "okabe_ito"
    assert not second.decision_view.shaded and second.decision_view.palette == "okabe_ito"


def test_legend_has_one_entry_per_class(qtbot, window) -> None:
    view = window.decision_view
    assert [label.text for _sample, label in view.legend.items] == ["class 0", "class 1", "class 2"]
    control(window, "k_spin").setValue(5)
    wait_until_snapshot(qtbot, window, lambda s: s.config.k == 5)
    assert len(view.legend.items) == 5
    symbols = [sample.item.opts["symbol"] for sample, _label in view.legend.items]
    assert len(set(symbols)) == 5


def _luminance(rgb) -> float:
    r, g, b = (float(v) for v in rgb[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def test_a_pale_class_stands_out_on_its_own_region(qtbot, make_window) -> None:
    """Class 1 of K = 3 in Spectral is pale yellow, as is its region: its dark outline shows."""
    window = _trained(qtbot, make_window)
    snap, view = window.last_snapshot, window.decision_view
    assert _luminance(class_colours(3)[1]) > 240  # the pale one
    image = view.grab().toImage()
    scatter = view.scatters[1]
    xs, ys = scatter.getData()
    others = snap.X[snap.y != 1]
    # The class-1 point farthest from any other class, inside its own region.
    far = np.argmax([np.min(np.hypot(*(others - (x, y)).T)) for x, y in zip(xs, ys, strict=True)])
    x, y = float(xs[far]), float(ys[far])
    assert snap.regions[_cell(snap, x, y)] == 1
    p = view.mapFromScene(scatter.mapToScene(QPointF(x, y)))
    ratio = image.devicePixelRatio()
    box = [image.pixelColor(int((p.x() + dx) * ratio), int((p.y() + dy) * ratio))
           for dx in range(-7, 8) for dy in range(-7, 8)]
    lum = sorted(_luminance(c.getRgb()) for c in box)
    assert lum[0] < 80  # the outline
    assert lum[-1] > 200  # the pale fill and region around it


@pytest.mark.parametrize("palette", ["spectral", "okabe_ito"])
def test_points_have_dark_outlines_for_any_k(make_window, palette) -> None:
    window = make_window(config=TrainConfig(k=20, n=10))
    window.decision_view.set_region_style(True, palette)
    for scatter in window.decision_view.scatters[:20]:
        pen = scatter.opts["pen"]
        assert _luminance(pen.color().getRgb()) < 40 and pen.color().alpha() == 255
    assert len(window.decision_view.legend.items) == 20
