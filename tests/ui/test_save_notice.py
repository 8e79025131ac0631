"""A settings file that cannot be written is reported once per session: in the status bar and
in a non-modal warning, never silently ignored, never repeated."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from spiral_gui.ui.save_notice import SaveNotice

ROOT = os.geteuid() == 0


def _boxes(window) -> list[QMessageBox]:
    return [b for b in window.findChildren(QMessageBox, "settings_unsaved_box") if b.isVisible()]


def _close_and_check_reported(window, path: Path) -> None:
    window.close()
    boxes = _boxes(window)
    assert len(boxes) == 1, "the failure was not shown (or shown more than once)"
    box = boxes[0]
    assert not box.isModal()
    assert str(path) in box.text() and "cannot be written" in box.text()
    assert window.statusBar().currentMessage() == box.text()
    assert window.save_notice.shown is not None
    window.close()  # a second close in the same session says nothing new
    assert len(_boxes(window)) == 1
    box.close()


def test_a_folder_as_settings_file_is_reported_once(make_window, tmp_path: Path) -> None:
    folder = tmp_path / "settings-folder"
    folder.mkdir()
    window = make_window(ini=folder)
    _close_and_check_reported(window, folder)
    assert folder.is_dir()


@pytest.mark.skipif(ROOT, reason="running as root: a read-only file is writable anyway")
def test_a_read_only_settings_file_is_reported_once(make_window, tmp_path: Path) -> None:
    ini = tmp_path / "s.ini"
    ini.write_text("[config]\nn=100\n")
    ini.chmod(0o444)
    window = make_window(ini=ini)
    _close_and_check_reported(window, ini)


def test_a_writable_settings_file_says_nothing(make_window, ini_path: Path) -> None:
    window = make_window()
    window.close()
    assert _boxes(window) == [] and window.save_notice.shown is None
    assert ini_path.is_file()


def test_report_shows_the_first_message_once(window) -> None:
    notice = SaveNotice(window)
    assert notice.report(None, None) is None and notice.shown is None
    text = notice.report(None, "the settings could not be saved: x.ini cannot be written", "second")
    assert text == "The settings could not be saved: x.ini cannot be written."
    assert notice.shown.startswith("the settings could not be saved")
    assert notice.report("again") is None
    assert notice.box is not None and notice.box.isVisible()
    notice.box.close()
