"""Bad text typed into every numeric field: it is refused or clamped, never let through.

Typing goes through the real line edits (select all, type, then Enter or a focus change), so the
widgets' own validators take part, as they do for a user.
"""

from __future__ import annotations

import math
from dataclasses import fields

import pyqtgraph as pg
import pytest
from PySide6.QtCore import Qt

from spiral_gui.engine.config import LIMITS, MEMORY_BUDGET_BYTES, TrainConfig

from .conftest import Barrier

BAD_TEXTS = ("nan", "inf", "-1", "1e999", "abc", "99999999999", "")
#: Good text per field, typed last both ways, to prove the commits above really commit.
GOOD_TEXTS = {
    "n": ("7", 7, "8", 8),
    "k": ("4", 4, "5", 5),
    "hidden": ("7", 7, "8", 8),
    "seed": ("7", 7, "8", 8),
    "noise": ("0.5", 0.5, "0.25", 0.25),
    "iterations": ("7", 7, "8", 8),
    "step_size": ("0.25", 0.25, "0.125", 0.125),
    "reg": ("0.5", 0.5, "0.25", 0.25),
    "test_fraction": ("0.3", 0.3, "0.25", 0.25),
    "batch_size": ("7", 7, "8", 8),
    "momentum": ("0.5", 0.5, "0.25", 0.25),
    "beta1": ("0.5", 0.5, "0.25", 0.25),
    "beta2": ("0.99", 0.99, "0.9", 0.9),
    "decay_rate": ("0.5", 0.5, "0.25", 0.25),
    "eps": ("0.001", 0.001, "1e-5", 1e-5),
}
#: A configuration per field on which any value the field accepts stays cheap to build.
BASES = {
    "n": TrainConfig(model="linear", n=10, k=2, iterations=100),
    "k": TrainConfig(model="linear", n=10, k=3, iterations=100),
    "hidden": TrainConfig(model="nn", n=1, k=2, hidden=10, iterations=100),
    "seed": TrainConfig(model="linear", n=10, k=2, seed=5, iterations=100),
    "noise": TrainConfig(model="linear", n=10, k=2, iterations=100),
    "iterations": TrainConfig(model="linear", n=10, k=2, iterations=100),
    "step_size": TrainConfig(model="linear", n=10, k=2, step_size=0.5, iterations=100),
    "reg": TrainConfig(model="linear", n=10, k=2, reg=0.01, iterations=100),
    "test_fraction": TrainConfig(model="linear", n=10, k=2, iterations=100),
    "batch_size": TrainConfig(model="linear", n=10, k=2, batch_size=5, iterations=100),
    # An optimizer's constants are shown with that optimizer only.
    "momentum": TrainConfig(model="linear", n=10, k=2, optimizer="momentum", iterations=100),
    "beta1": TrainConfig(model="linear", n=10, k=2, optimizer="adam", step_size=0.01, iterations=100),
    "beta2": TrainConfig(model="linear", n=10, k=2, optimizer="adam", step_size=0.01, iterations=100),
    "decay_rate": TrainConfig(model="linear", n=10, k=2, optimizer="rmsprop", step_size=0.01, iterations=100),
    "eps": TrainConfig(model="linear", n=10, k=2, optimizer="adam", step_size=0.01, iterations=100),
}

#: Spin boxes not named after their field.
SPIN_NAMES = {"batch_size": "batch_spin"}


def type_into(qtbot, window, spin, text: str, commit: str) -> tuple[str, bool]:
    """Select all, type `text` (or delete everything), commit; the text and validity as typed."""
    edit = spin.lineEdit()
    spin.setFocus()
    edit.selectAll()
    if text:
        qtbot.keyClicks(edit, text)
    else:
        qtbot.keyClick(edit, Qt.Key.Key_Delete)
    typed, valid = edit.text(), getattr(spin, "textValid", True)
    if commit == "enter":
        qtbot.keyClick(edit, Qt.Key.Key_Return)
    else:
        window.start_button.setFocus()  # focus moves on: editing finishes
        qtbot.waitUntil(lambda: not spin.hasFocus() and not edit.hasFocus(), timeout=2_000)
    return typed, valid


