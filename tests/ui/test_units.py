"""Hidden units on the plot, the unit gallery, dead units explained, and the point inspector:
what the learner sees, held to the engine's numbers on the snapshot drawn."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QPen

from spiral_gui.engine import TrainConfig
from spiral_gui.engine.inspect import inspect_point, point_probs
from spiral_gui.engine.units import unit_detail, unit_stats

from .helpers import TIMEOUT_MS, control, wait_status, wait_until_snapshot


def _paused_after(qtbot, window, steps: int):
    """Step `steps` times (the window pauses after each), return the snapshot shown."""
    for _ in range(steps):
        window.runner.step()
    return wait_until_snapshot(qtbot, window, lambda s: s.iteration == steps and s.status == "paused")


def _run_to_end(qtbot, window):
    window.runner.start()
    return wait_status(qtbot, window, "finished", timeout=60_000)


def _viewport_pos(window, x: float, y: float) -> QPoint:
    """Where data point (x, y) is on the decision view's viewport."""
    view = window.decision_view
    vb = view.getPlotItem().getViewBox()
    scene = vb.mapViewToScene(QPointF(x, y))
    return view.mapFromScene(scene)


def _click_plot(qtbot, window, x: float, y: float) -> None:
    view = window.decision_view
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=_viewport_pos(window, x, y))


def test_units_check_draws_every_unit_on_its_line(qtbot, make_window) -> None:
    window = make_window(config=TrainConfig(n=30, hidden=5, iterations=100))
    check = control(window, "units_check")
    assert check.isEnabled() and not check.isChecked()
    assert window.units.overlay.drawn_lines() == 0
    snap = _paused_after(qtbot, window, 3)
    check.setChecked(True)
    overlay = window.units.overlay
    qtbot.waitUntil(lambda: overlay.drawn_lines() == 5, timeout=TIMEOUT_MS)
    snap = window.last_snapshot
    W, b = snap.params["W"], snap.params["b"][0]
    assert sorted(overlay.line_units.tolist()) == list(range(5))
    for u, j in enumerate(overlay.line_units):
        for x, y in overlay.lines.segments[u]:
            assert abs(x * W[0, j] + y * W[1, j] + b[j]) < 1e-9
    check.setChecked(False)
    assert overlay.drawn_lines() == 0


def test_dead_units_are_dashed_and_counted_and_explained(qtbot, make_window) -> None:
    window = make_window(config=TrainConfig(step_size=10.0, iterations=300))
    control(window, "units_check").setChecked(True)
    snap = _run_to_end(qtbot, window)
    label = control(window, "dead_units_label")
    qtbot.waitUntil(lambda: label.text() == "100 of 100 hidden units dead", timeout=TIMEOUT_MS)
    stats = unit_stats(window.last_snapshot.params, snap.X)
    assert stats.dead_count == 100  # the engine agrees
    overlay = window.units.overlay
    qtbot.waitUntil(lambda: len(overlay.lines.pens) == 64, timeout=TIMEOUT_MS)
    assert all(p.style() == Qt.PenStyle.DashLine for p in overlay.lines.pens)
    assert "dead" in label.toolTip() and "hidden_layer[:, j]" in label.toolTip()
    note = control(window, "failure_note")
    assert note.isVisible()
    assert "dhidden" in note.text() and "no gradient" in note.text() and "step_size" in note.text()
    status = control(window, "failure_status")
    assert status.isVisible() and "lower step_size" in status.text() and "Reset" in status.text()


def test_a_healthy_run_draws_live_units_solid(qtbot, make_window) -> None:
    window = make_window(config=TrainConfig(n=30, hidden=6, iterations=100))
    control(window, "units_check").setChecked(True)
    _paused_after(qtbot, window, 2)
    overlay = window.units.overlay
    qtbot.waitUntil(lambda: len(overlay.lines.pens) == 6, timeout=TIMEOUT_MS)
    stats = unit_stats(window.last_snapshot.params, window.last_snapshot.X)
    for u, j in enumerate(overlay.line_units):
        pen: QPen = overlay.lines.pens[u]
        assert (pen.style() == Qt.PenStyle.DashLine) == bool(stats.dead[j])
    assert not control(window, "failure_note").isVisible()
    assert control(window, "dead_units_label").text() == f"{stats.dead_count} of 6 hidden units dead"


