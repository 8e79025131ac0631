"""The "Optimizer and network" section, used as a learner uses it: what each choice shows,
what it trains with, and what the window explains about it."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt

from spiral_gui.engine import TrainConfig, Trainer
from spiral_gui.engine.config import FIELD_HELP, LIMITS

from .helpers import click, control, wait_status, wait_until_snapshot

OPTION_WIDGETS = {
    "batch_size": "batch_spin",
    "optimizer": "optimizer_combo",
    "momentum": "momentum_spin",
    "beta1": "beta1_spin",
    "beta2": "beta2_spin",
    "decay_rate": "decay_rate_spin",
    "eps": "eps_spin",
    "activation": "activation_combo",
    "init": "init_combo",
    "dtype": "dtype_combo",
}
SMALL = TrainConfig(n=30, hidden=20)


def choose(window, name: str, value: str) -> None:
    combo = control(window, OPTION_WIDGETS[name])
    index = combo.findData(value)
    assert index >= 0, f"no {value!r} in {name}"
    combo.setCurrentIndex(index)


def test_adam_chosen_in_the_panel_trains_with_adam(qtbot, make_window) -> None:
    window = make_window(config=SMALL.replace(iterations=20))
    control(window, "step_size_spin").setValue(0.01)
    choose(window, "optimizer", "adam")
    wait_until_snapshot(qtbot, window, lambda s: s.config.optimizer == "adam" and s.config.step_size == 0.01)
    click(qtbot, window, "start_button")
    snap = wait_status(qtbot, window, "finished")
    reference = Trainer(SMALL.replace(iterations=20, optimizer="adam", step_size=0.01))
    reference.step(20)
    assert snap.iteration == 20
    assert snap.loss == pytest.approx(reference.last_loss, rel=1e-12)
    sgd = Trainer(SMALL.replace(iterations=20, step_size=0.01))
    sgd.step(20)
    assert abs(snap.loss - sgd.last_loss) > 1e-3  # not the notes' update


@pytest.mark.parametrize(
    ("optimizer", "shown"),
    [("sgd", set()), ("momentum", {"momentum"}), ("nesterov", {"momentum"}),
     ("rmsprop", {"decay_rate", "eps"}), ("adam", {"beta1", "beta2", "eps"})],
)
def test_only_the_optimizers_own_constants_are_shown(qtbot, make_window, optimizer, shown) -> None:
    window = make_window(config=SMALL)
    choose(window, "optimizer", optimizer)
    wait_until_snapshot(qtbot, window, lambda s: s.config.optimizer == optimizer)
    for name in ("momentum", "beta1", "beta2", "decay_rate", "eps"):
        assert control(window, OPTION_WIDGETS[name]).isVisible() == (name in shown), name
    for name in ("batch_size", "optimizer", "activation", "init", "dtype"):
        assert control(window, OPTION_WIDGETS[name]).isVisible(), name


def test_the_section_folds_and_unfolds(qtbot, make_window) -> None:
    window = make_window(config=SMALL.replace(optimizer="adam", step_size=0.01))
    header = control(window, "options_header")
    qtbot.mouseClick(header, Qt.MouseButton.LeftButton)
    assert not any(control(window, w).isVisible() for w in OPTION_WIDGETS.values())
    assert control(window, "n_spin").isVisible()
    qtbot.mouseClick(header, Qt.MouseButton.LeftButton)
    assert control(window, "beta2_spin").isVisible() and not control(window, "momentum_spin").isVisible()


def test_each_option_has_its_range_and_a_tooltip_saying_what_changing_it_does(make_window) -> None:
    window = make_window(config=SMALL)
    for name, widget_name in OPTION_WIDGETS.items():
        widget = control(window, widget_name)
        tip = widget.toolTip()
        assert FIELD_HELP[name][:30].lower() in tip.lower(), name
        live = name in ("batch_size", "momentum", "beta1", "beta2", "decay_rate", "eps")
        assert ("without a reset" in tip) == live and ("new run" in tip) != live, name
        if name in LIMITS and widget_name != "eps_spin":
            assert (widget.minimum(), widget.maximum()) == pytest.approx(LIMITS[name]), name
    batch = control(window, "batch_spin")
    assert batch.value() == 0 and batch.text() == "full batch"


def test_a_constant_changes_mid_run_and_an_activation_starts_a_new_run(qtbot, make_window) -> None:
    window = make_window(config=SMALL.replace(optimizer="momentum", step_size=0.1, iterations=10_000_000))
    click(qtbot, window, "start_button")
    first = wait_until_snapshot(qtbot, window, lambda s: s.status == "running" and s.iteration > 0)
    control(window, "momentum_spin").setValue(0.5)
    live = wait_until_snapshot(qtbot, window, lambda s: s.config.momentum == 0.5)
    assert live.run_id == first.run_id and live.iteration >= first.iteration
    choose(window, "activation", "tanh")
    new = wait_until_snapshot(qtbot, window, lambda s: s.config.activation == "tanh")
    assert new.run_id > first.run_id
    click(qtbot, window, "start_button")  # pause
    wait_status(qtbot, window, "paused")


def test_mini_batches_show_the_batch_loss_and_the_full_training_loss(qtbot, make_window) -> None:
    window = make_window(config=SMALL.replace(iterations=250))
    assert window.loss_view.legend_labels() == ["total loss", "data loss"]
    control(window, "batch_spin").setValue(32)
    wait_until_snapshot(qtbot, window, lambda s: s.config.batch_size == 32)
    assert window.loss_view.legend_labels() == ["batch loss", "full training loss"]
    assert not window.loss_view.data_curve.isVisible()
    click(qtbot, window, "start_button")
    wait_status(qtbot, window, "finished")
    iterations, full = window.loss_view.full_curve_data()
    trainer = Trainer(SMALL.replace(iterations=250, batch_size=32))
    trainer.step(250)
    expected_its, expected_total, _ = trainer.full_losses()
    assert iterations.tolist() == expected_its.tolist() and len(iterations) >= 3
    np.testing.assert_allclose(full, expected_total, rtol=1e-12)
    assert window.loss_view.count == 250  # one batch loss per iteration
    # Back to full batch: a new run, the notes' labels.
    control(window, "batch_spin").setValue(0)
    control(window, "seed_spin").setValue(1)
    wait_until_snapshot(qtbot, window, lambda s: s.config.batch_size == 0 and s.config.seed == 1)
    assert window.loss_view.legend_labels() == ["total loss", "data loss"]
    assert window.loss_view.full_curve_data()[0].size == 0


def test_tanh_changes_what_inside_the_model_explains(qtbot, make_window) -> None:
    window = make_window(config=SMALL)
    text = window.model_text.text()
    assert "dhidden[hidden_layer &lt;= 0] = 0" in text and "Two-layer ReLU net" in text
    choose(window, "activation", "tanh")
    snap = wait_until_snapshot(qtbot, window, lambda s: s.config.activation == "tanh")
    text = window.model_text.text()
    assert "dhidden *= 1 - hidden_layer**2" in text
    assert "no dead units" in text and "dhidden[" not in text
    assert f"{snap.mean_slope:.3f}" in text and 0 < snap.mean_slope < 1
    assert "Two-layer tanh net" in text
    assert control(window, "model_combo").currentText() == "Two-layer tanh net"
    choose(window, "activation", "leaky_relu")
    wait_until_snapshot(qtbot, window, lambda s: s.config.activation == "leaky_relu")
    assert "*= 0.01" in window.model_text.text() and "no unit can die" in window.model_text.text()


def test_the_options_survive_a_restart(qtbot, make_window, ini_path) -> None:
    chosen = SMALL.replace(batch_size=64, optimizer="adam", step_size=0.01, beta2=0.99, eps=1e-6,
                           activation="tanh", init="xavier", dtype="float32")
    first = make_window(config=SMALL)
    control(first, "step_size_spin").setValue(0.01)
    control(first, "batch_spin").setValue(64)
    for name in ("optimizer", "activation", "init", "dtype"):
        choose(first, name, getattr(chosen, name))
    control(first, "beta2_spin").setValue(0.99)
    control(first, "eps_spin").setValue(1e-6)
    wait_until_snapshot(qtbot, first, lambda s: s.config == chosen)
    first.close()
    second = make_window(ini_path)
    assert second.panel.config() == chosen
    assert second.last_snapshot.config == chosen
    assert control(second, "optimizer_combo").currentData() == "adam"
    assert control(second, "beta2_spin").isVisible()
