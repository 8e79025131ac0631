"""Spin boxes step logarithmically: step_size, reg and eps along 1-2-5, the batch size by
doubling; the rules alone, then through the real widgets and keys."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from spiral_gui.engine import TrainConfig
from spiral_gui.ui.spinboxes import doubling, one_two_five

from .helpers import control, wait_until_snapshot


def _walk(value, steps, low=1e-6, high=1e6, smallest=1e-6):
    out = [value]
    for _ in range(steps if steps > 0 else -steps):
        value = one_two_five(value, 1 if steps > 0 else -1, low, high, smallest)
        out.append(value)
    return out


def test_one_two_five_up_and_down() -> None:
    assert _walk(1.0, 6) == [1, 2, 5, 10, 20, 50, 100]
    assert _walk(1.0, -6) == [1, 0.5, 0.2, 0.1, 0.05, 0.02, 0.01]
    assert _walk(1e-3, 3) == [1e-3, 2e-3, 5e-3, 1e-2]  # exact decimals, no 0.0020000000000000005
    assert one_two_five(1e-3, 9, 1e-6, 1e6, 1e-6) == 1.0  # three steps a decade


def test_one_two_five_off_the_sequence_and_at_the_ends() -> None:
    assert one_two_five(0.3, 1, 0, 10, 1e-6) == 0.5
    assert one_two_five(0.3, -1, 0, 10, 1e-6) == 0.2
    assert one_two_five(1e6, 1, 1e-6, 1e6, 1e-6) == 1e6  # held at the top
    assert one_two_five(5e5, 1, 1e-6, 1e6, 1e-6) == 1e6
    assert one_two_five(1e-6, -1, 1e-6, 1e6, 1e-6) == 1e-6  # held at the bottom
    # reg may be 0: one step below the smallest value, and back.
    assert one_two_five(1e-6, -1, 0.0, 1e3, 1e-6) == 0.0
    assert one_two_five(0.0, -1, 0.0, 1e3, 1e-6) == 0.0
    assert one_two_five(0.0, 1, 0.0, 1e3, 1e-6) == 1e-6


def test_doubling() -> None:
    assert [doubling(0, i, 0, 10**6) for i in range(6)] == [0, 1, 2, 4, 8, 16]
    assert doubling(32, -1, 0, 10**6) == 16 and doubling(1, -1, 0, 10**6) == 0
    assert doubling(100, 1, 0, 10**6) == 128 and doubling(100, -1, 0, 10**6) == 64
    assert doubling(524_288, 1, 0, 10**6) == 10**6 and doubling(10**6, 1, 0, 10**6) == 10**6
    assert doubling(10**6, -1, 0, 10**6) == 524_288


@pytest.mark.parametrize(
    ("name", "start", "key", "expected"),
    [("step_size", 1.0, Qt.Key.Key_Up, [2.0, 5.0, 10.0]),
     ("step_size", 1.0, Qt.Key.Key_Down, [0.5, 0.2, 0.1]),
     ("reg", 1e-3, Qt.Key.Key_Up, [2e-3, 5e-3, 1e-2])],
)
def test_arrow_keys_step_along_one_two_five(qtbot, make_window, name, start, key, expected) -> None:
    window = make_window(config=TrainConfig(n=20, **{name: start}))
    spin = control(window, f"{name}_spin")
    spin.setFocus()
    seen = []
    for value in expected:
        qtbot.keyClick(spin, key)
        seen.append(getattr(window.panel.config(), name))
        wait_until_snapshot(qtbot, window, lambda s, v=value: getattr(s.config, name) == pytest.approx(v))
    assert seen == pytest.approx(expected)
    assert spin.value() == pytest.approx(expected[-1])


def test_the_batch_size_doubles_from_full_batch(qtbot, make_window) -> None:
    window = make_window(config=TrainConfig(n=20))
    spin = control(window, "batch_spin")
    spin.setFocus()
    for expected in (1, 2, 4, 8):
        qtbot.keyClick(spin, Qt.Key.Key_Up)
        assert window.panel.config().batch_size == expected
    for _ in range(4):
        qtbot.keyClick(spin, Qt.Key.Key_Down)
    assert window.panel.config().batch_size == 0 and spin.text() == "full batch"
