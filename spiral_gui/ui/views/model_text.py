"""ModelTextView: the "Inside the model" explainer, every array's shape and what the ReLU
backward step is doing right now. Drawn from a snapshot; reads nothing else. The words are
translated; the formulas are code and stay as they are."""

from __future__ import annotations

import math

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QLabel, QWidget

from ...engine.snapshot import Snapshot

translate = QCoreApplication.translate


def model_html(snap: Snapshot) -> str:
    """Every quantity's shape, and what the ReLU backward step is doing right now."""
    cfg = snap.config
    n, k = snap.X.shape[0], cfg.k
    if cfg.model == "linear":
        return (
            "<b>" + translate("ModelTextView", "Softmax linear classifier") + "</b><br>"
            + f"X ({n}×2) · W (2×{k}) + b (1×{k}) → scores ({n}×{k})<br>"
            + "probs = softmax(scores); loss = mean(−log probs[y]) + ½·reg·ΣW²<br>"
            + translate(
                "ModelTextView", "One straight boundary per pair of classes: it cannot follow the arms."
            )
        )
    h = cfg.hidden
    active = snap.active_fraction
    pct = "–" if math.isnan(active) else f"{active:.0%}"
    return (
        "<b>" + translate("ModelTextView", "Two-layer net") + "</b><br>"
        + f"hidden = max(0, X ({n}×2) · W (2×{h}) + b) → ({n}×{h})<br>"
        + f"scores = hidden · W2 ({h}×{k}) + b2 → ({n}×{k})<br>"
        + "loss = mean(−log softmax(scores)[y]) + ½·reg·(ΣW² + ΣW2²)<br><br>"
        + "<b>" + translate("ModelTextView", "ReLU backward:") + "</b> "
        + "<code>dhidden[hidden &lt;= 0] = 0</code><br>"
        + translate(
            "ModelTextView",
            "Now <b>{pct}</b> of the {count} hidden values are &gt; 0: gradient flows back "
            "through those only. For the rest, max(0, z) is flat, its slope is 0, so they pass none.",
        ).format(pct=pct, count=f"{n * h:,}")
    )


class ModelTextView(QLabel):
    """Rich text, top-aligned and wrapped; redrawn only when its text changes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("model_text")
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setAlignment(Qt.AlignmentFlag.AlignTop)
        self._last: Snapshot | None = None

    def show_snapshot(self, snap: Snapshot) -> None:
        self._last = snap
        html = model_html(snap)
        if html != self.text():
            self.setText(html)

    def retranslate(self) -> None:
        if self._last is not None:
            self.show_snapshot(self._last)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
