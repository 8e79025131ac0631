"""Sessions: a run saved to one `.spiral` file, reopened later to continue exactly where it was.

Format (version 1)
------------------
A `.spiral` file is a zip archive of two members:

- ``session.json``: a UTF-8 JSON document ``{"format": "spiral-gui-session", "version": 1,
  "app", "config": {TrainConfig fields}, "iteration", "status": {"state", "reason"},
  "data": {"dataset", "points", "classes", "held_out"}, "split": {"test_fraction", "rule"},
  "arrays": {name: {"dtype", "shape"}}, "info": {free JSON for the window}}``. "arrays" is the
  manifest of the second member, checked against it on reading.
- ``arrays.npz``: NumPy arrays (read with ``allow_pickle=False``), named with ``/`` groups:
  ``X`` (n, 2) float64, ``y`` (n,) uint8, ``test`` (n,) bool (True = held out);
  ``params/W``, ``params/b`` (and ``params/W2``, ``params/b2`` for the net), the weights after
  ``iteration`` updates; ``initial/…`` the same names, the weights Reset returns to;
  ``history/loss`` and ``history/data_loss``, one per iteration;
  optional: ``metrics/iteration``, ``metrics/train_accuracy``, ``metrics/test_accuracy``,
  ``metrics/test_loss`` (measured now and then); ``checkpoints/iteration`` (m,) with
  ``checkpoints/<param>`` stacked (m, …) (the timeline); ``state/<name>`` (optimizer state).
  Arrays under other names are kept and written back unchanged, so later additions fit in
  version 1: a reader ignores what it does not use. A configuration field missing from the
  document takes its default; an unknown one is refused (the file is from a newer version).

Writing is atomic: a temporary file in the same folder, flushed to disk, then renamed over the
target; a crash or a full disk leaves the old file as it was. Reading refuses, with one
`SessionError` message, a file that is missing, oversized (sizes checked from the zip
directory before anything is unpacked), truncated, damaged, foreign, from a newer version,
holding pickled objects, or inconsistent (shapes, non-finite weights, labels ≥ K, a
configuration the engine refuses).

Pure NumPy and the standard library; never imports Qt.
"""

from __future__ import annotations

import io
import json
import os
import stat
import tempfile
import zipfile
import zlib
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import IO, Any

import numpy as np

from .. import __version__
from .config import D, TrainConfig, format_bytes
from .custom import validate_points
from .experiment import Experiment, MetricsLog, build_experiment
from .models import PARAM_NAMES, Params
from .words import QT_TRANSLATE_NOOP, Words

FORMAT = "spiral-gui-session"
VERSION = 1
SUFFIX = ".spiral"
DOCUMENT = "session.json"
ARRAYS = "arrays.npz"
SPLIT_RULE = "hash-stratified-1"

#: Largest session file accepted on disk, and largest total it may unpack to.
MAX_FILE_BYTES = 1 << 30
MAX_UNPACKED_BYTES = 1 << 30
MAX_DOCUMENT_BYTES = 1 << 20

STATES = ("ready", "paused", "finished", "diverged")
_NUMERIC_KINDS = "biuf"


class SessionError(ValueError):
    """A session file that cannot be opened; the message says why, in one sentence. `str()` is
    the English sentence; `template` (marked for translation, context "session") and `values`
    (file names and numbers as they are, nested reasons as `Words` or exceptions) let the
    window word it in another language."""

    def __init__(self, template: str, **values: Any) -> None:
        super().__init__(template.format(**values))
        self.template = template
        self.values = values


_CANNOT_OPEN = QT_TRANSLATE_NOOP("session", "cannot open {name}: {reason}")
_INCONSISTENT = QT_TRANSLATE_NOOP("session", "the session is inconsistent: {reason}")


def _frozen(a: np.ndarray) -> np.ndarray:
    a = np.array(a, copy=True)
    a.flags.writeable = False
    return a


