"""Export a run as an animation (animated GIF, or WebP where Pillow can write it), for slides.

Each frame shows one kept checkpoint of the timeline: its decision regions under the training
points, beside the loss curve up to that iteration with a marker, and the iteration, loss and
accuracy. At most `MAX_FRAMES` frames, spread evenly over the kept checkpoints, `WIDTH` pixels
wide.

`render_animation` does the work with NumPy, the engine's `predict_grid` and Pillow, and imports
no Qt: it runs on a pool thread (`AnimationJob`), checks a cancel flag between frames and
writes to a temporary file in the target folder. The GUI thread renames that file into place
(`os.replace`) only if the export finished and was not cancelled, and removes it otherwise, so
a cancelled or failed export leaves no partial file. Knows nothing of the runner or the window.
"""

from __future__ import annotations

import math
import os
import tempfile
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFont, features
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from ..engine.grid import GridSpec, predict_grid
from ..engine.replay import accuracy_and_active

#: The most frames an animation has.
MAX_FRAMES = 200
#: Frame width and height in pixels (16:9 for slides).
WIDTH, HEIGHT = 640, 360
#: Milliseconds each frame shows; the last one stays longer.
FRAME_MS, LAST_FRAME_MS = 80, 2000
#: Cells per axis of the regions in a frame.
CELLS = 160
#: At most this many points are drawn per frame (an even subsample above it).
MAX_POINTS = 3000


def formats() -> list[str]:
    """The file suffixes this machine can write: gif always, webp if Pillow has it."""
    return ["gif", "webp"] if features.check("webp") else ["gif"]


@dataclass(frozen=True)
class AnimationInput:
    """Everything one export needs, copied on the GUI thread (read-only afterwards)."""

    checkpoints: Mapping[str, np.ndarray]  # Timeline.arrays(): iteration and stacked params
    X: np.ndarray
    y: np.ndarray
    k: int
    activation: str
    losses: np.ndarray  # (3, m): iteration, total loss, data loss (the curve)
    region_colours: np.ndarray  # (>= k, 3) uint8, the regions' colours per class
    point_colours: np.ndarray  # (k, 3) uint8
    log_y: bool = False


class Cancelled(Exception):  # noqa: N818 (control flow)
    """The user cancelled the export."""


def pick_frames(iterations: np.ndarray, count: int = MAX_FRAMES) -> np.ndarray:
    """Row indices of at most `count` checkpoints spread evenly in iteration, first and last kept."""
    n = iterations.size
    if n <= count:
        return np.arange(n)
    targets = np.linspace(float(iterations[0]), float(iterations[-1]), count)
    rows = np.clip(np.searchsorted(iterations, targets), 0, n - 1)
    before = np.clip(rows - 1, 0, n - 1)
    closer = np.abs(iterations[before] - targets) <= np.abs(iterations[rows] - targets)
    return np.unique(np.where(closer, before, rows))


def render_animation(
    data: AnimationInput,
    path: Path,
    progress: Callable[[int, int], None] = lambda done, total: None,
    cancelled: Callable[[], bool] = lambda: False,
) -> int:
    """Write the animation to `path` (format by suffix: .gif or .webp); returns the frame count.

    Raises `Cancelled` when `cancelled()` answers True between frames.
    """
    its = np.asarray(data.checkpoints["iteration"])
    rows = pick_frames(its)
    grid = GridSpec.over(data.X, CELLS)
    names = [n for n in data.checkpoints if n != "iteration"]
    painter = _FramePainter(data, grid)
    frames: list[Image.Image] = []
    for done, row in enumerate(rows):
        if cancelled():
            raise Cancelled
        params = {n: np.asarray(data.checkpoints[n][row]) for n in names}
        regions = predict_grid(params, grid, np.float32, data.activation)
        accuracy, _ = accuracy_and_active(params, data.X, data.y, data.activation)
        frames.append(painter.frame(int(its[row]), regions, accuracy))
        progress(done + 1, len(rows))
    if cancelled():
        raise Cancelled
    durations = [FRAME_MS] * (len(frames) - 1) + [LAST_FRAME_MS]
    if path.suffix.lower() == ".webp":
        frames[0].save(path, format="WEBP", save_all=True, append_images=frames[1:],
                       duration=durations, loop=0, quality=85, method=4)
    else:
        frames[0].save(path, format="GIF", save_all=True, append_images=frames[1:],
                       duration=durations, loop=0, optimize=False, disposal=1)
    return len(frames)


