"""Corrupt, invalid or unreadable settings: the window opens with the defaults and says why.

Never a crash. The note is in the status bar when the window is built, and must still be shown
(in the status bar or under the controls) once the first snapshot is drawn, when a user can read it.
"""

from __future__ import annotations

import os
import random
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from spiral_gui.engine.config import LIMITS, MODELS, TrainConfig

from .conftest import show_and_wait

DEFAULTS = TrainConfig()

_rng = random.Random(1234)
#: Files that are no INI file at all, or hold values QSettings itself cannot decode.
GARBAGE = {
    "random_bytes": bytes(_rng.randrange(256) for _ in range(4096)),
    "binary_with_brackets": b"\x89PNG\r\n\x1a\n\x00\xff[config\n\xfe\xfen=\x00\x01" + bytes(range(256)) * 4,
    "corrupt_variant": b"[config]\nn=@Variant(\\0\\0\\0\\x7f\\0\\0\\0\\x12garbage)\n",
}
#: Qt's own complaint while decoding the corrupt @Variant above (not the application's).
QVARIANT_NOISE = r"QVariant::load: unknown user type"
#: Readable INI files whose values the engine refuses.
INVALID = {
    "n_abc": "[config]\nn=abc\n",
    "step_size_nan": "[config]\nstep_size=nan\n",
    "model_foo": "[config]\nmodel=foo\n",
    "k_999": "[config]\nk=999\n",
    "all_at_once": "[config]\nn=abc\nstep_size=nan\nmodel=foo\nk=999\n",
    "n_empty": "[config]\nn=\n",
    "n_float_text": "[config]\nn=1e2\n",
    "n_list": "[config]\nn=1, 2\n",
    "reg_inf": "[config]\nreg=inf\n",
    "n_huge": "[config]\nn=99999999999999999999999999\n",
    "over_memory_budget": (
        f"[config]\nmodel=nn\nn={int(LIMITS['n'][1])}\nk={int(LIMITS['k'][1])}\n"
        f"hidden={int(LIMITS['hidden'][1])}\n"
    ),
}


def open_window(make_window, qtbot, ini: Path):
    """The window on `ini`: its status-bar text as built, then shown with its first snapshot drawn."""
    window = make_window(ini=ini, show=False)
    note = window.statusBar().currentMessage()
    show_and_wait(qtbot, window)
    return window, note


def assert_defaults(window) -> None:
    assert window.panel.config() == DEFAULTS
    assert window.last_snapshot.config == DEFAULTS
    assert window.panel.model_combo.currentData() == DEFAULTS.model
    assert window.panel.n_spin.value() == DEFAULTS.n and window.panel.k_spin.value() == DEFAULTS.k
    assert window.worker_thread.isRunning()


def assert_is_note(note: str) -> None:
    assert "settings" in note and "default" in note, f"no note about the settings: {note!r}"


@pytest.mark.parametrize("case", list(INVALID))
def test_invalid_values_open_with_defaults_and_a_note(make_window, qtbot, tmp_path: Path, case: str) -> None:
    ini = tmp_path / "s.ini"
    ini.write_text(INVALID[case])
    window, note = open_window(make_window, qtbot, ini)
    assert_defaults(window)
    assert_is_note(note)
    assert "invalid" in note


@pytest.mark.qt_log_ignore(QVARIANT_NOISE)
@pytest.mark.parametrize("case", list(GARBAGE))
def test_garbage_file_opens_with_defaults(make_window, qtbot, tmp_path: Path, case: str) -> None:
    ini = tmp_path / "s.ini"
    ini.write_bytes(GARBAGE[case])
    window, _note = open_window(make_window, qtbot, ini)
    assert_defaults(window)
    window.close()  # writes its settings over the garbage: no crash either


@pytest.mark.qt_log_ignore(QVARIANT_NOISE)
@pytest.mark.parametrize(
    "case",
    list(GARBAGE),
)
def test_garbage_file_is_noted(make_window, qtbot, tmp_path: Path, case: str) -> None:
    ini = tmp_path / "s.ini"
    ini.write_bytes(GARBAGE[case])
    _window, note = open_window(make_window, qtbot, ini)
    assert_is_note(note)


