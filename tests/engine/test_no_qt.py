"""The engine and the CLI must run where Qt is absent: importing them must not load it."""

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
QT_ROOTS = {"PySide6", "pyqtgraph", "shiboken6", "PyQt5", "PyQt6"}

PROBE = """
import json, sys
import spiral_gui.engine, spiral_gui.cli, spiral_gui.engine.snapshot, spiral_gui.engine.grid
from spiral_gui.cli import main
code = main(["--model", "linear", "--iters", "3"])
loaded = sorted(m for m in sys.modules if m.split(".")[0] in {roots!r})
print(json.dumps({{"code": code, "loaded": loaded}}))
"""


def test_engine_and_cli_import_no_qt():
    result = subprocess.run(
        [sys.executable, "-c", PROBE.format(roots=QT_ROOTS)],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.splitlines()[-1])
    assert report == {"code": 0, "loaded": []}
    assert "PySide6" not in result.stdout and "pyqtgraph" not in result.stdout


def _imported_roots(path: Path) -> set[str]:
    roots = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            roots |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            roots.add(node.module.split(".")[0])
            if node.module.startswith("spiral_gui.ui"):
                roots.add("spiral_gui.ui")
    return roots


SOURCES = [
    *sorted((REPO / "spiral_gui" / "engine").glob("*.py")),
    REPO / "spiral_gui" / "cli.py",
    REPO / "spiral_gui" / "__init__.py",
]
TESTS = sorted(Path(__file__).parent.glob("*.py"))


@pytest.mark.parametrize("path", SOURCES + TESTS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_no_qt_import_statement_anywhere(path):
    """Also catches imports inside functions, which the probe above would not execute."""
    assert not _imported_roots(path) & (QT_ROOTS | {"spiral_gui.ui"})