def assert_valid_and_shown(window, name: str) -> None:
    config = window.panel.config()
    TrainConfig(**config.as_dict())  # still a valid configuration
    value = getattr(config, name)
    low, high = LIMITS[name]
    assert isinstance(value, float | int) and math.isfinite(value) and low <= value <= high, value
    shown = window.panel.widget_value(name)
    assert math.isfinite(shown) and low <= shown <= high, shown
    assert shown == pytest.approx(value, rel=1e-9, abs=0.0), f"{name}: widget {shown} vs config {value}"


@pytest.mark.parametrize("name", list(BASES))
def test_bad_text_is_refused_or_clamped(make_window, qtbot, name: str) -> None:
    window = make_window(config=BASES[name])
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2_000)
    barrier = Barrier(qtbot, window)
    spin = getattr(window.panel, SPIN_NAMES.get(name, f"{name}_spin"))
    is_pg = isinstance(spin, pg.SpinBox)
    with qtbot.captureExceptions() as exceptions:
        for i, text in enumerate(BAD_TEXTS):
            before = getattr(window.panel.config(), name)
            commit = "enter" if i % 2 == 0 else "focus"
            typed, valid_while_typed = type_into(qtbot, window, spin, text, commit)
            barrier()
            where = f"{name}: typed {text!r} (line edit showed {typed!r}), committed by {commit}"
            assert not exceptions, f"{where}: {exceptions}"
            assert_valid_and_shown(window, name)
            after = getattr(window.panel.config(), name)
            if is_pg:
                # pyqtgraph's SpinBox marks text it cannot take, and keeps its value.
                assert not valid_while_typed or after == before, where
                assert after == before, f"{where}: {before} became {after}"
            if text in ("nan", "inf", "abc", ""):
                assert after == before, f"{where}: {before} became {after}"
            # The worker got whatever was accepted, and nothing else.
            assert window.last_snapshot.config == window.panel.config(), where
            assert window.worker_thread.isRunning()
        enter_text, enter_value, focus_text, focus_value = GOOD_TEXTS[name]
        for text, value, commit in ((enter_text, enter_value, "enter"), (focus_text, focus_value, "focus")):
            type_into(qtbot, window, spin, text, commit)
            barrier()
            assert getattr(window.panel.config(), name) == value, f"{name}: {text!r} by {commit}"
            assert getattr(window.last_snapshot.config, name) == value
        assert not exceptions, exceptions


def _over_budget_base() -> tuple[TrainConfig, int] | None:
    """The cheapest configuration that goes over the memory budget when only N is raised to its maximum."""
    n_max = int(LIMITS["n"][1])
    k_max, h_max = int(LIMITS["k"][1]), int(LIMITS["hidden"][1])
    for base in (
        TrainConfig(model="linear", n=1, k=k_max, iterations=100),
        TrainConfig(model="nn", n=1, k=2, hidden=h_max, iterations=100),
        TrainConfig(model="nn", n=1, k=k_max, hidden=h_max, iterations=100),
    ):
        try:
            base.replace(n=n_max)
        except ValueError as exc:
            if "budget" in str(exc):
                return base, n_max
    return None


def test_config_over_the_memory_budget_is_refused_at_the_controls(make_window, qtbot) -> None:
    found = _over_budget_base()
    if found is None:
        pytest.skip(f"no configuration within LIMITS needs more than {MEMORY_BUDGET_BYTES:,} bytes")
    base, n_max = found
    window = make_window(config=base)
    barrier = Barrier(qtbot, window)
    type_into(qtbot, window, window.panel.n_spin, str(n_max), "enter")
    barrier()
    message = window.panel.message_label.text()
    assert "GiB" in message and "budget" in message, message
    assert "GiB" in window.statusBar().currentMessage()
    assert window.panel.config() == base
    assert window.panel.n_spin.value() == base.n  # put back
    assert window.last_snapshot.config == base
    # A valid value afterwards is applied, and clears the message.
    window.panel.n_spin.setValue(2)
    barrier()
    assert window.panel.config().n == 2 and window.last_snapshot.config.n == 2
    assert window.panel.message_label.text() == ""


#: Numeric fields the panel has no spin box for: set on the command line only.
NO_SPIN_BOX: set[str] = set()


def test_every_numeric_field_is_covered() -> None:
    from spiral_gui.engine.config import CHOICES

    numeric = {f.name for f in fields(TrainConfig) if f.type in ("int", "float")} - set(CHOICES)
    assert numeric - NO_SPIN_BOX - PANEL_PENDING == set(BASES)


#: Numeric fields whose spin box the panel does not have yet; each gets a BASES entry with it.
PANEL_PENDING: set[str] = set()