def test_settings_note_is_still_shown_after_the_first_snapshot(make_window, qtbot, tmp_path: Path) -> None:
    """The first snapshot's message replaces the status bar's within milliseconds, so the note
    must survive somewhere a user looks (since 90cbc57: under the controls)."""
    ini = tmp_path / "s.ini"
    ini.write_text(INVALID["k_999"])
    window, note = open_window(make_window, qtbot, ini)
    assert_is_note(note)
    qtbot.wait(100)
    shown = (window.statusBar().currentMessage(), window.panel.message_label.text())
    assert any(note in text for text in shown), f"the note {note!r} is gone: {shown!r}"


def test_directory_in_place_of_the_settings_file(make_window, qtbot, tmp_path: Path) -> None:
    """Unreadable even for root: QSettings reports an access error."""
    ini = tmp_path / "s.ini"
    ini.mkdir()
    window, note = open_window(make_window, qtbot, ini)
    assert_defaults(window)
    assert_is_note(note)
    assert "unreadable" in note
    window.close()  # cannot save there either: no crash
    assert not window.worker_thread.isRunning()


@pytest.mark.skipif(
    hasattr(os, "geteuid") and os.geteuid() == 0,
    reason="running as root: chmod 000 does not stop root from reading the file",
)
def test_unreadable_settings_file(make_window, qtbot, tmp_path: Path) -> None:
    ini = tmp_path / "s.ini"
    ini.write_text("[config]\nk=5\n")
    ini.chmod(0)
    try:
        window, note = open_window(make_window, qtbot, ini)
        assert_defaults(window)
        assert_is_note(note)
        window.close()
    finally:
        ini.chmod(0o600)


def test_corrupt_geometry_keeps_the_saved_configuration(make_window, qtbot, tmp_path: Path) -> None:
    ini = tmp_path / "s.ini"
    ini.write_text("[config]\nk=5\nmodel=linear\n\n[window]\ngeometry=@ByteArray(xx)\nstate=garbage\n")
    window, _note = open_window(make_window, qtbot, ini)
    assert window.panel.config() == DEFAULTS.replace(k=5, model="linear")
    assert window.last_snapshot.config == window.panel.config()
    assert window.width() > 300 and window.height() > 300


def test_valid_seed_above_the_spin_box_range(make_window, qtbot, tmp_path: Path) -> None:
    """LIMITS allows seeds to 2**32-1; a QSpinBox stops at 2**31-1 and setValue() above it
    raised OverflowError while the window was built (fixed in 90cbc57)."""
    seed = int(LIMITS["seed"][1])
    assert TrainConfig(seed=seed).seed == seed  # the engine (and the CLI) accept it
    ini = tmp_path / "s.ini"
    ini.write_text(f"[config]\nseed={seed}\n")
    window, note = open_window(make_window, qtbot, ini)
    config = window.panel.config()
    assert window.panel.widget_value("seed") == config.seed
    assert config.seed == seed or (config == DEFAULTS and "settings" in note)


def test_model_saved_as_a_byte_array(make_window, qtbot, tmp_path: Path) -> None:
    ini = tmp_path / "s.ini"
    ini.write_text("[config]\nmodel=@ByteArray(linear)\n")
    window, _note = open_window(make_window, qtbot, ini)
    config = window.panel.config()
    assert type(config.model) is str and config.model in MODELS, repr(config.model)
    assert window.panel.model_combo.currentData() == config.model
    assert window.worker_thread.isRunning()


def test_settings_written_on_close_round_trip(make_window, qtbot, tmp_path: Path) -> None:
    """What a window saves, the next one reads back: no note, same configuration."""
    ini = tmp_path / "s.ini"
    config = TrainConfig(
        model="linear", n=37, k=4, step_size=0.125, reg=0.0, seed=9, noise=0.5, iterations=77
    )
    first = make_window(config=config, ini=ini)
    first.close()
    assert QSettings(str(ini), QSettings.Format.IniFormat).status() == QSettings.Status.NoError
    second, note = open_window(make_window, qtbot, ini)
    assert second.panel.config() == config
    assert "default" not in note
