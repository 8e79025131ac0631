"""The hidden-unit and inspector extras: what the worker computes for the window, by name."""

from __future__ import annotations

import numpy as np
import pytest

from spiral_gui.engine import TrainConfig, Trainer
from spiral_gui.engine import unit_extras as ux
from spiral_gui.engine.extras import compute
from spiral_gui.engine.grid import GridSpec
from spiral_gui.engine.inspect import inspect_point
from spiral_gui.engine.units import diagnose, unit_detail


def _trainer(**changes) -> Trainer:
    t = Trainer(TrainConfig(**({"n": 40, "hidden": 130, "iterations": 500} | changes)))
    t.step(30)
    return t


def test_the_overview_draws_the_strongest_units_on_their_own_lines() -> None:
    t = _trainer()
    name = ux.units_name(lines=True, thumbs=True)
    view = compute(t, [name])[name]
    p = t.params()
    expected = diagnose(p, t.X, t.y, step_size=1.0, reg=1e-3, iteration=30)
    assert view.hidden == 130
    assert view.diagnosis.dead_units == expected.dead_units
    order = expected.stats.order()
    np.testing.assert_array_equal(view.line_units, order[: ux.LINE_UNITS])
    np.testing.assert_array_equal(view.thumbnails.units, order[: ux.GALLERY_UNITS])
    seg = view.lines.segments[view.lines.visible]
    units = view.line_units[view.lines.visible]
    for end in (seg[:, 0], seg[:, 1]):
        z = end[:, 0] * p["W"][0, units] + end[:, 1] * p["W"][1, units] + p["b"][0, units]
        assert np.abs(z).max() < 1e-9
    assert view.rect == GridSpec.over(t.X).rect


def test_only_the_parts_asked_for_are_computed() -> None:
    t = _trainer()
    view = compute(t, [ux.units_name()])[ux.units_name()]
    assert view.lines is None and view.thumbnails is None and view.line_units.size == 0
    with pytest.raises(ValueError, match="unknown parts"):
        ux.overview(t, None, "lines+colours")


def test_the_softmax_model_has_a_diagnosis_and_no_units() -> None:
    t = _trainer(model="linear")
    view = ux.overview(t, None, "lines+thumbs")
    assert view.hidden == 0 and view.lines is None and view.thumbnails is None
    assert view.diagnosis.hidden == 0
    assert ux.detail(t, None, "0") is None
    seen = ux.inspection(t, None, "i3")
    assert seen.hidden_layer is None and seen.dhidden is None


def test_other_activations_are_not_explained_as_relu() -> None:
    t = _trainer(activation="tanh")
    assert ux.overview(t, None, "lines") is None
    assert ux.detail(t, None, "0") is None
    assert ux.inspection(t, None, "i0") is None


def test_a_unit_detail_is_the_engines_and_a_missing_unit_is_none() -> None:
    t = _trainer()
    got = compute(t, [ux.detail_name(7)])[ux.detail_name(7)]
    want = unit_detail(t.params(), t.X, t.y, 7, reg=1e-3, step_size=1.0, rect=GridSpec.over(t.X).rect)
    np.testing.assert_array_equal(got.receives, want.receives)
    np.testing.assert_allclose(got.next_segment, want.next_segment)
    assert ux.detail(t, None, "130") is None and ux.detail(t, None, "-1") is None


def test_an_inspection_names_a_point_or_a_spot() -> None:
    t = _trainer()
    p = t.params()
    got = compute(t, [ux.inspect_name(index=11)])[ux.inspect_name(index=11)]
    np.testing.assert_array_equal(got.probs, inspect_point(p, t.X, t.y, index=11).probs)
    spot = (0.1 + 0.2, -1 / 3)
    name = ux.inspect_name(point=spot, label=2)
    got = compute(t, [name])[name]
    np.testing.assert_array_equal(got.x, spot)  # the name carries the coordinates exactly
    assert got.label == 2 and got.dhidden is not None
    assert ux.inspection(t, None, "p0.5,0.5").label is None
    assert ux.inspection(t, None, "i120") is None  # 40 points per class, 3 classes
    with pytest.raises(ValueError):
        ux.inspect_name()


def test_the_active_region_is_where_the_unit_is_active(rng) -> None:
    rect = (-2.0, -1.0, 4.0, 3.0)
    x, y, w, h = rect
    samples = np.c_[x + w * rng.rand(20000), y + h * rng.rand(20000)]
    for _ in range(20):
        wj, bj = rng.randn(2), rng.randn()
        poly = ux.active_region(wj, bj, rect)
        if len(poly):
            assert (poly @ wj + bj).min() > -1e-9
        # Shoelace area against the share of random points on the active side.
        area = 0.0
        if len(poly):
            px, py = poly[:, 0], poly[:, 1]
            area = 0.5 * abs(np.dot(px, np.roll(py, -1)) - np.dot(py, np.roll(px, -1)))
        share = np.mean(samples @ wj + bj > 0)
        assert area / (w * h) == pytest.approx(share, abs=0.02)
    assert len(ux.active_region(np.array([1.0, 0.0]), 10.0, rect)) == 4
    assert len(ux.active_region(np.array([1.0, 0.0]), -10.0, rect)) == 0
