"""Signs of life for enormous configurations: the window says up front how long one iteration
will take, that the first picture is being built, and how far an iteration in progress is.

`CostNotice` puts a note under the parameter panel when one iteration is estimated to take more
than `engine.cost.SLOW_ITERATION_SECONDS` ("One iteration will take about 4 min at this size"),
says "building the data and the first picture…" in the status bar while a large new run is
prepared, and turns the runner's `iteration_progress` into "iteration 1: 37% of the rows". The
estimate is `engine.cost`'s; the words are here. Reads the panel's config and the runner's
signals; touches no other widget than its label and the window's status bar.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Slot
from PySide6.QtWidgets import QLabel, QMainWindow

from ..engine.config import Change, TrainConfig
from ..engine.cost import Cost, estimate
from ..engine.snapshot import Snapshot
from .controls import ParameterPanel
from .engine_text import duration_text
from .pacing import GRID_CELLS
from .runner import Runner

translate = QCoreApplication.translate


def slow_iteration_text(cost: Cost) -> str:
    """The note under the panel, or '' when one iteration is quick enough not to mention."""
    if not cost.slow_iteration:
        return ""
    return translate("CostNotice",
                     "One iteration will take about {0} at this size: Step and Pause answer at once, "
                     "and the status bar shows how far each iteration is.").format(
        duration_text(cost.iteration_seconds))


def building_text(cost: Cost) -> str:
    return translate("CostNotice", "building the data and the first picture (about {0})…").format(
        duration_text(cost.first_picture_seconds))


def progress_text(iteration: int, done: int, total: int, seconds: float) -> str:
    """'iteration 1: 37% of the rows, about 2 min 10 s left in this iteration'."""
    text = translate("CostNotice", "iteration {0}: {1}% of the rows").format(
        f"{iteration:,}", int(100 * done / total)
    )
    if done:
        left = seconds * (total - done) / done
        text += translate("CostNotice", ", about {0} left in this iteration").format(duration_text(left))
    return text


class CostNotice(QObject):
    """The label `cost_label` (under the panel) and the status-bar notes of one window."""

    def __init__(self, window: QMainWindow, panel: ParameterPanel, runner: Runner) -> None:
        super().__init__(window)
        self._window = window
        self.label = QLabel()
        self.label.setObjectName("cost_label")
        self.label.setWordWrap(True)
        self.label.setStyleSheet("color: #8a5a00;")
        self.label.setVisible(False)
        self.label.installEventFilter(self)
        layout = panel.layout()
        assert layout is not None
        layout.addWidget(self.label)  # under the panel's own message
        self._config = panel.config()
        self._building = False
        panel.config_changed.connect(self._on_config)
        runner.iteration_progress.connect(self._on_progress)
        runner.snapshot.connect(self._on_snapshot)
        self.show_config(self._config, new_run=True)

    def show_config(self, config: TrainConfig, new_run: bool) -> Cost:
        """Estimate `config`; the note under the panel, and the status bar's while it builds."""
        self._config = config
        cost = estimate(config, GRID_CELLS)
        text = slow_iteration_text(cost)
        self.label.setText(text)
        self.label.setVisible(bool(text))
        if new_run and cost.slow_picture:
            self._building = True
            self._window.statusBar().showMessage(building_text(cost))
        return cost

    @Slot(object, str)
    def _on_config(self, config: TrainConfig, _field: str) -> None:
        self.show_config(config, new_run=config.change_from(self._config) >= Change.WEIGHTS)

    @Slot(int, int, int, float)
    def _on_progress(self, iteration: int, done: int, total: int, seconds: float) -> None:
        self._window.statusBar().showMessage(progress_text(iteration, done, total, seconds))

    @Slot(object)
    def _on_snapshot(self, _snap: Snapshot) -> None:
        self._building = False  # the window's own status replaces the note

    @property
    def building(self) -> bool:
        """The status bar says the first picture of a large run is being built."""
        return self._building

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.label and event.type() == QEvent.Type.LanguageChange:
            self.label.setText(slow_iteration_text(estimate(self._config, GRID_CELLS, measure=False)))
        return super().eventFilter(watched, event)
