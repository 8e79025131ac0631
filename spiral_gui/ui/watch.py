"""Watching a run: the timeline, the animation export, presentation mode and the View menu.

`WatchFeatures` builds these for the main window and wires them to the runner:

- the timeline bar under the decision regions (`views/timeline_bar.py`) and clicks on the loss
  curve ask the worker for a replay of a kept checkpoint (`Runner.show_iteration`; training
  pauses); at most one request is in flight, later ones are merged into the latest; the Live
  button asks for the live state again;
- File › Export animation… (`animation.py`) with a progress dialog and Cancel;
- View › Presentation mode (F11, `presentation.py`) and View › Reset view (A);
- the log-x toggle beside the log-y one, both remembered in the settings.

No maths and no drawing here: wiring only, like the window.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import QObject, QSettings, Qt, QThreadPool, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QCheckBox, QFileDialog, QMenu, QMessageBox, QProgressDialog

from ..engine.snapshot import Snapshot
from . import settings as store
from .animation import AnimationInput, AnimationJob, formats
from .palettes import class_colours, crisp_lut
from .presentation import Presentation
from .views.timeline_bar import TimelineBar

if TYPE_CHECKING:
    from .main_window import MainWindow
    from .runner import Runner


class WatchFeatures(QObject):
    """Built by the window before its layout and menus; `attach(runner)` once the runner exists."""

    def __init__(self, window: MainWindow, settings: QSettings) -> None:
        super().__init__(window)
        self.window = window
        self._settings = settings
        self.timeline_bar = TimelineBar()
        self.log_x_check = QCheckBox()
        self.log_x_check.setObjectName("log_x_check")
        self.presentation = Presentation(window)
        self.reset_view_action = QAction(window)
        self.reset_view_action.setObjectName("reset_view_action")
        self.reset_view_action.setShortcut(QKeySequence(Qt.Key.Key_A))
        self.reset_view_action.triggered.connect(self.reset_view)
        self.export_animation_action = QAction(window)
        self.export_animation_action.setObjectName("export_animation_action")
        self.export_animation_action.triggered.connect(self._export_dialog)
        window.addAction(self.reset_view_action)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self.job: AnimationJob | None = None
        self.progress_dialog: QProgressDialog | None = None
        self._wanted: int | None = None
        self._waiting = False
        self._run_id: int | None = None
        self.retranslate()

    def retranslate(self) -> None:
        self.log_x_check.setText(self.tr("Log-scale iteration axis"))
        self.reset_view_action.setText(self.tr("Reset view"))
        self.reset_view_action.setToolTip(self.tr("Undo any zoom: the plots show the whole run again (A)"))
        self.export_animation_action.setText(self.tr("Export animation…"))
        self.presentation.retranslate()
        self.timeline_bar.retranslate()

    def add_to_view_menu(self, menu: QMenu) -> None:
        menu.addActions([self.presentation.action, self.reset_view_action])

    def attach(self, runner: Runner) -> None:
        """Wire to the runner and restore the view options."""
        self.runner = runner
        w = self.window
        self.timeline_bar.iteration_requested.connect(self.show_iteration)
        self.timeline_bar.live_requested.connect(self.show_live)
        w.loss_view.iteration_clicked.connect(self.show_iteration)
        runner.snapshot.connect(self._on_snapshot)
        w.snapshot_drawn.connect(self._after_drawn)
        options = store.load_view_options(self._settings)
        w.log_check.setChecked(options.log_scale)
        self.log_x_check.setChecked(options.log_x)
        w.loss_view.set_log_x(options.log_x)
        self.log_x_check.toggled.connect(w.loss_view.set_log_x)
        self.log_x_check.toggled.connect(self._save_options)
        w.log_check.toggled.connect(self._save_options)

    # -- the timeline ---------------------------------------------------------------------------
    @Slot(int)
    def show_iteration(self, iteration: int) -> None:
        """Look back at the kept checkpoint nearest `iteration` (training pauses)."""
        self._wanted = iteration
        if not self._waiting:
            self._send()

    def _send(self) -> None:
        if self._wanted is None:
            return
        self._waiting = True
        iteration, self._wanted = self._wanted, None
        self.runner.show_iteration(iteration)

    @Slot()
    def show_live(self) -> None:
        self._wanted = None
        self.runner.show_live()

    @Slot(object)
    def _on_snapshot(self, snap: Snapshot) -> None:
        if snap.run_id != self._run_id:  # a new run: its plots start unzoomed
            self._run_id = snap.run_id
            self._reset_decision_range()
        if snap.viewing or self._waiting:
            self._waiting = False
            self._send()

    @Slot(object)
    def _after_drawn(self, snap: Snapshot) -> None:
        if snap.viewing:
            self.window.statusBar().showMessage(
                self.tr("looking back at iteration {0} (training paused): Live returns to iteration {1}")
                .format(f"{snap.iteration:,}", f"{self.timeline_bar.live_iteration:,}")
            )

    # -- view -------------------------------------------------------------------------------------
    @Slot()
    def reset_view(self) -> None:
        """Both plots show the whole run again, whatever the zoom."""
        self.window.loss_view.reset_view()
        self._reset_decision_range()

    def _reset_decision_range(self) -> None:
        view = self.window.decision_view
        view.getPlotItem().getViewBox().autoRange(padding=0, items=[view.image])

    @Slot()
    def _save_options(self) -> None:
        options = store.ViewOptions(log_scale=self.window.log_check.isChecked(),
                                    log_x=self.log_x_check.isChecked())
        error = store.save_view_options(self._settings, options)
        if error:
            self.window.statusBar().showMessage(error, 8000)

    # -- the animation --------------------------------------------------------------------------
    def export_animation(self, path: str | Path) -> AnimationJob | None:
        """Start writing the run's animation to `path` (GIF or WebP by suffix); training pauses.

        Returns the job (its `finished(error)` says how it ended), or None when there is nothing
        to animate yet or an export is already running.
        """
        w = self.window
        snap = w.last_snapshot
        if self.job is not None and self.job.result is None:
            return None
        checkpoints = self.runner.timeline.arrays()
        if snap is None or not checkpoints or checkpoints["iteration"].size < 2:
            w.statusBar().showMessage(
                self.tr("Nothing to animate yet: train for a few iterations first"), 8000)
            return None
        if self.runner.running:
            self.runner.pause()
        k = snap.config.k
        data = AnimationInput(
            checkpoints=checkpoints,
            X=snap.X,
            y=snap.y,
            k=k,
            activation=snap.config.activation,
            losses=np.array(w.loss_view.curve_data()),
            # In the colours on screen, so that the slides match the window.
            region_colours=crisp_lut(k, w.decision_view.palette)[:k],
            point_colours=class_colours(k, w.decision_view.palette),
            log_y=w.log_check.isChecked(),
        )
        self.job = job = AnimationJob(data, path, self._pool, self)
        dialog = QProgressDialog(self.tr("Rendering the animation…"), self.tr("Cancel"), 0, 0, w)
        dialog.setObjectName("animation_progress")
        dialog.setWindowTitle(self.tr("Export animation"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setAutoReset(False)
        dialog.setAutoClose(False)
        dialog.setMinimumDuration(0)
        dialog.canceled.connect(job.cancel)
        job.progress.connect(lambda done, total: self._progress(dialog, done, total))
        job.finished.connect(lambda error: self._finished(dialog, job, error))
        self.progress_dialog = dialog
        dialog.show()
        return job

    def _progress(self, dialog: QProgressDialog, done: int, total: int) -> None:
        dialog.setMaximum(total)
        dialog.setValue(done)
        if done == total:
            dialog.setLabelText(self.tr("Writing the file…"))

    def _finished(self, dialog: QProgressDialog, job: AnimationJob, error: str) -> None:
        dialog.close()
        dialog.deleteLater()
        self.progress_dialog = None
        bar = self.window.statusBar()
        if not error:
            bar.showMessage(self.tr("Exported {0}").format(job.path), 6000)
        elif error == "cancelled":
            bar.showMessage(self.tr("Export cancelled: no file written"), 6000)
        else:
            bar.showMessage(self.tr("Export failed: {0}").format(error), 10000)
            QMessageBox.warning(self.window, self.tr("Export failed"),
                                self.tr("Could not export to {0}:\n{1}").format(job.path, error))

    def _export_dialog(self) -> None:
        filters = {"gif": self.tr("Animated GIF (*.gif)"), "webp": self.tr("Animated WebP (*.webp)")}
        path, _ = QFileDialog.getSaveFileName(
            self.window, self.tr("Export animation"), "spiral-run.gif",
            ";;".join(filters[f] for f in formats()),
        )
        if path:
            self.export_animation(path)

    def shutdown(self) -> None:
        """Cancel an export in progress and wait for its thread (the window is closing)."""
        if self.job is not None:
            self.job.cancel()
        self._pool.waitForDone()
        if self.job is not None and self.job.result is None:  # its answer will never be handled
            self.job.temp.unlink(missing_ok=True)
