"""Settings persist between launches in the INI file the window is given, and a damaged file
never stops the window from opening."""

from __future__ import annotations

import pytest

from spiral_gui.engine import TrainConfig

from .helpers import (
    CASE_STUDY,
    choose_model,
    control,
    points_drawn,
    wait_until_snapshot,
)

CHANGED = {
    "model": "linear",
    "n": 50,
    "k": 4,
    "hidden": 64,
    "step_size": 0.5,
    "reg": 0.01,
    "seed": 7,
    "noise": 0.3,
    "iterations": 500,
}


def _shown(window) -> dict:
    values = {"model": control(window, "model_combo").currentData()}
    for name in CASE_STUDY:
        if name != "model":
            values[name] = control(window, f"{name}_spin").value()
    return values


def _assert_shows(window, expected: dict) -> None:
    shown = _shown(window)
    assert shown == {name: pytest.approx(value) for name, value in expected.items()}


def _visible_text(window) -> str:
    return window.statusBar().currentMessage() + "\n" + window.panel.message_label.text()


def test_settings_survive_a_restart(qtbot, make_window, ini_path) -> None:
    first = make_window()
    for name in ("n", "k", "hidden", "seed", "iterations"):
        control(first, f"{name}_spin").setValue(CHANGED[name])
    for name in ("step_size", "reg", "noise"):
        control(first, f"{name}_spin").setValue(CHANGED[name])
    choose_model(first, CHANGED["model"])
    wait_until_snapshot(qtbot, first, lambda s: s.config == TrainConfig(**CHANGED))
    first.resize(760, 620)  # within the offscreen screen (800 x 800)
    first.close()
    assert ini_path.stat().st_size > 0

    second = make_window(ini_path)
    _assert_shows(second, CHANGED)
    assert not control(second, "hidden_spin").isEnabled()  # linear model
    assert second.last_snapshot.config == TrainConfig(**CHANGED)
    assert points_drawn(second) == 50 * 4
    assert (second.width(), second.height()) == (760, 620)


def test_a_fresh_settings_file_gives_the_case_study(qtbot, make_window, tmp_path) -> None:
    window = make_window(tmp_path / "new" / "never-written.ini")
    _assert_shows(window, CASE_STUDY)
    assert "default" not in _visible_text(window)


CORRUPT = {
    "binary garbage": bytes(range(256)) * 4,
    "unparsable header": b"[config\nn=5\n",
    "n is not a number": b"[config]\nn=abc\nk=4\n",
    "n out of range": b"[config]\nn=-5\n",
    "unknown model": b"[config]\nmodel=cnn\n",
    "step size not finite": b"[config]\nstep_size=nan\n",
    "k is a list": b"[config]\nk=3, 4\n",
}


@pytest.mark.parametrize("content", CORRUPT.values(), ids=CORRUPT.keys())
def test_a_corrupt_settings_file_falls_back_to_the_defaults(qtbot, make_window, ini_path, content) -> None:
    ini_path.write_bytes(content)
    window = make_window(ini_path)
    _assert_shows(window, CASE_STUDY)
    assert window.last_snapshot.config == TrainConfig(**CASE_STUDY)
    assert points_drawn(window) == 300
    # The user is told, and can still read it once the window is up.
    assert "using the defaults" in _visible_text(window)


REPAIRABLE = {name: CORRUPT[name] for name in ("binary garbage", "unparsable header", "n is not a number")}


@pytest.mark.parametrize("content", REPAIRABLE.values(), ids=REPAIRABLE.keys())
def test_a_corrupt_settings_file_is_repaired_on_close(qtbot, make_window, ini_path, content) -> None:
    ini_path.write_bytes(content)
    make_window(ini_path).close()
    again = make_window(ini_path)
    _assert_shows(again, CASE_STUDY)
    assert "default" not in _visible_text(again)


def test_a_saved_seed_is_the_seed_shown(qtbot, make_window, ini_path) -> None:
    """Every seed the engine accepts (up to 2**32 - 1) must be shown as it is used."""
    seed = 3_000_000_000
    assert TrainConfig(seed=seed).seed == seed  # the engine accepts it
    ini_path.write_text(f"[config]\nseed={seed}\n", encoding="utf-8")
    window = make_window(ini_path)
    assert window.last_snapshot.config.seed == seed
    assert control(window, "seed_spin").value() == seed


def test_every_field_survives_a_save_and_load(tmp_path) -> None:
    """Text fields (the model, the data set) come back as text, numbers as numbers."""
    from PySide6.QtCore import QSettings

    from spiral_gui.ui.settings import load_config, save_config

    config = TrainConfig(model="linear", dataset="moons", k=2, n=40, test_fraction=0.25, noise=0.1)
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    save_config(settings, config)
    settings.sync()
    loaded, note = load_config(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    assert note is None
    assert loaded == config
