"""ReadoutsView: iteration, loss, training accuracy and speed, and the budget's progress bar.

Holds their formatting too. Drawn from a snapshot; reads nothing else.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QProgressBar, QWidget

from ...engine.snapshot import Snapshot
from ...engine.status import Status

_BOLD = "font-weight: 600;"
_DIVERGED = "font-weight: 600; color: #b2182b;"


def _tr(text: str) -> str:
    return QCoreApplication.translate("ReadoutsView", text)


def iteration_text(snap: Snapshot) -> str:
    return f"{snap.iteration:,} / {snap.config.iterations:,}"


def loss_text(snap: Snapshot) -> str:
    if snap.status == Status.DIVERGED:
        return _tr("diverged — last finite loss {loss}").format(loss=f"{snap.loss:.4f}")
    return "–" if math.isnan(snap.loss) else f"{snap.loss:.6f}"


def rate_text(snap: Snapshot) -> str:
    if snap.status != Status.RUNNING:
        return "–"
    return _tr("{rate} iterations/s").format(rate=f"{snap.iterations_per_second:,.0f}")


class ReadoutsView(QWidget):
    """The labels `iteration_label`, `loss_label`, `accuracy_label`, `rate_label` and the
    `progress_bar`, in a grid with their titles."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("readouts")
        self.iteration_label = QLabel("0")
        self.iteration_label.setObjectName("iteration_label")
        self.loss_label = QLabel("–")
        self.loss_label.setObjectName("loss_label")
        self.accuracy_label = QLabel("–")
        self.accuracy_label.setObjectName("accuracy_label")
        self.rate_label = QLabel("–")
        self.rate_label.setObjectName("rate_label")
        self.progress = QProgressBar()
        self.progress.setObjectName("progress_bar")
        self.progress.setTextVisible(True)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        rows = [
            (self.tr("Iteration"), self.iteration_label),
            (self.tr("Loss"), self.loss_label),
            (self.tr("Training accuracy"), self.accuracy_label),
            (self.tr("Speed"), self.rate_label),
        ]
        for row, (title, label) in enumerate(rows):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label.setWordWrap(True)
            label.setStyleSheet(_BOLD)
            t = QLabel(title)
            t.setStyleSheet("color: #555555;")
            grid.addWidget(t, row, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(label, row, 1)
        grid.setColumnStretch(1, 1)
        grid.addWidget(self.progress, len(rows), 0, 1, 2)

    def show_snapshot(self, snap: Snapshot) -> None:
        self.iteration_label.setText(iteration_text(snap))
        self.loss_label.setText(loss_text(snap))
        self.loss_label.setStyleSheet(_DIVERGED if snap.status == Status.DIVERGED else _BOLD)
        self.accuracy_label.setText(f"{snap.accuracy:.2%}")
        self.rate_label.setText(rate_text(snap))
        self.progress.setMaximum(snap.config.iterations)
        self.progress.setValue(min(snap.iteration, snap.config.iterations))
