"""Render the app icon from resources/spiral-gui.svg into every format the platforms want.

    python resources/make_icons.py           # (re)write what is missing or out of date
    python resources/make_icons.py --check   # exit 1 if any output is missing or stale

Writes, next to the SVG:
    spiral-gui-<N>.png  for N in 16 24 32 48 64 128 256 512 (Linux menus, the window icon)
    spiral-gui.ico      PNG-compressed entries 16..256 (the Windows executable)
    spiral-gui.icns     PNG entries 16..1024 (the macOS bundle)
and copies the SVG and the PNGs into spiral_gui/resources/, shipped as package data, where
the window finds them next to its own package (main_window.RESOURCES).

Rendering uses Qt (QSvgRenderer into a QImage), already a dependency of the app; the .ico and
.icns containers are written here directly, both being a short header and a table of PNGs.
A file is only rewritten when its bytes change, so a second run touches nothing.
"""

from __future__ import annotations

import argparse
import os
import struct
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SVG = HERE / "spiral-gui.svg"
PACKAGE_DIR = ROOT / "spiral_gui" / "resources"

PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# ICNS element types that hold a PNG, and the pixel size of each.
ICNS_TYPES = (
    (b"icp4", 16),
    (b"icp5", 32),
    (b"icp6", 64),
    (b"ic07", 128),
    (b"ic08", 256),
    (b"ic09", 512),
    (b"ic10", 1024),
    (b"ic11", 32),
    (b"ic12", 64),
    (b"ic13", 256),
    (b"ic14", 512),
)


def render_pngs(svg: Path, sizes: set[int]) -> dict[int, bytes]:
    """PNG bytes of the SVG drawn at each size (square, transparent outside the shape).

    Quality 0 is Qt's strongest (lossless) PNG compression.
    """
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841 (kept alive)
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"{svg}: not a valid SVG")
    out = {}
    for size in sorted(sizes):
        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        renderer.render(painter)
        painter.end()
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        if not image.convertToFormat(QImage.Format.Format_ARGB32).save(buffer, "PNG", 0):
            raise SystemExit(f"could not encode the {size}px PNG")
        buffer.close()
        out[size] = bytes(data.data())
    return out


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    """A Windows .ico: ICONDIR, one ICONDIRENTRY per size, then the PNG images (Vista and later)."""
    header = struct.pack("<HHH", 0, 1, len(ICO_SIZES))
    offset = len(header) + 16 * len(ICO_SIZES)
    entries, images = b"", b""
    for size in ICO_SIZES:
        data = pngs[size]
        side = 0 if size >= 256 else size  # 0 means 256
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(data), offset)
        images += data
        offset += len(data)
    return header + entries + images


def icns_bytes(pngs: dict[int, bytes]) -> bytes:
    """An Apple .icns: the 'icns' magic and total length, then (type, length, PNG) elements."""
    body = b"".join(kind + struct.pack(">I", 8 + len(pngs[size])) + pngs[size] for kind, size in ICNS_TYPES)
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def outputs(pngs: dict[int, bytes]) -> dict[Path, bytes]:
    svg = SVG.read_bytes()
    files = {HERE / f"spiral-gui-{n}.png": pngs[n] for n in PNG_SIZES}
    files[HERE / "spiral-gui.ico"] = ico_bytes(pngs)
    files[HERE / "spiral-gui.icns"] = icns_bytes(pngs)
    files[PACKAGE_DIR / "spiral-gui.svg"] = svg
    files.update({PACKAGE_DIR / f"spiral-gui-{n}.png": pngs[n] for n in PNG_SIZES})
    return files


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="change nothing; exit 1 if anything is stale")
    args = parser.parse_args(argv)

    sizes = set(PNG_SIZES) | set(ICO_SIZES) | {size for _, size in ICNS_TYPES}
    files = outputs(render_pngs(SVG, sizes))
    stale = [p for p, data in files.items() if not p.is_file() or p.read_bytes() != data]
    for path in stale:
        rel = path.relative_to(ROOT)
        if args.check:
            print(f"stale: {rel}")
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(files[path])
        print(f"wrote {rel}")
    if args.check and stale:
        print("run: python resources/make_icons.py", file=sys.stderr)
        return 1
    if not stale:
        print(f"icons up to date ({len(files)} files)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
