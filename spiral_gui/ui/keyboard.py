"""Keys that work from anywhere in the window, without eating what is typed into a field.

- In a number field (any spin box), Return, Enter and Escape commit the value typed and leave
  the field: the keyboard focus goes to `home` (the decision plot), where Space, S and R reach
  Start/Pause, Step and Reset again.
- Space, S and R are no part of a number, so typed into a number field they do the same (the
  value typed is committed, the field is left) and then reach their action: typing "5" into N
  and then Space starts training on N = 5, instead of blanking the field.
- Text fields that are not numbers keep every character typed into them.

Only the key handling lives here: the window passes the actions and the widget to return to.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QAbstractSpinBox, QWidget

#: Keys that commit a number field and leave it.
_LEAVE_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Escape)


class FieldKeys(QObject):
    """An event filter on every number field under the widgets it is asked to `watch`."""

    def __init__(self, home: QWidget, actions: Iterable[QAction], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._home = home
        self._actions = list(actions)
        home.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # a click on it also leaves a field

    def watch(self, root: QWidget) -> None:
        """Handle the keys of every spin box inside `root` (call again for fields added later)."""
        for spin in root.findChildren(QAbstractSpinBox):
            spin.removeEventFilter(self)
            spin.installEventFilter(self)

    def leave_field(self) -> None:
        """Commit the field being edited and give the focus to `home`."""
        self._home.setFocus(Qt.FocusReason.OtherFocusReason)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind not in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress):
            return False
        assert isinstance(event, QKeyEvent)
        if kind == QEvent.Type.ShortcutOverride and self._is_action_key(event):
            # Not delivered, so not claimed by the field: the action's shortcut fires next,
            # after the value typed so far has been committed by leaving the field.
            self.leave_field()
            return True
        if kind == QEvent.Type.KeyPress and event.key() in _LEAVE_KEYS and not _modified(event):
            self.leave_field()
            return True
        return False

    def _is_action_key(self, event: QKeyEvent) -> bool:
        if _modified(event):
            return False
        pressed = QKeySequence(event.keyCombination())
        return any(
            pressed.matches(shortcut) == QKeySequence.SequenceMatch.ExactMatch
            for action in self._actions if action.isEnabled()
            for shortcut in action.shortcuts()
        )


def _modified(event: QKeyEvent) -> bool:
    """Whether a modifier other than the keypad's is held."""
    return bool(event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier)
