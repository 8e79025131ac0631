"""MaskLineView: the line `dhidden[hidden_layer <= 0] = 0` in full, on the real arrays.

Side by side: dhidden before the line, the boolean mask `hidden_layer <= 0`, and dhidden after
(the zeroed cells marked); the count of entries set to 0; three equivalent ways to write the
line; the worked example with four numbers (z → ReLU → upstream gradient → masked gradient) for
one entry that passes and one that is blocked; and why the line tests `hidden_layer` rather than
the pre-activation. Draws an engine `MaskDetail`; computes nothing.
"""

from __future__ import annotations

import html

import numpy as np
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from ...engine.stepper import MaskDetail, WorkedExample
from .heatmap import HeatMap

#: The line and its equivalents, as code (not translated).
EQUIVALENTS = (
    "dhidden *= hidden_layer > 0",
    "",
    "dhidden = np.where(hidden_layer > 0, dhidden, 0)",
    "",
    "for i, j in zip(*np.nonzero(hidden_layer <= 0)):",
    "    dhidden[i, j] = 0",
)
_CODE = "font-family: monospace; background: #f4f4f4; padding: 6px; border: 1px solid #dddddd;"


def _n(v: float) -> str:
    return f"{v:.4g}"


class MaskLineView(QWidget):
    """`show_detail(detail, y)`: the three maps, the count, the worked example."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mask_line_view")
        self.before_map = HeatMap("mask_before_map")
        self.mask_map = HeatMap("mask_map")
        self.after_map = HeatMap("mask_after_map")
        maps = QHBoxLayout()
        for m in (self.before_map, self.mask_map, self.after_map):
            maps.addWidget(m, 1)
        self.count_label = QLabel()
        self.count_label.setObjectName("mask_count_label")
        self.count_label.setWordWrap(True)
        self.count_label.setStyleSheet("font-weight: 600; font-size: 13px;")
        self.consequence_label = QLabel()
        self.consequence_label.setWordWrap(True)
        self.equivalents_title = QLabel()
        self.equivalents = QLabel("\n".join(EQUIVALENTS))
        self.equivalents.setObjectName("mask_equivalents")
        self.equivalents.setTextFormat(Qt.TextFormat.PlainText)
        self.equivalents.setStyleSheet(_CODE)
        self.equivalents.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.example_title = QLabel()
        self.example_label = QLabel()
        self.example_label.setObjectName("mask_worked_example")
        self.example_label.setTextFormat(Qt.TextFormat.RichText)
        self.why_label = QLabel()
        self.why_label.setObjectName("mask_why")
        self.why_label.setWordWrap(True)
        for label in (self.equivalents_title, self.example_title):
            label.setStyleSheet("font-weight: 600;")

        lower = QGridLayout()
        lower.addWidget(self.equivalents_title, 0, 0)
        lower.addWidget(self.equivalents, 1, 0)
        lower.addWidget(self.example_title, 0, 1)
        lower.addWidget(self.example_label, 1, 1, Qt.AlignmentFlag.AlignTop)
        lower.setColumnStretch(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(maps, 1)
        layout.addWidget(self.count_label)
        layout.addWidget(self.consequence_label)
        layout.addLayout(lower)
        layout.addWidget(self.why_label)
        self._detail: MaskDetail | None = None
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.before_map.set_title(self.tr("dhidden before"))
        self.mask_map.set_title(html.escape(self.tr("hidden_layer <= 0")))
        self.after_map.set_title(self.tr("dhidden after"))
        for m in (self.before_map, self.mask_map, self.after_map):
            m.set_axis_titles(self.tr("point i (grouped by class)"), self.tr("hidden unit j"))
        self.equivalents_title.setText(self.tr("The same line, three other ways"))
        self.example_title.setText(self.tr("Worked example: z → ReLU → upstream gradient → masked gradient"))
        self.why_label.setText(self.tr(
            "Why hidden_layer and not the pre-activation z = np.dot(X, W) + b? hidden_layer = "
            "max(0, z) is 0 exactly where z ≤ 0 and equals z where z > 0, so hidden_layer <= 0 "
            "is the same mask as z <= 0, and the notebook did not keep z."
        ))
        if self._detail is not None:
            self._show_text(self._detail)

    def show_detail(self, detail: MaskDetail, y: np.ndarray | None = None) -> None:
        """Draw the line's arrays; `y` (the points' classes) draws the class boundaries."""
        self._detail = detail
        pairs = ((self.before_map, detail.before), (self.mask_map, detail.mask),
                 (self.after_map, detail.after))
        for m, a in pairs:
            m.set_row_classes(y)
            m.show_array(a)
        # Same colour scale before and after, so the zeroed cells are the only change.
        self.after_map.bar.setLevels(self.before_map.levels)
        self.after_map.set_marks(detail.mask)
        self._show_text(detail)

    def _show_text(self, d: MaskDetail) -> None:
        self.count_label.setText(self.tr("{zeroed} of {total} entries set to 0").format(
            zeroed=f"{d.zeroed:,}", total=f"{d.total:,}"
        ) + self.tr(" ({changed:} of them were not 0 before); grey on the right").format(
            changed=f"{d.changed:,}"))
        self.consequence_label.setText(self.tr(
            "The next lines are dW = np.dot(X.T, dhidden) and db = np.sum(dhidden, axis=0): a "
            "zeroed entry (i, j) adds nothing to column j of dW or to b[j], so point i sends no "
            "gradient into unit j's weights W[:, j] and bias b[j]."
        ))
        rows = [self._example_row(self.tr("passes"), d.passing),
                self._example_row(self.tr("blocked"), d.blocked)]
        head = "".join(f"<th style='padding: 2px 5px;'>{html.escape(h)}</th>" for h in (
            "", "i", "j", "z", "max(0, z)", self.tr("upstream dhidden"), self.tr("masked"),
        ))
        self.example_label.setText(
            f"<table style='border-collapse: collapse;'><tr>{head}</tr>{''.join(rows)}</table>"
        )

    def _example_row(self, title: str, e: WorkedExample | None) -> str:
        if e is None:
            none = html.escape(self.tr("no such entry"))
            return f"<tr><td>{html.escape(title)}</td><td colspan='6'>{none}</td></tr>"
        cells = (title, str(e.row), str(e.unit), _n(e.z), _n(e.hidden), _n(e.upstream), _n(e.masked))
        return "<tr>" + "".join(
            f"<td style='padding: 2px 5px; font-family: monospace;'>{html.escape(c)}</td>" for c in cells
        ) + "</tr>"