class _FramePainter:
    """Draws frames: regions and points on the left, the loss curve and numbers on the right."""

    def __init__(self, data: AnimationInput, grid: GridSpec) -> None:
        self.data = data
        self.side = HEIGHT - 20  # the square of the regions
        x0, y0, w, h = grid.rect
        stride = max(1, -(-data.X.shape[0] // MAX_POINTS))
        X, y = data.X[::stride], data.y[::stride]
        self.px = 10 + (X[:, 0] - x0) / w * self.side
        self.py = 10 + (1 - (X[:, 1] - y0) / h) * self.side
        self.labels = y.astype(int)
        self.lut = np.full((256, 3), 255, dtype=np.uint8)
        self.lut[: len(data.region_colours)] = data.region_colours
        self.font = ImageFont.load_default(size=15)
        self.small = ImageFont.load_default(size=12)
        # The loss panel, to the right of the regions.
        self.left, self.top = self.side + 40, 40
        self.right, self.bottom = WIDTH - 12, HEIGHT - 70
        it, total = data.losses[0], data.losses[1]
        self.curve_it = it
        self.curve = np.log10(np.maximum(total, 1e-12)) if data.log_y else total
        finite = self.curve[np.isfinite(self.curve)]
        self.lo = float(finite.min()) if finite.size and data.log_y else 0.0
        self.hi = float(finite.max()) if finite.size else 1.0
        if self.hi <= self.lo:
            self.hi = self.lo + 1.0
        self.last = max(float(it[-1]) if it.size else 1.0, float(data.checkpoints["iteration"][-1]), 1.0)

    def _xy(self, iteration: np.ndarray, value: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        x = self.left + iteration / self.last * (self.right - self.left)
        y = self.bottom - (value - self.lo) / (self.hi - self.lo) * (self.bottom - self.top)
        return x, y

    def frame(self, iteration: int, regions: np.ndarray, accuracy: float) -> Image.Image:
        img = Image.new("RGB", (WIDTH, HEIGHT), "white")
        rgb = self.lut[regions[::-1]]  # row 0 is the lowest y: flip for an image
        img.paste(Image.fromarray(rgb).resize((self.side, self.side), Image.Resampling.NEAREST), (10, 10))
        draw = ImageDraw.Draw(img)
        colours = self.data.point_colours
        r = 3 if self.px.size <= 1000 else 2
        for x, y, c in zip(self.px, self.py, self.labels, strict=True):
            draw.ellipse((x - r, y - r, x + r, y + r), fill=tuple(int(v) for v in colours[c]),
                         outline=(40, 40, 40))
        self._loss_panel(draw, iteration, accuracy)
        return img

    def _loss_panel(self, draw: ImageDraw.ImageDraw, iteration: int, accuracy: float) -> None:
        left, top, right, bottom = self.left, self.top, self.right, self.bottom
        draw.rectangle((left, top, right, bottom), outline=(150, 150, 150))
        draw.text((left, 12), "loss" + (" (log scale)" if self.data.log_y else ""), fill=(40, 40, 40),
                  font=self.font)
        upto = int(np.searchsorted(self.curve_it, iteration, side="right"))
        if upto > 1:
            step = max(1, upto // 600)
            x, y = self._xy(self.curve_it[:upto:step], self.curve[:upto:step])
            ok = np.isfinite(y)
            points = list(zip(x[ok].tolist(), y[ok].tolist(), strict=True))
            if len(points) > 1:
                draw.line(points, fill=(50, 136, 189), width=2)
        mx = left + iteration / self.last * (right - left)
        draw.line((mx, top, mx, bottom), fill=(60, 60, 60), width=1)
        draw.text((left, bottom + 4), "0", fill=(90, 90, 90), font=self.small)
        end = f"{int(self.last):,}"
        draw.text((right - draw.textlength(end, font=self.small), bottom + 4), end, fill=(90, 90, 90),
                  font=self.small)
        loss = self._loss_at(iteration)
        lines = [f"iteration {iteration:,}",
                 f"loss {loss:.4f}" if math.isfinite(loss) else "loss –",
                 f"training accuracy {accuracy:.0%}"]
        for i, text in enumerate(lines):
            draw.text((left, bottom + 20 + 16 * i), text, fill=(20, 20, 20), font=self.small)

    def _loss_at(self, iteration: int) -> float:
        it, total = self.data.losses[0], self.data.losses[1]
        j = int(np.searchsorted(it, iteration))
        if j < it.size and it[j] == iteration:
            return float(total[j])
        return float(total[-1]) if it.size and iteration > it[-1] else math.nan


# -- off the GUI thread --------------------------------------------------------------------------
class _Relay(QObject):
    progress = Signal(int, int)
    done = Signal(str)  # "" on success, else the error (or "cancelled")


class _Task(QRunnable):
    def __init__(self, job: AnimationJob) -> None:
        super().__init__()
        self.job = job

    def run(self) -> None:
        job = self.job
        try:
            render_animation(job.data, job.temp, job.relay.progress.emit, job.cancel_event.is_set)
        except Cancelled:
            job.relay.done.emit("cancelled")
        except Exception as exc:
            job.relay.done.emit(str(exc) or type(exc).__name__)
        else:
            job.relay.done.emit("")


class AnimationJob(QObject):
    """One export in progress. `progress(done, total)` and `finished(error)` arrive on the GUI
    thread; `error` is "" when the file is in place, "cancelled" or the reason otherwise."""

    progress = Signal(int, int)
    finished = Signal(str)

    def __init__(self, data: AnimationInput, path: str | Path, pool: QThreadPool,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.data = data
        self.path = Path(path)
        if self.path.suffix.lower().lstrip(".") not in formats():
            self.path = self.path.with_suffix(".gif")
        fd, temp = tempfile.mkstemp(prefix=f".{self.path.stem}-", suffix=self.path.suffix,
                                    dir=self.path.parent)
        os.close(fd)
        mask = os.umask(0)
        os.umask(mask)
        os.chmod(temp, 0o666 & ~mask)  # the permissions of any new file, not mkstemp's 0600
        self.temp = Path(temp)
        self.cancel_event = threading.Event()
        self.result: str | None = None  #: None while running
        self.relay = _Relay()
        self.relay.progress.connect(self.progress)
        self.relay.done.connect(self._on_done)
        pool.start(_Task(self))

    def cancel(self) -> None:
        """Stop between frames; the file is not written (decided on the GUI thread)."""
        self.cancel_event.set()

    @Slot(str)
    def _on_done(self, error: str) -> None:
        if not error and self.cancel_event.is_set():
            error = "cancelled"
        if not error:
            try:
                os.replace(self.temp, self.path)
            except OSError as exc:
                error = str(exc)
        if error:
            self.temp.unlink(missing_ok=True)
        self.result = error
        self.finished.emit(error)
