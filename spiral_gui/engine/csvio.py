"""CSV export of the loss history and of the data, and import of points as custom data.

Files are UTF-8 with a header row, written with the csv module; numbers are written in full
(`repr`), so reading them back gives the same floats bit for bit.

- Loss history: ``iteration,loss,data_loss,train_accuracy,test_accuracy,test_loss``, one row
  per iteration with a recorded loss (the loss of the parameters after that many updates) and
  per iteration where accuracies were measured; a cell is empty where nothing was recorded.
- Data: ``x1,x2,label,split``, split being ``train`` or ``test`` (held out).
- Import reads the same layout: a header naming x1, x2, label and optionally split (in any
  order, other columns ignored), or no header and the columns in that order. Blank lines and
  lines starting with ``#`` are skipped. A file with any bad row is refused as a whole, with
  the line number and reason of the first few bad rows (`CsvError`): importing part of a file
  would silently train on other data than the learner prepared, and nothing is lost by
  refusing, since the current data stays as it was.

Pure standard library and NumPy; never imports Qt.
"""

from __future__ import annotations

import csv
import itertools
import math
import os
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import IO, Any

import numpy as np

from .config import LIMITS
from .custom import COORD_LIMIT, MAX_POINTS, CustomData
from .words import QT_TRANSLATE_NOOP, Listing, Words

HISTORY_COLUMNS = ("iteration", "loss", "data_loss", "train_accuracy", "test_accuracy", "test_loss")
DATA_COLUMNS = ("x1", "x2", "label", "split")
#: Bad rows named in a refusal's message.
SHOWN_PROBLEMS = 5


class CsvError(ValueError):
    """A CSV file (or one of its rows) refused; `problems` lists (line number, reason) of every
    bad row found. `str()` is the English sentence; `template` (marked for translation, context
    "csv") and `values` (numbers and cells as they are, the rows' reasons as `Words`) let the
    window word it in another language."""

    def __init__(self, template: str, problems: list[tuple[int, str]] | None = None, **values: Any) -> None:
        super().__init__(template.format(**values))
        self.template = template
        self.values = values
        self.problems = problems or []


_NO_POINTS = QT_TRANSLATE_NOOP("csv", "the file holds no points")
_LINE = QT_TRANSLATE_NOOP("csv", "line {line}: {reason}")


@contextmanager
def _opened(file: str | os.PathLike[str] | IO[str], mode: str) -> Iterator[IO[str]]:
    if hasattr(file, "read") or hasattr(file, "write"):
        yield file  # type: ignore[misc]
    else:
        encoding = "utf-8-sig" if mode == "r" else "utf-8"
        with open(file, mode, newline="", encoding=encoding) as f:
            yield f


def _cell(value: float) -> str:
    return "" if value is None or (isinstance(value, float) and math.isnan(value)) else repr(float(value))


# -- export -------------------------------------------------------------------------------------


def write_history_csv(
    file: str | os.PathLike[str] | IO[str],
    losses: np.ndarray,
    data_losses: np.ndarray,
    metrics: dict[str, np.ndarray] | None = None,
) -> None:
    """The loss history (and the accuracies measured, `MetricsLog.arrays()`) as CSV."""
    measured: dict[int, tuple[float, float, float]] = {}
    if metrics and len(metrics.get("iteration", ())):
        for i, tr, te, tl in zip(
            metrics["iteration"].tolist(),
            metrics["train_accuracy"].tolist(),
            metrics["test_accuracy"].tolist(),
            metrics["test_loss"].tolist(),
            strict=True,
        ):
            measured[int(i)] = (tr, te, tl)
    n = len(losses)
    iterations = sorted(set(range(n)) | set(measured))
    loss_list, data_list = np.asarray(losses).tolist(), np.asarray(data_losses).tolist()
    with _opened(file, "w") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(HISTORY_COLUMNS)
        for i in iterations:
            row = [str(i), *((_cell(loss_list[i]), _cell(data_list[i])) if i < n else ("", ""))]
            row += [_cell(v) for v in measured.get(i, (math.nan,) * 3)]
            w.writerow(row)


def write_data_csv(
    file: str | os.PathLike[str] | IO[str], X: np.ndarray, y: np.ndarray, test: np.ndarray
) -> None:
    """The points, their labels and whether each is held out ('test') or trained on ('train')."""
    with _opened(file, "w") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(DATA_COLUMNS)
        for (x1, x2), label, held in zip(X.tolist(), y.tolist(), test.tolist(), strict=True):
            w.writerow((repr(x1), repr(x2), label, "test" if held else "train"))


# -- import -------------------------------------------------------------------------------------


@dataclass(frozen=True, eq=False)
class ImportedPoints:
    """Points read from a CSV: X (n, 2) float64, y (n,) uint8, K, and the split if it had one."""

    X: np.ndarray
    y: np.ndarray
    k: int
    test: np.ndarray | None  # True = held out; None when the file has no split column

    def custom_data(self) -> CustomData:
        return CustomData(self.X, self.y, self.k)


_NOT_A_NUMBER = QT_TRANSLATE_NOOP("csv", "{name} is not a number ({text!r})")
_NOT_FINITE = QT_TRANSLATE_NOOP("csv", "{name} is not a finite number ({text!r})")


