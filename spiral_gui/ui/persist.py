"""Keeping the window's settings on disk while it runs: the parameters (a second after the last
change), the loss axis's log scale (at once), and everything again, with the geometry, on close.

Reading and writing are `settings`' (the only module that touches QSettings); this module
decides when to write and tells the user, once per session, when the file cannot be written:
in the status bar and under the controls, where it stays until the next change of a value.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QByteArray, QObject, QTimer, Signal, Slot
from PySide6.QtWidgets import QCheckBox, QStatusBar

from ..engine.config import TrainConfig
from . import settings as store
from .controls import ParameterPanel

#: Milliseconds between the last change of a value and writing the parameters.
SAVE_DELAY_MS = 1000


class SettingsKeeper(QObject):
    """Writes the panel's configuration and the log-scale toggle; emits `failed` at most once."""

    #: Why the settings could not be written, in the app's words (once per session).
    failed = Signal(str)

    def __init__(self, settings, panel: ParameterPanel, log_check: QCheckBox, status_bar: QStatusBar,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._settings = settings
        self._panel = panel
        self._log_check = log_check
        self._status_bar = status_bar
        self._reported = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SAVE_DELAY_MS)
        self._timer.timeout.connect(self._save_config)
        log_check.setChecked(store.load_view_options(settings).log_scale)
        log_check.toggled.connect(self._save_view)
        panel.config_changed.connect(self._timer.start)
        self.failed.connect(self._show)

    @property
    def reported(self) -> bool:
        """Whether a failure to write was shown this session."""
        return self._reported

    @property
    def pending(self) -> bool:
        """Whether changed parameters are waiting to be written."""
        return self._timer.isActive()

    def save_all(self, config: TrainConfig, geometry: QByteArray) -> None:
        """Write everything now (the window is closing)."""
        self._timer.stop()
        self._report(store.save_config(self._settings, config))
        self._report(store.save_geometry(self._settings, geometry))
        self._report(store.save_view_options(self._settings, self._view_options()))

    def _view_options(self) -> store.ViewOptions:
        # Only the log scale is this object's; the other view options are kept as saved.
        return replace(store.load_view_options(self._settings), log_scale=self._log_check.isChecked())

    @Slot()
    def _save_config(self) -> None:
        self._report(store.save_config(self._settings, self._panel.config()))

    @Slot(bool)
    def _save_view(self, _on: bool) -> None:
        self._report(store.save_view_options(self._settings, self._view_options()))

    def _report(self, message: str | None) -> None:
        if message and not self._reported:
            self._reported = True
            self.failed.emit(message[0].upper() + message[1:])

    @Slot(str)
    def _show(self, message: str) -> None:
        self._status_bar.showMessage(message, 15000)
        self._panel.message_label.setText(message)
