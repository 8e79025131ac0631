"""The settings module on its own (no window): a hostile settings file is read quickly and
described in the app's words, saving keeps only what the app writes, a file that cannot be
written is reported, and the view options and the reset work."""

from __future__ import annotations

from pathlib import Path

import pytest

from spiral_gui.engine import TrainConfig
from spiral_gui.ui import settings as store

from .helpers import settings_at

INTERNAL_WORDS = ("Exceeds the limit", "invalid literal", "could not convert", "Traceback", "int()")


def _load(ini: Path, text: str) -> tuple[TrainConfig, str | None]:
    ini.write_text(text, encoding="utf-8")
    return store.load_config(settings_at(ini))


def _assert_app_words(note: str | None, *mentions: str) -> None:
    assert note is not None and "using the defaults" in note
    assert len(note) < 300, len(note)
    for word in INTERNAL_WORDS:
        assert word not in note
    for word in mentions:
        assert word in note, note


def test_a_megabyte_value_is_quoted_cut_short(ini_path) -> None:
    config, note = _load(ini_path, "[config]\nstep_size=" + "7" * 1_048_576 + "\n")
    assert config == TrainConfig()
    _assert_app_words(note, "step_size", "…")


def test_a_five_thousand_digit_whole_number_gives_the_range(ini_path) -> None:
    config, note = _load(ini_path, "[config]\nn=" + "9" * 5000 + "\n")
    assert config == TrainConfig()
    _assert_app_words(note, "n must be between 1 and 1,000,000", "…")


@pytest.mark.parametrize("text", ["１２", "١٢", "1_000", "abc", "12.5", "1e3"])
def test_a_whole_number_written_otherwise_is_refused_in_the_apps_words(ini_path, text) -> None:
    config, note = _load(ini_path, f"[config]\nn={text}\n")
    assert config == TrainConfig()
    _assert_app_words(note, "n must be a whole number from 1 to 1,000,000", "digits 0-9", text)


def test_a_long_model_name_is_cut_short(ini_path) -> None:
    _, note = _load(ini_path, "[config]\nmodel=" + "x" * 100_000 + "\n")
    _assert_app_words(note, "model must be one of linear, nn", "…")


def test_good_values_still_load(ini_path) -> None:
    config, note = _load(ini_path, "[config]\nn= 50 \nstep_size=5e-1\nreg=0.01\nmodel=linear\n")
    assert note is None
    assert config == TrainConfig(n=50, step_size=0.5, reg=0.01, model="linear")


def test_saving_removes_junk_keys_and_junk_values(ini_path) -> None:
    junk = "z" * 200_000
    ini_path.write_text(
        f"[config]\nn=50\nfrobnicate={junk}\n[elsewhere]\nkey=1\n[view]\nlog_scale={junk}\n"
        f"[window]\nstate={junk}\n", encoding="utf-8",
    )
    settings = settings_at(ini_path)
    config, _ = store.load_config(settings)
    assert config.n == 50
    assert store.save_config(settings, config) is None
    assert ini_path.stat().st_size < 2_000
    again = settings_at(ini_path)
    assert set(again.allKeys()) <= store.KNOWN_KEYS
    assert again.allKeys() and "config/frobnicate" not in again.allKeys()
    assert store.load_config(again) == (config, None)


def test_a_settings_file_that_cannot_be_written_is_reported(tmp_path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where a folder should be", encoding="utf-8")
    settings = settings_at(blocker / "spiral-gui.ini")
    message = store.save_config(settings, TrainConfig(n=42))
    assert message is not None
    assert "could not be saved" in message and str(blocker / "spiral-gui.ini") in message
    assert store.save_view_options(settings, store.ViewOptions(log_scale=True)) is not None


def test_a_writable_file_reports_nothing(ini_path) -> None:
    settings = settings_at(ini_path)
    assert store.save_config(settings, TrainConfig()) is None
    assert store.save_view_options(settings, store.ViewOptions()) is None


@pytest.mark.parametrize("on", [True, False])
def test_view_options_survive_a_restart(ini_path, on) -> None:
    assert store.load_view_options(settings_at(ini_path)) == store.ViewOptions(log_scale=False)
    assert store.save_view_options(settings_at(ini_path), store.ViewOptions(log_scale=on)) is None
    assert store.load_view_options(settings_at(ini_path)).log_scale is on


def test_an_unreadable_view_option_is_the_default(ini_path) -> None:
    ini_path.write_text("[view]\nlog_scale=perhaps\n", encoding="utf-8")
    assert store.load_view_options(settings_at(ini_path)) == store.ViewOptions()


def test_reset_removes_the_file_and_says_where(ini_path) -> None:
    settings = settings_at(ini_path)
    store.save_config(settings, TrainConfig(n=42))
    assert ini_path.is_file()
    where, removed = store.remove_settings_file(settings)
    assert (where, removed) == (str(ini_path), True)
    assert not ini_path.exists()
    del settings  # nothing pending is written back
    assert not ini_path.exists()
    assert store.remove_settings_file(settings_at(ini_path)) == (str(ini_path), False)


def test_the_window_writes_only_known_keys(qtbot, make_window, ini_path) -> None:
    make_window(ini_path).close()
    assert set(settings_at(ini_path).allKeys()) <= store.KNOWN_KEYS
    assert "config/n" in settings_at(ini_path).allKeys()
