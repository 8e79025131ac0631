"""Hundreds of seeded random user actions while the window trains.

Every control is set to in-range and edge values (ranges from the engine's LIMITS), Start / Pause /
Step / Reset are clicked in any order, plots are exported and the model is switched. After every
action the test waits until the worker has caught up (see `Barrier` in conftest.py) and checks:
no exception, no Qt warning (qt_log_level_fail), the worker thread alive, and, whenever training
is not running, that every readout agrees with the last snapshot and the snapshot with the engine.
"""

from __future__ import annotations

import math
import os
import random
from pathlib import Path

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QMessageBox

from spiral_gui.engine import predict
from spiral_gui.engine.config import LIMITS, TrainConfig
from spiral_gui.engine.grid import GridSpec, predict_grid
from spiral_gui.ui.main_window import MainWindow
from spiral_gui.ui.pacing import GRID_CELLS
from spiral_gui.ui.palettes import region_pixels

from .conftest import TIMEOUT_MS

#: Fixed, so that every run walks the same way; set SPIRAL_STRESS_SEED to explore other walks.
SEED = int(os.environ.get("SPIRAL_STRESS_SEED", "20240611"))
ACTIONS = 310
#: Upper bound of N·K·hidden (N·K for the linear model) for the random part of the walk, so
#: that a step, a snapshot and a decision grid stay in the tens of milliseconds.
COST_CAP = 150_000
#: Iterations the walk starts with: small enough that runs finish now and then.
START_CONFIG = TrainConfig(n=50, k=3, hidden=20, iterations=3000)


def cost(config: TrainConfig) -> int:
    return config.n * config.k * (config.hidden if config.model == "nn" else 1)


def candidates(name: str) -> list:
    """In-range and edge values for one field (the edges come from LIMITS)."""
    low, high = LIMITS[name]
    if name == "n":
        return [int(low), 2, 5, 20, 100, 300, 1000, min(2000, int(high))]
    if name == "k":
        return [int(low), 3, 5, 10, int(high)]
    if name == "hidden":
        return [int(low), 2, 10, 50, 100, min(200, int(high))]
    if name == "step_size":
        return [low, 1e-3, 0.1, 0.5, 1.0, 3.0, 100.0, high]
    if name == "reg":
        return [low, 1e-4, 1e-3, 0.01, 0.5, 3.0, high]
    if name == "seed":
        return [int(low), 1, 42, 31_337, 2**31 - 1, int(high)]
    if name == "noise":
        return [low, 0.05, 0.2, 1.0, high]
    if name == "iterations":
        return [int(low), 2, 10, 100, 1000, 5000, int(high)]
    raise AssertionError(name)