def _same(a: np.ndarray, b: np.ndarray) -> bool:
    """Bit-for-bit equality: dtype, shape and bytes (NaN equals NaN)."""
    a, b = np.asarray(a), np.asarray(b)
    return a.dtype == b.dtype and a.shape == b.shape and a.tobytes() == b.tobytes()


def _same_dict(a: dict[str, np.ndarray], b: dict[str, np.ndarray]) -> bool:
    return a.keys() == b.keys() and all(_same(a[k], b[k]) for k in a)


@dataclass(frozen=True, eq=False)
class Session:
    """Everything needed to continue a run; compares equal bit for bit (see `__eq__`)."""

    config: TrainConfig
    X: np.ndarray
    y: np.ndarray
    test: np.ndarray
    params: Params
    initial: Params
    iteration: int
    losses: np.ndarray
    data_losses: np.ndarray
    state: str = "paused"
    reason: str | None = None
    metrics: dict[str, np.ndarray] = field(default_factory=dict)
    checkpoints: dict[str, np.ndarray] = field(default_factory=dict)
    state_arrays: dict[str, np.ndarray] = field(default_factory=dict)
    extra_arrays: dict[str, np.ndarray] = field(default_factory=dict)
    info: dict[str, Any] = field(default_factory=dict)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Session):
            return NotImplemented
        simple = ("config", "iteration", "state", "reason", "info")
        arrays = ("X", "y", "test", "losses", "data_losses")
        groups = ("params", "initial", "metrics", "checkpoints", "state_arrays", "extra_arrays")
        return (
            all(getattr(self, n) == getattr(other, n) for n in simple)
            and all(_same(getattr(self, n), getattr(other, n)) for n in arrays)
            and all(_same_dict(getattr(self, n), getattr(other, n)) for n in groups)
        )

    __hash__ = None  # type: ignore[assignment]

    def arrays(self) -> dict[str, np.ndarray]:
        """The arrays as stored in arrays.npz, by name."""
        out = {"X": self.X, "y": self.y, "test": self.test}
        for group, values in (
            ("params", self.params),
            ("initial", self.initial),
            ("metrics", self.metrics),
            ("checkpoints", self.checkpoints),
            ("state", self.state_arrays),
        ):
            out |= {f"{group}/{name}": value for name, value in values.items()}
        out |= {"history/loss": self.losses, "history/data_loss": self.data_losses}
        out |= self.extra_arrays
        # Not np.ascontiguousarray: it turns a 0-d array (a counter) into a 1-d one.
        return {name: np.array(value, order="C", copy=not value.flags.c_contiguous)
                for name, value in out.items()}


# -- between sessions and experiments ------------------------------------------------------------


def session_of(
    experiment: Experiment,
    *,
    state: str | None = None,
    checkpoints: dict[str, np.ndarray] | None = None,
    info: dict[str, Any] | None = None,
) -> Session:
    """The session of `experiment` now (state: derived from the trainer unless given)."""
    t = experiment.trainer
    if state is None:
        state = "diverged" if t.diverged else "finished" if t.finished else "paused"
        state = "ready" if state == "paused" and not t.iteration else state
    get_state = getattr(t, "state_arrays", None)
    losses, data_losses = t.losses_since(0)  # one value per iteration, however long the run
    return Session(
        config=t.config,
        X=_frozen(experiment.X),
        y=_frozen(experiment.y),
        test=_frozen(experiment.test),
        params={k: _frozen(v) for k, v in t.params().items()},
        initial={k: _frozen(v) for k, v in t.initial_params().items()},
        iteration=t.iteration,
        losses=_frozen(losses),
        data_losses=_frozen(data_losses),
        state=state,
        reason=t.reason,
        metrics=experiment.metrics.arrays() if len(experiment.metrics) else {},
        checkpoints=dict(checkpoints or {}),
        state_arrays=dict(get_state() if get_state is not None else {}),
        info=dict(info or {}),
    )


