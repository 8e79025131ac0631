"""Dead units counted, and the silent failures explained: three small widgets and their words.

- `dead_units_label`: "6 of 100 hidden units dead" (its tooltip says what dead means), red when
  most or all are dead;
- `failure_note`: a highlighted paragraph for the "Inside the model" explainer that says, in the
  notes' terms, why training has stopped learning and what to do (hidden while healthy);
- `failure_status`: a short form of the same for the status bar.

All drawn from the engine's `Diagnosis` (units.diagnose, carried in the units overview extra);
the remedies come from `units.REMEDY`. Nothing is computed here.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QLabel, QWidget

from ...engine.units import REMEDY, Diagnosis, Failure

_ALERT = "color: #b2182b; font-weight: 600;"
_NOTE = (
    "QLabel { background: #fff4d6; border: 1px solid #e0a800; border-left: 4px solid #d95f02;"
    " padding: 6px; color: #222; }"
)


class UnitHealthView(QObject):
    """Owns `dead_units_label`, `failure_note` and `failure_status`; `show_diagnosis` updates all."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.dead_units_label = QLabel("–")
        self.dead_units_label.setObjectName("dead_units_label")
        self.dead_units_label.setWordWrap(True)
        self.failure_note = QLabel()
        self.failure_note.setObjectName("failure_note")
        self.failure_note.setWordWrap(True)
        self.failure_note.setTextFormat(Qt.TextFormat.RichText)
        self.failure_note.setStyleSheet(_NOTE)
        self.failure_note.setVisible(False)
        self.failure_status = QLabel()
        self.failure_status.setObjectName("failure_status")
        self.failure_status.setStyleSheet(_ALERT)
        self.failure_status.setVisible(False)
        self.dead_units_label.installEventFilter(self)
        self._diagnosis: Diagnosis | None = None
        self._model = "nn"
        self.retranslate()

    @property
    def diagnosis(self) -> Diagnosis | None:
        return self._diagnosis

    def show_diagnosis(self, diagnosis: Diagnosis | None, model: str = "nn") -> None:
        """The readout and, for a failing run, the explanation; None: nothing to say (e.g. a
        hidden layer that is not a ReLU)."""
        self._diagnosis, self._model = diagnosis, model
        d = diagnosis
        if d is None or model == "linear" or d.hidden == 0:
            self.dead_units_label.setText(
                self.tr("no hidden layer") if model == "linear" else self.tr("– (ReLU only)")
            )
            self.dead_units_label.setStyleSheet("")
        else:
            self.dead_units_label.setText(
                self.tr("{dead} of {h} hidden units dead").format(dead=f"{d.dead_units:,}", h=f"{d.hidden:,}")
            )
            failing = Failure.ALL_UNITS_DEAD in d.failures or Failure.MOST_UNITS_DEAD in d.failures
            self.dead_units_label.setStyleSheet(_ALERT if failing else "")
        html, short = self.failure_texts(d) if d is not None else ("", "")
        self.failure_note.setText(html)
        self.failure_note.setVisible(bool(html))
        self.failure_status.setText(short)
        self.failure_status.setToolTip(self._plain(html) + " " + self.failure_note.toolTip())
        self.failure_status.setVisible(bool(short))

    # -- words ----------------------------------------------------------------------------------
    def remedy_text(self, failure: Failure) -> str:
        words = {
            "lower step_size": self.tr("lower step_size"),
            "reset": self.tr("press Reset (R)"),
            "lower reg": self.tr("lower reg"),
        }
        return self.tr(" and ").join(words.get(r, r) for r in REMEDY[failure])

    def failure_texts(self, d: Diagnosis) -> tuple[str, str]:
        """(explainer paragraph as rich text, status-bar sentence) for the diagnosis' failures."""
        paragraphs: list[str] = []
        short: list[str] = []
        details: list[str] = []
        for f in d.failures:
            remedy = self.remedy_text(f)
            if f == Failure.ALL_UNITS_DEAD:
                paragraphs.append(
                    self.tr(
                        "<b>All {h} hidden units are dead.</b> Every training point is on the dead side "
                        "of every unit's line z_j = 0, so <code>dhidden[hidden_layer &lt;= 0] = 0</code> "
                        "zeroes all of dhidden: W and b receive no gradient and never change again. "
                        "To recover: {remedy}."
                    ).format(h=f"{d.hidden:,}", remedy=remedy)
                )
                details.append(
                    self.tr(
                        "hidden_layer is all zeros, so W2 gets no gradient from the data either: only b2 "
                        "still learns, and every point gets the same scores. A step of step_size {step} "
                        "pushed the units there."
                    ).format(step=f"{d.step_size:g}")
                )
                short.append(
                    self.tr("All hidden units are dead: W and b get no gradient — {remedy}").format(
                        remedy=remedy
                    )
                )
            elif f == Failure.MOST_UNITS_DEAD:
                paragraphs.append(
                    self.tr(
                        "<b>{dead} of {h} hidden units are dead.</b> Every training point is on the dead "
                        "side of their lines, so the mask <code>dhidden[hidden_layer &lt;= 0] = 0</code> "
                        "zeroes their whole dhidden column: their W[:, j] and b[j] receive no gradient and "
                        "never change again. The net has lost most of its hidden layer. To recover: {remedy}."
                    ).format(dead=f"{d.dead_units:,}", h=f"{d.hidden:,}", remedy=remedy)
                )
                short.append(
                    self.tr("{dead} of {h} hidden units are dead — {remedy}").format(
                        dead=f"{d.dead_units:,}", h=f"{d.hidden:,}", remedy=remedy
                    )
                )
            elif f == Failure.REG_DOMINATES:
                k = round(math.exp(d.chance_loss))
                paragraphs.append(
                    self.tr(
                        "<b>The L2 penalty dominates.</b> reg = {reg} is so strong that the weights have "
                        "shrunk to almost nothing: the data loss sits at ln K = ln {k} = {chance} and every "
                        "class gets probability 1/K = {p} for every point, so the data gradient cannot "
                        "outweigh the pull towards 0. To recover: {remedy}."
                    ).format(
                        reg=f"{d.reg:g}", k=k, chance=f"{d.chance_loss:.4f}", p=f"{1 / k:.3f}", remedy=remedy
                    )
                )
                short.append(
                    self.tr("The L2 penalty dominates: loss stuck at ln K — {remedy}").format(remedy=remedy)
                )
        self.failure_note.setToolTip(" ".join(details))
        return "<br><br>".join(paragraphs), "; ".join(short)

    @staticmethod
    def _plain(html: str) -> str:
        from PySide6.QtGui import QTextDocumentFragment

        return QTextDocumentFragment.fromHtml(html).toPlainText() if html else ""

    def retranslate(self) -> None:
        self.dead_units_label.setToolTip(
            self.tr(
                "A hidden unit is dead when hidden_layer[:, j] is 0 for every training point: every point "
                "lies on the dead side of its line z_j = 0, so the mask dhidden[hidden_layer <= 0] = 0 "
                "zeroes its whole column, W[:, j] and b[j] get no gradient, and it never learns again."
            )
        )
        self.show_diagnosis(self._diagnosis, self._model)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.dead_units_label and event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return False
