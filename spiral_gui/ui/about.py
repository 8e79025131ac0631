"""Help › About: the version and the libraries the app is built on, with their licences."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QCoreApplication, Qt, qVersion
from PySide6.QtWidgets import QMessageBox, QWidget

from .. import __version__


def show_about(parent: QWidget) -> QMessageBox:
    """Show the non-modal About box over `parent` and return it."""

    def tr(text: str) -> str:
        return QCoreApplication.translate("About", text)

    text = (
        f"<h3>Spiral GUI {__version__}</h3><p>"
        + tr(
            "Watch a two-layer neural network learn the spiral data set of the "
            "CS231n “minimal neural network case study”."
        )
        + "</p><p>"
        + tr("Built on:")
        + f"<br>Qt {qVersion()} — LGPL-3.0<br>"
        f"PySide6 {pyside_version} — LGPL-3.0<br>"
        f"pyqtgraph {pg.__version__} — MIT<br>"
        f"NumPy {np.__version__} — BSD-3-Clause</p>"
    )
    box = QMessageBox(QMessageBox.Icon.Information, tr("About Spiral GUI"), text, parent=parent)
    box.setTextFormat(Qt.TextFormat.RichText)
    box.setModal(False)
    box.show()
    return box
