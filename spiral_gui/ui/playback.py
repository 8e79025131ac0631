"""The playback controls: how fast training runs (`SpeedControl`, the `speed_combo`) and how the
decision regions are drawn (`RegionOptionsBar`: shading by confidence, palette).

Each widget reads its remembered choice from the settings when built, saves a change at once
(through `ui/settings.py`) and says so with a signal; the window connects the signals to the
runner and to the decision view. No training, no drawing here.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, QSettings, Signal, Slot
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QSizePolicy, QWidget

from . import settings as store
from .pacing import SPEEDS
from .palettes import PALETTES


class SpeedControl(QWidget):
    """"Speed" and a combo of iterations per second (item data, a float; Max is `inf`)."""

    #: The speed chosen, in iterations per second (`inf`: as fast as training goes).
    speed_changed = Signal(float)
    #: Why the choice could not be saved, in the app's words.
    save_failed = Signal(str)

    def __init__(self, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("speed_control")
        self._settings = settings
        self.label = QLabel()
        self.combo = QComboBox()
        self.combo.setObjectName("speed_combo")
        self.label.setBuddy(self.combo)
        for rate in SPEEDS:
            self.combo.addItem("", rate)
        self.combo.setCurrentIndex(SPEEDS.index(store.load_speed(settings)))
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.label)
        row.addWidget(self.combo, 1)
        self.retranslate()
        self.combo.currentIndexChanged.connect(self._on_index)

    def speed(self) -> float:
        """The chosen speed in iterations per second."""
        return float(self.combo.currentData())

    def set_speed(self, rate: float) -> None:
        """Choose one of `pacing.SPEEDS` (ValueError otherwise)."""
        if rate not in SPEEDS:
            raise ValueError(f"the speed must be one of {', '.join(map(str, SPEEDS))}, got {rate}")
        self.combo.setCurrentIndex(SPEEDS.index(rate))

    def announce(self) -> None:
        """Emit `speed_changed` with the current choice (the window does at start-up)."""
        self.speed_changed.emit(self.speed())

    @Slot(int)
    def _on_index(self, _index: int) -> None:
        rate = self.speed()
        self.speed_changed.emit(rate)
        if error := store.save_speed(self._settings, rate):
            self.save_failed.emit(error)

    def retranslate(self) -> None:
        self.label.setText(self.tr("&Speed"))
        for i, rate in enumerate(SPEEDS):
            text = self.tr("Max") if math.isinf(rate) else self.tr("{0} /s").format(f"{rate:,.0f}")
            self.combo.setItemText(i, text)
        tip = self.tr(
            "Iterations per second. Below Max every frame shows the regions, loss and accuracy "
            "of one iteration, so you can watch the spiral form; Max trains as fast as it can "
            "and refreshes the pictures less often. Step (S) always does exactly one iteration."
        )
        self.combo.setToolTip(tip)
        self.label.setToolTip(tip)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()


class RegionOptionsBar(QWidget):
    """One row for under the decision plot: a "Shade by certainty" check box
    (`shading_check`) and a palette combo (`palette_combo`)."""

    #: (shaded, palette name) whenever either changes.
    options_changed = Signal(bool, str)
    #: Why the choice could not be saved, in the app's words.
    save_failed = Signal(str)

    def __init__(self, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("region_options")
        self._settings = settings
        options = store.load_region_options(settings)
        self.shading_check = QCheckBox()
        self.shading_check.setObjectName("shading_check")
        self.shading_check.setChecked(options.shaded)
        self.palette_combo = QComboBox()
        self.palette_combo.setObjectName("palette_combo")
        for name in PALETTES:
            self.palette_combo.addItem("", name)
        self.palette_combo.setCurrentIndex(PALETTES.index(options.palette))
        self.palette_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.palette_combo.setMinimumContentsLength(6)  # narrow windows; the list shows it all
        self.palette_combo.setMaximumWidth(300)
        # A narrow window may squeeze the bar rather than be held wide by it.
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        row = QHBoxLayout(self)
        row.setContentsMargins(6, 0, 6, 0)
        row.addWidget(self.shading_check)
        row.addStretch(1)
        row.addWidget(self.palette_combo, 2)
        self.retranslate()
        self.shading_check.toggled.connect(self._changed)
        self.palette_combo.currentIndexChanged.connect(self._changed)

    def options(self) -> store.RegionOptions:
        return store.RegionOptions(shaded=self.shading_check.isChecked(),
                                   palette=str(self.palette_combo.currentData()))

    def announce(self) -> None:
        """Emit `options_changed` with the current choice (the window does at start-up)."""
        options = self.options()
        self.options_changed.emit(options.shaded, options.palette)

    @Slot()
    def _changed(self, *_args: object) -> None:
        options = self.options()
        self.options_changed.emit(options.shaded, options.palette)
        if error := store.save_region_options(self._settings, options):
            self.save_failed.emit(error)

    def retranslate(self) -> None:
        self.shading_check.setText(self.tr("Shade by certainty"))
        self.shading_check.setToolTip(self.tr(
            "Each cell of the decision regions fades towards white as the winning class's softmax "
            "probability falls: pale zones are where the model is unsure. Off: the notes' crisp "
            "argmax map."
        ))
        names = {"spectral": self.tr("Spectral colours (the notes)"),
                 "okabe_ito": self.tr("Colour-blind-safe colours (Okabe–Ito)")}
        for i, name in enumerate(PALETTES):
            self.palette_combo.setItemText(i, names[name])
        self.palette_combo.setAccessibleName(self.tr("Class colours"))
        self.palette_combo.setToolTip(self.tr(
            "The class colours: the case study's Spectral map, or Okabe and Ito's palette, which "
            "stays distinct with the common colour-vision deficiencies"
        ))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