def experiment_of(session: Session) -> Experiment:
    """The experiment a session holds, ready to continue exactly where it stopped."""
    try:
        e = build_experiment(session.config, session.X, session.y, test=session.test, initial=session.initial)
        e.trainer.restore(
            session.params,
            session.iteration,
            session.losses,
            session.data_losses,
            reason=session.reason if session.state == "diverged" else None,
            state_arrays=session.state_arrays or None,
        )
    except SessionError:
        raise
    except ValueError as exc:
        raise SessionError(_INCONSISTENT, reason=exc) from None
    if session.metrics:
        e.metrics = MetricsLog(session.metrics)
    e.checkpoints = dict(session.checkpoints)
    return e


# -- writing -------------------------------------------------------------------------------------


def _document(session: Session, arrays: dict[str, np.ndarray]) -> dict[str, Any]:
    c = session.config
    return {
        "format": FORMAT,
        "version": VERSION,
        "app": f"spiral-gui {__version__}",
        "config": c.as_dict(),
        "iteration": session.iteration,
        "status": {"state": session.state, "reason": session.reason},
        "data": {
            "dataset": c.dataset,
            "points": int(session.X.shape[0]),
            "classes": c.k,
            "held_out": int(np.count_nonzero(session.test)),
        },
        "split": {"test_fraction": c.test_fraction, "rule": SPLIT_RULE},
        "arrays": {name: {"dtype": a.dtype.str, "shape": list(a.shape)} for name, a in arrays.items()},
        "info": session.info,
    }


def save_session(path: str | os.PathLike[str], session: Session) -> None:
    """Write `session` to `path` atomically. Raises OSError (disk full, no permission, …), in
    which case any file already at `path` is unchanged and no temporary file is left."""
    path = Path(path)
    arrays = session.arrays()
    text = json.dumps(_document(session, arrays), indent=1, allow_nan=False, ensure_ascii=False)
    packed = io.BytesIO()
    np.savez(packed, allow_pickle=False, **arrays)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            with zipfile.ZipFile(f, "w", zipfile.ZIP_DEFLATED) as z:
                z.writestr(DOCUMENT, text.encode("utf-8"))
                z.writestr(ARRAYS, packed.getbuffer())
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, _mode_for(path))
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    _sync_folder(path.parent)


def _mode_for(path: Path) -> int:
    """The existing file's permissions, or the usual ones for a new file (0666 less the umask)."""
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable, where the system allows it."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


# -- reading -------------------------------------------------------------------------------------


def load_session(path: str | os.PathLike[str]) -> Session:
    """The session in `path`, checked through; SessionError (a ValueError) says why not."""
    path = Path(path)
    try:
        return _load(path)
    except SessionError as exc:
        raise SessionError(_CANNOT_OPEN, name=path.name, reason=exc) from None


def _load(path: Path) -> Session:
    try:
        size = path.stat().st_size
        if not path.is_file():
            raise SessionError(QT_TRANSLATE_NOOP("session", "it is not a file"))
        with path.open("rb") as f:
            head = f.read(4)
    except FileNotFoundError:
        raise SessionError(QT_TRANSLATE_NOOP("session", "there is no such file")) from None
    except OSError as exc:
        raise SessionError(
            QT_TRANSLATE_NOOP("session", "it cannot be read ({reason})"), reason=exc.strerror or str(exc)
        ) from None
    if size > MAX_FILE_BYTES:
        raise SessionError(
            QT_TRANSLATE_NOOP("session", "it is {size}, over the {limit} a session may be"),
            size=format_bytes(size), limit=format_bytes(MAX_FILE_BYTES),
        )
    if size == 0:
        raise SessionError(QT_TRANSLATE_NOOP("session", "the file is empty"))
    if head != b"PK\x03\x04":
        what = (QT_TRANSLATE_NOOP("session", "a JSON file") if head[:1] in (b"{", b"[")
                else QT_TRANSLATE_NOOP("session", "not a zip archive"))
        raise SessionError(
            QT_TRANSLATE_NOOP(
                "session", "it is not a Spiral GUI session ({what})"
            ),
            what=Words("session", what)
        )
    try:
        with zipfile.ZipFile(path) as z:
            document, raw = _read_members(z)
    except zipfile.BadZipFile as exc:
        if "CRC" in str(exc) or "Bad magic" in str(exc):
            raise SessionError(
                QT_TRANSLATE_NOOP("session", "the file is damaged (a checksum does not match)")
            ) from None
        raise SessionError(
            QT_TRANSLATE_NOOP("session", "the file is truncated or damaged: its zip directory cannot be read")
        ) from None
    except (zlib.error, EOFError, OSError):
        raise SessionError(
            QT_TRANSLATE_NOOP("session", "the file is damaged: its contents cannot be unpacked")
        ) from None
    arrays = _read_arrays(raw)
    _check_manifest(document, arrays)
    return _session(document, arrays)


