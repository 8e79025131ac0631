"""What the user sees on opening the window, before touching anything; Help > About; export."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtGui import QImage
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QMessageBox

import spiral_gui
from spiral_gui.engine import make_spiral

from .helpers import (
    CASE_STUDY,
    choose_model,
    classes_drawn,
    control,
    drawn_xy,
    points_drawn,
    region_image,
    shown_iteration,
)


def test_default_spiral_is_drawn(window) -> None:
    assert points_drawn(window) == 300  # N=100 points in each of K=3 classes
    assert classes_drawn(window) == 3
    assert [len(s.getData()[0]) for s in window.decision_view.scatters[:3]] == [100, 100, 100]


def test_drawn_points_are_the_case_study_spiral(window) -> None:
    X, _ = make_spiral(100, 3, np.random.RandomState(0), 0.2)
    drawn = drawn_xy(window)
    order = np.lexsort(drawn.T)
    expected = X[np.lexsort(X.T)]
    np.testing.assert_allclose(drawn[order], expected)


def test_region_image_covers_a_grid_of_classes(window) -> None:
    image = region_image(window)
    assert image.dtype == np.uint8
    assert image.ndim == 2
    assert image.shape[0] >= 200 and image.shape[1] >= 200
    assert set(np.unique(image)) <= {0, 1, 2}


def test_every_control_starts_at_the_case_study_defaults(window) -> None:
    assert control(window, "model_combo").currentData() == CASE_STUDY["model"]
    for name in ("n", "k", "hidden", "seed", "iterations"):
        assert control(window, f"{name}_spin").value() == CASE_STUDY[name], name
    for name in ("step_size", "reg", "noise"):
        assert control(window, f"{name}_spin").value() == pytest.approx(CASE_STUDY[name]), name
    assert control(window, "hidden_spin").isEnabled()


def test_readouts_start_at_iteration_zero(window) -> None:
    assert shown_iteration(window) == 0
    assert control(window, "iteration_label").text() == "0 / 10,000"
    assert control(window, "start_button").text() == "Start"
    assert control(window, "loss_label").text() == "–"
    assert window.loss_view.count == 0
    assert window.progress.value() == 0


def test_hidden_size_is_disabled_for_the_linear_model(qtbot, window) -> None:
    hidden = control(window, "hidden_spin")
    choose_model(window, "linear")
    assert not hidden.isEnabled()
    choose_model(window, "nn")
    assert hidden.isEnabled()


def test_about_names_version_and_licences(qtbot, window) -> None:
    box = window.show_about()
    try:
        assert isinstance(box, QMessageBox)
        assert box.isVisible()
        text = box.text()
        assert f"Spiral GUI {spiral_gui.__version__}" in text
        for licence in ("LGPL", "MIT", "BSD"):
            assert licence in text, licence
    finally:
        box.close()
    assert not box.isVisible()


def _distinct_colours(image: QImage, samples: int = 64) -> int:
    w, h = image.width(), image.height()
    return len(
        {
            image.pixel(int(x), int(y))
            for x in np.linspace(0, w - 1, samples)
            for y in np.linspace(0, h - 1, samples)
        }
    )


@pytest.mark.parametrize("which", ["regions", "loss"])
def test_export_png_is_a_picture(qtbot, window, tmp_path, which) -> None:
    path = tmp_path / f"{which}.png"
    window.export_plot(which, path)
    assert path.stat().st_size > 0
    image = QImage(str(path))
    assert not image.isNull()
    assert image.width() > 100 and image.height() > 100
    assert _distinct_colours(image) > 1, "the exported image is blank"


@pytest.mark.parametrize("which", ["regions", "loss"])
def test_export_svg_is_a_drawing(qtbot, window, tmp_path, which) -> None:
    path = tmp_path / f"{which}.svg"
    window.export_plot(which, path)
    assert path.stat().st_size > 0
    assert QSvgRenderer(str(path)).isValid()
    assert "<svg" in path.read_text(encoding="utf-8")
