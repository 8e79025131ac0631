"""Help › About: the version and the libraries the app is built on, with their licences."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QCoreApplication, QEvent, Qt, qVersion
from PySide6.QtWidgets import QMessageBox, QWidget

from .. import __version__

translate = QCoreApplication.translate


def about_html() -> str:
    return (
        f"<h3>Spiral GUI {__version__}</h3><p>"
        + translate(
            "About",
            "Watch a two-layer neural network learn the spiral data set of the "
            "CS231n “minimal neural network case study”.",
        )
        + "</p><p>"
        + translate("About", "Built on:")
        + f"<br>Qt {qVersion()} — LGPL-3.0<br>"
        f"PySide6 {pyside_version} — LGPL-3.0<br>"
        f"pyqtgraph {pg.__version__} — MIT<br>"
        f"NumPy {np.__version__} — BSD-3-Clause</p>"
    )


class AboutBox(QMessageBox):
    """The About box; re-worded if the language changes while it is open."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(QMessageBox.Icon.Information, "", "", parent=parent)
        self.setObjectName("about_box")
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setModal(False)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(translate("About", "About Spiral GUI"))
        self.setText(about_html())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def show_about(parent: QWidget) -> QMessageBox:
    """Show the non-modal About box over `parent` and return it."""
    box = AboutBox(parent)
    box.show()
    return box
