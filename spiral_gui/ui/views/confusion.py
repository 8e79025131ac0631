"""ConfusionView: the K×K confusion matrix of the training or the held-out points, following
training. Row = true class, column = predicted class; each cell shows the count and the share of
its row (the class's points), shaded by that share.

The counts come from the snapshot extra `CONFUSION` (engine `Experiment.confusions`), computed
in the worker only while this view is visible: it emits `wanted_changed(bool)` when it is shown
or hidden, and the window asks the runner for the extra accordingly. Reads nothing but snapshots.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QIcon, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...engine.evaluation import row_percentages
from ...engine.experiment import CONFUSION
from ...engine.snapshot import Snapshot
from .style import class_colours


def _shade(share: float) -> QColor:
    """White at 0 %, a clear blue at 100 %."""
    t = 0.0 if np.isnan(share) else share / 100.0
    return QColor(int(255 - 205 * t), int(255 - 120 * t), int(255 - 20 * t))


class ConfusionView(QWidget):
    """`part_combo` picks "train" or "test"; `table` shows the matrix; `summary` the totals."""

    #: True when the view needs the CONFUSION extra (it became visible), False when hidden.
    wanted_changed = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("confusion_view")
        self.part_combo = QComboBox()
        self.part_combo.setObjectName("confusion_part_combo")
        self.part_combo.addItem("", "train")
        self.part_combo.addItem("", "test")
        self.part_combo.currentIndexChanged.connect(lambda _i: self._draw())
        self.part_label = QLabel()
        self.table = QTableWidget()
        self.table.setObjectName("confusion_table")
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.part_label)
        top.addWidget(self.part_combo, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)
        self._matrices: dict[str, np.ndarray | None] = {}
        self._k = 0
        self.retranslate()

    def retranslate(self) -> None:
        self.part_label.setText(self.tr("Points:"))
        self.part_combo.setItemText(0, self.tr("training"))
        self.part_combo.setItemText(1, self.tr("test (held out)"))
        self.table.setToolTip(self.tr(
            "Row: the true class. Column: the class the model predicts (the largest score).\n"
            "Each cell: how many points, and what share of the row's class that is."
        ))
        self._draw()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.wanted_changed.emit(True)

    def hideEvent(self, event) -> None:
        super().hideEvent(event)
        self.wanted_changed.emit(False)

    @property
    def part(self) -> str:
        return str(self.part_combo.currentData())

    def set_part(self, part: str) -> None:
        self.part_combo.setCurrentIndex(max(0, self.part_combo.findData(part)))

    def counts(self) -> np.ndarray | None:
        """The matrix shown (None when there is none for the chosen points)."""
        return self._matrices.get(self.part)

    def show_snapshot(self, snap: Snapshot) -> None:
        matrices = snap.extras.get(CONFUSION)
        if matrices is None:
            return  # not asked for yet: keep what is shown
        self._matrices = dict(matrices)
        self._k = snap.config.k
        self._draw()

    def _draw(self) -> None:
        counts = self.counts()
        if counts is None:
            self.table.setRowCount(0)
            self.table.setColumnCount(0)
            self.summary.setText(
                self.tr("No points are held out: set a held-out fraction above 0 to see test results.")
                if self._matrices and self.part == "test" else ""
            )
            return
        k = counts.shape[0]
        shares = row_percentages(counts)
        if self.table.rowCount() != k:
            self.table.setRowCount(k)
            self.table.setColumnCount(k)
        colours = class_colours(k)
        for j in range(k):
            swatch = QColor(*(int(c) for c in colours[j]))
            for header, set_item in ((self.tr("true {0}"), self.table.setVerticalHeaderItem),
                                     (self.tr("pred. {0}"), self.table.setHorizontalHeaderItem)):
                icon = QPixmap(10, 10)
                icon.fill(swatch)
                set_item(j, QTableWidgetItem(QIcon(icon), header.format(j)))
        for r in range(k):
            for c in range(k):
                share = shares[r, c]
                text = f"{counts[r, c]:,}\n" + ("–" if np.isnan(share) else f"{share:.1f}%")
                found = self.table.item(r, c)
                item = found if found is not None else QTableWidgetItem()
                if found is None:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                    self.table.setItem(r, c, item)
                item.setText(text)
                item.setBackground(QBrush(_shade(share)))
                font = item.font()
                font.setBold(r == c)
                item.setFont(font)
        total = int(counts.sum())
        correct = int(np.trace(counts))
        self.summary.setText(self.tr("{correct} of {total} points on the diagonal (correct): {share}").format(
            correct=f"{correct:,}", total=f"{total:,}",
            share=f"{correct / total:.1%}" if total else "–",
        ))
