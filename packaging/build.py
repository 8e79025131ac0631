"""Build the packaged app for this platform, then measure and self-test it.

    bash packaging/dev.sh bundle                 # the usual way (sets up .venv first)
    python packaging/build.py                    # one-folder bundle and one-file executable
    python packaging/build.py --onedir-only      # what CI runs: the one-folder bundle only
    python packaging/build.py --app-entry PATH   # freeze another script instead of the app

Steps: check that the committed icons match their SVG (resources/make_icons.py --check; the
build never rewrites committed files), check the desktop metadata, run
PyInstaller on packaging/spiral_gui.spec (output in packaging/dist/, work files in
packaging/build/), then print the sizes, check `--version`, and time `--self-test` of the
one-folder bundle (median of --runs runs, offscreen). The one-file executable gets one
self-test too. A bundle that passed is also packed as `<bundle>.tar.gz` with a
`<bundle>.tar.gz.sha256` beside it. Exit status: 0 if everything built and every self-test passed, 1 otherwise
(2 for bad arguments). The size and time bars are reported, not enforced: they depend on
the machine.
"""

from __future__ import annotations

import argparse
import ast
import configparser
import hashlib
import json
import os
import statistics
import subprocess
import sys
import tarfile
import time
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SPEC = HERE / "spiral_gui.spec"
DIST = HERE / "dist"
WORK = HERE / "build"
RESOURCES = ROOT / "resources"
APP_ID = "io.github.spiral_gui.SpiralGUI"

# Linux bars of the issue, in MB (10^6 bytes) and seconds.
ONEDIR_BAR_MB, ONEFILE_BAR_MB, START_BAR_S = 170, 80, 1.5
SELF_TEST_TIMEOUT_S = 120


def read_version() -> str:
    """__version__ from spiral_gui/__init__.py, parsed (importing the package is not needed)."""
    source = (ROOT / "spiral_gui" / "__init__.py").read_text(encoding="utf-8")
    for node in ast.parse(source).body:
        if isinstance(node, ast.Assign) and any(
            getattr(t, "id", None) == "__version__" for t in node.targets
        ):
            return ast.literal_eval(node.value)
    raise SystemExit("spiral_gui/__init__.py defines no __version__")


def step(title: str) -> None:
    print(f"\n== {title}", flush=True)


def check_metadata(version: str) -> list[str]:
    """Problems with the desktop entry and the AppStream metainfo (empty if none)."""
    problems = []
    desktop = configparser.ConfigParser(interpolation=None, strict=True)
    desktop.optionxform = str  # keys are case-sensitive
    try:
        desktop.read(RESOURCES / "spiral-gui.desktop", encoding="utf-8")
        entry = desktop["Desktop Entry"]
        for key in ("Type", "Name", "Exec", "Icon"):
            if not entry.get(key):
                problems.append(f"spiral-gui.desktop: no {key}=")
    except (configparser.Error, KeyError) as exc:
        problems.append(f"spiral-gui.desktop: {exc}")
    metainfo = RESOURCES / f"{APP_ID}.metainfo.xml"
    try:
        root = ET.parse(metainfo).getroot()
        if root.findtext("id") != APP_ID:
            problems.append(f"{metainfo.name}: <id> is not {APP_ID}")
        releases = [r.get("version") for r in root.iter("release")]
        if version not in releases:
            problems.append(f'{metainfo.name}: no <release version="{version}"> (has {releases})')
    except (ET.ParseError, OSError) as exc:
        problems.append(f"{metainfo.name}: not well-formed XML: {exc}")
    return problems


def tree_bytes(path: Path) -> int:
    """Bytes of the regular files under path (links not followed, not counted)."""
    if path.is_file():
        return path.stat().st_size
    total = 0
    for dirpath, _dirs, files in os.walk(path):
        for name in files:
            p = os.path.join(dirpath, name)
            if not os.path.islink(p):
                total += os.lstat(p).st_size
    return total


