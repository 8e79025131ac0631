"""ModelTextView: the "Inside the model" explainer, every array's shape and what the hidden
layer's activation does in the backward step right now: ReLU's mask and the share of units it
lets through, leaky ReLU's slope, or for tanh and sigmoid the mean factor the gradient is
multiplied by (no unit is ever cut off). Drawn from a snapshot; reads nothing else."""

from __future__ import annotations

import math

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QLabel, QWidget

from ...engine.config import ACTIVATION_NAMES, LEAKY_SLOPE
from ...engine.snapshot import Snapshot

translate = QCoreApplication.translate

#: The hidden layer's forward line per activation (code, not translated).
_FORWARD = {
    "relu": "hidden_layer = max(0, X ({n}×2) · W (2×{h}) + b) → ({n}×{h})",
    "leaky_relu": f"hidden_layer = max({LEAKY_SLOPE:g}·z, z), "
    "z = X ({n}×2) · W (2×{h}) + b → ({n}×{h})",
    "tanh": "hidden_layer = tanh(X ({n}×2) · W (2×{h}) + b) → ({n}×{h})",
    "sigmoid": "hidden_layer = sigmoid(X ({n}×2) · W (2×{h}) + b) → ({n}×{h})",
}
#: Its backward line, as the notes would write it.
_BACKWARD = {
    "relu": "dhidden[hidden_layer &lt;= 0] = 0",
    "leaky_relu": f"dhidden[hidden_layer &lt;= 0] *= {LEAKY_SLOPE:g}",
    "tanh": "dhidden *= 1 - hidden_layer**2",
    "sigmoid": "dhidden *= hidden_layer * (1 - hidden_layer)",
}


def _percent(value: float) -> str:
    return "–" if math.isnan(value) else f"{value:.0%}"


def _gradient_text(snap: Snapshot, values: int) -> str:
    """What the activation's backward step does to the gradient right now."""
    act, count = snap.config.activation, f"{values:,}"
    if act == "relu":
        return translate(
            "ModelTextView",
            "Now <b>{pct}</b> of the {count} hidden values are &gt; 0: gradient flows back "
            "through those only. For the rest, max(0, z) is flat, its slope is 0, so they pass none."
        ).format(pct=_percent(snap.active_fraction), count=count)
    if act == "leaky_relu":
        return translate(
            "ModelTextView",
            "Now <b>{pct}</b> of the {count} hidden values are &gt; 0 and pass the gradient whole; "
            "the rest pass {slope} of it, never nothing: no unit can die."
        ).format(pct=_percent(snap.active_fraction), count=count, slope=f"{LEAKY_SLOPE:g}")
    slope = "–" if math.isnan(snap.mean_slope) else f"{snap.mean_slope:.3f}"
    top = "1" if act == "tanh" else "0.25"
    return translate(
        "ModelTextView",
        "No unit is ever cut off: the slope is never 0, so there are no dead units. "
        "It shrinks where a unit saturates (its output near {ends}): "
        "the mean factor over the {count} hidden values is now <b>{slope}</b> (at most {top})."
    ).format(ends="±1" if act == "tanh" else "0 or 1", count=count, slope=slope, top=top)


def model_html(snap: Snapshot) -> str:
    """Every quantity's shape, and what the activation's backward step is doing right now."""
    cfg = snap.config
    n, k = snap.X.shape[0], cfg.k
    if cfg.model == "linear":
        return (
            translate("ModelTextView", "<b>Softmax linear classifier</b><br>")
            + f"X ({n}×2) · W (2×{k}) + b (1×{k}) → scores ({n}×{k})<br>"
            + "probs = softmax(scores); loss = mean(−log probs[y]) + ½·reg·ΣW²<br>"
            + translate(
                "ModelTextView", "One straight boundary per pair of classes: it cannot follow the arms."
            )
        )
    h, act = cfg.hidden, cfg.activation
    name = ACTIVATION_NAMES[act]
    return (
        translate("ModelTextView", "<b>Two-layer {activation} net</b><br>").format(activation=name)
        + _FORWARD[act].format(n=n, h=h) + "<br>"
        + f"scores = hidden_layer · W2 ({h}×{k}) + b2 → ({n}×{k})<br>"
        + "loss = mean(−log softmax(scores)[y]) + ½·reg·(ΣW² + ΣW2²)<br><br>"
        + translate("ModelTextView", "<b>{activation} backward:</b><br>").format(
            activation=name if act == "tanh" else name[0].upper() + name[1:])
        + f"<code>{_BACKWARD[act]}</code><br>"
        + _gradient_text(snap, n * h)
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
