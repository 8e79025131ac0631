"""spiral-gui as a user starts it: no display gives one helpful line instead of Qt's abort, the
self-test prints exactly one line, only the offscreen platform's known chatter is silenced, and
--reset-settings forgets the saved settings and says where they were."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from spiral_gui.ui.app import no_display_message

REPO = Path(__file__).resolve().parents[2]
DISPLAY_VARIABLES = ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in DISPLAY_VARIABLES}
    return env | extra


def _run(*args: str, env: dict[str, str], code: str | None = None) -> subprocess.CompletedProcess:
    argv = [sys.executable, "-c", code] if code else [sys.executable, "-m", "spiral_gui", *args]
    return subprocess.run(argv, capture_output=True, text=True, env=env, cwd=REPO, timeout=120, check=False)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11/Wayland platforms only")
def test_no_display_exits_1_with_one_line_saying_how_to_run_headless() -> None:
    proc = _run(env=_env())
    assert proc.returncode == 1, proc.stderr
    assert proc.stdout == ""
    lines = proc.stderr.splitlines()
    assert len(lines) == 1, proc.stderr
    assert "no display" in lines[0]
    assert "spiral-train" in lines[0] and "QT_QPA_PLATFORM=offscreen spiral-gui --self-test" in lines[0]
    assert "xcb" not in proc.stderr


def test_the_display_check_looks_only_where_qt_needs_x11_or_wayland() -> None:
    assert no_display_message({}, "linux") is not None
    assert no_display_message({}, "freebsd14") is not None
    for name in DISPLAY_VARIABLES:
        assert no_display_message({name: "x"}, "linux") is None
    assert no_display_message({"DISPLAY": ""}, "linux") is not None  # empty is unset
    assert no_display_message({}, "darwin") is None
    assert no_display_message({}, "win32") is None


def test_the_self_test_prints_exactly_one_line() -> None:
    proc = _run("--self-test", env=_env(QT_QPA_PLATFORM="offscreen"))
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == ""
    assert len(proc.stdout.splitlines()) == 1
    assert "self-test passed" in proc.stdout


def test_only_the_known_offscreen_message_is_silenced() -> None:
    code = (
        "from PySide6.QtCore import qWarning\n"
        "from spiral_gui.ui.app import create_application\n"
        "app = create_application()\n"
        "qWarning('This plugin does not support propagateSizeHints()')\n"
        "qWarning('something the user should see')\n"
        "qWarning('This plugin does not support propagateSizeHints() and more')\n"
    )
    proc = _run(env=_env(QT_QPA_PLATFORM="offscreen"), code=code)
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr.splitlines() == [
        "something the user should see",
        "This plugin does not support propagateSizeHints() and more",
    ]


def test_reset_settings_removes_the_file_and_says_where(tmp_path) -> None:
    ini = tmp_path / "s.ini"
    ini.write_text("[config]\nn=50\n", encoding="utf-8")
    proc = _run("--settings", str(ini), "--reset-settings", env=_env())  # needs no display
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == f"spiral-gui: settings reset: removed {ini}"
    assert not ini.exists()
    again = _run("--settings", str(ini), "--reset-settings", env=_env())
    assert again.returncode == 0 and "no saved settings" in again.stdout and str(ini) in again.stdout


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the XDG location is Linux's")
def test_reset_settings_finds_the_users_own_file(tmp_path) -> None:
    own = tmp_path / "spiral-gui" / "spiral-gui.ini"
    own.parent.mkdir()
    own.write_text("[config]\nn=50\n", encoding="utf-8")
    proc = _run("--reset-settings", env=_env(XDG_CONFIG_HOME=str(tmp_path)))
    assert proc.returncode == 0, proc.stderr
    assert str(own) in proc.stdout and not own.exists()