class Walk:
    """Drives one window like an impatient user, checking it after every action."""

    def __init__(self, qtbot, qtlog, window: MainWindow, barrier, tmp_path: Path, rng: random.Random) -> None:
        self.qtbot = qtbot
        self.qtlog = qtlog
        self.w = window
        self.panel = window.panel
        self.barrier = barrier
        self.tmp = tmp_path
        self.rng = rng
        self.log: list[str] = []
        self.count = 0
        self.checked = 0
        self.statuses: set[str] = set()
        self.exports = 0

    # -- the user's actions ------------------------------------------------------------------------
    def set_field(self, name: str, value) -> None:
        widget = getattr(self.panel, f"{name}_spin")
        self.log.append(f"{name} := {value!r}")
        widget.setValue(value)

    def random_field(self) -> None:
        name = self.rng.choice(["n", "k", "hidden", "step_size", "reg", "seed", "noise", "iterations"])
        widget = getattr(self.panel, f"{name}_spin")
        if not widget.isEnabled():  # the hidden size of the linear model: a click does nothing
            self.log.append(f"{name}: disabled, left alone")
            assert name == "hidden" and self.panel.config().model == "linear"
            return
        config = self.panel.config()
        options = [
            v
            for v in candidates(name)
            if name not in ("n", "k", "hidden") or cost(config.replace(**{name: v})) <= COST_CAP
        ]
        self.set_field(name, self.rng.choice(options))

    def switch_model(self) -> None:
        combo = self.panel.model_combo
        other = "nn" if combo.currentData() == "linear" else "linear"
        if other == "nn" and cost(self.panel.config().replace(model="nn")) > COST_CAP:
            self.set_field("n", 20)  # keep the net affordable: one more user action
            self.after_action()
        self.log.append(f"model := {other}")
        combo.setCurrentIndex(combo.findData(other))

    def click(self, name: str) -> None:
        button = getattr(self.w, f"{name}_button")
        self.log.append(f"click {button.text()}{'' if button.isEnabled() else ' (disabled)'}")
        self.qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    def export(self) -> None:
        which = self.rng.choice(["regions", "loss"])
        suffix = self.rng.choice([".png", ".png", ".svg"])
        self.exports += 1
        path = self.tmp / f"export-{self.exports}-{which}{suffix}"
        self.log.append(f"export {which} → {path.name}")
        self.w.export_plot(which, path)
        assert path.stat().st_size > 0, path
        assert not QImage(str(path)).isNull(), f"{path.name} cannot be read back"

    def let_it_train(self) -> None:
        ms = self.rng.choice([20, 60, 150])
        self.log.append(f"wait {ms} ms")
        self.qtbot.wait(ms)

    def edge_visit(self, which: str) -> None:
        """The largest N or hidden size, on an otherwise cheap configuration, and back."""
        if which == "n":
            if self.panel.config().model != "linear":
                self.switch_model()
                self.after_action()
            if self.panel.config().k != 2:
                self.set_field("k", 2)
                self.after_action()
            value = int(LIMITS["n"][1])
        else:
            if self.panel.config().model != "nn":
                if self.panel.config().n > 5:
                    self.set_field("n", 5)
                    self.after_action()
                self.switch_model()
                self.after_action()
            if self.panel.config().n * self.panel.config().k > 10:
                self.set_field("n", 1)
                self.after_action()
            value = int(LIMITS["hidden"][1])
        before = self.panel.config()
        self.set_field(which, value)
        self.after_action()
        refused = self.panel.config() == before
        if refused:  # over the memory budget: put back, with the reason under the controls
            assert "Not applied" in self.panel.message_label.text(), self.panel.message_label.text()
        self.set_field(which, 5 if which == "n" else 20)

    def diverge(self) -> None:
        """Both hyper-parameters at their maximum, then steps from a fresh start: the weights
        are multiplied by 1 - step_size·reg at every step, and the run blows up in two."""
        if self.panel.config().iterations < 10:
            self.set_field("iterations", 1000)
            self.after_action()
        self.set_field("step_size", LIMITS["step_size"][1])
        self.after_action()
        self.set_field("reg", LIMITS["reg"][1])
        self.after_action()
        self.click("reset")
        for _ in range(3):
            self.after_action()
            if self.w.last_snapshot.status == "diverged":
                break
            self.click("step")
        assert self.w.last_snapshot.status == "diverged", self.w.last_snapshot

    def finish(self) -> None:
        """A budget of one iteration, from a fresh start: one step finishes the run."""
        self.set_field("iterations", 1)
        self.after_action()
        self.click("reset")
        self.after_action()
        self.click("step")

    # -- checks --------------------------------------------------------------------------------------
    def after_action(self) -> None:
        self.count += 1
        self.barrier()
        w = self.w
        snap = w.last_snapshot
        self.statuses.add(snap.status)
        context = "; ".join(self.log[-12:])
        assert w.worker_thread.isRunning(), f"worker thread stopped after: {context}"
        assert not w.statusBar().currentMessage().startswith("Training stopped by an error"), (
            f"{w.statusBar().currentMessage()} after: {context}"
        )
        assert not any(b.isVisible() for b in w.findChildren(QMessageBox)), context
        # qt_log_level_fail would fail the test at its end; this says which action it was.
        warnings = [r.message for r in self.qtlog.records if r.matches_level("WARNING") and not r.ignored]
        assert not warnings, f"Qt warnings {warnings} after: {context}"
        if snap.status == "running":
            self.qtbot.wait(5)  # snapshots lag while training: nothing to compare yet
            return
        self.check_idle(context)

    def check_idle(self, context: str) -> None:
        """Readouts = snapshot = engine, once the worker has caught up and is not training."""
        w, snap = self.w, self.w.last_snapshot
        cfg = snap.config
        where = f"[{snap.status} at {snap.iteration}] after: {context}"
        assert cfg == self.panel.config(), f"snapshot {cfg} != panel {self.panel.config()} {where}"
        assert w.start_button.text() == "Start", where

        numbers = [int(s.replace(",", "")) for s in w.iteration_label.text().replace("/", " ").split()]
        assert numbers == [snap.iteration, cfg.iterations], f"{w.iteration_label.text()!r} {where}"
        loss_text = w.loss_label.text()
        if snap.status == "diverged":
            assert "diverged" in loss_text, f"{loss_text!r} {where}"
        elif math.isnan(snap.loss):
            assert snap.iteration == 0 and loss_text == "–", f"{loss_text!r} {where}"
        else:
            assert loss_text == f"{snap.loss:.6f}", f"{loss_text!r} vs {snap.loss!r} {where}"
        assert w.accuracy_label.text() == f"{snap.accuracy:.2%}", f"{w.accuracy_label.text()!r} {where}"
        assert w.progress.value() == min(snap.iteration, cfg.iterations), where
        done = snap.status in ("finished", "diverged")
        assert w.step_button.isEnabled() is not done, where
        assert w.start_button.isEnabled() is not done, where

        # The loss curve holds every iteration of the run, the last one being the snapshot's.
        x, total, _data = w.loss_view.curve_data()
        assert w.loss_view.count == snap.iteration, f"curve has {w.loss_view.count} points {where}"
        if snap.iteration:
            assert x[-1] == snap.iteration - 1 and total[-1] == snap.loss, where
            assert np.all(np.isfinite(total)), where

        # The engine, recomputed from the snapshot's parameters: accuracy and decision regions.
        n = snap.X.shape[0]
        assert snap.X.shape == (cfg.n * cfg.k, 2) and snap.y.shape == (n,), where
        correct = int(np.count_nonzero(predict(snap.params, snap.X) == snap.y))
        # Argmax ties between classes may break differently in the trainer's fused arithmetic.
        assert abs(correct - snap.accuracy * n) <= max(1, n // 1000), (
            f"engine accuracy {correct / n} vs shown {snap.accuracy} {where}"
        )
        assert snap.regions_iteration == snap.iteration, where
        grid = GridSpec.over(snap.X, GRID_CELLS)
        assert snap.grid_rect == grid.rect, where
        assert snap.regions.shape == grid.shape, where
        if cfg.width <= 512:  # a grid of the widest nets takes seconds: the edge visit skips it
            expected = predict_grid(snap.params, grid, np.float32)
            assert np.count_nonzero(expected != snap.regions) <= expected.size // 1000, where
        view = w.decision_view
        assert np.array_equal(view.shown_regions, snap.regions), where
        pixels = region_pixels(snap.regions, snap.confidence, cfg.k, view.palette, view.shaded)
        assert np.array_equal(view.image.image, pixels), where
        self.checked += 1