def children_cpu() -> float:
    """CPU seconds (user + system) used so far by finished child processes; 0 where unknown."""
    try:
        import resource
    except ImportError:  # Windows
        return 0.0
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_app(exe: Path, *args: str) -> tuple[int, str, float, float]:
    """Exit status, output (stdout then stderr), wall time and CPU time of one run, offscreen."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    cpu, start = children_cpu(), time.perf_counter()
    try:
        proc = subprocess.run(
            [str(exe), *args],
            capture_output=True,
            text=True,
            env=env,
            timeout=SELF_TEST_TIMEOUT_S,
            check=False,
        )
    except subprocess.TimeoutExpired as exc:
        out = exc.stdout.decode(errors="replace") if isinstance(exc.stdout, bytes) else (exc.stdout or "")
        wall = time.perf_counter() - start
        return 124, out + f"\n(timed out after {SELF_TEST_TIMEOUT_S} s)", wall, children_cpu() - cpu
    wall = time.perf_counter() - start
    return proc.returncode, (proc.stdout + proc.stderr).strip(), wall, children_cpu() - cpu


def archive(folder: Path) -> tuple[Path, Path]:
    """`<folder>.tar.gz` next to the folder (one top-level directory, owner root, modes kept) and
    `<folder>.tar.gz.sha256` in the format `sha256sum -c` checks. Returns both paths."""
    tar_path = folder.with_name(folder.name + ".tar.gz")

    def normalise(info: tarfile.TarInfo) -> tarfile.TarInfo:
        info.uid = info.gid = 0
        info.uname = info.gname = "root"
        return info

    with tarfile.open(tar_path, "w:gz") as tar:
        tar.add(folder, arcname=folder.name, filter=normalise)
    digest = hashlib.sha256()
    with tar_path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    sha_path = tar_path.with_name(tar_path.name + ".sha256")
    sha_path.write_text(f"{digest.hexdigest()}  {tar_path.name}\n", encoding="ascii")
    return tar_path, sha_path


def mark(ok: bool) -> str:
    return "ok" if ok else "OVER THE BAR"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build, measure and self-test the packaged Spiral GUI.")
    parser.add_argument(
        "--onedir-only", action="store_true", help="build the one-folder bundle only (no one-file executable)"
    )
    parser.add_argument(
        "--app-entry",
        type=Path,
        metavar="PATH",
        help="script to freeze instead of packaging/entry.py (which runs spiral_gui.ui.app:main)",
    )
    parser.add_argument("--runs", type=int, default=5, help="self-test runs to time (default 5)")
    parser.add_argument("--clean", action="store_true", help="let PyInstaller start from an empty cache")
    args = parser.parse_args(argv)
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    entry = (args.app_entry or HERE / "entry.py").resolve()
    if not entry.is_file():
        parser.error(f"app entry script not found: {entry}")
    version = read_version()
    linux = sys.platform.startswith("linux")

    step("Icons (checked, not rewritten)")
    icons = subprocess.run([sys.executable, str(RESOURCES / "make_icons.py"), "--check"], check=False)
    if icons.returncode != 0:
        print("the committed icons do not match resources/spiral-gui.svg", file=sys.stderr)
        return 1

    step("Desktop metadata")
    problems = check_metadata(version)
    for p in problems:
        print(f"  problem: {p}")
    if problems:
        return 1
    print("  spiral-gui.desktop and the metainfo are well-formed and name this version")

    step(
        f"PyInstaller ({'one-folder only' if args.onedir_only else 'one-folder and one-file'}), entry {entry}"
    )
    env = dict(os.environ, SPIRAL_APP_ENTRY=str(entry), SPIRAL_ONEFILE="0" if args.onedir_only else "1")
    cmd = [
        sys.executable,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--log-level",
        "WARN",
        "--distpath",
        str(DIST),
        "--workpath",
        str(WORK),
        *(["--clean"] if args.clean else []),
        str(SPEC),
    ]
    start = time.perf_counter()
    if subprocess.run(cmd, env=env, cwd=ROOT, check=False).returncode != 0:
        print("PyInstaller failed", file=sys.stderr)
        return 1
    print(f"  built in {time.perf_counter() - start:.0f} s")
    manifest = json.loads((WORK / "spiral_gui" / "bundle.json").read_text())
    onedir, exe = Path(manifest["onedir"]), Path(manifest["executable"])
    onefile = Path(manifest["onefile"]) if manifest["onefile"] else None

    failures = []
    step("Size")
    onedir_mb = tree_bytes(onedir) / 1e6
    bar = f" (Linux bar {ONEDIR_BAR_MB} MB: {mark(onedir_mb <= ONEDIR_BAR_MB)})" if linux else ""
    print(f"  one-folder  {onedir.relative_to(ROOT)}/  {onedir_mb:.1f} MB{bar}")
    if onefile:
        onefile_mb = tree_bytes(onefile) / 1e6
        bar = f" (Linux bar {ONEFILE_BAR_MB} MB: {mark(onefile_mb <= ONEFILE_BAR_MB)})" if linux else ""
        print(f"  one-file    {onefile.relative_to(ROOT)}  {onefile_mb:.1f} MB{bar}")
    if manifest.get("app"):
        print(f"  macOS app   {Path(manifest['app']).relative_to(ROOT)}")

    step("One-folder bundle: --version")
    rc, out, _, _ = run_app(exe, "--version")
    print(f"  {out or '(no output)'}")
    if rc != 0 or (out and out.splitlines()[-1].strip() != f"spiral-gui {version}"):
        failures.append(f"--version: exit {rc}, expected 'spiral-gui {version}'")

    step(f"One-folder bundle: --self-test x{args.runs} (QT_QPA_PLATFORM=offscreen)")
    times, cpus = [], []
    for i in range(args.runs):
        rc, out, wall, cpu = run_app(exe, "--self-test")
        times.append(wall)
        cpus.append(cpu)
        if rc != 0:
            print(out)
            failures.append(f"one-folder self-test run {i + 1}: exit {rc}")
            break
        if i == 0:
            print("  " + "\n  ".join(out.splitlines() or ["(no output)"]))
    if len(times) == args.runs and not failures:
        median = statistics.median(times)
        bar = f" (Linux bar {START_BAR_S} s: {mark(median <= START_BAR_S)})" if linux else ""
        print(
            f"  start-up: median {median:.2f} s of {args.runs} runs "
            f"[{' '.join(f'{t:.2f}' for t in times)}]{bar}"
        )
        if hasattr(os, "getloadavg"):
            # Wall time suffers when other work shares the cores; CPU time much less.
            print(
                f"  (CPU time median {statistics.median(cpus):.2f} s; "
                f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)"
            )

    if onefile:
        step("One-file executable: --self-test")
        rc, out, wall, _ = run_app(onefile, "--self-test")
        print("  " + "\n  ".join(out.splitlines() or ["(no output)"]))
        print(f"  {wall:.2f} s (it unpacks itself on every start)")
        if rc != 0:
            failures.append(f"one-file self-test: exit {rc}")

    if not failures:
        step("Archive of the one-folder bundle")
        tar_path, sha_path = archive(onedir)
        print(f"  {tar_path.relative_to(ROOT)}  {tree_bytes(tar_path) / 1e6:.1f} MB")
        print(f"  {sha_path.relative_to(ROOT)}  (check with: sha256sum -c {sha_path.name})")

    step("Result")
    if failures:
        for f in failures:
            print(f"  FAILED: {f}")
        return 1
    print(
        f"  Spiral GUI {version} ({manifest['tag']}) built and self-tested: {onedir.relative_to(ROOT)}/"
        + (f" and {onefile.relative_to(ROOT)}" if onefile else "")
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
