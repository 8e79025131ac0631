"""Presentation mode, for a projector: full screen, every font and marker 1.6× larger, thicker
curves; leaving it restores the window exactly as it was.

Works on whatever the window holds: its own font (inherited by every widget), and in every
plot the tick and label fonts, the title, the legend, text items, curve and line pens and
scatter marker sizes. Each change is recorded with the means to undo it. Knows nothing of
training; the window gives it the action's shortcut (F11) and Esc.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QFont, QKeySequence
from PySide6.QtWidgets import QMainWindow

#: How much larger fonts and markers are, and curves thicker, in presentation mode.
SCALE = 1.6


def _scaled_font(font: QFont, factor: float) -> QFont:
    out = QFont(font)
    if font.pixelSize() > 0:
        out.setPixelSize(round(font.pixelSize() * factor))
    else:
        out.setPointSizeF(font.pointSizeF() * factor)
    return out


def _scaled_size(text: str, factor: float) -> str:
    """'13pt' → '20.8pt'."""
    for unit in ("pt", "px"):
        if text.endswith(unit):
            return f"{float(text[: -len(unit)]) * factor:g}{unit}"
    return text


class Presentation(QObject):
    """`action` (checkable, F11) switches the mode; `active` says whether it is on."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self._window = window
        self._undo: list[Callable[[], None]] = []
        self._state = window.windowState()
        self.action = QAction(self.tr("Presentation mode"), window, checkable=True)
        self.action.setObjectName("presentation_action")
        self.action.setShortcut(QKeySequence(Qt.Key.Key_F11))
        self.action.toggled.connect(self.set_active)
        self.leave_action = QAction(self.tr("Leave presentation mode"), window)
        self.leave_action.setShortcut(QKeySequence(Qt.Key.Key_Escape))
        self.leave_action.setEnabled(False)
        self.leave_action.triggered.connect(lambda: self.action.setChecked(False))
        window.addActions([self.action, self.leave_action])

    def retranslate(self) -> None:
        self.action.setText(self.tr("Presentation mode"))
        self.leave_action.setText(self.tr("Leave presentation mode"))

    @property
    def active(self) -> bool:
        return bool(self._undo)

    def set_active(self, on: bool) -> None:
        if on == self.active:
            return
        w = self._window
        if on:
            self._state = w.windowState()
            self._enlarge(SCALE)
            w.showFullScreen()
        else:
            for undo in reversed(self._undo):
                undo()
            self._undo.clear()
            w.setWindowState(self._state)
            w.show()
        self.leave_action.setEnabled(on)
        if self.action.isChecked() != on:
            self.action.setChecked(on)

    # -- what grows ---------------------------------------------------------------------------
    def _enlarge(self, f: float) -> None:
        w = self._window
        font = w.font()
        w.setFont(_scaled_font(font, f))
        self._undo.append(lambda: w.setFont(font))
        for view in w.findChildren(pg.PlotWidget):
            self._enlarge_plot(view.getPlotItem(), f)
            for item in view.scene().items():
                if isinstance(item, pg.TextItem):
                    self._enlarge_text(item, f)

    def _enlarge_plot(self, plot: pg.PlotItem, f: float) -> None:
        for side in ("left", "bottom"):
            axis = plot.getAxis(side)
            tick = axis.style.get("tickFont") or QFont(axis.font())
            label = QFont(axis.label.font())
            axis.setTickFont(_scaled_font(tick, f))
            axis.label.setFont(_scaled_font(label, f))
            axis.setStyle(tickLength=round(-5 * f))

            def undo(axis=axis, tick=tick, label=label) -> None:
                axis.setTickFont(tick)
                axis.label.setFont(label)
                axis.setStyle(tickLength=-5)

            self._undo.append(undo)
        title = plot.titleLabel
        size = title.opts.get("size") or "13pt"
        title.setText(title.text, size=_scaled_size(size, f))
        self._undo.append(lambda: title.setText(title.text, size=size))
        legend = plot.legend
        if legend is not None:
            text_size = legend.opts.get("labelTextSize", "9pt")
            legend.setLabelTextSize(_scaled_size(text_size, f))
            self._undo.append(lambda: legend.setLabelTextSize(text_size))
        for item in plot.items:
            if isinstance(item, pg.PlotDataItem):
                self._thicken(item, item.opts["pen"], item.setPen, f)
            elif isinstance(item, pg.InfiniteLine):
                self._thicken(item, item.pen, item.setPen, f)
            elif isinstance(item, pg.ScatterPlotItem):
                self._grow_markers(item, f)

    def _thicken(self, item: object, pen: object, set_pen: Callable[[object], None], f: float) -> None:
        original = pg.mkPen(pen)
        thick = pg.mkPen(original)
        thick.setWidthF(max(original.widthF(), 1.0) * f)
        set_pen(thick)
        self._undo.append(lambda: set_pen(original))

    def _grow_markers(self, item: pg.ScatterPlotItem, f: float) -> None:
        sizes = item.data["size"].copy()
        if sizes.size == 0:
            return
        # A size set for all points is the item's option; the points then hold -1.
        own = np.where(sizes < 0, item.opts["size"], sizes)
        item.setSize(own * f)

        def undo() -> None:
            if item.data["size"].shape == sizes.shape:  # the points were not redrawn meanwhile
                item.setSize(own)

        self._undo.append(undo)

    def _enlarge_text(self, item: pg.TextItem, f: float) -> None:
        font = QFont(item.textItem.font())
        item.setFont(_scaled_font(font, f))
        self._undo.append(lambda: item.setFont(font))