def test_random_user_actions_during_training(make_window, make_barrier, qtbot, qtlog, tmp_path: Path) -> None:
    rng = random.Random(SEED)
    window = make_window(config=START_CONFIG)
    walk = Walk(qtbot, qtlog, window, make_barrier(window), tmp_path, rng)
    actions = [
        (walk.random_field, 30),
        (lambda: walk.click("start"), 14),
        (lambda: walk.click("step"), 12),
        (lambda: walk.click("reset"), 6),
        (walk.switch_model, 4),
        (walk.let_it_train, 8),
        (walk.export, 2),
    ]
    bodies, weights = zip(*actions, strict=True)
    with qtbot.captureExceptions() as exceptions:
        walk.after_action()  # the first snapshot
        # Visits made at fixed points, so that every walk goes to the edges and to every status.
        visits = {
            ACTIONS // 4: lambda: walk.edge_visit("n"),
            ACTIONS // 2: walk.diverge,
            2 * ACTIONS // 3: lambda: walk.edge_visit("hidden"),
            5 * ACTIONS // 6: walk.finish,
        }
        while walk.count < ACTIONS:
            if visits and walk.count >= min(visits):
                visits.pop(min(visits))()
            else:
                rng.choices(bodies, weights)[0]()
            walk.after_action()
            assert not exceptions, f"{exceptions} after: {'; '.join(walk.log[-12:])}"
        pause_and_check(walk)
    assert walk.count >= 300
    # The walk really went everywhere: training, pausing, finishing, diverging, resetting.
    assert {"running", "paused", "ready", "finished", "diverged"} <= walk.statuses, walk.statuses
    assert walk.checked >= 100, f"only {walk.checked} idle states checked"


def pause_and_check(walk: Walk) -> None:
    if walk.w.last_snapshot.status == "running":
        walk.click("start")  # Pause
        walk.after_action()
    walk.qtbot.waitUntil(lambda: walk.w.last_snapshot.status != "running", timeout=TIMEOUT_MS)
    walk.after_action()
