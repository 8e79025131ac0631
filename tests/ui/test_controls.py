"""Each control, changed as a user changes it, and what the user then sees."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt

from spiral_gui.engine import TrainConfig, make_spiral

from .helpers import (
    TIMEOUT_MS,
    choose_model,
    classes_drawn,
    click,
    control,
    drawn_xy,
    points_drawn,
    region_image,
    shown_iteration,
    wait_status,
    wait_until_snapshot,
)


def _step(qtbot, window, times: int) -> None:
    start = window.last_snapshot.iteration
    for _ in range(times):
        click(qtbot, window, "step_button")
    wait_until_snapshot(qtbot, window, lambda s: s.iteration == start + times)
    assert window.loss_view.count == start + times


def _train_to_budget(qtbot, window, iterations: int) -> None:
    control(window, "iterations_spin").setValue(iterations)
    click(qtbot, window, "start_button")
    wait_status(qtbot, window, "finished")
    assert window.last_snapshot.iteration == iterations


def _sorted_rows(a: np.ndarray) -> np.ndarray:
    return a[np.lexsort(a.T)]


# -- N, K, seed, noise: new data ---------------------------------------------------------------
def test_n_changes_the_points_and_clears_the_curve(qtbot, window) -> None:
    _step(qtbot, window, 3)
    control(window, "n_spin").setValue(50)
    qtbot.waitUntil(lambda: points_drawn(window) == 150, timeout=10_000)
    assert classes_drawn(window) == 3
    assert window.loss_view.count == 0
    assert shown_iteration(window) == 0
    assert window.last_snapshot.config.n == 50


def test_typing_n_restarts_once(qtbot, window) -> None:
    run_ids: list[int] = []
    window.snapshot_drawn.connect(lambda snap: run_ids.append(snap.run_id))
    before = window.last_snapshot.run_id
    spin = control(window, "n_spin")
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin, "250")
    qtbot.keyClick(spin, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: points_drawn(window) == 750, timeout=10_000)
    qtbot.wait(200)  # let any further restarts arrive: there must be none
    assert sorted(set(run_ids) - {before}) == [before + 1], "typing '250' must restart exactly once"


@pytest.mark.parametrize("k", [5, 2])
def test_k_changes_the_classes_and_the_regions(qtbot, window, k) -> None:
    control(window, "k_spin").setValue(k)
    qtbot.waitUntil(lambda: classes_drawn(window) == k, timeout=10_000)
    assert points_drawn(window) == 100 * k
    assert set(np.unique(region_image(window))) <= set(range(k))
    _train_to_budget(qtbot, window, 300)
    # A net trained on K arms claims some of the plane for every one of them.
    assert set(np.unique(region_image(window))) == set(range(k))


def test_seed_moves_the_points(qtbot, window) -> None:
    before = drawn_xy(window)
    control(window, "seed_spin").setValue(1)
    qtbot.waitUntil(lambda: not np.array_equal(drawn_xy(window), before), timeout=10_000)
    after = drawn_xy(window)
    assert after.shape == before.shape == (300, 2)
    X, _ = make_spiral(100, 3, np.random.RandomState(1), 0.2)
    np.testing.assert_allclose(_sorted_rows(after), _sorted_rows(X))


def test_noise_moves_the_points(qtbot, window) -> None:
    before = drawn_xy(window)
    control(window, "noise_spin").setValue(0.0)
    qtbot.waitUntil(lambda: not np.array_equal(drawn_xy(window), before), timeout=10_000)
    # Without noise every point lies exactly on its arm: radius r, angle linspace(4j, 4j + 4).
    r = np.linspace(0.0, 1.0, 100)
    expected = np.concatenate(
        [np.c_[r * np.sin(t), r * np.cos(t)] for t in (np.linspace(4 * j, 4 * j + 4, 100) for j in range(3))]
    )
    np.testing.assert_allclose(_sorted_rows(drawn_xy(window)), _sorted_rows(expected), atol=1e-12)


# -- model, hidden size: new weights ----------------------------------------------------------
def test_model_change_reinitialises_the_weights(qtbot, window) -> None:
    _step(qtbot, window, 3)
    run = window.last_snapshot.run_id
    choose_model(window, "linear")
    snap = wait_until_snapshot(qtbot, window, lambda s: s.config.model == "linear")
    assert snap.run_id > run
    assert snap.iteration == 0 and shown_iteration(window) == 0
    assert window.loss_view.count == 0
    assert set(snap.params) == {"W", "b"}
    assert snap.params["W"].shape == (2, 3)
    assert "linear" in window.model_text.text().lower()
    assert points_drawn(window) == 300  # same data


def test_hidden_change_reinitialises_the_weights(qtbot, window) -> None:
    _step(qtbot, window, 3)
    control(window, "hidden_spin").setValue(50)
    snap = wait_until_snapshot(qtbot, window, lambda s: s.config.hidden == 50)
    assert snap.iteration == 0 and shown_iteration(window) == 0
    assert window.loss_view.count == 0
    assert snap.params["W"].shape == (2, 50)
    assert snap.params["W2"].shape == (50, 3)


# -- step_size, reg: live, no reset -------------------------------------------------------------
@pytest.mark.parametrize(("name", "value"), [("step_size", 0.5), ("reg", 0.01)])
def test_live_hyperparameter_keeps_training(qtbot, window, name, value) -> None:
    control(window, "iterations_spin").setValue(10_000_000)
    click(qtbot, window, "start_button")
    first = wait_until_snapshot(qtbot, window, lambda s: s.status == "running" and s.iteration > 0)
    control(window, f"{name}_spin").setValue(value)
    changed = wait_until_snapshot(
        qtbot, window, lambda s: getattr(s.config, name) == pytest.approx(value)
    )
    assert changed.run_id == first.run_id
    assert changed.iteration > first.iteration
    # ... and it goes on from there, with the new value.
    later = wait_until_snapshot(qtbot, window, lambda s: s.iteration > changed.iteration)
    assert later.status == "running"
    assert getattr(later.config, name) == pytest.approx(value)
    click(qtbot, window, "start_button")  # Pause
    paused = wait_status(qtbot, window, "paused")
    assert window.loss_view.count == paused.iteration  # one curve, never cleared


def test_budget_change_shows_in_the_readouts(qtbot, window) -> None:
    control(window, "iterations_spin").setValue(500)
    snap = wait_until_snapshot(qtbot, window, lambda s: s.config.iterations == 500)
    assert snap.iteration == 0
    assert control(window, "iteration_label").text() == "0 / 500"
    assert window.progress.maximum() == 500


# -- refusal -----------------------------------------------------------------------------------------
def _refused_route(window) -> tuple[list[tuple[str, int]], str]:
    """Changes a user can make, each accepted, whose last one the engine refuses (and why).

    The widgets' ranges are the engine's per-field limits, so only a combination can be refused:
    the memory budget of N x K examples. The route is found from the widgets' own maxima and
    the engine's validation, so it follows the limits wherever they are set.
    """
    n_max = control(window, "n_spin").maximum()
    k_max = control(window, "k_spin").maximum()
    h_max = control(window, "hidden_spin").maximum()
    for route in ([("k", k_max), ("n", n_max)], [("k", k_max), ("hidden", h_max), ("n", n_max)]):
        config = TrainConfig()
        for field, value in route[:-1]:
            config = config.replace(**{field: value})  # must be accepted
        try:
            config.replace(**dict(route[-1:]))
        except ValueError as exc:
            return route, str(exc)
    pytest.skip("no configuration within the widgets' ranges is over the engine's memory budget")


def test_configuration_over_the_memory_budget_is_refused(qtbot, window) -> None:
    route, reason = _refused_route(window)
    *accepted, (field, value) = route
    for name, v in accepted:
        control(window, f"{name}_spin").setValue(v)
        wait_until_snapshot(qtbot, window, lambda s, name=name, v=v: getattr(s.config, name) == v)
    before = window.last_snapshot.config
    drawn = points_drawn(window)
    spin = control(window, f"{field}_spin")
    spin.setValue(value)

    assert spin.value() == getattr(before, field), "the refused value must be put back at the widget"
    message = window.panel.message_label.text()
    assert "Not applied" in message
    assert reason in message
    assert "Not applied" in window.statusBar().currentMessage()

    # Nothing froze and nothing was sent: the window still trains the accepted configuration.
    _step(qtbot, window, 1)
    assert window.last_snapshot.config == before
    assert points_drawn(window) == drawn

    # The next accepted change clears the message.
    control(window, "n_spin").setValue(50)
    qtbot.waitUntil(lambda: window.last_snapshot.config.n == 50, timeout=10_000)
    assert window.panel.message_label.text() == ""


# -- the noise shown is the noise used -------------------------------------------------------------
def test_a_precise_noise_is_shown_as_used(make_window) -> None:
    """A saved noise of 0.12345 used to read 0.123 in the panel while 0.12345 was trained."""
    window = make_window(config=TrainConfig(noise=0.12345))
    box = control(window, "noise_spin")
    assert box.text() == "0.12345"
    assert box.value() == window.panel.config().noise == window.last_snapshot.config.noise == 0.12345
    assert control(make_window().panel, "noise_spin").text() == "0.2"  # no trailing zeros


def test_noise_steps_land_on_round_values(window, qtbot) -> None:
    box = control(window, "noise_spin")
    box.setValue(0.1)
    changes: list[float] = []
    window.panel.config_changed.connect(lambda cfg, _f: changes.append(cfg.noise))
    box.stepBy(1)
    assert changes == [0.15] and box.text() == "0.15"
    box.stepBy(-4)
    assert changes == [0.15, 0.0] and box.text() == "0"


# -- a budget lowered below the iteration reached --------------------------------------------------
def test_budget_lowered_below_the_iteration_finishes_the_run(window, qtbot) -> None:
    for _ in range(5):
        click(qtbot, window, "step_button")
    qtbot.waitUntil(lambda: window.last_snapshot.iteration == 5, timeout=TIMEOUT_MS)
    control(window, "iterations_spin").setValue(2)
    qtbot.waitUntil(lambda: window.last_snapshot.config.iterations == 2, timeout=TIMEOUT_MS)
    assert window.last_snapshot.status == "finished"
    assert control(window, "iteration_label").text() == "5 / 2"  # where it stopped, and the budget
    assert not control(window, "start_button").isEnabled()
    assert not control(window, "step_button").isEnabled()
    assert window.statusBar().currentMessage().startswith("finished: 5 iterations")
    # Raising it again lets training go on from iteration 5.
    control(window, "iterations_spin").setValue(7)
    qtbot.waitUntil(lambda: control(window, "start_button").isEnabled(), timeout=TIMEOUT_MS)
    assert control(window, "iteration_label").text() == "5 / 7"
    click(qtbot, window, "step_button")
    qtbot.waitUntil(lambda: window.last_snapshot.iteration == 6, timeout=TIMEOUT_MS)
