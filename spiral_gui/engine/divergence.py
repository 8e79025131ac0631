"""Why a run diverged, as facts (the loss, the iteration, the advice) and as the engine's sentence.

The trainer states a divergence with `Divergence.of(...).text()`; the CLI prints that sentence,
and sessions store it. `Divergence.parse` reads the facts back from the sentence, so that the
window can word them in the user's language (the templates are marked for translation). Pure
Python: no NumPy, no Qt.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from .words import QT_TRANSLATE_NOOP

#: The sentence; `what` is "NaN", "infinite" or the loss (3 significant digits).
REASON = QT_TRANSLATE_NOOP(
    "Divergence", "training diverged: loss became {what} at iteration {iteration}; {advice}"
)
#: What to do about it, by the setting to change.
ADVICE: dict[str, str] = {
    "step_size": QT_TRANSLATE_NOOP("Divergence", "lower the step size"),
    "reg": QT_TRANSLATE_NOOP("Divergence", "lower reg or the step size (step_size × reg must stay below 2)"),
}
#: The word for an infinite loss.
INFINITE = QT_TRANSLATE_NOOP("Divergence", "infinite")

_PATTERN = re.compile(
    r"training diverged: loss became (?P<what>\S+) at iteration (?P<iteration>\d+); (?P<advice>.+)"
)


@dataclass(frozen=True, slots=True)
class Divergence:
    """`what` the loss became ("NaN", "infinite" or a number), at `iteration`; `advice` is a key of
    ADVICE."""

    what: str
    iteration: int
    advice: str

    @staticmethod
    def of(loss: float, iteration: int, optimizer: str, step_size: float, reg: float) -> Divergence:
        what = "NaN" if math.isnan(loss) else INFINITE if math.isinf(loss) else f"{loss:.3g}"
        # Plain gradient descent on the L2 term alone multiplies W by (1 - step_size·reg) each step.
        advice = "reg" if optimizer == "sgd" and step_size * reg >= 2.0 else "step_size"
        return Divergence(what, iteration, advice)

    def text(self) -> str:
        """The engine's English sentence."""
        return REASON.format(what=self.what, iteration=self.iteration, advice=ADVICE[self.advice])

    @staticmethod
    def parse(reason: str) -> Divergence | None:
        """The facts of a sentence written by `text()`, or None for any other text."""
        m = _PATTERN.fullmatch(reason)
        if m is None:
            return None
        advice = next((key for key, words in ADVICE.items() if words == m.group("advice")), None)
        if advice is None:
            return None
        return Divergence(m.group("what"), int(m.group("iteration")), advice)
