"""TimelineBar: the slider that scrubs back through a run, its readout and the Live button.

A view like the others: drawn from snapshots only (a live snapshot moves the slider's end and
handle to the run's iteration; a replayed one, `snap.viewing`, puts the handle on the shown
checkpoint). It asks for iterations through its signals (`iteration_requested`,
`live_requested`) and knows neither the runner nor the window.

The slider counts iterations. Dragging asks for the iteration under the handle (the worker
answers with the nearest kept checkpoint); the arrow and page keys move to the next or
previous kept checkpoint when the kept iterations are known (a replay carries them in
`snap.extras["timeline"]`), so a key press always moves.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QAbstractSlider, QHBoxLayout, QLabel, QPushButton, QSlider, QWidget

from ...engine.snapshot import Snapshot

_STEPS = {
    QAbstractSlider.SliderAction.SliderSingleStepAdd: 1,
    QAbstractSlider.SliderAction.SliderSingleStepSub: -1,
    QAbstractSlider.SliderAction.SliderPageStepAdd: 10,
    QAbstractSlider.SliderAction.SliderPageStepSub: -10,
}


class TimelineBar(QWidget):
    """`timeline_slider`, `live_button` and `timeline_label`, in one row."""

    #: The user moved the slider to this iteration.
    iteration_requested = Signal(int)
    #: The user asked to see the live run again.
    live_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timeline_bar")
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setObjectName("timeline_slider")
        self.slider.setRange(0, 0)
        self.slider.setSingleStep(1)
        self.label = QLabel()
        self.label.setObjectName("timeline_label")
        self.label.setMinimumWidth(60)
        self.live_button = QPushButton()
        self.live_button.setObjectName("live_button")
        self.live_button.setEnabled(False)
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 0, 8, 4)
        self.title = QLabel()
        row.addWidget(self.title)
        row.addWidget(self.slider, 1)
        row.addWidget(self.label)
        row.addWidget(self.live_button)
        self.viewing: int | None = None  #: the checkpoint shown, None while live
        self.live_iteration = 0
        self._kept = np.zeros(0, dtype=np.int64)
        self._run_id: int | None = None
        self.slider.valueChanged.connect(self._on_value)
        self.slider.actionTriggered.connect(self._on_action)
        self.live_button.clicked.connect(self.live_requested)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Timeline"))
        self.live_button.setText(self.tr("Live"))
        self.live_button.setToolTip(self.tr("Back to the run as it is now"))
        self.slider.setToolTip(
            self.tr("Drag to look back at the regions, loss and accuracy of earlier iterations "
                    "(training pauses); click the loss curve to jump there")
        )
        self._show_label()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def show_snapshot(self, snap: Snapshot) -> None:
        if snap.run_id != self._run_id:
            self._run_id = snap.run_id
            self._kept = np.zeros(0, dtype=np.int64)
        if snap.viewing:
            kept = snap.extras.get("timeline")
            if kept is not None:
                self._kept = np.asarray(kept)
            self.viewing = snap.iteration
            if not self.slider.isSliderDown():
                self._set_quietly(snap.iteration)
        else:
            self.viewing = None
            self.live_iteration = snap.iteration
            self.slider.blockSignals(True)
            self.slider.setMaximum(snap.iteration)
            self.slider.setPageStep(max(1, snap.iteration // 20))
            self.slider.blockSignals(False)
            if not self.slider.isSliderDown():
                self._set_quietly(snap.iteration)
        self.live_button.setEnabled(self.viewing is not None)
        self._show_label()

    def _set_quietly(self, value: int) -> None:
        self.slider.blockSignals(True)
        self.slider.setValue(value)
        self.slider.blockSignals(False)

    def _show_label(self) -> None:
        if self.viewing is None:
            self.label.setText(self.tr("live"))
        else:
            self.label.setText(self.tr("iteration {0}").format(f"{self.viewing:,}"))

    def _on_value(self, value: int) -> None:
        self.iteration_requested.emit(value)

    def _on_action(self, action: int) -> None:
        """Keys step from kept checkpoint to kept checkpoint, so that every press moves."""
        steps = _STEPS.get(QAbstractSlider.SliderAction(action))
        if steps is None or self._kept.size == 0:
            return
        current = self.viewing if self.viewing is not None else self.live_iteration
        j = int(np.searchsorted(self._kept, current))
        if steps > 0:
            j = j + steps if j < self._kept.size and self._kept[j] == current else j + steps - 1
        else:
            j = j + steps
        j = min(max(j, 0), self._kept.size - 1)
        self.slider.setSliderPosition(int(self._kept[j]))
