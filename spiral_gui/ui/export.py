"""Export a plot view to PNG (at twice its on-screen resolution, for slides) or SVG, by extension.

Renders a given widget to a file; knows nothing of the window, the runner or snapshots.

Nothing is ever half-written: the picture is encoded in memory, then written to a temporary
file next to the target, flushed to the disk and renamed over it, so an old file survives a
full disk untouched and no partial file is left. A failure raises `ExportError` with the
system's own reason ("No space left on device"), and any warning Qt printed while rendering
goes into that message instead of the console. `target_for` turns the name a user gave into the
file actually written (an extension added, a default name inside a folder, never an unconfirmed
existing file replaced). PNGs are capped at `MAX_EXPORT_PIXELS` on the long side.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyqtgraph as pg
import pyqtgraph.exporters
from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QIODevice,
    QRect,
    QtMsgType,
    qInstallMessageHandler,
)
from PySide6.QtGui import QPainter
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QWidget

#: The longest side of an exported PNG, in pixels: a huge window exports at most this size
#: (a 10000-pixel window at twice its resolution would take seconds and gigabytes).
MAX_EXPORT_PIXELS = 4096
#: PNG pixels per on-screen device pixel.
PNG_SCALE = 2.0
#: Extensions of other picture and document formats: such a name gets .png instead of them.
_REPLACED_SUFFIXES = frozenset(
    {".jpg", ".jpeg", ".bmp", ".gif", ".tif", ".tiff", ".webp", ".pdf", ".eps", ".ps", ".ico", ".xpm"}
)
FORMATS = (".png", ".svg")
translate = QCoreApplication.translate


class ExportError(OSError):
    """An export that wrote nothing (an older file at the target is left as it was)."""


@dataclass(frozen=True, slots=True)
class Target:
    """The file an export will write, and how it came from the name asked for."""

    path: Path
    asked: Path
    #: The name was changed (an extension added or replaced, a default name in a folder).
    changed: bool
    #: A file already at the changed name was kept: `path` is a new, numbered name.
    kept_existing: Path | None = None


@dataclass(frozen=True, slots=True)
class Exported:
    """What was written: the file, its size in pixels (PNG) and whether the size was capped."""

    path: Path
    width: int = 0
    height: int = 0
    capped: bool = False


def target_for(asked: str | Path, default_name: str, default_suffix: str = ".png") -> Target:
    """The file to write for the name `asked`.

    A folder gets `default_name` + `default_suffix` inside it; a name without .png or .svg gets
    `default_suffix` added (a picture extension such as .jpg is replaced). A file the user did
    not name exactly is never replaced: an existing one keeps its place and the export gets a
    numbered name ("loss-curve-2.png").
    """
    asked = Path(asked).expanduser()
    if default_suffix not in FORMATS:
        raise ValueError(f"default_suffix must be one of {FORMATS}")
    if asked.is_dir():
        path = asked / f"{default_name}{default_suffix}"
    elif asked.suffix.lower() in FORMATS:
        return Target(asked, asked, changed=False)
    elif asked.suffix.lower() in _REPLACED_SUFFIXES:
        path = asked.with_suffix(default_suffix)
    else:
        path = asked.with_name(asked.name + default_suffix)
    if not (path.exists() or path.is_symlink()):
        return Target(path, asked, changed=True)
    return Target(_free_name(path), asked, changed=True, kept_existing=path)


def _free_name(path: Path) -> Path:
    for i in range(2, 10_000):
        candidate = path.with_name(f"{path.stem}-{i}{path.suffix}")
        if not (candidate.exists() or candidate.is_symlink()):
            return candidate
    raise ExportError(errno.EEXIST, translate("export", "too many files named like {0}").format(path.name))


def export_plot(view: pg.PlotWidget, path: str | Path) -> Path:
    """Save `view` as SVG if `path` ends in .svg, else as PNG; returns the file written.

    `path` is taken as confirmed: an existing file there is replaced. Another name is made into
    one by `target_for` first (a .png is added; an existing file at that name is kept).
    """
    target = target_for(path, view.objectName() or "plot")
    return export_view(view, target.path).path


def export_view(view: pg.PlotWidget, path: Path) -> Exported:
    """Write `view` to exactly `path` (.svg: SVG, else PNG); ExportError if nothing was written."""
    path = Path(path)
    _check_writable(path)
    with qt_warnings() as warnings:
        try:
            if path.suffix.lower() == ".svg":
                data, result = _svg_bytes(view), Exported(path)
            else:
                data, result = _png_bytes(view, path)
        except Exception as exc:  # pyqtgraph raises plain Exceptions
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            code = exc.errno if isinstance(exc, OSError) and exc.errno else errno.EIO
            raise ExportError(code, with_warnings(reason, warnings), str(path)) from None
    write_atomically(path, data)
    return result


# -- rendering into memory ------------------------------------------------------------------------
def png_size(view: QWidget, source_width: float, source_height: float) -> tuple[int, int, bool]:
    """Pixels of the PNG of a `source_width` × `source_height` area of `view` (logical pixels):
    twice the device pixels it takes on screen, at most MAX_EXPORT_PIXELS on the long side."""
    scale = PNG_SCALE * max(1.0, float(view.devicePixelRatioF()))
    longest = max(source_width, source_height, 1.0)
    capped = scale * longest > MAX_EXPORT_PIXELS
    if capped:
        scale = MAX_EXPORT_PIXELS / longest
    return max(1, round(source_width * scale)), max(1, round(source_height * scale)), capped


def _png_bytes(view: pg.PlotWidget, path: Path) -> tuple[bytes, Exported]:
    exporter = pg.exporters.ImageExporter(view.getPlotItem())
    source = exporter.getTargetRect()
    width, height, capped = png_size(view, source.width(), source.height())
    params = exporter.parameters()
    params.param("width").setValue(width, blockSignal=exporter.widthChanged)
    params.param("height").setValue(height, blockSignal=exporter.heightChanged)
    params["antialias"] = True
    image = exporter.export(toBytes=True)
    if image is None or image.isNull():
        text = translate("export", "the picture could not be drawn ({0} × {1} pixels)")
        raise ExportError(errno.ENOMEM, text.format(width, height))
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise ExportError(errno.EIO, translate("export", "the picture could not be encoded as PNG"))
    data = bytes(buffer.data().data())
    return data, Exported(path, image.width(), image.height(), capped)


def _svg_bytes(view: QWidget) -> bytes:
    """Vector SVG through Qt's own generator.

    pyqtgraph 0.14's SVGExporter cannot parse the path syntax that Qt 6.11's QSvgGenerator
    writes (it raises in correctCoordinates), so the view is rendered into the generator itself.
    """
    array = QByteArray()
    buffer = QBuffer(array)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    generator = QSvgGenerator()
    generator.setOutputDevice(buffer)
    generator.setSize(view.size())
    generator.setViewBox(QRect(0, 0, view.width(), view.height()))
    generator.setTitle(f"Spiral GUI — {view.objectName().replace('_', ' ')}")
    painter = QPainter()
    if not painter.begin(generator):
        raise ExportError(errno.EIO, translate("export", "the drawing could not be started"))
    try:
        # A plot view is a QGraphicsView, whose render(painter) the QWidget stubs do not know.
        view.render(painter)  # type: ignore[call-overload]
    finally:
        ended = painter.end()
    buffer.close()
    data = bytes(array.data())
    if not ended or not data:
        raise ExportError(errno.EIO, translate("export", "the drawing could not be completed"))
    return data


@contextlib.contextmanager
def qt_warnings() -> Iterator[list[str]]:
    """Qt's warnings in this block (libpng's, say) are kept in the list it yields, for the
    user's message, instead of being printed on the console."""
    caught: list[str] = []

    def handler(mode: QtMsgType, _context: Any, message: str) -> None:
        if mode not in (QtMsgType.QtDebugMsg, QtMsgType.QtInfoMsg):
            caught.append(message)

    previous = qInstallMessageHandler(handler)
    try:
        yield caught
    finally:
        qInstallMessageHandler(previous)