def _read_members(z: zipfile.ZipFile) -> tuple[dict[str, Any], bytes]:
    infos = z.infolist()
    names = [i.filename for i in infos]
    if DOCUMENT not in names:
        raise SessionError(
            QT_TRANSLATE_NOOP("session", "it is not a Spiral GUI session (a zip archive without {member})"),
            member=DOCUMENT,
        )
    if len(set(names)) != len(names):
        raise SessionError(
            QT_TRANSLATE_NOOP("session", "the file is damaged: a member appears twice in its zip directory")
        )
    total = sum(i.file_size for i in infos)
    if total > MAX_UNPACKED_BYTES:
        raise SessionError(
            QT_TRANSLATE_NOOP(
                "session", "it would unpack to {size}, over the {limit} limit (refusing to unpack it)"
            ),
            size=format_bytes(total), limit=format_bytes(MAX_UNPACKED_BYTES),
        )
    info = z.getinfo(DOCUMENT)
    if info.file_size > MAX_DOCUMENT_BYTES:
        raise SessionError(
            QT_TRANSLATE_NOOP("session", "its {member} is {size}, too large for a session document"),
            member=DOCUMENT, size=format_bytes(info.file_size),
        )
    document = _parse_document(_read_bounded(z, info))
    if ARRAYS not in names:
        raise SessionError(
            QT_TRANSLATE_NOOP("session", "the file is damaged: {member} is missing"), member=ARRAYS
        )
    return document, _read_bounded(z, z.getinfo(ARRAYS))


def _read_bounded(z: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    """A member's bytes, never more than its directory entry declares."""
    with z.open(info) as f:
        data = f.read(info.file_size + 1)
    if len(data) != info.file_size:
        raise SessionError(
            QT_TRANSLATE_NOOP("session", "the file is damaged: {member} is not the size its directory says"),
            member=info.filename,
        )
    return data


def _parse_document(data: bytes) -> dict[str, Any]:
    try:
        document = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        raise SessionError(
            QT_TRANSLATE_NOOP("session", "the file is damaged: {member} is not valid JSON"), member=DOCUMENT
        ) from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise SessionError(
            QT_TRANSLATE_NOOP("session", "it is not a Spiral GUI session (its document is of another format)")
        )
    version = document.get("version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise SessionError(
            QT_TRANSLATE_NOOP(
                "session", "the file is damaged: its format version is {version!r}"
            ),
            version=version
        )
    if version > VERSION:
        raise SessionError(
            QT_TRANSLATE_NOOP(
                "session",
                "it was saved by a newer Spiral GUI (session format {version}; "
                "this version reads up to {supported})",
            ),
            version=version, supported=VERSION,
        )
    return document


def _read_arrays(raw: bytes) -> dict[str, np.ndarray]:
    """The arrays of arrays.npz, checked member by member before NumPy reads any of them."""
    try:
        inner = zipfile.ZipFile(io.BytesIO(raw))
    except zipfile.BadZipFile:
        raise SessionError(
            QT_TRANSLATE_NOOP(
                "session", "the file is damaged: {member} is not a NumPy archive"
            ),
            member=ARRAYS
        ) from None
    out: dict[str, np.ndarray] = {}
    try:
        with inner:
            if sum(i.file_size for i in inner.infolist()) > MAX_UNPACKED_BYTES:
                raise SessionError(
                    QT_TRANSLATE_NOOP("session", "its {member} would unpack to more than {limit}"),
                    member=ARRAYS, limit=format_bytes(MAX_UNPACKED_BYTES),
                )
            for info in inner.infolist():
                if not info.filename.endswith(".npy"):
                    raise SessionError(
                        QT_TRANSLATE_NOOP(
                            "session", "the file is damaged: {member} holds {name!r}, not an array"
                        ),
                        member=ARRAYS, name=info.filename,
                    )
                name = info.filename[: -len(".npy")]
                with inner.open(info) as f:
                    dtype, count, header = _npy_header(f, name)
                if count * dtype.itemsize + header > info.file_size:
                    raise SessionError(
                        QT_TRANSLATE_NOOP(
                            "session", "the file is damaged: array {name} is shorter than its header says"
                        ),
                        name=name,
                    )
                with inner.open(info) as f:
                    out[name] = np.lib.format.read_array(f, allow_pickle=False)
    except SessionError:
        raise
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError):
        raise SessionError(
            QT_TRANSLATE_NOOP("session", "the file is damaged: {member} cannot be read"), member=ARRAYS
        ) from None
    return out


