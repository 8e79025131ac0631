"""The parameter panel: one widget per TrainConfig field, ranges taken from the engine's limits.

The panel owns no setting of its own: it shows a `TrainConfig` and produces a new, validated one
when the user changes a widget. A value that the engine would refuse (a combination over the
memory budget, say) is put back at once and the reason is shown under the controls.
"""

from __future__ import annotations

import math

import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QLocale, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ..engine.config import (
    FIELD_CHANGE,
    FIELD_HELP,
    FIELD_TITLES,
    LIMITS,
    MODEL_TITLES,
    MODELS,
    Change,
    TrainConfig,
)

_QT_INT_MAX = 2**31 - 1


def _tooltip(name: str) -> str:
    text = FIELD_HELP[name]
    text = text[0].upper() + text[1:] + "."
    if FIELD_CHANGE[name] >= Change.WEIGHTS:
        return text + "\n" + QCoreApplication.translate(
            "ParameterPanel", "Changing it starts a new run (new data or new weights)."
        )
    if FIELD_CHANGE[name] == Change.LIVE and name != "iterations":
        return text + "\n" + QCoreApplication.translate(
            "ParameterPanel", "Changes apply at the next iteration, without a reset."
        )
    return text


def _int_spin(name: str, object_name: str) -> QSpinBox:
    low, high = LIMITS[name]
    w = QSpinBox()
    w.setRange(int(low), int(min(high, _QT_INT_MAX)))
    w.setKeyboardTracking(False)  # typing "1000" is one change, not four
    w.setGroupSeparatorShown(True)
    w.setAccelerated(True)
    w.setObjectName(object_name)
    return w


def _log_spin(name: str, object_name: str) -> pg.SpinBox:
    """Scientific values (1e-3), logarithmic stepping, invalid text outlined in red."""
    low, high = LIMITS[name]
    w = pg.SpinBox(
        value=low if low > 0 else 0.0,
        bounds=(low, high),
        dec=True,
        step=0.5,
        minStep=1e-6,
        decimals=4,
        finite=True,
        compactHeight=False,
    )
    w.setObjectName(object_name)
    return w


class ExactSpinBox(QDoubleSpinBox):
    """A decimal spin box that shows the value it holds in full: 0.12345 reads "0.12345", 0.2
    reads "0.2" (a plain QDoubleSpinBox would show 0.123 while holding 0.12345). Steps land on
    round numbers (0.1 + 0.05 is 0.15, not 0.15000000000000002)."""

    #: Enough decimals for any double from 0.001 up to keep its exact value.
    DECIMALS = 20

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDecimals(self.DECIMALS)

    def textFromValue(self, value: float) -> str:
        shortest = int(QLocale.FloatingPointPrecisionOption.FloatingPointShortest)
        return self.locale().toString(value, "f", shortest)

    def stepBy(self, steps: int) -> None:
        value = round(self.value() + steps * self.singleStep(), 10)  # one change, a round one
        self.setValue(min(max(value, self.minimum()), self.maximum()))
        self.selectAll()


class ParameterPanel(QWidget):
    """Emits `config_changed(config, field)` with a validated config after each user change."""

    config_changed = Signal(object, str)
    refused = Signal(str)  # a message explaining why a value was put back

    def __init__(self, config: TrainConfig, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._config = config
        self._updating = False

        self.model_combo = QComboBox()

        self.model_combo.setObjectName("model_combo")
        for m in MODELS:
            self.model_combo.addItem(MODEL_TITLES[m], m)
        self.n_spin = _int_spin("n", "n_spin")
        self.k_spin = _int_spin("k", "k_spin")
        self.hidden_spin = _int_spin("hidden", "hidden_spin")
        self.step_size_spin = _log_spin("step_size", "step_size_spin")
        self.reg_spin = _log_spin("reg", "reg_spin")
        # Seeds go up to 2**32 - 1, past QSpinBox's int range: a whole-number QDoubleSpinBox.
        self.seed_spin = QDoubleSpinBox()
        self.seed_spin.setObjectName("seed_spin")
        self.seed_spin.setRange(*LIMITS["seed"])
        self.seed_spin.setDecimals(0)
        self.seed_spin.setKeyboardTracking(False)
        self.seed_spin.setGroupSeparatorShown(True)
        self.noise_spin = ExactSpinBox()
        self.noise_spin.setObjectName("noise_spin")
        self.noise_spin.setRange(*LIMITS["noise"])
        self.noise_spin.setSingleStep(0.05)
        self.noise_spin.setKeyboardTracking(False)
        self.iterations_spin = _int_spin("iterations", "iterations_spin")
        self.iterations_spin.setSingleStep(1000)

        self._widgets = {
            "model": self.model_combo,
            "n": self.n_spin,
            "k": self.k_spin,
            "hidden": self.hidden_spin,
            "step_size": self.step_size_spin,
            "reg": self.reg_spin,
            "seed": self.seed_spin,
            "noise": self.noise_spin,
            "iterations": self.iterations_spin,
        }
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for name, widget in self._widgets.items():
            widget.setToolTip(_tooltip(name))
            label = QLabel(FIELD_TITLES[name])
            label.setToolTip(_tooltip(name))
            label.setBuddy(widget)
            form.addRow(label, widget)

        self.message_label = QLabel()

        self.message_label.setObjectName("panel_message")
        self.message_label.setWordWrap(True)
        self.message_label.setStyleSheet("color: #b2182b;")
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addWidget(self.message_label)

        self.set_config(config)
        self.model_combo.currentIndexChanged.connect(lambda _i: self._on_edit("model"))
        for name in ("n", "k", "hidden", "seed", "noise", "iterations"):
            self._widgets[name].valueChanged.connect(lambda _v, f=name: self._on_edit(f))
        # sigValueChanging, not sigValueChanged: the latter reaches the run 300 ms after an arrow
        # key or the wheel, so a Step or a close right away would use an older value than shown.
        for name in ("step_size", "reg"):
            self._widgets[name].sigValueChanging.connect(lambda _w, _v, f=name: self._on_edit(f))

    # -- the config, both ways ----------------------------------------------------------------
    def config(self) -> TrainConfig:
        return self._config

    def set_config(self, config: TrainConfig) -> None:
        """Show `config` without emitting config_changed."""
        self._config = config
        self._updating = True
        try:
            self.model_combo.setCurrentIndex(self.model_combo.findData(config.model))
            for name in ("n", "k", "hidden", "seed", "iterations", "noise", "step_size", "reg"):
                self._widgets[name].setValue(getattr(config, name))
            self.hidden_spin.setEnabled(config.model == "nn")
        finally:
            self._updating = False

    def widget_value(self, name: str):
        w = self._widgets[name]
        if name == "model":
            return w.currentData()
        if name == "seed":
            return int(w.value())
        return w.value()

    @Slot(str)
    def _on_edit(self, name: str) -> None:
        if self._updating:
            return
        value = self.widget_value(name)
        if isinstance(value, float) and not math.isfinite(value):
            self._refuse(name, f"{name} must be a finite number")
            return
        try:
            config = self._config.replace(**{name: value})
        except ValueError as exc:
            self._refuse(name, str(exc))
            return
        if config == self._config:
            return
        self._config = config
        self.message_label.clear()
        self.hidden_spin.setEnabled(config.model == "nn")
        self.config_changed.emit(config, name)

    def _refuse(self, name: str, message: str) -> None:
        """Put the widget back to the last accepted value and say why."""
        self.set_config(self._config)
        text = f"Not applied: {message}"
        self.message_label.setText(text)
        self.refused.emit(text)
