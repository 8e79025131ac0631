"""IterationView: one iteration of the notebook's code, a line at a time, on the real arrays.

A window of its own (non-modal): the lines listed with the notebook's names, the line just run
highlighted; what it produced (name, shape, dtype, min / max / mean) and the array as a heat map;
at the mask line, the `MaskLineView`. Buttons ask for the next line, the previous one, or to
finish the iteration with the ordinary step (signals); whoever holds the `IterationStepper` runs
them and calls back `show_position`. Draws engine results only; computes nothing.
"""

from __future__ import annotations

import html

import numpy as np
from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ...engine.stepper import Line, LineResult
from .heatmap import HeatMap
from .mask_line import MaskLineView

#: Arrays whose columns are the classes, per model; the rest of the net's are hidden units.
_CLASS_COLUMNS = {"scores", "exp_scores", "probs", "dscores", "W2", "dW2", "b2", "db2"}
_SECTION_TITLES = {
    "forward": "# forward pass",
    "loss": "# loss",
    "backward": "# backward pass",
    "regularisation": "# regularisation gradient",
    "update": "# parameter update",
}


class IterationView(QWidget):
    """Signals `next_requested`, `back_requested`, `finish_requested`; `show_position` draws."""

    next_requested = Signal()
    back_requested = Signal()
    finish_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("iteration_view")
        self.resize(1240, 760)
        self.title_label = QLabel()
        self.title_label.setObjectName("iteration_title")
        self.title_label.setStyleSheet("font-weight: 600; font-size: 14px;")
        self.lines_list = QListWidget()
        self.lines_list.setObjectName("iteration_lines")
        mono = QFont("monospace")
        mono.setStyleHint(QFont.StyleHint.Monospace)
        self.lines_list.setFont(mono)
        self.lines_list.setSelectionMode(QListWidget.SelectionMode.SingleSelection)
        self.lines_list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.back_button = QPushButton()
        self.back_button.setObjectName("back_button")
        self.next_button = QPushButton()
        self.next_button.setObjectName("next_line_button")
        self.finish_button = QPushButton()
        self.finish_button.setObjectName("finish_button")
        self.back_button.clicked.connect(self.back_requested)
        self.next_button.clicked.connect(self.next_requested)
        self.finish_button.clicked.connect(self.finish_requested)
        self.message_label = QLabel()
        self.message_label.setObjectName("iteration_message")
        self.message_label.setWordWrap(True)
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.record_label = QLabel()
        self.record_label.setObjectName("line_record")
        self.record_label.setTextFormat(Qt.TextFormat.RichText)
        self.record_label.setWordWrap(True)
        self.line_map = HeatMap("line_map")
        self.start_label = QLabel()
        self.start_label.setWordWrap(True)
        self.start_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.mask_view = MaskLineView()
        record_page = QWidget()
        rp = QVBoxLayout(record_page)
        rp.setContentsMargins(0, 0, 0, 0)
        rp.addWidget(self.record_label)
        rp.addWidget(self.line_map, 1)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.start_label)  # 0: nothing run yet
        self.pages.addWidget(record_page)  # 1: a line's array
        self.pages.addWidget(self.mask_view)  # 2: the mask line in full

        buttons = QHBoxLayout()
        for b in (self.back_button, self.next_button, self.finish_button):
            b.setMinimumHeight(30)
            buttons.addWidget(b)
        left = QVBoxLayout()
        left.addWidget(self.lines_list, 1)
        left.addLayout(buttons)
        body = QHBoxLayout()
        body.addLayout(left, 0)
        body.addWidget(self.pages, 1)
        self.lines_list.setMinimumWidth(320)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title_label)
        layout.addLayout(body, 1)
        layout.addWidget(self.message_label)
        self._rows: list[int] = []  # list row of each line
        self._lines: tuple[Line, ...] = ()
        self._title_args: tuple[int, str, int] = (0, "", 0)
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("One iteration, line by line"))
        self.back_button.setText(self.tr("Back"))
        self.back_button.setToolTip(self.tr("Undo the last line: its array is shown again as it was"))
        self.next_button.setText(self.tr("Next line (Shift+S)"))
        self.next_button.setToolTip(self.tr("Run the next line of the notebook on the current arrays"))
        self.finish_button.setText(self.tr("Finish: take the step"))
        self.finish_button.setToolTip(self.tr(
            "Commit this iteration: the run takes one ordinary Step, which lands on the parameters "
            "the update lines produced"
        ))
        self.start_label.setText(self.tr(
            "Nothing has run yet. Press Next line (or Shift+S) to run the first line of the "
            "iteration on the current weights and data."
        ))
        self._show_title()

    # -- drawing -------------------------------------------------------------------------------
    def set_lines(self, lines: tuple[Line, ...], iteration: int, model: str) -> None:
        """List the iteration's lines; nothing run yet."""
        self._lines = lines
        self.lines_list.clear()
        self._rows = []
        section = None
        for line in lines:
            if line.section != section:
                section = line.section
                head = QListWidgetItem(_SECTION_TITLES.get(section, "# " + section))
                head.setFlags(Qt.ItemFlag.NoItemFlags)
                head.setForeground(Qt.GlobalColor.darkGreen)
                self.lines_list.addItem(head)
            self._rows.append(self.lines_list.count())
            self.lines_list.addItem(QListWidgetItem(line.source))
        self._title_args = (iteration, model, len(lines))
        self.show_position(0, None, None)

    def show_position(self, position: int, result: LineResult | None, y: np.ndarray | None) -> None:
        """`position` lines have run; `result` is the last one's (None at the start)."""
        self._position = position
        self._show_title()
        for i, row in enumerate(self._rows):
            item = self.lines_list.item(row)
            item.setForeground(Qt.GlobalColor.black if i < position else Qt.GlobalColor.gray)
        if result is None:
            self.lines_list.clearSelection()
            self.pages.setCurrentIndex(0)
            return
        row = self._rows[result.index]
        self.lines_list.setCurrentRow(row)
        self.lines_list.scrollToItem(self.lines_list.item(row))
        if result.mask is not None:
            self.mask_view.show_detail(result.mask, y)
            self.pages.setCurrentIndex(2)
            return
        rec = result.record
        self.record_label.setText(
            "<span style='font-family: monospace; font-size: 13px;'>"
            f"{html.escape(result.line.source)}</span><br>"
            + html.escape(self.tr("{name}: shape {shape}, {dtype}; min {lo}, max {hi}, mean {mean}").format(
                name=rec.name, shape=rec.shape, dtype=rec.dtype,
                lo=f"{rec.min:.6g}", hi=f"{rec.max:.6g}", mean=f"{rec.mean:.6g}",
            ))
        )
        points = y is not None and rec.value.ndim >= 1 and rec.value.shape[0] == len(y)
        self.line_map.set_row_classes(y if points else None)
        self.line_map.set_title(rec.name)
        columns = self.tr("class k") if rec.name in _CLASS_COLUMNS or self._title_args[1] == "linear" \
            else self.tr("hidden unit j")
        rows = self.tr("point i (grouped by class)") if points else (
            self.tr("input dimension") if rec.name in ("W", "dW") else
            self.tr("hidden unit j") if rec.name in ("W2", "dW2") else self.tr("row"))
        self.line_map.set_axis_titles(rows, columns)
        self.line_map.show_array(rec.value)
        self.pages.setCurrentIndex(1)

    def set_buttons(self, back: bool, next_: bool, finish: bool) -> None:
        self.back_button.setEnabled(back)
        self.next_button.setEnabled(next_)
        self.finish_button.setEnabled(finish)

    def set_message(self, text: str) -> None:
        self.message_label.setText(text)

    def _show_title(self) -> None:
        iteration, model, count = self._title_args
        if not count:
            self.title_label.setText(self.tr("Waiting for the paused run…"))
            return
        what = self.tr("two-layer net") if model == "nn" else self.tr("softmax classifier")
        self.title_label.setText(self.tr("Iteration {it} of the {what}: {done} of {count} lines run").format(
            it=f"{iteration:,}", what=what, done=getattr(self, "_position", 0), count=count
        ))

    @property
    def position(self) -> int:
        return getattr(self, "_position", 0)