def _npy_header(f: IO[bytes], name: str) -> tuple[np.dtype[Any], int, int]:
    """(dtype, element count, header length) of one .npy member, refusing pickles."""
    fmt = np.lib.format
    version = fmt.read_magic(f)
    read = {(1, 0): fmt.read_array_header_1_0, (2, 0): fmt.read_array_header_2_0}.get(version)
    if read is None:
        raise SessionError(
            QT_TRANSLATE_NOOP("session", "the file is damaged: array {name} has an unknown layout"), name=name
        )
    shape, _, dtype = read(f)
    if dtype.hasobject:
        raise SessionError(
            QT_TRANSLATE_NOOP(
                "session", "it holds a pickled Python object ({name}); sessions hold plain numbers only"
            ),
            name=name,
        )
    if dtype.kind not in _NUMERIC_KINDS or dtype.fields is not None or dtype.subdtype is not None:
        raise SessionError(
            QT_TRANSLATE_NOOP("session", "array {name} is of type {dtype}, not plain numbers"),
            name=name, dtype=str(dtype),
        )
    return dtype, int(np.prod(shape, dtype=np.int64)), f.tell()


def _check_manifest(document: dict[str, Any], arrays: dict[str, np.ndarray]) -> None:
    manifest = document.get("arrays")
    if not isinstance(manifest, dict):
        raise SessionError(
            QT_TRANSLATE_NOOP(
                "session", "the file is damaged: {member} has no list of arrays"
            ),
            member=DOCUMENT
        )
    if set(manifest) != set(arrays):
        missing = sorted(set(manifest) - set(arrays)) or sorted(set(arrays) - set(manifest))
        raise SessionError(
            QT_TRANSLATE_NOOP(
                "session", "the file is damaged: its arrays do not match its document ({names})"
            ),
            names=", ".join(missing),
        )
    for name, a in arrays.items():
        entry = manifest[name] if isinstance(manifest[name], dict) else {}
        if (entry.get("dtype"), entry.get("shape")) != (a.dtype.str, list(a.shape)):
            raise SessionError(
                QT_TRANSLATE_NOOP(
                    "session", "the file is damaged: array {name} is not what its document says"
                ),
                name=name,
            )


# -- consistency ---------------------------------------------------------------------------------


def _inconsistent(template: str, **values: Any) -> SessionError:
    """"the session is inconsistent: …", the reason a template (context "session") with values."""
    return SessionError(_INCONSISTENT, reason=Words("session", template, **values))


