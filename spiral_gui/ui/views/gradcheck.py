"""GradcheckView: the gradient check's result, one row per parameter array, and what it means.

`gradcheck_table` lists W, b (W2, b2): entries checked, the largest relative error (entries at
a ReLU kink left out), a pass/fail mark and the kink entries; `gradcheck_summary` says in words
what the numbers mean. Draws an engine `GradientCheck`; computes nothing.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...engine.gradcheck import PASS, ArrayCheck, GradientCheck

#: Kink entries named in the sentence, at most.
MAX_NAMED = 4


def entry_name(name: str, index) -> str:
    return f"{name}[{', '.join(str(int(i)) for i in index)}]"


def _error(v: float) -> str:
    return "–" if math.isnan(v) else f"{v:.1e}"


class GradcheckView(QWidget):
    """`show_running()`, `show_check(check, skip_mask)`, `show_error(text)`."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("gradcheck_view")
        self.table = QTableWidget(0, 5)
        self.table.setObjectName("gradcheck_table")
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.summary = QLabel()
        self.summary.setObjectName("gradcheck_summary")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addWidget(self.summary)
        self._check: GradientCheck | None = None
        self._skip_mask = False
        self._iteration: int | None = None
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.table.setHorizontalHeaderLabels([
            self.tr("array"), self.tr("checked"), self.tr("max rel. error"),
            self.tr("result"), self.tr("kinks"),
        ])
        kinks = self.table.horizontalHeaderItem(4)
        if kinks is not None:
            kinks.setToolTip(self.tr("Entries left out: the finite difference crosses a ReLU kink there"))
        if self._check is not None:
            self.show_check(self._check, self._skip_mask, self._iteration)

    def show_running(self, text: str) -> None:
        self.summary.setText(text)

    def show_error(self, text: str) -> None:
        self.summary.setText(self.tr("The gradient check failed to run: {0}").format(text))

    def show_check(self, check: GradientCheck, skip_mask: bool = False, iteration: int | None = None) -> None:
        """`iteration`: the one whose weights were checked, named in the sentence."""
        self._check, self._skip_mask, self._iteration = check, skip_mask, iteration
        self.table.setRowCount(len(check.arrays))
        for row, a in enumerate(check.arrays):
            all_kinks = math.isnan(a.max_rel_error)
            ok = all_kinks or a.max_rel_error <= PASS
            checked = f"{a.checked:,}" if not a.sampled else self.tr("{m} of {n} (sample)").format(
                m=f"{a.checked:,}", n=f"{a.size:,}")
            mark = self.tr("– all kinks") if all_kinks else "✔" if ok else "✘"
            cells = (a.name, checked, _error(a.max_rel_error), mark, f"{int(a.kink.sum()):,}")
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if col == 3:
                    item.setForeground(Qt.GlobalColor.darkGreen if ok else Qt.GlobalColor.red)
                if col in (1, 2, 4):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, col, item)
        self.table.resizeRowsToContents()
        height = self.table.horizontalHeader().height() + sum(
            self.table.rowHeight(r) for r in range(self.table.rowCount())) + 4
        self.table.setFixedHeight(height)
        text = self._sentence(check, skip_mask)
        if iteration is not None:
            text = self.tr("At iteration {it}: ").format(it=f"{iteration:,}") + text
        self.summary.setText(text)

    # -- the words -----------------------------------------------------------------------------
    def _sentence(self, check: GradientCheck, skip_mask: bool) -> str:
        worst = check.worst
        failed = [a.name for a in check.arrays if a.max_rel_error > PASS]
        if not failed:
            text = self.tr(
                "Largest relative error {worst}: at or below 1e-6 in float64 the analytic gradient "
                "is right (centred differences, h = {h:g})."
            ).format(worst=_error(worst), h=check.h)
        elif skip_mask:
            text = self.tr(
                "{arrays} off by up to {worst}: without the line dhidden[hidden_layer <= 0] = 0 the "
                "backward pass sends gradient back through units that were off, so dW and db are "
                "not the loss's gradient. This is what the line is for."
            ).format(arrays=", ".join(failed), worst=_error(worst))
        else:
            text = self.tr(
                "Relative errors above 1e-6 for {arrays} (up to {worst}): the analytic gradient "
                "disagrees with the finite differences there."
            ).format(arrays=", ".join(failed), worst=_error(worst))
        sampled = [a for a in check.arrays if a.sampled]
        if sampled:
            text += " " + self.tr(
                "Large arrays were checked on a random sample of {m} entries each (seed {seed}); "
                "the others entry by entry."
            ).format(m=check.sample, seed=check.seed)
        else:
            text += " " + self.tr("Every entry was checked.")
        return text + self._kinks(check.arrays)

    def _kinks(self, arrays: tuple[ArrayCheck, ...]) -> str:
        named = [entry_name(a.name, idx) for a in arrays for idx in a.kink_entries]
        if not named:
            return ""
        worst = max((a.max_rel_error_all for a in arrays if a.kink.any()), default=float("nan"))
        shown = ", ".join(named[:MAX_NAMED]) + (self.tr(" and {n} more").format(n=len(named) - MAX_NAMED)
                                                 if len(named) > MAX_NAMED else "")
        return " " + self.tr(
            "Left out: {entries}, where the finite difference crosses a ReLU kink (some point's "
            "z = x·W + b changes sign within the step), which can give a larger error ({worst}) "
            "without the gradient being wrong."
        ).format(entries=shown, worst=_error(worst))