def test_the_gallery_sorts_units_and_a_click_selects_one(qtbot, make_window) -> None:
    window = make_window(config=TrainConfig(n=40, hidden=12, iterations=100))
    _paused_after(qtbot, window, 20)
    window.units.tabs.setCurrentWidget(window.units.units_view)
    gallery = control(window, "units_view")
    grid = gallery.grid
    qtbot.waitUntil(lambda: len(grid.units) == 12, timeout=TIMEOUT_MS)
    snap = window.last_snapshot
    stats = unit_stats(snap.params, snap.X)
    assert grid.units == stats.order().tolist()
    assert np.all(np.diff(stats.contribution[grid.units]) <= 0)

    j = grid.units[3]
    qtbot.mouseClick(grid, Qt.MouseButton.LeftButton, pos=grid.cell_rect(3).center())
    overlay = window.units.overlay
    qtbot.waitUntil(lambda: overlay.selected == j, timeout=TIMEOUT_MS)
    snap = window.last_snapshot
    want = unit_detail(
        snap.params,
        snap.X,
        snap.y,
        j,
        reg=snap.config.reg,
        step_size=snap.config.step_size,
        rect=snap.grid_rect,
    )
    assert (overlay.receives_count, overlay.blocked_count) == (want.receives_count, want.blocked_count)
    assert (
        len(overlay.receives.data) == want.receives_count and len(overlay.blocked.data) == want.blocked_count
    )
    assert f"{want.receives_count} points" in gallery.detail_label.text()
    assert f"W[:, {j}]" in gallery.detail_label.text()
    assert overlay.shade.isVisible() or want.receives_count == 0

    qtbot.keyClick(window, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: overlay.selected is None, timeout=TIMEOUT_MS)
    assert len(overlay.receives.data) == 0 and not overlay.shade.isVisible()


def test_clicking_a_line_selects_its_unit(qtbot, make_window) -> None:
    window = make_window(config=TrainConfig(n=30, hidden=3, iterations=100))
    control(window, "units_check").setChecked(True)
    _paused_after(qtbot, window, 5)
    overlay = window.units.overlay
    qtbot.waitUntil(lambda: overlay.drawn_lines() == 3, timeout=TIMEOUT_MS)
    snap = window.last_snapshot
    # A point on a unit's line, away from every training point.
    for u, j in enumerate(overlay.line_units):
        a, b = overlay.lines.segments[u]
        for t in np.linspace(0.05, 0.95, 19):
            p = a + t * (b - a)
            vb = window.decision_view.getPlotItem().getViewBox()
            px = vb.viewPixelSize()
            d = np.hypot((snap.X[:, 0] - p[0]) / px[0], (snap.X[:, 1] - p[1]) / px[1])
            if d.min() > 12 and overlay.unit_at(*p, px, 5.0) == j:
                _click_plot(qtbot, window, *p)
                qtbot.waitUntil(lambda j=j: overlay.selected == j, timeout=TIMEOUT_MS)
                assert window.units.tabs.currentWidget() is window.units.units_view
                return
    raise AssertionError("no clear spot on any line to click")


def test_clicking_a_point_opens_the_inspector_with_the_engines_numbers(qtbot, make_window) -> None:
    window = make_window(config=TrainConfig(n=40, hidden=10, iterations=100))
    snap = _paused_after(qtbot, window, 30)
    inspector = control(window, "point_inspector")
    assert not inspector.isVisible()
    i = int(np.argmax(snap.X[:, 0]))  # the rightmost point: nothing else under the mouse
    _click_plot(qtbot, window, *snap.X[i])
    qtbot.waitUntil(lambda: inspector.isVisible() and inspector.inspection is not None, timeout=TIMEOUT_MS)
    shown = inspector.inspection
    snap = window.last_snapshot
    want = inspect_point(snap.params, snap.X, snap.y, index=i)
    assert shown.index == i
    np.testing.assert_allclose(shown.probs, want.probs, rtol=0, atol=1e-15)
    assert f"{want.probs[0]:.4f}" in inspector.table.text()
    assert f"{want.loss:.4f}" in inspector.table.text()
    after = np.asarray(inspector.after_bars.opts["height"])
    np.testing.assert_array_equal(after == 0, want.hidden_layer <= 0)
    np.testing.assert_allclose(after, want.dhidden)
    before = np.asarray(inspector.before_bars.opts["height"])
    np.testing.assert_allclose(before, want.dhidden_before)
    assert len(inspector.zeroed_marks.data) == int(np.count_nonzero(want.hidden_layer <= 0))
    assert inspector.hidden_part.isVisible()
    assert "sends gradient" in inspector.sentence.text()

    # It follows training while open.
    window.runner.step()
    snap = wait_until_snapshot(qtbot, window, lambda s: s.iteration == 31)
    want = inspect_point(snap.params, snap.X, snap.y, index=i)
    qtbot.waitUntil(lambda: np.array_equal(inspector.inspection.probs, want.probs), timeout=TIMEOUT_MS)

    # The tooltip's probabilities are the engine's too.
    text = window.units.hover_text(i)
    probs = point_probs(snap.params, snap.X[i : i + 1])[0]
    assert all(f"{p:.3f}" in text for p in probs)

    inspector.close()
    qtbot.waitUntil(lambda: not any(n.startswith("inspect_point") for n in window.units.wanted()))


