"""The committed icons: equivalent to their SVG within a rendering tolerance, so that neither the
build nor a developer's run of make_icons.py on another machine rewrites them."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "resources" / "make_icons.py"

pytest.importorskip("PySide6.QtSvg")


@pytest.fixture(scope="module")
def make_icons():
    spec = importlib.util.spec_from_file_location("make_icons", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _run(*args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.run([sys.executable, str(SCRIPT), *args], capture_output=True, text=True,
                          env=env, timeout=120, check=False)


def test_the_committed_icons_pass_the_check_and_a_run_writes_nothing(make_icons) -> None:
    outputs = sorted(ROOT.glob("resources/spiral-gui*")) + sorted(
        p for p in ROOT.glob("spiral_gui/resources/*") if p.is_file()  # not translations/
    )
    before = {p: (p.stat().st_mtime_ns, p.read_bytes()) for p in outputs}
    check = _run("--check")
    assert check.returncode == 0, check.stdout + check.stderr
    run = _run()
    assert run.returncode == 0 and "wrote" not in run.stdout, run.stdout
    assert {p: (p.stat().st_mtime_ns, p.read_bytes()) for p in outputs} == before


def _perturbed(png: bytes, delta: int, size: int | None = None) -> bytes:
    import numpy as np
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QImage

    image = QImage.fromData(png, "PNG").convertToFormat(QImage.Format.Format_RGBA8888_Premultiplied)
    if size is not None:
        image = image.scaled(size, size)
    w, h, line = image.width(), image.height(), image.bytesPerLine()
    view = np.frombuffer(image.bits(), np.uint8).reshape(h, line)[:, : 4 * w]
    rgba = view.reshape(h, w, 4).astype(np.int16)
    opaque = rgba[..., 3] == 255
    rgba[..., :3][opaque] += np.where(rgba[..., :3][opaque] < 128, delta, -delta)
    view[...] = rgba.reshape(h, 4 * w).astype(np.uint8)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def test_a_rendering_one_level_off_counts_as_the_same_picture(qapp, make_icons) -> None:
    png = (ROOT / "resources" / "spiral-gui-64.png").read_bytes()
    assert make_icons.same_picture(png, _perturbed(png, 1))
    assert not make_icons.same_picture(png, _perturbed(png, 40))
    assert not make_icons.same_picture(png, _perturbed(png, 0, size=63))


def test_ico_and_icns_are_compared_entry_by_entry(qapp, make_icons) -> None:
    for name, count in (("spiral-gui.ico", len(make_icons.ICO_SIZES)), ("spiral-gui.icns", 11)):
        path = ROOT / "resources" / name
        entries = make_icons.png_entries(path, path.read_bytes())
        assert len(entries) == count
        assert all(make_icons.pixels(e) is not None for e in entries)
