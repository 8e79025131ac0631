"""Where the window's parameters, geometry and view options persist between launches. The only
module that touches QSettings, so tests can hand the window an INI file of their own.

The user's file is `default_settings().fileName()`: ~/.config/spiral-gui/spiral-gui.ini on Linux
and macOS ($XDG_CONFIG_HOME if set), %APPDATA%\\spiral-gui\\spiral-gui.ini on Windows.
`spiral-gui --reset-settings` removes it.

Reading never trusts the file: a value is quoted back cut short, numbers are read as the app
accepts them (engine.numbers), and a bad file gives the defaults and a note in the app's words.
Writing keeps only the keys in `KNOWN_KEYS` (anything else in the file is removed) and says,
as a returned message, when the file could not be written. A new persisted value must be added
to `KNOWN_KEYS` here, or it is dropped at the next save.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QCoreApplication, QSettings

from ..engine.config import CHOICES, EXPERIMENT_FIELDS, LIMITS, TrainConfig
from ..engine.numbers import parse_float, parse_int, quote
from .engine_text import error_text
from .pacing import DEFAULT_SPEED, SPEEDS
from .palettes import DEFAULT_PALETTE, PALETTES

_GROUP = "config"

#: Every key the app writes. Keys in the file outside this set are removed when it is saved.
KNOWN_KEYS = frozenset(
    {f"{_GROUP}/{f.name}" for f in fields(TrainConfig) if f.name not in EXPERIMENT_FIELDS}
    | {"window/geometry", "view/log_scale", "view/language", "sessions/recent"}
    | {"playback/speed", "view/region_shading", "view/palette"}
    | {"view/log_x"}
)
#: Sessions listed under File › Open recent, at most.
MAX_RECENT = 8
#: A string value longer than this under a known key is junk, whatever the key (removed on save).
_MAX_TEXT = 10_000


def default_settings() -> QSettings:
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "spiral-gui", "spiral-gui")


def settings_at(path: str | Path) -> QSettings:
    """Settings in the INI file at `path` (spiral-gui --settings INI, tests)."""
    return QSettings(str(path), QSettings.Format.IniFormat)


def remove_settings_file(settings: QSettings) -> tuple[str, bool]:
    """Forget everything saved: (the file's path, whether there was a file to remove)."""
    path = Path(settings.fileName())
    existed = path.is_file()
    settings.clear()
    settings.sync()  # nothing pending that could write the file again later
    path.unlink(missing_ok=True)
    return str(path), existed


# -- the configuration ------------------------------------------------------------------------------
def load_config(settings: QSettings) -> tuple[TrainConfig, str | None]:
    """The saved configuration, or the defaults and a note saying why they were used."""
    settings.allKeys()  # QSettings parses lazily: read everything before asking for its status
    if settings.status() != QSettings.Status.NoError:
        return TrainConfig(), QCoreApplication.translate(
            "settings", "settings file {0} is unreadable; using the defaults"
        ).format(settings.fileName())
    settings.beginGroup(_GROUP)
    try:
        present = set(settings.childKeys())
        if not present:
            return TrainConfig(), None
        values: dict[str, Any] = {}
        for f in fields(TrainConfig):
            if f.name in present and f.name not in EXPERIMENT_FIELDS:
                values[f.name] = _read_field(f.name, settings.value(f.name), f.default)
        if values.get("dataset") == "custom":  # drawn points live in sessions, not in settings
            values["dataset"] = "spiral"
        return TrainConfig(**values), None
    except ValueError as exc:
        return TrainConfig(), QCoreApplication.translate(
            "settings", "saved settings were invalid ({0}); using the defaults"
        ).format(error_text(exc))
    finally:
        settings.endGroup()


def _read_field(name: str, raw: object, default: object) -> object:
    """One saved value as TrainConfig wants it; ValueError in the app's words otherwise."""
    if raw is None:  # present but not decodable (a corrupt @Variant, say)
        raise ValueError(f"{name} could not be read")
    if isinstance(raw, (int, float)) and not isinstance(raw, bool):  # as written in this session
        raw = repr(raw)
    if not isinstance(raw, str):  # "3, 4" is read as a list, @ByteArray(...) as bytes
        raise ValueError(f"{name} must be a single value, got {quote(raw)}")
    text = raw.strip()
    if name in CHOICES:
        if text not in CHOICES[name]:
            raise ValueError(f"{name} must be one of {', '.join(CHOICES[name])}, got {quote(text)}")
        return text
    if name in LIMITS and not isinstance(default, bool):
        low, high = LIMITS[name]
        if isinstance(default, float):
            return parse_float(name, text, low, high)
        return parse_int(name, text, int(low), int(high))
    # A field without limits (added later): its type is its default's.
    if isinstance(default, bool):
        if text.lower() not in ("true", "false"):
            raise ValueError(f"{name} must be true or false, got {quote(text)}")
        return text.lower() == "true"
    if isinstance(default, int):
        return parse_int(name, text, -(2**63), 2**63 - 1)
    if isinstance(default, float):
        return parse_float(name, text, -float("inf"), float("inf"))
    if len(text) > 200:
        raise ValueError(f"{name} is too long, got {quote(text)}")
    return text


def save_config(settings: QSettings, config: TrainConfig) -> str | None:
    """Write the configuration (and drop unknown keys). None if written, else why not.

    The window shows the first message it gets in a session (once), not every one.
    """
    settings.beginGroup(_GROUP)
    for name, value in config.as_dict().items():
        if name in EXPERIMENT_FIELDS:
            continue
        settings.setValue(name, repr(value) if isinstance(value, float) else value)
    settings.endGroup()
    return _write(settings)


# -- the window -------------------------------------------------------------------------------------
def load_geometry(settings: QSettings) -> QByteArray | None:
    value = settings.value("window/geometry")
    return value if isinstance(value, QByteArray) else None


def save_geometry(settings: QSettings, geometry: QByteArray) -> str | None:
    """Write the window's geometry. None if written, else why not (see save_config).

    Earlier versions also wrote "window/state"; the window has no docks to restore, so that key
    is not known any more and is dropped on the next write."""
    settings.setValue("window/geometry", geometry)
    return _write(settings)


@dataclass(frozen=True, slots=True)
class ViewOptions:
    """How the views are shown, remembered between launches."""

    log_scale: bool = False  #: the loss curve's y axis is logarithmic
    log_x: bool = False  #: the loss curve's iteration axis is logarithmic


def load_view_options(settings: QSettings) -> ViewOptions:
    """The saved view options; anything unreadable is the default (a view option is no loss)."""
    def flag(key: str) -> bool:
        raw = settings.value(key)
        return raw is True or (isinstance(raw, str) and raw.strip().lower() in ("true", "1"))

    return ViewOptions(log_scale=flag("view/log_scale"), log_x=flag("view/log_x"))


def save_view_options(settings: QSettings, options: ViewOptions) -> str | None:
    """Write the view options. None if written, else why not (see save_config)."""
    settings.setValue("view/log_scale", options.log_scale)
    settings.setValue("view/log_x", options.log_x)
    return _write(settings)


def load_language(settings: QSettings) -> str:
    """The remembered language choice: "system" (the default), "en" or "ja"."""
    raw = settings.value("view/language")
    return raw if raw in ("system", "en", "ja") else "system"


def save_language(settings: QSettings, choice: str) -> str | None:
    """Remember the language choice. None if written, else why not (see save_config)."""
    settings.setValue("view/language", choice)
    return _write(settings)


def load_recent(settings: QSettings) -> list[str]:
    """The sessions opened or saved lately, newest first (paths; unreadable entries dropped)."""
    raw = settings.value("sessions/recent")
    items = [raw] if isinstance(raw, str) else raw if isinstance(raw, list) else []
    return [p for p in items if isinstance(p, str) and 0 < len(p) < 4096][:MAX_RECENT]


def save_recent(settings: QSettings, paths: list[str]) -> str | None:
    """Write the recent sessions list. None if written, else why not (see save_config)."""
    settings.setValue("sessions/recent", list(paths[:MAX_RECENT]))
    return _write(settings)


def add_recent(settings: QSettings, path: str) -> list[str]:
    """Put `path` first in the recent list (once) and write it; the new list."""
    paths = [path] + [p for p in load_recent(settings) if p != path]
    save_recent(settings, paths)
    return paths[:MAX_RECENT]


# -- playback and the decision regions -------------------------------------------------------------
def load_speed(settings: QSettings) -> float:
    """The saved playback speed (iterations per second, `inf` for Max); `pacing.DEFAULT_SPEED`
    when there is none or it is not one of `pacing.SPEEDS`."""
    raw = settings.value("playback/speed")
    try:
        rate = float(raw) if isinstance(raw, (str, int, float)) and not isinstance(raw, bool) else None
    except ValueError:
        rate = None
    return rate if rate in SPEEDS else DEFAULT_SPEED


def save_speed(settings: QSettings, rate: float) -> str | None:
    """Write the playback speed. None if written, else why not (see save_config)."""
    settings.setValue("playback/speed", repr(float(rate)))
    return _write(settings)


@dataclass(frozen=True, slots=True)
class RegionOptions:
    """How the decision regions are drawn, remembered between launches."""

    shaded: bool = True  #: fade each cell towards white as the model is less sure of its class
    palette: str = DEFAULT_PALETTE  #: one of `palettes.PALETTES`


def load_region_options(settings: QSettings) -> RegionOptions:
    """The saved region options; anything unreadable is the default (a view option is no loss)."""
    raw = settings.value("view/region_shading")
    shaded = not (raw is False or (isinstance(raw, str) and raw.strip().lower() in ("false", "0")))
    palette = settings.value("view/palette")
    return RegionOptions(shaded=shaded, palette=palette if palette in PALETTES else DEFAULT_PALETTE)


def save_region_options(settings: QSettings, options: RegionOptions) -> str | None:
    """Write the region options. None if written, else why not (see save_config)."""
    settings.setValue("view/region_shading", options.shaded)
    settings.setValue("view/palette", options.palette)
    return _write(settings)


# -- writing ----------------------------------------------------------------------------------------
def _write(settings: QSettings) -> str | None:
    """Drop keys the app does not write, then write the file; a message if that failed."""
    for key in settings.allKeys():
        value = settings.value(key) if key in KNOWN_KEYS else None
        if key not in KNOWN_KEYS or (isinstance(value, str) and len(value) > _MAX_TEXT):
            settings.remove(key)
    settings.sync()
    if settings.status() == QSettings.Status.AccessError:
        return f"the settings could not be saved: {settings.fileName()} cannot be written"
    if settings.status() == QSettings.Status.FormatError:
        return f"the settings could not be saved: {settings.fileName()} is not a settings file"
    return None
