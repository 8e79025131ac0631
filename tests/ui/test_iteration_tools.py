"""Step into (one iteration line by line), the mask line in full, the gradient check, the mask
experiment, the notes' figures on the loss plot, and which weights the readouts belong to."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtWidgets import QCheckBox, QLabel, QTableWidget

from spiral_gui.engine.config import TrainConfig
from spiral_gui.engine.status import Status
from spiral_gui.ui.iteration_tools import MAX_STEP_CELLS, step_into_refusal

from .helpers import TIMEOUT_MS, choose_model, click, control, settings_at, wait_until_snapshot


def _open_stepper(qtbot, window):
    click(qtbot, window, "step_into_button")
    tools = window.iteration_tools
    qtbot.waitUntil(lambda: tools.stepper is not None, timeout=TIMEOUT_MS)
    view = control(window, "iteration_view")
    assert view.isVisible()
    return tools, view


def _table(window) -> dict[str, tuple[str, str]]:
    """array -> (max relative error text, result mark) as the gradient check's table shows them."""
    table = control(window, "gradcheck_table")
    assert isinstance(table, QTableWidget)
    return {table.item(r, 0).text(): (table.item(r, 2).text(), table.item(r, 3).text())
            for r in range(table.rowCount())}


def _run_check(qtbot, window):
    tools = window.iteration_tools
    before = tools.last_check
    click(qtbot, window, "gradcheck_button")
    qtbot.waitUntil(lambda: tools.last_check is not None and tools.last_check is not before, timeout=30_000)
    return tools.last_check


# -- step into ---------------------------------------------------------------------------------
def test_every_line_then_finish_lands_where_one_step_does(qtbot, make_window) -> None:
    stepped = make_window()
    lined = make_window()
    click(qtbot, stepped, "step_button")
    wait_until_snapshot(qtbot, stepped, lambda s: s.iteration == 1)

    tools, view = _open_stepper(qtbot, lined)
    stepper = tools.stepper
    assert control(lined, "finish_button").isEnabled() is False
    for _ in range(len(stepper.lines)):
        click(qtbot, lined, "next_line_button")
        result = stepper.current
        # What the line produced is what the view shows: its name, and its array in the map.
        if result.mask is None:
            assert result.record.name in control(lined, "line_record").text()
            shown = view.line_map.array.ravel()
            np.testing.assert_array_equal(shown, np.asarray(result.record.value).ravel())
    assert stepper.at_end
    assert not control(lined, "next_line_button").isEnabled()
    click(qtbot, lined, "finish_button")
    snap = wait_until_snapshot(qtbot, lined, lambda s: s.iteration == 1)

    expected = stepped.runner.last_snapshot.params
    for name, value in expected.items():
        assert np.array_equal(snap.params[name], value), name  # bit for bit
    assert "Step taken" in control(lined, "iteration_message").text()
    # The view has moved on to the next iteration, nothing run yet.
    qtbot.waitUntil(lambda: tools.stepper is not None and tools.stepper.at_start, timeout=TIMEOUT_MS)
    assert "Iteration 1 " in control(lined, "iteration_title").text()


def test_back_goes_one_line_back(qtbot, window) -> None:
    tools, view = _open_stepper(qtbot, window)
    assert not control(window, "back_button").isEnabled()
    for _ in range(3):
        click(qtbot, window, "next_line_button")
    third = tools.stepper.current
    click(qtbot, window, "next_line_button")
    click(qtbot, window, "back_button")
    assert tools.stepper.position == 3
    assert tools.stepper.current is third
    assert view.lines_list.currentItem().text() == third.line.source
    np.testing.assert_array_equal(view.line_map.array.ravel(), np.asarray(third.record.value).ravel())
    for _ in range(3):
        click(qtbot, window, "back_button")
    assert tools.stepper.at_start and not control(window, "back_button").isEnabled()


def test_step_into_pauses_a_running_run(qtbot, window) -> None:
    control(window, "iterations_spin").setValue(10_000_000)
    click(qtbot, window, "start_button")
    wait_until_snapshot(qtbot, window, lambda s: s.status == Status.RUNNING and s.iteration > 0)
    tools, _view = _open_stepper(qtbot, window)
    snap = window.last_snapshot
    assert snap.status == Status.PAUSED and not window.runner.running
    np.testing.assert_array_equal(tools.stepper.start_params()["W"], snap.params["W"])


def test_the_mask_line_counts_the_zeroed_entries_of_the_real_arrays(qtbot, window) -> None:
    click(qtbot, window, "step_button")
    snap = wait_until_snapshot(qtbot, window, lambda s: s.iteration == 1)
    tools, view = _open_stepper(qtbot, window)
    while tools.stepper.current is None or tools.stepper.current.mask is None:
        click(qtbot, window, "next_line_button")
    assert tools.stepper.current.line.source == "dhidden[hidden_layer <= 0] = 0"
    # The real arrays, computed here from the run's own weights and data.
    p = snap.params
    hidden_layer = np.maximum(0, snap.X @ p["W"] + p["b"])
    mask = hidden_layer <= 0
    count = np.count_nonzero(mask)
    assert 0 < count < mask.size
    text = control(window, "mask_count_label").text()
    assert f"{count:,} of {mask.size:,} entries set to 0" in text
    np.testing.assert_array_equal(view.mask_view.mask_map.array, mask)
    dhidden_before = view.mask_view.before_map.array
    after = view.mask_view.after_map.array
    assert np.all(after[mask] == 0) and np.array_equal(after[~mask], dhidden_before[~mask])
    assert "np.where(hidden_layer > 0, dhidden, 0)" in control(window, "mask_equivalents").text()
    example = control(window, "mask_worked_example").text()
    assert "passes" in example and "blocked" in example
    # Hovering a zeroed cell names it.
    i, j = np.argwhere(mask)[0]
    assert "set to 0" in view.mask_view.after_map.describe(int(i), int(j))


