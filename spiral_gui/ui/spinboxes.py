"""Spin boxes that step the way their values are chosen: logarithmically.

- `LogSpinBox` (step_size, reg, eps): scientific values typed as text (`1e-3`); the arrows,
  the wheel and the Up/Down keys walk the 1-2-5 sequence, ... 0.1, 0.2, 0.5, 1, 2, 5, 10 ...,
  so every step multiplies the value by 2 or 2.5 and ten steps go from 1e-3 to 1e3 (three per
  decade). A value typed off the sequence steps to the nearest sequence value in that
  direction (0.3 → 0.5 up, 0.2 down). Where 0 is allowed (reg) it is one step below the
  smallest sequence value.
- `BatchSpinBox` (batch size): 0 shows as "full batch"; the steps double and halve
  (full batch, 1, 2, 4, ..., 256, ...), the usual batch sizes.

The stepping rules are plain functions (`one_two_five`, `doubling`) so they are tested
without a window. Nothing here knows the configuration or the panel.
"""

from __future__ import annotations

import math

import pyqtgraph as pg
from PySide6.QtWidgets import QSpinBox, QWidget

#: The mantissas of the 1-2-5 sequence within one decade.
_MANTISSAS = (1, 2, 5)


def _sequence_value(index: int) -> float:
    """The index-th value of the 1-2-5 sequence: 0 → 1, 1 → 2, 2 → 5, 3 → 10, -1 → 0.5 ..."""
    exponent, position = divmod(index, 3)
    return float(f"{_MANTISSAS[position]}e{exponent}")


def _index_at_or_above(value: float) -> int:
    """The index of the smallest sequence value >= value (value > 0), robust to rounding."""
    index = 3 * math.floor(math.log10(value)) - 3
    while _sequence_value(index) < value * (1 - 1e-9):
        index += 1
    return index


def one_two_five(value: float, steps: int, low: float, high: float, smallest: float) -> float:
    """`value` moved `steps` places along the 1-2-5 sequence (negative: down), kept in [low, high].

    `smallest` is the lowest sequence value used when `low` is 0: one step below it is 0.
    """
    floor_index = _index_at_or_above(max(low, smallest) if low > 0 else smallest)
    for _ in range(abs(steps)):
        if steps > 0:
            if value <= 0:
                value = _sequence_value(floor_index)
            else:
                i = _index_at_or_above(value)
                if _sequence_value(i) <= value * (1 + 1e-9):
                    i += 1  # on the sequence already: the next one
                value = _sequence_value(i)
        else:
            if value <= 0:
                break
            i = _index_at_or_above(value) - 1  # the largest sequence value below
            value = _sequence_value(i) if i >= floor_index else (0.0 if low <= 0 else low)
        value = min(max(value, low), high)
    return value


def doubling(value: int, steps: int, low: int, high: int) -> int:
    """`value` doubled (steps > 0) or halved (steps < 0) `|steps|` times along 0, 1, 2, 4, 8, ...

    A value between powers of two goes to the next power in that direction; 1 halves to 0.
    """
    for _ in range(abs(steps)):
        if steps > 0:
            value = 1 if value <= 0 else 1 << value.bit_length()  # the next power of two above
        elif value > 0:
            value = 0 if value == 1 else 1 << ((value - 1).bit_length() - 1)  # the power below
        value = min(max(value, low), high)
    return value


class LogSpinBox(pg.SpinBox):
    """pyqtgraph's SpinBox (scientific text, invalid text outlined) stepping along 1-2-5."""

    def __init__(self, low: float, high: float, *, smallest: float = 1e-6,
                 parent: QWidget | None = None) -> None:
        super().__init__(
            parent,
            value=low if low > 0 else 0.0,
            bounds=(low, high),
            dec=True,
            step=0.5,
            minStep=smallest,
            decimals=4,
            finite=True,
            compactHeight=False,
        )
        self._low, self._high, self._smallest = low, high, smallest

    def stepBy(self, steps: int) -> None:
        # Like pg.SpinBox.stepBy: a step emits sigValueChanging now, sigValueChanged a bit later.
        value = one_two_five(float(self.value()), steps, self._low, self._high, self._smallest)
        self.setValue(value, delaySignal=True)


class BatchSpinBox(QSpinBox):
    """Batch size: 0 reads "full batch"; steps double and halve."""

    def stepBy(self, steps: int) -> None:
        self.setValue(doubling(self.value(), steps, self.minimum(), self.maximum()))
