"""The panel's "Optimizer and network" section: batch size, the optimizer and its constants, the
activation, the initialisation and the precision, as rows of the panel's form under a header
that folds them away.

It builds the widgets, shows a configuration's values in them and decides which rows are
visible (an optimizer's constants only with that optimizer; none while the section is
folded). The panel (controls.ParameterPanel) owns the configuration, the labels and the edits:
nothing here changes a config.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QSizePolicy,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolButton,
    QWidget,
)

from ..engine.config import (
    ACTIVATION_TITLES,
    ACTIVATIONS,
    DTYPE_TITLES,
    DTYPES,
    INIT_TITLES,
    INITS,
    LIMITS,
    OPTIMIZER_TITLES,
    OPTIMIZERS,
    TrainConfig,
)
from ..engine.optimizers import HYPER
from .engine_text import choice_title
from .spinboxes import BatchSpinBox, LogSpinBox

#: The fields of the section, in the order of its rows.
OPTION_FIELDS = (
    "batch_size", "optimizer", "momentum", "beta1", "beta2", "decay_rate", "eps",
    "activation", "init", "dtype",
)
#: The rows shown only for the optimizers that read them (optimizers.HYPER).
_OPTIMIZER_CONSTANTS = frozenset(name for names in HYPER.values() for name in names)

_QT_INT_MAX = 2**31 - 1


#: The item role holding a choice's full title, shown in the open list (the box shows the short one).
_FULL_TITLE = Qt.ItemDataRole.UserRole + 1


def short_title(title: str) -> str:
    """A title without its explanation: "He: randn · sqrt(2 / fan_in)" → "He",
    "Gradient descent (the notes)" → "Gradient descent"."""
    for mark in (":", " (", "：", "（"):
        title = title.split(mark, 1)[0]
    return title


class _FullTitles(QStyledItemDelegate):
    """Draws (and sizes) each item of the open list with its full title."""

    def initStyleOption(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        super().initStyleOption(option, index)
        full = index.data(_FULL_TITLE)
        if isinstance(full, str):
            option.text = full


def _combo(object_name: str, choices: tuple[str, ...], titles: dict[str, str]) -> QComboBox:
    """The box shows the short title, so the narrow panel cuts nothing; the list the full one."""
    w = QComboBox()
    w.setObjectName(object_name)
    for choice in choices:
        w.addItem(short_title(titles[choice]), choice)
        w.setItemData(w.count() - 1, titles[choice], _FULL_TITLE)
        w.setItemData(w.count() - 1, titles[choice], Qt.ItemDataRole.ToolTipRole)
    w.setItemDelegate(_FullTitles(w))
    w.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
    return w


def _fraction_spin(name: str, decimals: int, step: float) -> QDoubleSpinBox:
    w = QDoubleSpinBox()
    w.setObjectName(f"{name}_spin")
    w.setRange(*LIMITS[name])
    w.setDecimals(decimals)
    w.setSingleStep(step)
    w.setKeyboardTracking(False)  # typing "0.95" is one change, not four
    return w


class OptionSection(QToolButton):
    """The section's header (a button that folds and unfolds it), owning the rows it folds."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("options_header")
        self.setCheckable(True)
        self.setChecked(True)
        self.setAutoRaise(True)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        font = self.font()
        font.setBold(True)
        self.setFont(font)

        low, high = LIMITS["batch_size"]
        self.batch_spin = BatchSpinBox()
        self.batch_spin.setObjectName("batch_spin")
        self.batch_spin.setRange(int(low), int(min(high, _QT_INT_MAX)))
        self.batch_spin.setKeyboardTracking(False)
        self.batch_spin.setGroupSeparatorShown(True)
        self.optimizer_combo = _combo("optimizer_combo", OPTIMIZERS, OPTIMIZER_TITLES)
        self.momentum_spin = _fraction_spin("momentum", 4, 0.05)
        self.beta1_spin = _fraction_spin("beta1", 4, 0.01)
        self.beta2_spin = _fraction_spin("beta2", 5, 0.001)
        self.decay_rate_spin = _fraction_spin("decay_rate", 5, 0.01)
        self.eps_spin = LogSpinBox(*LIMITS["eps"], smallest=LIMITS["eps"][0])
        self.eps_spin.setObjectName("eps_spin")
        self.activation_combo = _combo("activation_combo", ACTIVATIONS, ACTIVATION_TITLES)
        self.init_combo = _combo("init_combo", INITS, INIT_TITLES)
        self.dtype_combo = _combo("dtype_combo", DTYPES, DTYPE_TITLES)
        #: Field name → its widget, in row order.
        self.widgets: dict[str, QWidget] = {
            "batch_size": self.batch_spin,
            "optimizer": self.optimizer_combo,
            "momentum": self.momentum_spin,
            "beta1": self.beta1_spin,
            "beta2": self.beta2_spin,
            "decay_rate": self.decay_rate_spin,
            "eps": self.eps_spin,
            "activation": self.activation_combo,
            "init": self.init_combo,
            "dtype": self.dtype_combo,
        }
        self._form: QFormLayout | None = None
        self._optimizer = "sgd"
        self.toggled.connect(self._fold)
        self.retranslate()

    def retranslate(self) -> None:
        self.setText(self.tr("Optimizer and network"))
        self.setToolTip(self.tr("How each step is taken and what the hidden layer computes; "
                                "click to fold or unfold"))
        self.batch_spin.setSpecialValueText(self.tr("full batch"))
        for field in ("optimizer", "activation", "init", "dtype"):
            combo = self.widgets[field]
            assert isinstance(combo, QComboBox)
            for i in range(combo.count()):
                full = choice_title(field, combo.itemData(i))
                combo.setItemText(i, short_title(full))
                combo.setItemData(i, full, _FULL_TITLE)
                combo.setItemData(i, full, Qt.ItemDataRole.ToolTipRole)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def attach(self, form: QFormLayout) -> None:
        """Add the header row to `form`; the panel adds the field rows after it."""
        self._form = form
        form.addRow(self)

    def show_config(self, config: TrainConfig) -> None:
        """Show `config`'s values (the caller keeps the edits this makes from counting)."""
        self.batch_spin.setValue(config.batch_size)
        for name in ("momentum", "beta1", "beta2", "decay_rate", "eps"):
            self.widgets[name].setValue(getattr(config, name))  # type: ignore[attr-defined]
        for name in ("optimizer", "activation", "init", "dtype"):
            combo = self.widgets[name]
            assert isinstance(combo, QComboBox)
            combo.setCurrentIndex(combo.findData(getattr(config, name)))
        self.activation_combo.setEnabled(config.model == "nn")  # the linear model has no hidden layer
        self._optimizer = config.optimizer
        self._fold(self.isChecked())

    def row_shown(self, name: str) -> bool:
        """Whether field `name`'s row is shown now."""
        if not self.isChecked():
            return False
        return name not in _OPTIMIZER_CONSTANTS or name in HYPER[self._optimizer]

    def _fold(self, unfolded: bool) -> None:
        self.setArrowType(Qt.ArrowType.DownArrow if unfolded else Qt.ArrowType.RightArrow)
        if self._form is None:
            return
        for name, widget in self.widgets.items():
            if self._form.indexOf(widget) >= 0:
                self._form.setRowVisible(widget, self.row_shown(name))
