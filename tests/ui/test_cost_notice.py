"""Enormous configurations give signs of life in the window: a note that one iteration will
take minutes, "building the data…" while the first picture is prepared, and progress within an
iteration in the status bar. Small configurations with a slow rate stand in for huge ones."""

from __future__ import annotations

import pytest

from spiral_gui.engine import TrainConfig, cost
from spiral_gui.ui import worker as worker_module
from spiral_gui.ui.cost_notice import progress_text

from .helpers import TIMEOUT_MS, click, control

HUGE = TrainConfig(n=1_000_000, k=15, hidden=4096)


def test_the_case_study_has_no_note(window) -> None:
    assert not control(window, "cost_label").isVisible()


def test_a_huge_configuration_is_announced(window, monkeypatch) -> None:
    monkeypatch.setattr(cost, "_measured", 0.5e-9)  # this machine's rate, as measured
    window.cost_notice.show_config(HUGE, new_run=True)
    label = control(window, "cost_label")
    assert label.isVisible()
    seconds = cost.iteration_units(HUGE) * 0.5e-9
    assert 60 < seconds < 3600
    assert f"One iteration will take about {seconds // 60:.0f} min" in label.text()
    assert window.statusBar().currentMessage().startswith("building the data and the first picture")
    assert window.cost_notice.building


def test_the_note_follows_the_panel(window, qtbot, monkeypatch) -> None:
    """A slow machine (as measured) makes hidden 300 take seconds an iteration."""
    monkeypatch.setattr(cost, "_measured", 2e-5)
    label = control(window, "cost_label")
    control(window, "hidden_spin").setValue(300)
    assert label.isVisible() and "One iteration will take about" in label.text()
    qtbot.waitUntil(lambda: window.last_snapshot.config.hidden == 300, timeout=TIMEOUT_MS)
    assert not window.cost_notice.building  # the first picture came
    monkeypatch.setattr(cost, "_measured", 1e-9)
    control(window, "hidden_spin").setValue(100)
    assert not label.isVisible()


def test_progress_within_an_iteration_reaches_the_status_bar(make_window, qtbot, monkeypatch) -> None:
    # Report every row block at once (a real run reports after 0.2 s, every 0.1 s at most).
    monkeypatch.setattr(worker_module, "PROGRESS_AFTER_S", 0.0)
    monkeypatch.setattr(worker_module, "PROGRESS_EVERY_S", 0.0)
    window = make_window(config=TrainConfig(n=1000, k=3, hidden=4096, iterations=10))  # 3 blocks
    shown: list[str] = []
    window.statusBar().messageChanged.connect(shown.append)
    reports: list[tuple] = []
    window.runner.iteration_progress.connect(lambda *args: reports.append(args))
    click(qtbot, window, "step_button")
    qtbot.waitUntil(lambda: window.last_snapshot.iteration == 1, timeout=TIMEOUT_MS)
    qtbot.waitUntil(lambda: len(reports) == 2, timeout=TIMEOUT_MS)
    assert [r[:3] for r in reports] == [(1, 1, 3), (1, 2, 3)]
    assert all(r[3] >= 0 for r in reports)
    assert any(s.startswith("iteration 1: 33% of the rows") for s in shown), shown
    assert any(s.startswith("iteration 1: 66% of the rows") for s in shown), shown


def test_progress_text() -> None:
    assert progress_text(1, 37, 100, 37.0) == (
        "iteration 1: 37% of the rows, about 1 min 03 s left in this iteration"
    )
    assert progress_text(12_345, 0, 10, 0.0) == "iteration 12,345: 0% of the rows"


@pytest.mark.parametrize("seconds", [0.5, 2.9])
def test_quick_iterations_are_not_announced(window, monkeypatch, seconds: float) -> None:
    config = TrainConfig(hidden=300)
    monkeypatch.setattr(cost, "_measured", seconds / cost.iteration_units(config))
    window.cost_notice.show_config(config, new_run=False)
    assert not control(window, "cost_label").isVisible()
