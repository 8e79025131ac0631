"""Export a plot view to PNG (at twice its on-screen size, for slides) or SVG, by extension.

Renders a given widget to a file; knows nothing of the window, the runner or snapshots.
"""

from __future__ import annotations

from pathlib import Path

import pyqtgraph as pg
import pyqtgraph.exporters
from PySide6.QtCore import QCoreApplication, QRect
from PySide6.QtGui import QPainter
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QWidget


def export_plot(view: pg.PlotWidget, path: str | Path) -> Path:
    """Save `view` as SVG if `path` ends in .svg, else as PNG; returns the file written."""
    path = Path(path)
    if path.suffix.lower() == ".svg":
        export_svg(view, path)
        return path
    if path.suffix.lower() != ".png":
        path = path.with_suffix(".png")
    exporter = pg.exporters.ImageExporter(view.getPlotItem())
    exporter.parameters()["width"] = int(view.width() * 2)
    exporter.parameters()["antialias"] = True
    exporter.export(str(path))
    if not path.exists():
        raise OSError(QCoreApplication.translate("export", "could not write {0}").format(path))
    return path


def export_svg(view: QWidget, path: Path) -> None:
    """Vector SVG through Qt's own generator.

    pyqtgraph 0.14's SVGExporter cannot parse the path syntax that Qt 6.11's QSvgGenerator
    writes (it raises in correctCoordinates), so the view is rendered into the generator itself.
    """
    generator = QSvgGenerator()
    generator.setFileName(str(path))
    generator.setSize(view.size())
    generator.setViewBox(QRect(0, 0, view.width(), view.height()))
    generator.setTitle(f"Spiral GUI — {view.objectName().replace('_', ' ')}")
    painter = QPainter()
    if not painter.begin(generator):
        raise OSError(QCoreApplication.translate("export", "could not write {0}").format(path))
    try:
        # A plot view is a QGraphicsView, whose render(painter) the QWidget stubs do not know.
        view.render(painter)  # type: ignore[call-overload]
    finally:
        painter.end()
    if not path.exists() or path.stat().st_size == 0:
        raise OSError(QCoreApplication.translate("export", "could not write {0}").format(path))
