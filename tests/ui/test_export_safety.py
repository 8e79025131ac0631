"""Export never says "Exported" unless the whole file is there: read-only files, full disks,
links to full devices, names without an extension or naming a folder, high-DPI screens, huge
windows. Failures are told in the window (status bar and a non-modal warning), not the console."""

from __future__ import annotations

import contextlib
import os
import resource
import signal
import subprocess
import sys
from pathlib import Path

import pyqtgraph as pg
import pytest
from PySide6.QtCore import qWarning
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QMessageBox

from spiral_gui.ui.export import (
    MAX_EXPORT_PIXELS,
    ExportError,
    export_view,
    png_size,
    qt_warnings,
    target_for,
)
from spiral_gui.ui.export_dialog import export_to

ROOT = os.geteuid() == 0


def _status(window) -> str:
    return window.statusBar().currentMessage()


def _failure_box(window) -> QMessageBox:
    box = window.findChild(QMessageBox, "export_failed_box")
    assert box is not None, "no warning was shown"
    return box


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".part"))


@pytest.mark.skipif(ROOT, reason="running as root: a read-only file is writable anyway")
def test_read_only_file_is_reported_and_kept(window, tmp_path: Path) -> None:
    target = tmp_path / "regions.png"
    target.write_bytes(b"old picture")
    target.chmod(0o444)
    assert export_to(window, window.decision_view, target, "decision-regions") is None
    assert "Exported" not in _status(window)
    assert "read-only" in _status(window)
    assert target.read_bytes() == b"old picture"
    _failure_box(window).close()


def test_unwritable_folder_is_reported(window) -> None:
    """/proc cannot take a new file, even for root."""
    assert export_to(window, window.decision_view, "/proc/regions.png", "decision-regions") is None
    text = _status(window)
    assert "Exported" not in text and "/proc/regions.png" in text
    box = _failure_box(window)
    assert not box.isModal() and box.isVisible()
    assert box.text() == text
    box.close()


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full on this system")
def test_link_to_a_full_device_is_reported(window, tmp_path: Path) -> None:
    link = tmp_path / "regions.png"
    link.symlink_to("/dev/full")
    assert export_to(window, window.decision_view, link, "decision-regions") is None
    text = _status(window)
    assert "Exported" not in text
    assert os.strerror(28) in text  # "No space left on device"
    assert link.is_symlink() and os.readlink(link) == "/dev/full"
    assert _leftovers(tmp_path) == []
    _failure_box(window).close()


@contextlib.contextmanager
def file_size_limit(limit: int):
    """Files this process writes may not grow past `limit` bytes (the kernel refuses with EFBIG):
    a real write failure half-way through a file, as on a disk that fills up."""
    old_limit = resource.getrlimit(resource.RLIMIT_FSIZE)
    old_handler = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, old_limit[1]))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, old_limit)
        signal.signal(signal.SIGXFSZ, old_handler)


@pytest.mark.parametrize("suffix", [".png", ".svg"])
def test_full_disk_keeps_the_old_file_and_leaves_no_partial_file(window, tmp_path: Path, suffix: str) -> None:
    target = tmp_path / f"regions{suffix}"
    target.write_bytes(b"the old export")
    with file_size_limit(4096):
        result = export_to(window, window.decision_view, target, "decision-regions")
    assert result is None
    text = _status(window)
    assert "Exported" not in text
    assert os.strerror(27) in text  # "File too large": the kernel's own reason
    assert target.read_bytes() == b"the old export"
    assert sorted(p.name for p in tmp_path.iterdir()) == [target.name]  # no partial file
    _failure_box(window).close()


def test_export_replaces_a_confirmed_file_whole(window, tmp_path: Path) -> None:
    target = tmp_path / "regions.png"
    target.write_bytes(b"the old export")
    target.chmod(0o640)
    result = export_to(window, window.decision_view, target, "decision-regions")
    assert result is not None and result.path == target
    assert _status(window).startswith(f"Exported {target}")
    assert not QImage(str(target)).isNull()
    assert (target.stat().st_mode & 0o777) == 0o640  # the file's permissions are kept
    assert _leftovers(tmp_path) == []


def test_a_link_to_a_file_is_followed(window, tmp_path: Path) -> None:
    real = tmp_path / "real.png"
    real.write_bytes(b"old")
    link = tmp_path / "link.png"
    link.symlink_to(real)
    export_to(window, window.decision_view, link, "decision-regions")
    assert link.is_symlink()
    assert not QImage(str(real)).isNull()


# -- names ----------------------------------------------------------------------------------------
def test_names_become_sensible_files(tmp_path: Path) -> None:
    assert target_for(tmp_path / "plot", "loss-curve").path == tmp_path / "plot.png"
    assert target_for(tmp_path / "plot", "loss-curve", ".svg").path == tmp_path / "plot.svg"
    assert target_for(tmp_path / "plot.jpg", "loss-curve").path == tmp_path / "plot.png"
    assert target_for(tmp_path / "plot.JPEG", "loss-curve").path == tmp_path / "plot.png"
    assert target_for(tmp_path / "run 1.5", "loss-curve").path == tmp_path / "run 1.5.png"
    assert target_for(tmp_path / "plot.SVG", "loss-curve").path == tmp_path / "plot.SVG"
    folder = target_for(tmp_path, "loss-curve")
    assert folder.path == tmp_path / "loss-curve.png" and folder.changed
    exact = target_for(tmp_path / "plot.png", "loss-curve")
    assert exact.path == tmp_path / "plot.png" and not exact.changed


