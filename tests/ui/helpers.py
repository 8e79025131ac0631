"""What a user sees and does, in a few words: find a control by its object name, click it, read
the readouts, count what the plots draw, wait for the window to catch up."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QComboBox, QPushButton, QWidget

from spiral_gui.engine.snapshot import Snapshot
from spiral_gui.ui.main_window import MainWindow

#: Generous: the test machine has two cores shared by the GUI and the worker thread.
TIMEOUT_MS = 10_000

#: The case study's settings, written out here rather than read from the code under test.
CASE_STUDY = {
    "model": "nn",
    "n": 100,
    "k": 3,
    "hidden": 100,
    "step_size": 1.0,
    "reg": 1e-3,
    "seed": 0,
    "noise": 0.2,
    "iterations": 10_000,
}


def settings_at(path) -> QSettings:
    """An INI file of the test's own: never the user's real settings."""
    return QSettings(str(path), QSettings.Format.IniFormat)


def control(window: MainWindow, name: str) -> QWidget:
    w = window.findChild(QWidget, name)
    assert w is not None, f"no widget named {name!r}"
    return w


def click(qtbot, window: MainWindow, name: str) -> None:
    button = control(window, name)
    assert isinstance(button, QPushButton)
    assert button.isEnabled(), f"{name} is disabled"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def choose_model(window: MainWindow, model: str) -> None:
    combo = control(window, "model_combo")
    assert isinstance(combo, QComboBox)
    index = combo.findData(model)
    assert index >= 0, f"no model {model!r} in the combo box"
    combo.setCurrentIndex(index)


def shown_iteration(window: MainWindow) -> int:
    """The iteration the readout shows ("1,234 / 10,000" -> 1234)."""
    text = control(window, "iteration_label").text()
    return int(text.split("/")[0].strip().replace(",", ""))


def points_drawn(window: MainWindow) -> int:
    return sum(len(s.getData()[0]) for s in window.decision_view.scatters)


def classes_drawn(window: MainWindow) -> int:
    return sum(1 for s in window.decision_view.scatters if len(s.getData()[0]) > 0)


def drawn_xy(window: MainWindow) -> np.ndarray:
    """All drawn points, class by class, as an (M, 2) array."""
    parts = [np.c_[s.getData()] for s in window.decision_view.scatters if len(s.getData()[0])]
    return np.concatenate(parts)


def region_image(window: MainWindow) -> np.ndarray:
    """The class grid the decision view shows (its image holds the RGB pixels made from it)."""
    image = window.decision_view.shown_regions
    assert image is not None, "no decision-region image is shown"
    return np.array(image)


def wait_until_snapshot(
    qtbot, window: MainWindow, check: Callable[[Snapshot], bool], timeout: int = TIMEOUT_MS
) -> Snapshot:
    """Wait until the last drawn snapshot satisfies `check`; return it."""
    qtbot.waitUntil(
        lambda: window.last_snapshot is not None and bool(check(window.last_snapshot)), timeout=timeout
    )
    return window.last_snapshot


def wait_status(qtbot, window: MainWindow, *statuses: str, timeout: int = TIMEOUT_MS) -> Snapshot:
    return wait_until_snapshot(qtbot, window, lambda s: s.status in statuses, timeout)
