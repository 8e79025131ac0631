"""Reproducible installs: packaging/constraints.txt pins every dependency exactly, within the
ranges pyproject.toml keeps for pip users, and packaging/dev.sh installs with it, again whenever
it or pyproject.toml changes (and only then)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    tomllib = pytest.importorskip("tomli")

ROOT = Path(__file__).resolve().parents[2]
CONSTRAINTS = ROOT / "packaging" / "constraints.txt"


def _pins() -> list[Requirement]:
    lines = CONSTRAINTS.read_text(encoding="utf-8").splitlines()
    return [Requirement(line) for line in lines if line.strip() and not line.startswith("#")]


def _declared() -> list[Requirement]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    extras = project["optional-dependencies"]
    return [Requirement(r) for r in [*project["dependencies"], *extras["test"], *extras["package"]]]


def test_every_pin_is_exact() -> None:
    for pin in _pins():
        (spec,) = pin.specifier
        assert spec.operator == "==", pin


@pytest.mark.parametrize("python", ["3.10", "3.11", "3.12", "3.13"])
def test_every_declared_dependency_has_one_pin_in_its_range(python) -> None:
    env = {"python_version": python, "python_full_version": f"{python}.0"}
    pins = {}
    for pin in _pins():
        if pin.marker is None or pin.marker.evaluate(env):
            name = canonicalize_name(pin.name)
            assert name not in pins, f"two pins for {name} on Python {python}"
            pins[name] = next(iter(pin.specifier)).version
    for req in _declared():
        if req.marker is not None and not req.marker.evaluate(env):
            continue
        name = canonicalize_name(req.name)
        assert name in pins, f"{name} is not pinned for Python {python}"
        assert req.specifier.contains(pins[name], prereleases=True), (name, pins[name], str(req.specifier))


def _fake_setup(tmp_path: Path) -> tuple[Path, Path, dict[str, str]]:
    """A copy of what dev.sh reads, a venv whose python only logs its arguments, and a PATH
    without dpkg/apt (so no system package is looked at)."""
    repo = tmp_path / "repo"
    (repo / "packaging").mkdir(parents=True)
    shutil.copy(ROOT / "pyproject.toml", repo)
    for name in ("dev.sh", "constraints.txt"):
        shutil.copy(ROOT / "packaging" / name, repo / "packaging")
    log = tmp_path / "pip.log"
    venv_python = tmp_path / "venv" / "bin" / "python"
    venv_python.parent.mkdir(parents=True)
    venv_python.write_text(f'#!/bin/sh\necho "$*" >> "{log}"\n', encoding="utf-8")
    venv_python.chmod(0o755)
    tools = tmp_path / "bin"
    tools.mkdir()
    for tool in ("bash", "sh", "cat", "dirname", "uname", "id", "touch", "grep"):
        found = shutil.which(tool)
        if found:
            (tools / tool).symlink_to(found)
    (tools / "python3").symlink_to(sys.executable)
    env = {"PATH": str(tools), "SPIRAL_VENV": str(tmp_path / "venv"), "HOME": str(tmp_path)}
    return repo, log, env


@pytest.mark.skipif(sys.platform == "win32", reason="dev.sh is a bash script")
def test_dev_sh_installs_with_the_constraints_and_again_only_when_they_change(tmp_path) -> None:
    repo, log, env = _fake_setup(tmp_path)

    def installs() -> list[str]:
        log.unlink(missing_ok=True)
        # An unknown command installs (if needed), then stops with the usage line.
        proc = subprocess.run(["bash", str(repo / "packaging" / "dev.sh"), "nothing"], env=env,
                              capture_output=True, text=True, timeout=60, check=False)
        assert proc.returncode == 2, proc.stderr
        calls = log.read_text(encoding="utf-8").splitlines() if log.exists() else []
        return [c for c in calls if "-e" in c.split()]

    first = installs()
    assert first == ["-m pip install -q -c packaging/constraints.txt -e .[test]"]
    assert installs() == []  # nothing changed: nothing installed
    with (repo / "packaging" / "constraints.txt").open("a", encoding="utf-8") as f:
        f.write("# refreshed\n")
    assert installs() == first
    assert installs() == []
    (repo / "pyproject.toml").write_text((repo / "pyproject.toml").read_text() + "\n", encoding="utf-8")
    assert installs() == first