def test_a_configuration_too_large_for_line_by_line_is_refused_with_a_reason() -> None:
    big = TrainConfig(n=1000, k=3, hidden=2000)
    assert MAX_STEP_CELLS < 3000 * 2000
    assert step_into_refusal(big, 3000) == "size"
    assert step_into_refusal(TrainConfig(), 300) is None
    assert step_into_refusal(TrainConfig(optimizer="adam"), 300) == "optimizer"


# -- the gradient check and the mask experiment ---------------------------------------------------
def test_gradient_check_passes_then_fails_without_the_mask(qtbot, window) -> None:
    for i in range(3):
        click(qtbot, window, "step_button")
        wait_until_snapshot(qtbot, window, lambda s, n=i + 1: s.iteration == n)
    check = _run_check(qtbot, window)
    rows = _table(window)
    assert set(rows) == {"W", "b", "W2", "b2"}
    for name, (error, mark) in rows.items():
        if error != "–":  # every entry at a kink
            assert float(error) <= 1e-6, name
            assert mark == "✔"
    assert check.passed()
    summary = control(window, "gradcheck_summary").text()
    assert "1e-6" in summary

    mask = control(window, "mask_check")
    assert isinstance(mask, QCheckBox) and mask.isEnabled() and not mask.isChecked()
    mask.setChecked(True)
    wait_until_snapshot(qtbot, window, lambda s: s.config.skip_mask and s.iteration == 0)
    assert control(window, "mask_warning").isVisible()
    assert "what the line is for" in control(window, "mask_warning").text()
    _run_check(qtbot, window)
    rows = _table(window)
    assert float(rows["W"][0]) > 1e-2 and rows["W"][1] == "✘"
    assert "what the line is for" in control(window, "gradcheck_summary").text()

    # Off again: the notes' run, from the same weights.
    mask.setChecked(False)
    snap = wait_until_snapshot(qtbot, window, lambda s: not s.config.skip_mask and s.iteration == 0)
    assert not control(window, "mask_warning").isVisible()
    assert snap.config == TrainConfig()


def test_skip_mask_steps_line_by_line_without_the_mask_line(qtbot, window) -> None:
    control(window, "mask_check").setChecked(True)
    wait_until_snapshot(qtbot, window, lambda s: s.config.skip_mask)
    tools, _view = _open_stepper(qtbot, window)
    sources = [line.source for line in tools.stepper.lines]
    assert "dhidden[hidden_layer <= 0] = 0" not in sources
    for _ in sources:
        click(qtbot, window, "next_line_button")
    click(qtbot, window, "finish_button")
    snap = wait_until_snapshot(qtbot, window, lambda s: s.iteration == 1)
    message = control(window, "iteration_message").text()
    assert "Step taken: the run's new weights are the update lines'" in message
    assert snap.config.skip_mask


def test_the_mask_experiment_is_off_for_the_softmax_and_never_saved(qtbot, make_window, tmp_path) -> None:
    ini = tmp_path / "mask.ini"
    window = make_window(ini)
    mask = control(window, "mask_check")
    mask.setChecked(True)
    wait_until_snapshot(qtbot, window, lambda s: s.config.skip_mask)
    window.close()
    keys = settings_at(ini).allKeys()
    assert "config/model" in keys and not any("skip_mask" in k for k in keys)
    again = make_window(ini)
    assert not control(again, "mask_check").isChecked()
    assert not again.runner.config.skip_mask

    control(again, "mask_check").setChecked(True)
    wait_until_snapshot(qtbot, again, lambda s: s.config.skip_mask)
    choose_model(again, "linear")
    snap = wait_until_snapshot(qtbot, again, lambda s: s.config.model == "linear" and not s.config.skip_mask)
    assert snap.config.skip_mask is False
    mask = control(again, "mask_check")
    assert not mask.isEnabled() and not mask.isChecked()
    assert "no hidden layer" in mask.toolTip()


# -- the notes' figures, and the readouts ----------------------------------------------------------
def test_the_badge_matches_the_notes_after_200_linear_iterations(qtbot, make_window) -> None:
    window = make_window(config=TrainConfig(model="linear", iterations=200))
    badge = control(window, "casestudy_badge")
    assert isinstance(badge, QLabel) and badge.isVisible()
    markers = window.iteration_tools.badge.markers
    assert markers.isVisible() and len(markers.getData()[0]) == 20
    click(qtbot, window, "start_button")
    wait_until_snapshot(qtbot, window, lambda s: s.status == Status.FINISHED, timeout=30_000)
    assert badge.text() == "matches the notes: iteration 190, 0.786302 = 0.786302 ✔"

    control(window, "seed_spin").setValue(1)
    wait_until_snapshot(qtbot, window, lambda s: s.config.seed == 1)
    assert not badge.isVisible() and not markers.isVisible()


def test_the_badge_compares_the_net_with_the_learners_run(qtbot, window) -> None:
    badge = control(window, "casestudy_badge")
    assert badge.isVisible() and "learner's printed run" in badge.text()
    assert list(window.iteration_tools.badge.markers.getData()[1])[:2] == pytest.approx([1.098513, 0.303631])


def test_after_a_step_the_readouts_say_which_weights_they_belong_to(qtbot, window) -> None:
    note = control(window, "weights_note")
    assert "initial weights" in note.text()
    for i in range(5):
        click(qtbot, window, "step_button")
        wait_until_snapshot(qtbot, window, lambda s, n=i + 1: s.iteration == n)
    expected = "loss of the weights at iteration 4; accuracy of the weights after iteration 4"
    assert note.text() == expected
    assert control(window, "loss_label").toolTip() == expected
