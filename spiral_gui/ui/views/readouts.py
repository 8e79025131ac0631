"""ReadoutsView: iteration, loss, training accuracy and speed, and the budget's progress bar.

Holds their formatting too. Drawn from a snapshot; reads nothing else.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QProgressBar, QWidget

from ...engine.snapshot import Snapshot
from ...engine.status import Status

_BOLD = "font-weight: 600;"
_DIVERGED = "font-weight: 600; color: #b2182b;"


translate = QCoreApplication.translate


def iteration_text(snap: Snapshot) -> str:
    return f"{snap.iteration:,} / {snap.config.iterations:,}"


def loss_text(snap: Snapshot) -> str:
    if snap.status == Status.DIVERGED:
        return translate("ReadoutsView", "diverged — last finite loss {loss}").format(loss=f"{snap.loss:.4f}")
    return "–" if math.isnan(snap.loss) else f"{snap.loss:.6f}"


def rate_text(snap: Snapshot) -> str:
    if snap.status != Status.RUNNING:
        return "–"
    return translate("ReadoutsView", "{rate} iterations/s").format(rate=f"{snap.iterations_per_second:,.0f}")


def weights_text(snap: Snapshot) -> str:
    """Which weights the loss and the accuracy belong to: after n updates the loss shown was
    computed in iteration n - 1 on the weights before its update, the accuracy on the weights
    after it."""
    n = snap.iteration
    if n == 0:
        return translate("ReadoutsView", "accuracy of the initial weights; no loss computed yet")
    batch = snap.config.batch_size
    if batch:
        loss = translate("ReadoutsView", "loss of iteration {i}'s batch at the weights of iteration {i}")
    else:
        loss = translate("ReadoutsView", "loss of the weights at iteration {i}")
    after = translate("ReadoutsView", "; accuracy of the weights after iteration {i}")
    return (loss + after).format(i=f"{n - 1:,}")


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
        self.test_accuracy_label = QLabel("–")
        self.test_accuracy_label.setObjectName("test_accuracy_label")
        self.test_loss_label = QLabel("–")
        self.test_loss_label.setObjectName("test_loss_label")
        self.progress = QProgressBar()
        self.progress.setObjectName("progress_bar")
        self.progress.setTextVisible(True)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        rows = [
            self.iteration_label,
            self.loss_label,
            self.accuracy_label,
            self.test_accuracy_label,
            self.test_loss_label,
            self.rate_label,
        ]
        #: The titles left of the readouts, in the order of `rows`.
        self.titles: list[QLabel] = []
        self._test_titles: list[QLabel] = []
        for row, label in enumerate(rows):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label.setWordWrap(True)
            label.setStyleSheet(_BOLD)
            t = QLabel()
            t.setStyleSheet("color: #555555;")
            self.titles.append(t)
            grid.addWidget(t, row, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(label, row, 1)
            if label in (self.test_accuracy_label, self.test_loss_label):
                self._test_titles.append(t)
                t.setVisible(False)
                label.setVisible(False)
        grid.setColumnStretch(1, 1)
        self.weights_note = QLabel()
        self.weights_note.setObjectName("weights_note")
        self.weights_note.setWordWrap(True)
        self.weights_note.setStyleSheet("color: #555555; font-size: 11px;")
        grid.addWidget(self.weights_note, len(rows), 0, 1, 2)
        grid.addWidget(self.progress, len(rows) + 1, 0, 1, 2)
        self._last: Snapshot | None = None
        self.retranslate()

    def retranslate(self) -> None:
        names = (
            self.tr("Iteration"),
            self.tr("Loss"),
            self.tr("Training accuracy"),
            self.tr("Test accuracy"),
            self.tr("Test loss (data)"),
            self.tr("Speed"),
        )
        for title, name in zip(self.titles, names, strict=True):
            title.setText(name)
        for title in self._test_titles:
            title.setToolTip(self.tr("Measured on the held-out points, which training never sees"))
        if self._last is not None:
            self.show_snapshot(self._last)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def show_snapshot(self, snap: Snapshot) -> None:
        self._last = snap
        self.iteration_label.setText(iteration_text(snap))
        self.loss_label.setText(loss_text(snap))
        self.loss_label.setStyleSheet(_DIVERGED if snap.status == Status.DIVERGED else _BOLD)
        self.accuracy_label.setText("–" if math.isnan(snap.accuracy) else f"{snap.accuracy:.2%}")
        note = weights_text(snap)
        self.weights_note.setText(note)
        self.loss_label.setToolTip(note)
        self.accuracy_label.setToolTip(note)
        held_out = snap.config.test_fraction > 0 or (snap.y_test is not None and snap.y_test.size > 0)
        for w in (*self._test_titles, self.test_accuracy_label, self.test_loss_label):
            w.setVisible(held_out)
        if held_out:
            acc, loss = snap.test_accuracy, snap.test_loss
            self.test_accuracy_label.setText("–" if math.isnan(acc) else f"{acc:.2%}")
            self.test_loss_label.setText("–" if math.isnan(loss) else f"{loss:.6f}")
        self.rate_label.setText(rate_text(snap))
        self.progress.setMaximum(snap.config.iterations)
        self.progress.setValue(min(snap.iteration, snap.config.iterations))