def with_warnings(reason: str, warnings: list[str]) -> str:
    """`reason`, followed by the distinct warnings Qt gave (cut short)."""
    if not warnings:
        return reason
    return f"{reason} ({'; '.join(dict.fromkeys(w.strip() for w in warnings))[:500]})"


# -- writing --------------------------------------------------------------------------------------
def _check_writable(path: Path) -> None:
    """Fail early, before rendering, where the file cannot be written at all."""
    real = Path(os.path.realpath(path))
    if real.is_dir():
        raise ExportError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
    folder = real.parent
    if not folder.is_dir():
        raise ExportError(errno.ENOENT, translate("export", "the folder {0} does not exist").format(folder),
                          str(path))
    if real.exists() and not os.access(real, os.W_OK):
        raise ExportError(errno.EACCES, translate("export", "the file is read-only"), str(path))
    if not real.exists() and not os.access(folder, os.W_OK | os.X_OK):
        text = translate("export", "the folder {0} cannot be written")
        raise ExportError(errno.EACCES, text.format(folder), str(path))


def write_atomically(path: Path, data: bytes) -> None:
    """Put `data` at `path` whole or not at all.

    A symbolic link is followed (the file it points to is replaced, the link stays). A regular
    file is written next to the target under a temporary name, flushed and renamed over it
    (keeping an existing file's permissions); a device or pipe is written directly.
    """
    real = Path(os.path.realpath(path))
    try:
        mode = real.stat().st_mode
    except FileNotFoundError:
        mode = None
    if mode is not None and not stat.S_ISREG(mode):
        try:
            with open(real, "wb") as f:
                f.write(data)
                f.flush()
        except OSError as exc:
            raise _export_error(exc, path) from None
        return
    temporary = real.with_name(f".{real.name}.{secrets.token_hex(4)}.part")
    try:
        fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    except OSError as exc:
        raise _export_error(exc, path) from None
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        if mode is not None:
            os.chmod(temporary, stat.S_IMODE(mode))
        os.replace(temporary, real)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise _export_error(exc, path) from None


def _export_error(exc: OSError, path: Path) -> ExportError:
    reason = exc.strerror or str(exc)
    return ExportError(exc.errno or errno.EIO, reason, str(path))
