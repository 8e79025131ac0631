"""How a number written by a person (on the command line, in the settings file) is read.

Python's int() and float() accept more than a person means to type: full-width and Arabic-Indic
digits, `1_000`, surrounding spaces, and, for int(), text of any length (converting a long one
stops at 4300 digits with an internal error). The app accepts only:

- whole numbers: the ASCII digits 0-9 with an optional sign (`100`, `-5`);
- decimal numbers: the same, with an optional decimal point and exponent (`0.5`, `1e-3`, `.2`),
  and `inf`/`nan` (so that they are refused by the range check with the range in the message).

Everything else is refused with a ValueError whose message names the setting, its range and a
shortened quote of the text. Pure Python: no NumPy, no Qt.
"""

from __future__ import annotations

import re

#: Longest text quoted back in a message; longer text is cut and ends with "…".
QUOTE_CHARS = 40
#: Longer text is not converted at all: no whole number in any range the app uses is this long.
MAX_CHARS = 40

_INT = re.compile(r"[+-]?[0-9]+")
_FLOAT = re.compile(r"[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?|[+-]?(?:inf|infinity|nan)",
                    re.IGNORECASE)


def quote(text: object, limit: int = QUOTE_CHARS) -> str:
    """`text` in double quotes, cut to `limit` characters (then "…"), unprintables as "?"."""
    s = str(text)
    cut = "".join(ch if ch.isprintable() else "?" for ch in s[:limit])
    return f'"{cut}{"…" if len(s) > limit else ""}"'


def _span(low: float, high: float, whole: bool) -> str:
    return f"from {low:,} to {high:,}" if whole else f"from {low:g} to {high:g}"


def parse_int(name: str, text: str, low: int, high: int) -> int:
    """A whole number written with ASCII digits, in low..high; ValueError names `name` otherwise."""
    if isinstance(text, str) and len(text) <= MAX_CHARS and _INT.fullmatch(text):
        value = int(text)
        if low <= value <= high:
            return value
        raise ValueError(f"{name} must be between {low:,} and {high:,}, got {value:,}")
    if isinstance(text, str) and len(text) > MAX_CHARS and _INT.fullmatch(text[:MAX_CHARS]):
        raise ValueError(f"{name} must be between {low:,} and {high:,}, got {quote(text)}")
    raise ValueError(
        f"{name} must be a whole number {_span(low, high, True)} written with the digits 0-9, "
        f"got {quote(text)}"
    )


def parse_float(name: str, text: str, low: float, high: float) -> float:
    """A decimal number (ASCII digits, point, exponent), in low..high; ValueError otherwise."""
    if isinstance(text, str) and len(text) <= MAX_CHARS and _FLOAT.fullmatch(text):
        value = float(text)
        if low <= value <= high:  # NaN fails both comparisons
            return value
        raise ValueError(f"{name} must be between {low:g} and {high:g}, got {value!r}")
    raise ValueError(
        f"{name} must be a number {_span(low, high, False)} written with the digits 0-9 "
        f"(a decimal point and an exponent such as 1e-3 are allowed), got {quote(text)}"
    )
