"""File › Save session, Save session as…, Open session…, Open recent, the CSV exports and the
import of points: the window's sessions and files.

Saving asks the worker to write (`Runner.write_file`): it holds the experiment, builds the
session (engine `session_of`) and writes it atomically (`save_session`) between time slices,
then answers with `Runner.written`. Opening reads and checks the file on a thread pool
(`load_session`, `experiment_of`: every bad file is refused there with a `SessionError`) and
only then replaces the run, the panel's settings and the view options; a refused file leaves
the current session untouched and says why in one message. Points imported from a CSV
(`read_points_csv`) become custom data the same way. The window's title shows the session's
file name and a modified marker.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox

from ..engine.csvio import read_points_csv
from ..engine.experiment import Experiment, build_experiment
from ..engine.session import SUFFIX, experiment_of, load_session
from ..engine.snapshot import Snapshot
from . import settings as store
from .engine_text import error_text

if TYPE_CHECKING:
    from .main_window import MainWindow


class _Relay(QObject):
    """Lives on the GUI thread: a pool task's result arrives there as a queued signal."""

    done = Signal(int, str, object, object)  # generation, path, Experiment or None, info or error


class _Task(QRunnable):
    def __init__(self, relay: _Relay, generation: int, path: str, job: Any) -> None:
        super().__init__()
        self._relay, self._generation, self._path, self._job = relay, generation, path, job

    def run(self) -> None:
        try:
            experiment, info = self._job(self._path)
        except ValueError as exc:  # SessionError, CsvError and refused data are ValueErrors
            # The error itself: the window words it in its language (`error_text`) on its thread.
            self._relay.done.emit(self._generation, self._path, None, exc)
        except Exception as exc:  # an unexpected failure still reaches the window
            self._relay.done.emit(self._generation, self._path, None, f"{type(exc).__name__}: {exc}")
        else:
            self._relay.done.emit(self._generation, self._path, experiment, info)


def _open_session(path: str) -> tuple[Experiment, dict[str, Any]]:
    session = load_session(path)
    return experiment_of(session), dict(session.info)


def _key(snap: Snapshot) -> tuple:
    """What saving captures of a snapshot: a change in any of it is a modification."""
    return (snap.run_id, snap.iteration, snap.config, id(snap.points))


