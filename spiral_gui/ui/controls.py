"""The parameter panel: one widget per TrainConfig field, ranges taken from the engine's limits.

The panel owns no setting of its own: it shows a `TrainConfig` and produces a new, validated one
when the user changes a widget. A value that the engine would refuse (a combination over the
memory budget, say) is put back at once and the reason is shown under the controls.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from functools import partial

import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QEvent, QLocale, Qt, Signal, Slot
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
    DATASET_TITLES,
    DATASETS,
    FIELD_CHANGE,
    LIMITS,
    MODELS,
    Change,
    TrainConfig,
    fixed_k,
)
from .engine_text import choice_title, error_text, field_help, field_title, model_title
from .option_rows import OptionSection
from .spinboxes import LogSpinBox

_QT_INT_MAX = 2**31 - 1


def _tooltip(name: str) -> str:
    text = field_help(name)
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
    """Scientific values (1e-3), 1-2-5 stepping (spinboxes.LogSpinBox), invalid text outlined in red."""
    w = LogSpinBox(*LIMITS[name])
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
            self.model_combo.addItem(m, m)
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
        self.dataset_combo = QComboBox()
        self.dataset_combo.setObjectName("dataset_combo")
        for d in DATASETS:
            self.dataset_combo.addItem(DATASET_TITLES[d], d)
        self.test_fraction_spin = QDoubleSpinBox()
        self.test_fraction_spin.setObjectName("test_fraction_spin")
        self.test_fraction_spin.setRange(*LIMITS["test_fraction"])
        self.test_fraction_spin.setDecimals(2)
        self.test_fraction_spin.setSingleStep(0.05)
        self.test_fraction_spin.setKeyboardTracking(False)
        #: Custom points use classes below this: K may not go lower (the window keeps it).
        self.custom_classes = 0

        self._widgets = {
            "dataset": self.dataset_combo,
            "model": self.model_combo,
            "n": self.n_spin,
            "k": self.k_spin,
            "hidden": self.hidden_spin,
            "step_size": self.step_size_spin,
            "reg": self.reg_spin,
            "seed": self.seed_spin,
            "noise": self.noise_spin,
            "iterations": self.iterations_spin,
            "test_fraction": self.test_fraction_spin,
        }
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        #: Each field's label, by field name.
        self.labels: dict[str, QLabel] = {}
        for name, widget in self._widgets.items():
            label = self.labels[name] = QLabel()
            label.setBuddy(widget)
            form.addRow(label, widget)
        #: What the message under the controls says, re-worded on a language change.
        self._refusal: Callable[[], str] | None = None

        # -- optimizer and network: a section of the same form, folded by its header ----------
        self.options = OptionSection()
        self.batch_spin = self.options.batch_spin
        self.optimizer_combo = self.options.optimizer_combo
        self.momentum_spin = self.options.momentum_spin
        self.beta1_spin = self.options.beta1_spin
        self.beta2_spin = self.options.beta2_spin
        self.decay_rate_spin = self.options.decay_rate_spin
        self.eps_spin = self.options.eps_spin
        self.activation_combo = self.options.activation_combo
        self.init_combo = self.options.init_combo
        self.dtype_combo = self.options.dtype_combo
        self.options.attach(form)
        for name, widget in self.options.widgets.items():
            self._widgets[name] = widget
            label = self.labels[name] = QLabel()
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

        self.retranslate()
        self.set_config(config)
        self.model_combo.currentIndexChanged.connect(lambda _i: self._on_edit("model"))
        self.dataset_combo.currentIndexChanged.connect(lambda _i: self._on_edit("dataset"))
        for name in ("n", "k", "hidden", "seed", "noise", "iterations", "test_fraction"):
            self._widgets[name].valueChanged.connect(lambda _v, f=name: self._on_edit(f))
        # sigValueChanging, not sigValueChanged: the latter reaches the run 300 ms after an arrow
        # key or the wheel, so a Step or a close right away would use an older value than shown.
        for name in ("step_size", "reg", "eps"):
            self._widgets[name].sigValueChanging.connect(lambda _w, _v, f=name: self._on_edit(f))
        for name in ("optimizer", "activation", "init", "dtype"):
            self._widgets[name].currentIndexChanged.connect(lambda _i, f=name: self._on_edit(f))
        for name in ("batch_size", "momentum", "beta1", "beta2", "decay_rate"):
            self._widgets[name].valueChanged.connect(lambda _v, f=name: self._on_edit(f))

    def retranslate(self) -> None:
        """Labels, tooltips, the model names and the message under the controls, in the current
        language."""
        for name, widget in self._widgets.items():
            self.labels[name].setText(field_title(name))
            self.labels[name].setToolTip(_tooltip(name))
            widget.setToolTip(_tooltip(name))
        for i in range(self.model_combo.count()):
            self.model_combo.setItemText(i, choice_title("model", self.model_combo.itemData(i)))
        for i in range(self.dataset_combo.count()):
            self.dataset_combo.setItemText(i, choice_title("dataset", self.dataset_combo.itemData(i)))
        net = self.model_combo.findData("nn")
        self.model_combo.setItemText(net, model_title("nn", self._config.activation))
        self._enable(self._config)
        if self._refusal is not None:
            self.message_label.setText(self._refusal())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- the config, both ways ----------------------------------------------------------------
    def config(self) -> TrainConfig:
        return self._config

    def set_config(self, config: TrainConfig) -> None:
        """Show `config` without emitting config_changed."""
        self._config = config
        self._updating = True
        try:
            self.model_combo.setCurrentIndex(self.model_combo.findData(config.model))
            self.dataset_combo.setCurrentIndex(self.dataset_combo.findData(config.dataset))
            numbers = ("n", "k", "hidden", "seed", "iterations", "noise", "step_size", "reg", "test_fraction")
            for name in numbers:
                self._widgets[name].setValue(getattr(config, name))
            self._enable(config)
            self._show_options(config)
        finally:
            self._updating = False

    def widget_value(self, name: str):
        w = self._widgets[name]
        if isinstance(w, QComboBox):
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
            self._refuse(lambda: self.tr("{0} must be a finite number").format(name))
            return
        if name == "k" and self._config.dataset == "custom" and value < self.custom_classes:
            classes = self.custom_classes
            self._refuse(
                lambda: self.tr("the custom points use {0} classes, so K may not be lower").format(classes)
            )
            return
        try:
            if name == "dataset":
                config = self._config.with_dataset(value)
            else:
                config = self._config.replace(**{name: value})
        except ValueError as exc:
            self._refuse(partial(error_text, exc))
            return
        if config == self._config:
            return
        self._config = config
        self._refusal = None
        self.message_label.clear()
        if name == "dataset":
            self.set_config(config)  # K may have followed the data set
        self._enable(config)
        self._updating = True
        try:
            self._show_options(config)
        finally:
            self._updating = False
        self.config_changed.emit(config, name)

    def _show_options(self, config: TrainConfig) -> None:
        """The section's values and rows, and the net's title naming its activation."""
        self.options.show_config(config)
        self.model_combo.setItemText(self.model_combo.findData("nn"), model_title("nn", config.activation))

    def _enable(self, config: TrainConfig) -> None:
        """Disable what does not apply: h for the linear model, K where the data set fixes it,
        N and the noise for custom points."""
        self.hidden_spin.setEnabled(config.model == "nn")
        fixed = fixed_k(config.dataset)
        self.k_spin.setEnabled(fixed is None)
        if fixed is None:
            self.k_spin.setToolTip(_tooltip("k"))
        else:
            self.k_spin.setToolTip(QCoreApplication.translate(
                "ParameterPanel", "The {title} data set has {k} classes: K is fixed at {k}."
            ).format(title=choice_title("dataset", config.dataset), k=fixed))
        generated = config.dataset != "custom"
        self.n_spin.setEnabled(generated)
        self.noise_spin.setEnabled(generated)

    def show_custom(self, config: TrainConfig, classes: int) -> None:
        """The run's data became "custom" (points drawn or imported) with labels below `classes`."""
        self.custom_classes = classes
        if config.dataset != self._config.dataset or config.k != self._config.k:
            self.set_config(self._config.replace(dataset=config.dataset, k=config.k))

    def _refuse(self, message: Callable[[], str]) -> None:
        """Put the widget back to the last accepted value and say why (`message()` words it)."""
        self.set_config(self._config)
        self._refusal = lambda: self.tr("Not applied: {0}").format(message())
        text = self._refusal()
        self.message_label.setText(text)
        self.refused.emit(text)
