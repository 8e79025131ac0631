"""The playback speed and the region options in the settings file, and the palettes' tables,
without a window."""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
import pytest

from spiral_gui.engine import TrainConfig
from spiral_gui.ui import settings as store
from spiral_gui.ui.pacing import DEFAULT_SPEED, SPEEDS
from spiral_gui.ui.palettes import (
    OKABE_ITO,
    PALETTES,
    REGION_STRENGTH,
    SPECTRAL,
    class_colours,
    crisp_lut,
    region_pixels,
    shaded_lut,
)
from spiral_gui.ui.views.style import SYMBOLS

from .helpers import settings_at


# -- settings ------------------------------------------------------------------------------------
@pytest.mark.parametrize("rate", SPEEDS)
def test_every_speed_survives_a_restart(ini_path, rate) -> None:
    assert store.load_speed(settings_at(ini_path)) == DEFAULT_SPEED
    assert store.save_speed(settings_at(ini_path), rate) is None
    assert store.load_speed(settings_at(ini_path)) == rate


@pytest.mark.parametrize("text", ["42", "nan", "-inf", "fast", "", "1e999999"])
def test_a_speed_the_app_does_not_offer_gives_the_default(ini_path, text) -> None:
    ini_path.write_text(f"[playback]\nspeed={text}\n", encoding="utf-8")
    assert store.load_speed(settings_at(ini_path)) == (math.inf if text == "1e999999" else DEFAULT_SPEED)


def test_region_options_survive_a_restart_and_junk_is_the_default(ini_path) -> None:
    assert store.load_region_options(settings_at(ini_path)) == store.RegionOptions(True, "spectral")
    options = store.RegionOptions(shaded=False, palette="okabe_ito")
    assert store.save_region_options(settings_at(ini_path), options) is None
    assert store.load_region_options(settings_at(ini_path)) == options
    ini_path.write_text("[view]\nregion_shading=maybe\npalette=rainbow\n", encoding="utf-8")
    assert store.load_region_options(settings_at(ini_path)) == store.RegionOptions()


def test_the_new_keys_are_kept_when_the_configuration_is_saved(ini_path) -> None:
    settings = settings_at(ini_path)
    store.save_speed(settings, 30.0)
    store.save_region_options(settings, store.RegionOptions(False, "okabe_ito"))
    store.save_config(settings, TrainConfig(n=42))  # drops keys outside KNOWN_KEYS
    assert store.load_speed(settings_at(ini_path)) == 30.0
    assert store.load_region_options(settings_at(ini_path)) == store.RegionOptions(False, "okabe_ito")


# -- palettes --------------------------------------------------------------------------------------
@pytest.mark.parametrize("k", range(2, 21))
def test_spectral_is_the_colour_map_the_notes_use(k) -> None:
    cmap = pg.ColorMap(np.linspace(0.0, 1.0, len(SPECTRAL)), [pg.mkColor(c) for c in SPECTRAL])
    expected = np.asarray(cmap.map(np.linspace(0.0, 1.0, k), mode="byte"))[:, :3]
    np.testing.assert_array_equal(class_colours(k, "spectral"), expected)


def test_okabe_ito_starts_with_its_eight_colours_and_extends_to_twenty() -> None:
    colours = class_colours(20, "okabe_ito")
    expected = [[int(c[i : i + 2], 16) for i in (1, 3, 5)] for c in OKABE_ITO]
    np.testing.assert_array_equal(colours[:8], expected)
    pairs = {(tuple(colours[j]), SYMBOLS[j % len(SYMBOLS)]) for j in range(20)}
    assert len(pairs) == 20  # every class tells itself apart by colour or marker
    assert len({tuple(c) for c in colours}) == 20
    with pytest.raises(ValueError, match="palette must be one of"):
        class_colours(3, "rainbow")


@pytest.mark.parametrize("palette", PALETTES)
def test_shading_fades_to_white_as_confidence_falls(palette) -> None:
    k = 4
    lut = shaded_lut(k, palette).astype(int).reshape(k, 256, 3)
    crisp = crisp_lut(k, palette).astype(int)
    for j in range(k):
        brightness = lut[j].sum(axis=1)
        assert np.all(np.diff(brightness) <= 0)  # surer is never paler
        np.testing.assert_allclose(lut[j, 255], crisp[j], atol=1)  # sure = the crisp map's colour
        colour = class_colours(k, palette)[j].astype(float)
        faint = 255 - REGION_STRENGTH * 0.12 * (255 - colour)
        np.testing.assert_allclose(lut[j, 0], faint, atol=1)


def test_region_pixels_look_up_class_and_confidence() -> None:
    classes = np.array([[0, 1], [2, 1]], dtype=np.uint8)
    confidence = np.array([[255, 0], [128, 255]], dtype=np.uint8)
    pixels = region_pixels(classes, confidence, 3, "spectral", shaded=True)
    lut = shaded_lut(3, "spectral")
    assert pixels.shape == (2, 2, 3) and pixels.dtype == np.uint8
    np.testing.assert_array_equal(pixels[1, 0], lut[2 * 256 + 128])
    np.testing.assert_array_equal(pixels[0, 1], lut[256])
    crisp = region_pixels(classes, confidence, 3, "spectral", shaded=False)
    np.testing.assert_array_equal(crisp[0, 1], crisp[1, 1])
    np.testing.assert_array_equal(region_pixels(classes, None, 3, "spectral", shaded=True), crisp)
