"""Render the app icon from resources/spiral-gui.svg into every format the platforms want.

    python resources/make_icons.py           # (re)write what is missing or out of date
    python resources/make_icons.py --check   # exit 1 if any output is missing or stale
    python resources/make_icons.py --force   # rewrite every output

Run it by hand after changing the SVG, and commit the results: the build only checks them
(`--check`) and never rewrites committed files.

Writes, next to the SVG:
    spiral-gui-<N>.png  for N in 16 24 32 48 64 128 256 512 (Linux menus, the window icon)
    spiral-gui.ico      PNG-compressed entries 16..256 (the Windows executable)
    spiral-gui.icns     PNG entries 16..1024 (the macOS bundle)
and copies the SVG and the PNGs into spiral_gui/resources/, shipped as package data, where
the window finds them next to its own package (main_window.RESOURCES).

Rendering uses Qt (QSvgRenderer into a QImage), already a dependency of the app; the .ico and
.icns containers are written here directly, both being a short header and a table of PNGs.
Qt's anti-aliasing differs by a level or so between machines and Qt builds, so a PNG counts as
up to date when it has the same size and every premultiplied channel of every pixel is within
`TOLERANCE` levels (of 255) of a fresh rendering; the .ico and .icns are compared entry by entry
in the same way, and the copied SVG byte for byte. Up-to-date files are never rewritten, so a
run on another machine leaves a clean tree.
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
#: Largest difference of one channel of one pixel, in levels of 255, between equivalent renderings.
TOLERANCE = 4
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


def png_entries(path: Path, data: bytes) -> list[bytes]:
    """The PNG images inside an output: the file itself, or the entries of an .ico / .icns."""
    if path.suffix == ".ico":
        _, _, count = struct.unpack_from("<HHH", data, 0)
        out = []
        for i in range(count):
            size, offset = struct.unpack_from("<II", data, 6 + 16 * i + 8)
            out.append(data[offset : offset + size])
        return out
    if path.suffix == ".icns":
        out, pos = [], 8
        while pos + 8 <= len(data):
            length = struct.unpack_from(">I", data, pos + 4)[0]
            out.append(data[pos + 8 : pos + length])
            pos += max(length, 8)
        return out
    return [data]


def pixels(png: bytes):
    """(width, height, RGBA bytes) of a PNG, or None if it does not decode."""
    from PySide6.QtGui import QImage

    image = QImage.fromData(png, "PNG")
    if image.isNull():
        return None
    # Premultiplied: a nearly transparent pixel's colour may differ a lot and show nothing.
    image = image.convertToFormat(QImage.Format.Format_RGBA8888_Premultiplied)
    w, h = image.width(), image.height()
    line = image.bytesPerLine()
    raw = bytes(image.constBits())[: line * h]
    return w, h, b"".join(raw[y * line : y * line + 4 * w] for y in range(h))


def same_picture(a: bytes, b: bytes, tolerance: int = TOLERANCE) -> bool:
    """Whether two PNGs show the same picture: same size, every channel within `tolerance`."""
    if a == b:
        return True
    pa, pb = pixels(a), pixels(b)
    if pa is None or pb is None or pa[:2] != pb[:2]:
        return False
    import numpy as np

    diff = np.abs(np.frombuffer(pa[2], np.uint8).astype(np.int16) - np.frombuffer(pb[2], np.uint8))
    return int(diff.max(initial=0)) <= tolerance


def up_to_date(path: Path, data: bytes) -> bool:
    """Whether the file at `path` is equivalent to freshly rendered `data` (see TOLERANCE)."""
    if not path.is_file():
        return False
    old = path.read_bytes()
    if old == data:
        return True
    if path.suffix not in (".png", ".ico", ".icns"):
        return False
    olds, news = png_entries(path, old), png_entries(path, data)
    return len(olds) == len(news) and all(same_picture(o, n) for o, n in zip(olds, news, strict=True))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--check", action="store_true", help="change nothing; exit 1 if anything is stale")
    mode.add_argument("--force", action="store_true", help="rewrite every output, even equivalent ones")
    args = parser.parse_args(argv)

    sizes = set(PNG_SIZES) | set(ICO_SIZES) | {size for _, size in ICNS_TYPES}
    files = outputs(render_pngs(SVG, sizes))
    stale = [p for p, data in files.items() if args.force or not up_to_date(p, data)]
    for path in stale:
        rel = path.relative_to(ROOT)
        if args.check:
            print(f"stale: {rel}")
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(files[path])
        print(f"wrote {rel}")
    if args.check and stale:
        print("run: python resources/make_icons.py, then commit the icons", file=sys.stderr)
        return 1
    if not stale:
        print(f"icons up to date ({len(files)} files)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
