"""Where the window's parameters and geometry persist between launches. The only module that
touches QSettings, so tests can hand the window an INI file of their own."""

from __future__ import annotations

from dataclasses import fields
from typing import Any

from PySide6.QtCore import QByteArray, QSettings

from ..engine.config import TrainConfig

_GROUP = "config"


def default_settings() -> QSettings:
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "spiral-gui", "spiral-gui")


def load_config(settings: QSettings) -> tuple[TrainConfig, str | None]:
    """The saved configuration, or the defaults and a note saying why they were used."""
    settings.allKeys()  # QSettings parses lazily: read everything before asking for its status
    if settings.status() != QSettings.Status.NoError:
        return TrainConfig(), f"settings file {settings.fileName()} is unreadable; using the defaults"
    settings.beginGroup(_GROUP)
    try:
        if not settings.childKeys():
            return TrainConfig(), None
        values: dict[str, Any] = {}
        present = set(settings.childKeys())
        for f in fields(TrainConfig):
            if f.name not in present:
                continue
            raw = settings.value(f.name)
            if raw is None:  # present but not decodable (a corrupt @Variant, say)
                raise ValueError(f"{f.name} could not be read")
            values[f.name] = raw if f.name == "model" else _number(raw, f.type)
        return TrainConfig(**values), None
    except (ValueError, TypeError) as exc:
        return TrainConfig(), f"saved settings were invalid ({exc}); using the defaults"
    finally:
        settings.endGroup()


def _number(raw: object, type_name: object) -> int | float:
    text = str(raw).strip()
    if type_name in (int, "int"):
        return int(text)
    return float(text)


def save_config(settings: QSettings, config: TrainConfig) -> None:
    settings.beginGroup(_GROUP)
    for name, value in config.as_dict().items():
        settings.setValue(name, repr(value) if isinstance(value, float) else value)
    settings.endGroup()


def load_geometry(settings: QSettings) -> QByteArray | None:
    value = settings.value("window/geometry")
    return value if isinstance(value, QByteArray) else None


def save_geometry(settings: QSettings, geometry: QByteArray) -> None:
    settings.setValue("window/geometry", geometry)
    settings.remove("window/state")  # written by earlier versions; the window has no docks to restore
    settings.sync()
