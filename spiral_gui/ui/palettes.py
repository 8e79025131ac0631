"""The class colours of the decision plot: the notes' Spectral and a colour-blind-safe palette,
and the lookup tables that turn a region grid (class and confidence per cell) into RGB pixels.

Pure NumPy (no Qt), so that the settings read palette names without loading the plots and the
tables are tested as plain arrays. Each palette gives K colours for any K from 2 to 20; the
views draw points in these colours and regions in them washed towards white.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np

#: ColorBrewer "Spectral" (11 classes), the colour map the case study plots with.
SPECTRAL = (
    "#9e0142", "#d53e4f", "#f46d43", "#fdae61", "#fee08b", "#ffffbf",
    "#e6f598", "#abdda4", "#66c2a5", "#3288bd", "#5e4fa2",
)  # fmt: skip
#: Okabe and Ito's palette for colour-vision deficiencies ("Color Universal Design", 2002),
#: ordered so that the first few classes differ most.
OKABE_ITO = (
    "#e69f00", "#56b4e9", "#009e73", "#d55e00", "#0072b2", "#cc79a7", "#f0e442", "#000000",
)  # fmt: skip
#: Palette names as saved in the settings, the notes' first.
PALETTES = ("spectral", "okabe_ito")
DEFAULT_PALETTE = "spectral"
#: How much of each class colour a region shows (the rest is white), so points stand out: in
#: the crisp map, and in the shaded one where the model is sure.
REGION_STRENGTH = 0.45
#: In the shaded map, the share of `REGION_STRENGTH` left where every class is equally likely,
#: so that the winning class still shows faintly in the most uncertain zone.
SHADE_FLOOR = 0.12


def _rgb(hex_colours: tuple[str, ...]) -> np.ndarray:
    return np.array([[int(c[i : i + 2], 16) for i in (1, 3, 5)] for c in hex_colours], dtype=float)


def class_colours(k: int, palette: str = DEFAULT_PALETTE) -> np.ndarray:
    """(k, 3) uint8 RGB, one colour per class.

    Spectral: k colours spread evenly over the map (as matplotlib's cmap picks them, linear in
    RGB between the 11 stops). Okabe–Ito: its eight colours in order; beyond eight, the same
    again lighter, then darker (the marker shapes tell those apart too).
    """
    if palette == "spectral":
        stops, pos, at = _rgb(SPECTRAL), np.linspace(0.0, 1.0, len(SPECTRAL)), np.linspace(0.0, 1.0, k)
        rgb = np.stack([np.interp(at, pos, stops[:, i]) for i in range(3)], axis=1)
    elif palette == "okabe_ito":
        base = _rgb(OKABE_ITO)
        rounds = [base, base + 0.45 * (255 - base), base * 0.6]
        rgb = np.concatenate(rounds * (1 + k // (3 * len(base))))[:k]
    else:
        raise ValueError(f"palette must be one of {', '.join(PALETTES)}, got {palette!r}")
    # Truncated, not rounded, as pyqtgraph's ColorMap.map(mode="byte") gives the notes' colours.
    return np.clip(rgb, 0, 255).astype(np.uint8)


@lru_cache(maxsize=16)
def crisp_lut(k: int, palette: str = DEFAULT_PALETTE) -> np.ndarray:
    """(256, 3) uint8, read-only: entry j is class j's colour washed towards white (the notes'
    argmax map)."""
    lut = np.full((256, 3), 255, dtype=np.uint8)
    c = class_colours(k, palette).astype(float)
    lut[:k] = np.round(255 - REGION_STRENGTH * (255 - c)).astype(np.uint8)
    lut.flags.writeable = False
    return lut


@lru_cache(maxsize=16)
def shaded_lut(k: int, palette: str = DEFAULT_PALETTE) -> np.ndarray:
    """(k * 256, 3) uint8, read-only: entry j * 256 + q is class j at confidence q (0…255, see
    `engine.grid.predict_grid_probs`), fading towards white as the model is less sure.

    The colour grows with the winning probability p from p = 1/2 (where two classes tie, on every
    boundary) to p = 1: so each boundary is a white seam that both sides fade into, smooth on
    screen, and a class shows its full colour only where the model is sure of it.
    """
    c = class_colours(k, palette).astype(float)  # (k, 3)
    p = 1.0 / k + np.arange(256, dtype=float) / 255.0 * (1.0 - 1.0 / k)
    sure = np.clip((p - 0.5) / 0.5, 0.0, 1.0)
    strength = REGION_STRENGTH * (SHADE_FLOOR + (1 - SHADE_FLOOR) * sure)  # (256,)
    table = 255 - strength[None, :, None] * (255 - c[:, None, :])  # (k, 256, 3)
    lut = np.round(table).reshape(k * 256, 3).astype(np.uint8)
    lut.flags.writeable = False
    return lut


def region_pixels(
    classes: np.ndarray, confidence: np.ndarray | None, k: int, palette: str, shaded: bool
) -> np.ndarray:
    """(rows, cols, 3) uint8 RGB of a region grid: shaded by confidence when asked and known,
    else the crisp argmax map. Cheap: one table lookup per cell."""
    if shaded and confidence is not None:
        index = (classes.astype(np.intp) << 8) | confidence
        pixels: np.ndarray = shaded_lut(k, palette)[index]
        return pixels
    crisp: np.ndarray = crisp_lut(k, palette)[classes]
    return crisp