def test_a_changed_name_never_replaces_an_existing_file(window, tmp_path: Path) -> None:
    (tmp_path / "plot.png").write_bytes(b"keep me")
    (tmp_path / "decision-regions.png").write_bytes(b"keep me too")
    result = export_to(window, window.decision_view, tmp_path / "plot", "decision-regions")
    assert result is not None and result.path == tmp_path / "plot-2.png"
    assert (tmp_path / "plot.png").read_bytes() == b"keep me"
    assert f"Exported {tmp_path / 'plot-2.png'}" in _status(window)
    assert "plot.png already exists and was kept" in _status(window)
    result = export_to(window, window.decision_view, tmp_path, "decision-regions")
    assert result is not None and result.path == tmp_path / "decision-regions-2.png"
    assert (tmp_path / "decision-regions.png").read_bytes() == b"keep me too"
    assert not QImage(str(result.path)).isNull()


def test_the_message_names_the_file_written(window, tmp_path: Path) -> None:
    result = export_to(window, window.loss_view, tmp_path / "curve", "loss-curve", ".svg")
    assert result is not None and result.path == tmp_path / "curve.svg"
    assert _status(window) == f"Exported {tmp_path / 'curve.svg'}"
    assert "<svg" in result.path.read_text(encoding="utf-8")
    result = export_to(window, window.loss_view, tmp_path / "curve", "loss-curve")
    assert result is not None
    assert _status(window).startswith(f"Exported {tmp_path / 'curve.png'} (")


# -- size -----------------------------------------------------------------------------------------
def test_png_is_twice_the_device_pixels(qtbot, tmp_path: Path) -> None:
    view = pg.PlotWidget()
    qtbot.addWidget(view)
    view.resize(300, 200)
    assert png_size(view, 300, 200) == (600, 400, False)
    view.devicePixelRatioF = lambda: 2.0  # the arithmetic at a ratio this screen does not have
    assert png_size(view, 300, 200) == (1200, 800, False)


def test_png_at_device_pixel_ratio_2(tmp_path: Path) -> None:
    """A real high-DPI screen (Qt scaled by 2): the PNG is 2× its device pixels, 4× its points."""
    script = (
        "import sys\n"
        "from pathlib import Path\n"
        "from spiral_gui.ui.app import create_application\n"
        "app = create_application()\n"
        "import pyqtgraph as pg\n"
        "from spiral_gui.ui.export import export_view\n"
        "w = pg.PlotWidget(); w.resize(300, 200); w.show(); app.processEvents()\n"
        "r = export_view(w, Path(sys.argv[1]))\n"
        "print(w.devicePixelRatioF(), r.width, r.height)\n"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QT_SCALE_FACTOR="2")
    out = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path / "hidpi.png")],
        env=env, capture_output=True, text=True, timeout=60, check=True,
    ).stdout.split()
    assert out == ["2.0", "1200", "800"]
    image = QImage(str(tmp_path / "hidpi.png"))
    assert (image.width(), image.height()) == (1200, 800)


def test_export_of_a_huge_window_is_capped(window, qtbot, tmp_path: Path) -> None:
    view = pg.PlotWidget()
    qtbot.addWidget(view)
    assert png_size(view, 10_000, 10_000) == (MAX_EXPORT_PIXELS, MAX_EXPORT_PIXELS, True)
    view.resize(2_100, 700)  # twice that is past the cap
    view.show()
    qtbot.waitExposed(view)
    result = export_to(window, view, tmp_path / "huge.png", "loss-curve")
    assert result is not None and result.capped
    assert (result.width, result.height) == (MAX_EXPORT_PIXELS, round(700 * MAX_EXPORT_PIXELS / 2_100))
    image = QImage(str(result.path))
    assert (image.width(), image.height()) == (result.width, result.height)
    assert "reduced to 4,096 pixels on the long side" in _status(window)


def test_export_view_raises_with_the_reason(window, tmp_path: Path) -> None:
    with pytest.raises(ExportError) as info:
        export_view(window.loss_view, tmp_path / "missing" / "x.png")
    assert "does not exist" in str(info.value)


def test_qt_warnings_of_a_failed_export_reach_the_message_not_the_console(
    window, tmp_path: Path, monkeypatch
) -> None:
    """Qt's warnings while rendering go into the user's message. (pytest-qt fails any test whose
    Qt warnings reach the log, so this also shows none reached the console.)"""

    def fail(self, fileName=None, toBytes=False, copy=False):
        qWarning("QImage: out of memory, returning null image")
        return QImage()

    monkeypatch.setattr(pg.exporters.ImageExporter, "export", fail)
    target = tmp_path / "regions.png"
    assert export_to(window, window.decision_view, target, "decision-regions") is None
    text = _status(window)
    assert "Exported" not in text
    assert "could not be drawn" in text and "QImage: out of memory" in text
    assert not target.exists()
    _failure_box(window).close()
    with qt_warnings() as caught:
        qWarning("libpng error: Write Error")
    assert caught == ["libpng error: Write Error"]