def _number(text: str, name: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise CsvError(_NOT_A_NUMBER, name=name, text=text) from None
    if not math.isfinite(value):
        raise CsvError(_NOT_FINITE, name=name, text=text)
    if abs(value) > COORD_LIMIT:
        raise CsvError(
            QT_TRANSLATE_NOOP("csv", "{name} = {value:g} is outside ±{limit:g}"),
            name=name, value=value, limit=COORD_LIMIT,
        )
    return value


_NOT_WHOLE = QT_TRANSLATE_NOOP("csv", "label is not a whole number ({text!r})")


def _label(text: str, top: int) -> int:
    try:
        value = float(text)
    except ValueError:
        raise CsvError(_NOT_WHOLE, text=text) from None
    if not value.is_integer():
        raise CsvError(_NOT_WHOLE, text=text)
    if not 0 <= value < top:
        raise CsvError(
            QT_TRANSLATE_NOOP("csv", "label {value:g} is not a class from 0 to {top}"),
            value=value, top=top - 1,
        )
    return int(value)


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def _columns(first: list[str]) -> tuple[dict[str, int], bool]:
    """Column index per name, and whether `first` is a header row."""
    names = [c.strip().lower() for c in first]
    if _is_number(names[0]):
        return {name: i for i, name in enumerate(DATA_COLUMNS)}, False
    missing = [n for n in DATA_COLUMNS[:3] if n not in names]
    if missing:
        raise CsvError(
            QT_TRANSLATE_NOOP("csv", "the header names no {names} column (it needs x1, x2, label)"),
            names=", ".join(missing),
        )
    return {n: names.index(n) for n in DATA_COLUMNS if n in names}, True


def _row(cells: list[str], columns: dict[str, int], top: int) -> tuple[float, float, int, bool]:
    """(x1, x2, label, held out) of one row, or a CsvError with the reason."""
    need = max(columns[n] for n in DATA_COLUMNS[:3]) + 1
    if len(cells) < need:
        raise CsvError(
            QT_TRANSLATE_NOOP("csv", "expected {need} values, got {got}"), need=need, got=len(cells)
        )
    x1 = _number(cells[columns["x1"]].strip(), "x1")
    x2 = _number(cells[columns["x2"]].strip(), "x2")
    label = _label(cells[columns["label"]].strip(), top)
    at = columns.get("split")
    word = cells[at].strip().lower() if at is not None and at < len(cells) else ""
    if word not in ("train", "test", ""):
        raise CsvError(QT_TRANSLATE_NOOP("csv", "split must be 'train' or 'test', got {word!r}"), word=word)
    return x1, x2, label, word == "test"


def _rows(f: Iterable[str]) -> Iterator[tuple[int, list[str]]]:
    """(line number, cells) of the non-blank, non-comment rows."""
    reader = csv.reader(f)
    for cells in reader:
        if not cells or all(not c.strip() for c in cells) or cells[0].lstrip().startswith("#"):
            continue
        yield reader.line_num, cells


def read_points_csv(file: str | os.PathLike[str] | IO[str], k: int | None = None) -> ImportedPoints:
    """Points from a CSV (see the module's layout). Labels must be below `k` when it is given;
    otherwise K is the largest label plus one (at least 2). Raises CsvError, refusing the file
    if any row is bad."""
    top = int(LIMITS["k"][1]) if k is None else k
    xs: list[tuple[float, float]] = []
    labels: list[int] = []
    split: list[bool] = []
    problems: list[tuple[int, str]] = []
    reasons: list[Words] = []
    has_split = False
    try:
        with _opened(file, "r") as f:
            rows = _rows(f)
            first = next(rows, None)
            if first is None:
                raise CsvError(_NO_POINTS)
            columns, header = _columns(first[1])
            has_split = "split" in columns if header else len(first[1]) > 3
            for line, cells in itertools.chain([] if header else [first], rows):
                if len(xs) >= MAX_POINTS:
                    raise CsvError(
                        QT_TRANSLATE_NOOP(
                            "csv", "the file holds more than {count:,} points, the most allowed"
                        ),
                        count=MAX_POINTS,
                    )
                try:
                    x1, x2, label, held = _row(cells, columns, top)
                except CsvError as exc:
                    problems.append((line, str(exc)))
                    reasons.append(Words("csv", _LINE, line=line, reason=exc))
                    continue
                xs.append((x1, x2))
                labels.append(label)
                split.append(held)
    except UnicodeDecodeError:
        raise CsvError(QT_TRANSLATE_NOOP("csv", "the file is not UTF-8 text")) from None
    except csv.Error as exc:
        raise CsvError(
            QT_TRANSLATE_NOOP("csv", "the file is not valid CSV ({reason})"), reason=str(exc)
        ) from None
    if problems:
        shown = Listing("csv", QT_TRANSLATE_NOOP("csv", "; "), reasons[:SHOWN_PROBLEMS])
        hidden = len(problems) - SHOWN_PROBLEMS
        more: object = ""
        if hidden > 0:
            more = Words("csv", QT_TRANSLATE_NOOP("csv", " (and {count} more)"), count=hidden)
        if len(problems) == 1:
            template = QT_TRANSLATE_NOOP("csv", "1 bad row, nothing imported: {shown}{more}")
        else:
            template = QT_TRANSLATE_NOOP("csv", "{count} bad rows, nothing imported: {shown}{more}")
        raise CsvError(template, problems, count=len(problems), shown=shown, more=more)
    if not xs:
        raise CsvError(_NO_POINTS)
    y = np.array(labels, dtype=np.uint8)
    k_out = k if k is not None else max(2, int(y.max()) + 1)
    return ImportedPoints(
        X=np.array(xs, dtype=np.float64).reshape(-1, 2),
        y=y,
        k=k_out,
        test=np.array(split, dtype=bool) if has_split else None,
    )
