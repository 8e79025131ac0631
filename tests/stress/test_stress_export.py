"""Exporting the plots while training runs, to PNG and SVG, and to a place that cannot be written."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage

from spiral_gui.engine.config import TrainConfig

from .conftest import TIMEOUT_MS

LONG_RUN = TrainConfig(iterations=1_000_000)


def start(qtbot, window) -> None:
    qtbot.mouseClick(window.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: window.last_snapshot.status == "running" and window.last_snapshot.iteration > 0,
        timeout=TIMEOUT_MS,
    )


def test_png_exports_while_training(make_window, qtbot, tmp_path: Path) -> None:
    window = make_window(config=LONG_RUN)
    start(qtbot, window)
    for i in range(6):
        which = ("regions", "loss")[i % 2]
        path = tmp_path / f"{which}-{i}.png"
        window.export_plot(which, path)
        image = QImage(str(path))
        assert not image.isNull(), path
        view = window.decision_view if which == "regions" else window.loss_view
        assert image.width() == 2 * view.width()  # twice the on-screen size, for slides
        qtbot.wait(30)
    assert window.last_snapshot.status == "running"
    # Another suffix becomes .png.
    window.export_plot("loss", tmp_path / "curve.jpg")
    assert not QImage(str(tmp_path / "curve.png")).isNull()
    assert window.worker_thread.isRunning()


def test_export_to_an_unwritable_place_raises_oserror(window, tmp_path: Path) -> None:
    with pytest.raises(OSError):
        window.export_plot("regions", tmp_path / "no such folder" / "regions.png")
    assert window.worker_thread.isRunning()


@pytest.mark.parametrize("which", ["regions", "loss"])
def test_svg_export_while_training(make_window, qtbot, tmp_path: Path, which: str) -> None:
    """pyqtgraph 0.14's SVGExporter raised on the closing 'Z' Qt 6.11 writes in paths
    (pyqtgraph issue #3495); fixed in fe0d1b2 by rendering through QSvgGenerator."""
    window = make_window(config=LONG_RUN)
    start(qtbot, window)
    path = tmp_path / f"{which}.svg"
    window.export_plot(which, path)
    image = QImage(str(path))  # Qt's SVG image plug-in reads it back
    assert not image.isNull(), path
    assert "<svg" in path.read_text(errors="replace")
    assert window.last_snapshot.status == "running"