class SessionActions(QObject):
    """The File menu's session and CSV actions for `window`; `path` is the session's file."""

    #: A session or imported points replaced the run (the path), or a file was written.
    opened = Signal(str)
    #: A message box was shown (its text): one per refused file or failed write.
    refused = Signal(str)

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.path: Path | None = None
        self._saved: tuple | None = None
        self._mark_next = False
        self._generation = 0
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._relay = _Relay(self)
        self._relay.done.connect(self._on_loaded)
        self.last_message: QMessageBox | None = None
        self.save_action = QAction(window)
        self.save_action.setShortcut(QKeySequence.StandardKey.Save)
        self.save_action.triggered.connect(self.save)
        self.save_as_action = QAction(window)
        self.save_as_action.setShortcut(QKeySequence.StandardKey.SaveAs)
        self.save_as_action.triggered.connect(self.save_as)
        self.open_action = QAction(window)
        self.open_action.setShortcut(QKeySequence.StandardKey.Open)
        self.open_action.triggered.connect(self.open_dialog)
        self.recent_menu = QMenu(window)
        self.recent_menu.setObjectName("recent_menu")
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        self.export_menu = QMenu(window)
        self.export_history_action = QAction(window)
        self.export_history_action.triggered.connect(lambda: self._export_dialog("history"))
        self.export_data_action = QAction(window)
        self.export_data_action.triggered.connect(lambda: self._export_dialog("data"))
        self.export_menu.addActions([self.export_history_action, self.export_data_action])
        self.import_action = QAction(window)
        self.import_action.triggered.connect(self.import_dialog)
        window.addActions([self.save_action, self.save_as_action, self.open_action])
        window.runner.written.connect(self._on_written)
        window.snapshot_drawn.connect(self._on_snapshot)
        self.retranslate()

    def retranslate(self) -> None:
        self.save_action.setText(self.tr("&Save session"))
        self.save_as_action.setText(self.tr("Save session &as…"))
        self.open_action.setText(self.tr("&Open session…"))
        self.recent_menu.setTitle(self.tr("Open &recent"))
        self.export_menu.setTitle(self.tr("Export as CSV"))
        self.export_history_action.setText(self.tr("Loss history as CSV…"))
        self.export_data_action.setText(self.tr("Data as CSV…"))
        self.import_action.setText(self.tr("&Import points from CSV…"))
        self._show_title()

    def add_to(self, menu: QMenu) -> None:
        """Put the actions at the top of the File menu."""
        first = menu.actions()[0] if menu.actions() else menu.addSeparator()
        for action in (self.open_action, self.recent_menu.menuAction(), self.save_action,
                       self.save_as_action, self.import_action, self.export_menu.menuAction()):
            menu.insertAction(first, action)
        menu.insertSeparator(first)

    def shutdown(self) -> None:
        """Wait for a file being read (it never touches the run)."""
        self._generation += 1
        self._pool.waitForDone()

    # -- title and modified marker ----------------------------------------------------------------
    def _show_title(self) -> None:
        w = self._window
        translate = QCoreApplication.translate
        if self.path is None:
            w.setWindowTitle(translate("MainWindow", "Spiral GUI — watch a neural network learn"))
        else:
            w.setWindowTitle(translate("MainWindow", "{name}[*] — Spiral GUI").format(name=self.path.name))

    @Slot(object)
    def _on_snapshot(self, snap: Snapshot) -> None:
        if self._mark_next:
            self._mark_next, self._saved = False, _key(snap)
        self._window.setWindowModified(self.path is not None and _key(snap) != self._saved)

    # -- saving ------------------------------------------------------------------------------------
    def info(self) -> dict[str, Any]:
        """What the session keeps of the window: view options."""
        w = self._window
        return {"view": {
            "log_scale": w.log_check.isChecked(),
            "confusion_part": w.confusion_view.part,
            "edit_class": w.point_editor.current_class,
        }}

    @Slot()
    def save(self) -> None:
        if self.path is None:
            self.save_as()
        else:
            self.save_to(self.path)

    @Slot()
    def save_as(self) -> None:
        start = str(self.path or Path.home() / f"run{SUFFIX}")
        path, _ = QFileDialog.getSaveFileName(
            self._window, self.tr("Save session"), start, self.tr("Spiral GUI session (*.spiral)")
        )
        if path:
            self.save_to(path if path.endswith(SUFFIX) else path + SUFFIX)

    def save_to(self, path: str | Path) -> None:
        """Ask for the session to be written to `path` (`Runner.written` answers)."""
        self._window.point_editor.flush()
        self._window.runner.write_file("session", str(path), self.info())

    @Slot(str, str, str)
    def _on_written(self, kind: str, path: str, error: str) -> None:
        w = self._window
        name = Path(path).name
        if error:
            title = self.tr("Could not save the session") if kind == "session" else self.tr("Export failed")
            self._message(title, self.tr("{name} was not written: {error}").format(name=name, error=error))
            return
        if kind == "session":
            self.path = Path(path)
            store.add_recent(w._settings, str(self.path))
            self._show_title()
            if w.last_snapshot is not None:
                self._saved = _key(w.last_snapshot)
            w.setWindowModified(False)
            w.statusBar().showMessage(self.tr("Saved the session to {0}").format(path), 6000)
        else:
            w.statusBar().showMessage(self.tr("Exported {0}").format(path), 6000)
        self.opened.emit(path)

    def _export_dialog(self, kind: str) -> None:
        name = "loss-history.csv" if kind == "history" else "data.csv"
        path, _ = QFileDialog.getSaveFileName(
            self._window, self.tr("Export as CSV"), name, self.tr("CSV file (*.csv)")
        )
        if path:
            self.export_csv(kind, path)

    def export_csv(self, kind: str, path: str | Path) -> None:
        """Write the loss history ("history") or the data ("data") as CSV; `written` answers."""
        self._window.point_editor.flush()
        self._window.runner.write_file(kind, str(path), None)

    # -- opening -----------------------------------------------------------------------------------
    @Slot()
    def open_dialog(self) -> None:
        start = str(self.path.parent if self.path else Path.home())
        path, _ = QFileDialog.getOpenFileName(
            self._window, self.tr("Open session"), start,
            self.tr("Spiral GUI session (*.spiral);;All files (*)"),
        )
        if path:
            self.open_path(path)

    def open_path(self, path: str | Path) -> None:
        """Read and check the session in the background; on success it replaces the run."""
        self._start(str(path), _open_session)

    @Slot()
    def import_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self._window, self.tr("Import points"), str(Path.home()),
            self.tr("CSV file (*.csv);;All files (*)"),
        )
        if path:
            self.import_points(path)

    def import_points(self, path: str | Path) -> None:
        """Points from a CSV (x1, x2, label[, split]) become custom data: a new run."""
        config = self._window.runner.config

        def job(p: str) -> tuple[Experiment, None]:
            points = read_points_csv(p)
            custom = config.replace(dataset="custom", k=points.k)
            return build_experiment(custom, points.X, points.y, test=points.test), None

        self._start(str(path), job)

    def _start(self, path: str, job: Any) -> None:
        self._generation += 1
        self._pool.start(_Task(self._relay, self._generation, path, job))

    @Slot(int, str, object, object)
    def _on_loaded(self, generation: int, path: str, experiment: Experiment | None, info: Any) -> None:
        if generation != self._generation:
            return  # a later open superseded it, or the window is closing
        w = self._window
        name = Path(path).name
        if experiment is None:
            reason = error_text(info) if isinstance(info, BaseException) else str(info)
            self._message(self.tr("Cannot open {name}").format(name=name), reason)
            return
        is_session = isinstance(info, dict)
        w.runner.load(experiment)
        w.panel.set_config(experiment.config)
        w.panel.custom_classes = int(np.max(experiment.y)) + 1 if len(experiment.y) else 0
        if is_session:
            view = info.get("view", {}) if isinstance(info.get("view"), dict) else {}
            if isinstance(view.get("log_scale"), bool):
                w.log_check.setChecked(view["log_scale"])
            if view.get("confusion_part") in ("train", "test"):
                w.confusion_view.set_part(view["confusion_part"])
            if isinstance(view.get("edit_class"), int):
                w.point_editor.set_class(view["edit_class"])
            self.path = Path(path)
            store.add_recent(w._settings, str(self.path))
            self._mark_next = True
            what = self.tr("Opened {name} at iteration {iteration}")
        else:
            what = self.tr("Imported the points of {name}: {iteration} iterations so far")
        self._show_title()
        w.statusBar().showMessage(what.format(name=name, iteration=f"{experiment.trainer.iteration:,}"), 8000)
        self.opened.emit(path)

    def _message(self, title: str, text: str) -> None:
        """One clear, non-blocking message; the current session is untouched."""
        w = self._window
        w.statusBar().showMessage(text, 10000)
        box = QMessageBox(QMessageBox.Icon.Warning, title, text, parent=w)
        box.setModal(False)
        box.show()
        self.last_message = box
        self.refused.emit(text)

    # -- recent files ------------------------------------------------------------------------------
    def _fill_recent(self) -> None:
        menu = self.recent_menu
        menu.clear()
        paths = store.load_recent(self._window._settings)
        for i, p in enumerate(paths):
            action = menu.addAction(f"&{i + 1} {Path(p).name}")
            action.setToolTip(p)
            action.setStatusTip(p)
            action.triggered.connect(lambda _c=False, p=p: self.open_path(p))
        if not paths:
            menu.addAction(self.tr("(no sessions yet)")).setEnabled(False)
        else:
            menu.addSeparator()
            menu.addAction(self.tr("Clear the list"), lambda: store.save_recent(self._window._settings, []))