def _config(raw: Any) -> TrainConfig:
    if not isinstance(raw, dict):
        raise _inconsistent(QT_TRANSLATE_NOOP("session", "it has no configuration"))
    known = {f.name for f in fields(TrainConfig)}
    unknown = sorted(set(raw) - known)
    if unknown:
        raise SessionError(
            QT_TRANSLATE_NOOP(
                "session",
                "its configuration has settings this version does not know ({names}): "
                "it was probably saved by a newer Spiral GUI",
            ),
            names=", ".join(unknown),
        )
    try:
        return TrainConfig(**raw)
    except (ValueError, TypeError) as exc:
        raise SessionError(
            QT_TRANSLATE_NOOP("session", "its configuration is refused: {reason}"), reason=exc
        ) from None


def _group(arrays: dict[str, np.ndarray], prefix: str) -> dict[str, np.ndarray]:
    return {k[len(prefix) + 1 :]: v for k, v in arrays.items() if k.startswith(prefix + "/")}


def _param_shapes(c: TrainConfig) -> dict[str, tuple[int, ...]]:
    width = c.width
    shapes = {"W": (D, width), "b": (1, width)}
    if c.model == "nn":
        shapes |= {"W2": (width, c.k), "b2": (1, c.k)}
    return {name: shapes[name] for name in PARAM_NAMES[c.model]}


#: The refusals of `_params`, for the weights now and for the initial weights.
_PARAM_WORDS = {
    False: (
        QT_TRANSLATE_NOOP("session", "the parameters must be {names}, got {got}"),
        QT_TRANSLATE_NOOP("session", "parameter {name} must be {shape} numbers, got {dtype} {got}"),
        QT_TRANSLATE_NOOP(
            "session", "parameter {name} holds values that are not finite numbers (NaN or infinity)"
        ),
    ),
    True: (
        QT_TRANSLATE_NOOP("session", "the initial parameters must be {names}, got {got}"),
        QT_TRANSLATE_NOOP("session", "initial parameter {name} must be {shape} numbers, got {dtype} {got}"),
        QT_TRANSLATE_NOOP(
            "session", "initial parameter {name} holds values that are not finite numbers (NaN or infinity)"
        ),
    ),
}


def _params(group: dict[str, np.ndarray], c: TrainConfig, initial: bool) -> Params:
    shapes = _param_shapes(c)
    names, wrong, infinite = _PARAM_WORDS[initial]
    if set(group) != set(shapes):
        got: object = ", ".join(sorted(group)) or Words("session", QT_TRANSLATE_NOOP("session", "none"))
        raise _inconsistent(names, names=", ".join(shapes), got=got)
    for name, shape in shapes.items():
        a = group[name]
        if a.shape != shape or a.dtype.kind != "f":
            raise _inconsistent(wrong, name=name, shape=str(shape), dtype=str(a.dtype), got=str(a.shape))
        if not np.isfinite(a).all():
            raise _inconsistent(infinite, name=name)
    return group


