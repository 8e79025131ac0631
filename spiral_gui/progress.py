"""Signs of life for spiral-train: a measured estimate of a long run and a progress line.

Holds `RunProgress`, which the command line feeds with iterations done (and, within an
iteration, row blocks done, through `Trainer.step(on_block=...)`). It writes only to the stream
it is given (stderr), never to stdout, whose lines keep the notebook's format. Pure Python: no
NumPy, no Qt (`format_duration` marks its unit words for the window's translations).

- The estimate is measured, not modelled: the speed from the end of the first row block (or
  iteration) on, which leaves out the first one's warm-up, once it has been measured over
  `MEASURE_S` seconds; counting the blocks of an unfinished iteration, times the work left.
  It is printed once, as one line, when the run will take more than `ESTIMATE_ABOVE_S` seconds.
- The progress line is drawn only on a terminal, at most every `REFRESH_S` seconds, rewritten in
  place with a carriage return, and erased before stdout prints and at the end.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TextIO

from .engine.words import QT_TRANSLATE_NOOP

MEASURE_S = 0.5
ESTIMATE_ABOVE_S = 5.0
REFRESH_S = 0.2


def _english(text: str) -> str:
    return text


def format_duration(seconds: float, translate: Callable[[str], str] = _english) -> str:
    """Rounded for a person: '0.4 s', '12 s', '3 min 20 s', '2 h 05 min', '3 d 4 h'.

    The unit words are templates marked for translation (context "duration"); the window passes
    `translate` to word them in the user's language, the command line keeps English."""
    if seconds < 10:
        return translate(QT_TRANSLATE_NOOP("duration", "{0} s")).format(f"{seconds:.1f}")
    s = round(seconds)
    if s < 60:
        return translate(QT_TRANSLATE_NOOP("duration", "{0} s")).format(s)
    if s < 3600:
        return translate(QT_TRANSLATE_NOOP("duration", "{0} min {1} s")).format(s // 60, f"{s % 60:02d}")
    if s < 86400:
        return translate(QT_TRANSLATE_NOOP("duration", "{0} h {1} min")).format(
            s // 3600, f"{s % 3600 // 60:02d}"
        )
    return translate(QT_TRANSLATE_NOOP("duration", "{0} d {1} h")).format(s // 86400, s % 86400 // 3600)


class RunProgress:
    """Estimate and progress line of one run from `start` to `total` iterations."""

    def __init__(
        self,
        stream: TextIO,
        start: int,
        total: int,
        *,
        clock: Callable[[], float] = time.monotonic,
        terminal: bool | None = None,
    ) -> None:
        self._out = stream
        self._clock = clock
        self._start, self._total = start, total
        self._t0 = clock()
        self._done = float(start)  # iterations, with the fraction of the current one
        self._estimated = False
        self._base: tuple[float, float] | None = None  # (time, done) at the end of the first block
        self._terminal = _isatty(stream) if terminal is None else terminal
        self._drawn = ""
        self._last_draw = -float("inf")
        self.estimate_s: float | None = None  # the printed (or measured) estimate of the whole run
        self.draw()

    # -- feeding ---------------------------------------------------------------------------
    def iterations_done(self, iteration: int) -> None:
        """`iteration` iterations are complete."""
        self._done = float(iteration)
        self._tick()

    def on_block(self, done: int, total: int) -> None:
        """Within the iteration after the last complete one, `done` of `total` row blocks are done."""
        self._done = int(self._done) + (done / total if done < total else 0.999)
        self._tick()

    # -- output ----------------------------------------------------------------------------
    def seconds_per_iteration(self) -> float | None:
        trained = self._done - self._start
        return (self._clock() - self._t0) / trained if trained > 0 else None

    def clear(self) -> None:
        """Erase the progress line (before stdout prints, and at the end)."""
        if self._drawn:
            self._out.write("\r" + " " * len(self._drawn) + "\r")
            self._out.flush()
            self._drawn = ""

    def draw(self) -> None:
        if not self._terminal:
            return
        line = self._line()
        self._out.write("\r" + line + " " * max(0, len(self._drawn) - len(line)))
        self._out.flush()
        self._drawn = line
        self._last_draw = self._clock()

    def _line(self) -> str:
        whole = int(self._done)
        text = f"iteration {whole:,} / {self._total:,}"
        if self._done > whole:
            text += f" ({(self._done - whole) * 100:.0f}% of the next)"
        per = self.seconds_per_iteration()
        if per:
            left = per * (self._total - self._done)
            text += f", {per:.3g} s per iteration" if per >= 0.1 else f", {1 / per:,.0f} it/s"
            text += f", about {format_duration(left)} left"
        return text + " (Ctrl+C stops)"

    def _tick(self) -> None:
        now = self._clock()
        if self._base is None:
            self._base = (now, self._done)
        elif not self._estimated and now - self._base[0] >= MEASURE_S and self._done > self._base[1]:
            self._estimated = True
            per = (now - self._base[0]) / (self._done - self._base[1])
            left = per * (self._total - self._done)
            self.estimate_s = now - self._t0 + left
            if self.estimate_s > ESTIMATE_ABOVE_S:
                self.clear()
                each = format_duration(per) if per >= 0.1 else f"{per * 1e3:.2g} ms"
                self._out.write(
                    f"spiral-train: this run will take about {format_duration(self.estimate_s)} "
                    f"({self._total - self._start:,} iterations, {each} each, measured); "
                    f"Ctrl+C stops it\n"
                )
                self._out.flush()
        if self._terminal and now - self._last_draw >= REFRESH_S:
            self.draw()


def _isatty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
