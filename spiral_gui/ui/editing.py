"""Drawing your own points on the decision view: the edit-mode toolbar and its undo history.

`PointEditor` is the decision view with a toolbar above it: `edit_points_check` turns edit mode
on; then a left click adds a point of the class chosen in `class_combo` (or with the number
keys 1–9 while the plot has focus), a drag paints several (one every few pixels, one undo step
per stroke), a right click removes the nearest point, and `clear_points_button` empties the
plane. Every edit is an engine `Edit` record (custom.py) on a QUndoStack, so undo and redo
(Ctrl+Z, Ctrl+Shift+Z) restore the points exactly.

Edits do not wait for training: the editor keeps the points (a `CustomData`) and sends the
whole set with `points_edited(X, y)`, at most every SEND_MS, which the window passes to the
runner (the run goes on with its weights). It reads the points from snapshots and never
touches the runner, the worker or the panel.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPointF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QIcon, QKeySequence, QMouseEvent, QPixmap, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QSizePolicy,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..engine.custom import CustomData, Edit, apply_edit, revert_edit
from ..engine.snapshot import Snapshot
from .views.decision import DecisionView
from .views.style import class_colours

#: Most often the edited points are sent to training while painting (milliseconds).
SEND_MS = 40
#: A drag paints a point each time the pointer has moved this far (pixels).
PAINT_SPACING_PX = 10
#: A right click removes the nearest point within this distance (pixels).
REMOVE_RADIUS_PX = 20


class _EditCommand(QUndoCommand):
    """One Edit on the undo stack; consecutive adds of one painted stroke merge into one."""

    def __init__(self, editor: PointEditor, edit: Edit, after: CustomData, text: str, stroke: int) -> None:
        super().__init__(text)
        self._editor, self.edit, self.stroke = editor, edit, stroke
        self._after: CustomData | None = after

    def id(self) -> int:
        return 1 if self.edit.kind == "add" else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, _EditCommand) or other.stroke != self.stroke or self.stroke < 0:
            return False
        e, o = self.edit, other.edit
        if o.index != e.index + e.X.shape[0]:
            return False
        self.edit = Edit("add", e.index, np.concatenate([e.X, o.X]), np.concatenate([e.y, o.y]))
        self.setText(QCoreApplication.translate("PointEditor", "Paint points"))
        return True

    def redo(self) -> None:
        current = self._editor.data
        if self._after is not None:  # the first time: the edit is already computed
            data, self._after = self._after, None
        elif current is not None:
            data = apply_edit(current, self.edit)
        else:
            return
        self._editor.set_data(data)

    def undo(self) -> None:
        if self._editor.data is not None:
            self._editor.set_data(revert_edit(self._editor.data, self.edit))


class PointEditor(QWidget):
    """The decision view under its edit toolbar; emits `points_edited(X, y)` after edits."""

    #: Every point after an edit: X (n, 2) float64 and y (n,) uint8, read-only.
    points_edited = Signal(object, object)

    def __init__(self, view: DecisionView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("point_editor")
        self.view = view
        self.edit_check = QToolButton()
        self.edit_check.setObjectName("edit_points_check")
        self.edit_check.setCheckable(True)
        self.edit_check.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.edit_check.toggled.connect(self._edit_mode)
        self.class_combo = QComboBox()
        self.class_combo.setObjectName("class_combo")
        self.clear_button = QToolButton()
        self.clear_button.setObjectName("clear_points_button")
        self.clear_button.clicked.connect(self.clear)
        self.undo_stack = QUndoStack(self)
        self.undo_action = self.undo_stack.createUndoAction(self)
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = self.undo_stack.createRedoAction(self)
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.undo_button, self.redo_button = QToolButton(), QToolButton()
        self.undo_button.setObjectName("undo_points_button")
        self.redo_button.setObjectName("redo_points_button")
        self.undo_button.setText("↶")
        self.redo_button.setText("↷")
        self.undo_button.clicked.connect(self.undo_stack.undo)
        self.redo_button.clicked.connect(self.undo_stack.redo)
        self.undo_stack.canUndoChanged.connect(self.undo_button.setEnabled)
        self.undo_stack.canRedoChanged.connect(self.redo_button.setEnabled)
        self.undo_button.setEnabled(False)
        self.redo_button.setEnabled(False)
        self.addActions([self.undo_action, self.redo_action])
        self.hint = QLabel()
        self.hint.setStyleSheet("color: #555555;")
        self.hint.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.toolbar = QToolBar()  # what does not fit goes behind its » button
        self.toolbar.setObjectName("edit_toolbar")
        for w in (self.edit_check, self.class_combo, self.clear_button, self.undo_button, self.redo_button):
            self.toolbar.addWidget(w)
        self.toolbar.addWidget(self.hint)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.toolbar)
        layout.addWidget(view, 1)

        self.data: CustomData | None = None  #: the points being edited (None until the first edit)
        self._points: tuple[np.ndarray, np.ndarray] | None = None  # the last snapshot's
        self._k = 0
        self._run_id: int | None = None
        self._stroke = -1
        self._strokes = 0
        self._last_px: QPointF | None = None
        self._send = QTimer(self)
        self._send.setSingleShot(True)
        self._send.setInterval(SEND_MS)
        self._send.timeout.connect(self._send_now)
        view.viewport().installEventFilter(self)
        view.installEventFilter(self)
        self._set_classes(3)
        self.retranslate()
        self._edit_mode(False)

    # -- texts -----------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.edit_check.setText(self.tr("✎ Draw points"))
        self.edit_check.setToolTip(self.tr(
            "Edit mode: left click adds a point of the chosen class, dragging paints several,\n"
            "right click removes the nearest point. Keys 1–9 choose the class. Training goes on:\n"
            "the weights are kept and the boundary adapts. Edited data is \"custom\"."
        ))
        self.class_combo.setToolTip(self.tr("The class of the points you add (keys 1–9 on the plot)"))
        self.clear_button.setText(self.tr("Clear"))
        self.clear_button.setToolTip(self.tr("Remove every point (undo brings them back)"))
        self.undo_button.setToolTip(self.tr("Undo the last edit of the points (Ctrl+Z)"))
        self.redo_button.setToolTip(self.tr("Redo it (Ctrl+Shift+Z)"))
        for j in range(self.class_combo.count()):
            self.class_combo.setItemText(j, self.tr("class {0}").format(j))
        self._show_hint()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _show_hint(self) -> None:
        empty = self.data is not None and len(self.data) == 0
        if self.edit_check.isChecked():
            text = self.tr("click: add · drag: paint · right click: remove")
            if empty:
                text = self.tr("the plane is empty: click to add points")
        else:
            text = self.tr("no points: turn on Draw points to add some") if empty else ""
        self.hint.setText(text)

    # -- state -----------------------------------------------------------------------------------
    @property
    def editing(self) -> bool:
        return self.edit_check.isChecked()

    @property
    def current_class(self) -> int:
        return max(0, self.class_combo.currentIndex())

    def set_class(self, label: int) -> None:
        if 0 <= label < self.class_combo.count():
            self.class_combo.setCurrentIndex(label)

    def _set_classes(self, k: int) -> None:
        if k == self._k:
            return
        current = self.class_combo.currentIndex()
        self._k = k
        self.class_combo.clear()
        colours = class_colours(k)
        for j in range(k):
            swatch = QPixmap(12, 12)
            swatch.fill(QColor(*(int(c) for c in colours[j])))
            self.class_combo.addItem(QIcon(swatch), self.tr("class {0}").format(j), j)
        self.class_combo.setCurrentIndex(min(max(current, 0), k - 1))

    def _edit_mode(self, on: bool) -> None:
        self.view.viewport().setCursor(Qt.CursorShape.CrossCursor if on else Qt.CursorShape.ArrowCursor)
        self.view.setFocusPolicy(Qt.FocusPolicy.StrongFocus if on else Qt.FocusPolicy.NoFocus)
        self.class_combo.setEnabled(on)
        if on:
            self.view.setFocus()
        self._show_hint()

    # -- snapshots -------------------------------------------------------------------------------
    def show_snapshot(self, snap: Snapshot) -> None:
        """Follow the run's points: a new run with other points starts a new edit history."""
        points = snap.points if snap.points is not None else snap.X
        labels = snap.labels if snap.labels is not None else snap.y
        self._points = (points, labels)
        self._set_classes(snap.config.k)
        if snap.run_id == self._run_id:
            return
        self._run_id = snap.run_id
        d = self.data
        if d is None or not (np.array_equal(d.X, points) and np.array_equal(d.y, labels)):
            self.data = None
            self.undo_stack.clear()
        elif d.k != snap.config.k:
            self.data = CustomData(d.X, d.y, snap.config.k)
        self._show_hint()

    def _current(self) -> CustomData | None:
        """The points to edit: the editor's own, or the run's (they become custom)."""
        if self.data is None and self._points is not None:
            self.data = CustomData(*self._points, self._k)
        return self.data

    def set_data(self, data: CustomData) -> None:
        """The points after an edit, undo or redo: shown and sent to training shortly."""
        self.data = data
        if not self._send.isActive():
            self._send.start()
        self._show_hint()

    def _send_now(self) -> None:
        if self.data is not None:
            self.points_edited.emit(self.data.X, self.data.y)

    def flush(self) -> None:
        """Send pending edits now (before saving, say)."""
        if self._send.isActive():
            self._send.stop()
            self._send_now()

    # -- edits -----------------------------------------------------------------------------------
    def _push(self, edit: Edit | None, after: CustomData, text: str, stroke: int = -1) -> None:
        if edit is not None:
            self.undo_stack.push(_EditCommand(self, edit, after, text, stroke))

    def add_point(self, x: float, y: float, label: int | None = None, stroke: int = -1) -> None:
        data = self._current()
        if data is None:
            return
        after, edit = data.add((x, y), self.current_class if label is None else label)
        self._push(edit, after, self.tr("Add point"), stroke)

    def remove_nearest(self, x: float, y: float, within: float = np.inf) -> bool:
        data = self._current()
        if data is None:
            return False
        after, edit = data.remove_nearest((x, y), within)
        self._push(edit, after, self.tr("Remove point"))
        return edit is not None

    def clear(self) -> None:
        data = self._current()
        if data is None or len(data) == 0:
            return
        after, edit = data.clear()
        self._push(edit, after, self.tr("Clear points"))

    # -- the mouse and keys on the plot ------------------------------------------------------------
    def data_point(self, pos: QPointF) -> tuple[float, float]:
        """Data coordinates of a position in the plot's viewport."""
        p = self.view.getPlotItem().getViewBox().mapSceneToView(self.view.mapToScene(pos.toPoint()))
        return p.x(), p.y()

    def _pixels_per_unit(self) -> float:
        vb = self.view.getPlotItem().getViewBox()
        (x0, x1), _ = vb.viewRange()
        return vb.width() / (x1 - x0) if x1 > x0 else 1.0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self.editing:
            return False
        kind = event.type()
        if kind == QEvent.Type.KeyPress and watched is self.view:
            key = event.key()  # type: ignore[attr-defined]
            if Qt.Key.Key_1 <= key <= Qt.Key.Key_9:
                self.set_class(int(key - Qt.Key.Key_1))
                return True
            return False
        if watched is not self.view.viewport() or not isinstance(event, QMouseEvent):
            return False
        pos = event.position()
        if kind == QEvent.Type.MouseButtonPress:
            self.view.setFocus()
            if event.button() == Qt.MouseButton.LeftButton:
                self._strokes += 1
                self._stroke, self._last_px = self._strokes, pos
                self.add_point(*self.data_point(pos), stroke=self._stroke)
            elif event.button() == Qt.MouseButton.RightButton:
                self.remove_nearest(*self.data_point(pos), REMOVE_RADIUS_PX / self._pixels_per_unit())
            return True
        if kind == QEvent.Type.MouseMove and self._last_px is not None:
            if (event.buttons() & Qt.MouseButton.LeftButton) and (
                (pos - self._last_px).manhattanLength() >= PAINT_SPACING_PX
            ):
                self._last_px = pos
                self.add_point(*self.data_point(pos), stroke=self._stroke)
            return True
        if kind == QEvent.Type.MouseButtonRelease:
            self._last_px, self._stroke = None, -1
            return True
        return kind in (QEvent.Type.MouseButtonDblClick, QEvent.Type.ContextMenu)