def _session(document: dict[str, Any], arrays: dict[str, np.ndarray]) -> Session:
    config = _config(document.get("config"))
    iteration = document.get("iteration")
    if isinstance(iteration, bool) or not isinstance(iteration, int) or iteration < 0:
        raise _inconsistent(QT_TRANSLATE_NOOP("session", "its iteration is {value!r}"), value=iteration)
    status = document.get("status")
    if not isinstance(status, dict) or status.get("state") not in STATES:
        raise _inconsistent(QT_TRANSLATE_NOOP("session", "its status is missing or unknown"))
    reason = status.get("reason")
    if reason is not None and not isinstance(reason, str):
        raise _inconsistent(QT_TRANSLATE_NOOP("session", "its status reason is not text"))
    info = document.get("info", {})
    if not isinstance(info, dict):
        raise _inconsistent(QT_TRANSLATE_NOOP("session", "its window information is not a JSON object"))

    for name in ("X", "y", "test", "history/loss", "history/data_loss"):
        if name not in arrays:
            raise _inconsistent(QT_TRANSLATE_NOOP("session", "array {name} is missing"), name=name)
    X, y, test = arrays["X"], arrays["y"], arrays["test"]
    if X.dtype != np.float64 or y.dtype != np.uint8:
        raise _inconsistent(
            QT_TRANSLATE_NOOP("session", "the points must be float64 and the labels uint8, got {x} and {y}"),
            x=str(X.dtype), y=str(y.dtype),
        )
    try:
        validate_points(X, y, config.k)
    except ValueError as exc:
        raise SessionError(_INCONSISTENT, reason=exc) from None
    if test.dtype != bool or test.shape != y.shape:
        raise _inconsistent(
            QT_TRANSLATE_NOOP("session", "the held-out mask must be {count:,} booleans, got {dtype} {shape}"),
            count=y.shape[0], dtype=str(test.dtype), shape=str(test.shape),
        )
    if config.dataset != "custom" and X.shape[0] != config.num_examples:
        raise _inconsistent(
            QT_TRANSLATE_NOOP(
                "session", "the {dataset} data has {points:,} points, not N × K = {expected:,}"
            ),
            dataset=config.dataset, points=X.shape[0], expected=config.num_examples,
        )
    losses, data_losses = arrays["history/loss"], arrays["history/data_loss"]
    for name, a in (("loss", losses), ("data_loss", data_losses)):
        if a.dtype != np.float64 or a.shape != (iteration,):
            raise _inconsistent(
                QT_TRANSLATE_NOOP("session", "history/{name} must hold {count:,} float64 losses, got {got}"),
                name=name, count=iteration, got=f"{a.dtype} {a.shape}",
            )
        if not np.isfinite(a).all():
            raise _inconsistent(
                QT_TRANSLATE_NOOP(
                    "session", "history/{name} holds values that are not finite numbers"
                ),
                name=name
            )

    metrics = _group(arrays, "metrics")
    if metrics:
        if set(metrics) != set(MetricsLog.NAMES):
            raise _inconsistent(
                QT_TRANSLATE_NOOP("session", "the metrics must be {names}"), names=", ".join(MetricsLog.NAMES)
            )
        m = metrics["iteration"].shape
        ragged = any(a.ndim != 1 or a.shape != m for a in metrics.values())
        if ragged or metrics["iteration"].dtype != np.int64:
            raise _inconsistent(QT_TRANSLATE_NOOP("session", "the metrics arrays differ in length or type"))
    checkpoints = _group(arrays, "checkpoints")
    if checkpoints:
        its = checkpoints.get("iteration")
        if its is None or its.ndim != 1 or its.dtype.kind not in "iu":
            raise _inconsistent(QT_TRANSLATE_NOOP("session", "the checkpoints have no iteration list"))
        if (np.diff(its) <= 0).any() or (its.size and (its[0] < 0 or its[-1] > iteration)):
            raise _inconsistent(
                QT_TRANSLATE_NOOP(
                    "session", "the checkpoints' iterations are out of order or beyond the session's"
                )
            )
        shapes = _param_shapes(config)
        for name, a in checkpoints.items():
            if name != "iteration" and (name not in shapes or a.shape != (its.size, *shapes[name])):
                raise _inconsistent(
                    QT_TRANSLATE_NOOP("session", "checkpoint array {name} does not fit the model"), name=name
                )

    known = {"X", "y", "test", "history/loss", "history/data_loss"}
    prefixes = ("params/", "initial/", "metrics/", "checkpoints/", "state/")
    extra = {k: v for k, v in arrays.items() if k not in known and not k.startswith(prefixes)}
    return Session(
        config=config,
        X=_frozen(X),
        y=_frozen(y),
        test=_frozen(test),
        params=_params(_group(arrays, "params"), config, initial=False),
        initial=_params(_group(arrays, "initial"), config, initial=True),
        iteration=iteration,
        losses=_frozen(losses),
        data_losses=_frozen(data_losses),
        state=status["state"],
        reason=reason,
        metrics=metrics,
        checkpoints=checkpoints,
        state_arrays=_group(arrays, "state"),
        extra_arrays=extra,
        info=info,
    )