def test_a_spot_of_the_plane_is_inspected_and_can_be_given_a_class(qtbot, make_window) -> None:
    window = make_window(config=TrainConfig(n=20, hidden=4, iterations=100))
    snap = _paused_after(qtbot, window, 2)
    x0, y0, w, h = snap.grid_rect
    spot = (x0 + 0.05 * w, y0 + 0.95 * h)  # a corner: no training point near
    _click_plot(qtbot, window, *spot)
    inspector = control(window, "point_inspector")
    qtbot.waitUntil(lambda: inspector.inspection is not None, timeout=TIMEOUT_MS)
    assert inspector.inspection.index is None and inspector.inspection.label is None
    px = window.decision_view.getPlotItem().getViewBox().viewPixelSize()
    assert np.all(np.abs(inspector.inspection.x - spot) <= 1.5 * np.asarray(px))  # within a pixel
    combo = inspector.class_combo
    assert combo.isVisible()
    combo.setCurrentIndex(2)
    combo.activated.emit(2)  # as the user's choice does
    qtbot.waitUntil(lambda: inspector.inspection.label == 1, timeout=TIMEOUT_MS)
    assert inspector.inspection.dhidden is not None


def test_the_softmax_model_has_no_hidden_part(qtbot, make_window) -> None:
    window = make_window(config=TrainConfig(model="linear", n=30, iterations=50))
    check = control(window, "units_check")
    assert not check.isEnabled()
    assert "softmax" in check.toolTip().lower() and "no hidden layer" in check.toolTip()
    assert control(window, "dead_units_label").text() == "no hidden layer"
    snap = _paused_after(qtbot, window, 3)
    i = int(np.argmin(snap.X[:, 1]))
    _click_plot(qtbot, window, *snap.X[i])
    inspector = control(window, "point_inspector")
    qtbot.waitUntil(lambda: inspector.inspection is not None, timeout=TIMEOUT_MS)
    snap = window.last_snapshot
    np.testing.assert_array_equal(
        inspector.inspection.probs, inspect_point(snap.params, snap.X, snap.y, index=i).probs
    )
    assert not inspector.hidden_part.isVisible()
    assert inspector.table.isVisible()


def test_extras_are_asked_for_only_while_on_screen(qtbot, make_window) -> None:
    window = make_window(config=TrainConfig(n=20, hidden=4, iterations=100))
    units = window.units
    assert units.wanted() == {"units:"}  # the diagnosis only: no lines, no thumbnails
    control(window, "units_check").setChecked(True)
    assert units.wanted() == {"units:lines"}
    units.tabs.setCurrentWidget(units.units_view)
    assert units.wanted() == {"units:lines+thumbs"}
    units.select_unit(2)
    assert units.wanted() == {"units:lines+thumbs", "unit_detail:2"}
    units.tabs.setCurrentIndex(0)
    control(window, "units_check").setChecked(False)
    units.deselect()
    assert units.wanted() == {"units:"}


def test_a_dominating_penalty_is_explained(qtbot, make_window) -> None:
    window = make_window(config=TrainConfig(reg=0.3, iterations=300))
    _run_to_end(qtbot, window)
    note = control(window, "failure_note")
    qtbot.waitUntil(note.isVisible, timeout=TIMEOUT_MS)
    assert "ln K" in note.text() and "1/K = 0.333" in note.text() and "lower reg" in note.text()
    assert "lower reg" in control(window, "failure_status").text()
