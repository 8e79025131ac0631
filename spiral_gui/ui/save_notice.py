"""Tells the user, once per session, that the settings file could not be written.

`settings.save_*` return None or a message; `SaveNotice.report(...)` takes any number of those
results and shows the first message, the first time there is one: in the window's status bar
and in a non-modal warning (which keeps a closing app open until it is read). Later failures
in the same session are not repeated. Touches only the window's status bar and its own box.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMainWindow, QMessageBox


class SaveNotice(QObject):
    """`report(*results)`; `shown` is the message shown this session (None so far)."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.shown: str | None = None
        self.box: QMessageBox | None = None

    def report(self, *results: str | None) -> str | None:
        """Show the first message among `results`, unless one was shown already; returns the
        text shown now (None if nothing was)."""
        first = next((r for r in results if r), None)
        if first is None or self.shown is not None:
            return None
        self.shown = first
        text = first[:1].upper() + first[1:].rstrip(".") + "."  # the settings module's words
        self._window.statusBar().showMessage(text, 20000)
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Settings not saved"), text, parent=self._window)
        box.setObjectName("settings_unsaved_box")
        box.setInformativeText(self.tr("The next launch starts from the settings saved before."))
        box.setModal(False)
        box.show()
        self.box = box
        return text
