"""The main window's layout and menus: which widget goes where, which action in which menu.

Builds and places widgets that `MainWindow` and its features created, and connects the menu
actions to the window's slots. Holds no state and no behaviour of its own; the texts are set by
`window_text` (so that a language change reaches them).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from .language import LanguageMenu

if TYPE_CHECKING:
    from .main_window import MainWindow


def build_layout(w: MainWindow) -> None:
    """The panel and the buttons on the left, the decision plot in the middle, the loss plot and
    the explainers on the right."""
    buttons = QHBoxLayout()
    for b in (w.start_button, w.step_button, w.reset_button):
        buttons.addWidget(b)

    w.params_box = params_box = QGroupBox()
    QVBoxLayout(params_box).addWidget(w.panel)
    w.run_box = run_box = QGroupBox()
    run_layout = QVBoxLayout(run_box)
    run_layout.addLayout(buttons)
    run_layout.addWidget(w.speed_control)
    run_layout.addWidget(w.readouts)
    run_layout.addWidget(w.units.dead_units_label)
    toggles = QGridLayout()  # two a row: three in one would widen the panel
    toggles.addWidget(w.log_check, 0, 0)
    toggles.addWidget(w.watch.log_x_check, 0, 1)
    toggles.addWidget(w.units.units_check, 1, 0)
    run_layout.addLayout(toggles)
    run_layout.addWidget(w.iteration_tools.badge)

    left = QWidget()
    left_layout = QVBoxLayout(left)
    left_layout.addWidget(params_box)
    left_layout.addWidget(run_box)
    left_layout.addWidget(w.iteration_tools.box)
    left_layout.addStretch(1)
    left_scroll = QScrollArea()  # a short screen scrolls the controls instead of clipping them
    left_scroll.setWidget(left)
    left_scroll.setWidgetResizable(True)
    left_scroll.setFrameShape(QFrame.Shape.NoFrame)
    left_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    # As wide as the controls need, and room for the scroll bar: nothing is cut at the right.
    need = max(340, left.minimumSizeHint().width())
    left_scroll.setMinimumWidth(need + left_scroll.verticalScrollBar().sizeHint().width())
    left_scroll.setMaximumWidth(left_scroll.minimumWidth() + 80)

    inside = QWidget()
    inside_layout = QVBoxLayout(inside)
    inside_layout.addWidget(w.units.health.failure_note)
    inside_layout.addWidget(w.model_text)
    w.inside_tabs = w.units.explainer_tabs(inside)  # the explainer and the unit gallery
    w.inside_tabs.addTab(w.confusion_view, "")

    right = QSplitter(Qt.Orientation.Vertical)
    right.addWidget(w.loss_view)
    right.addWidget(w.inside_tabs)
    right.addWidget(w.iteration_tools.gradcheck_box)
    right.setStretchFactor(0, 3)
    right.setStretchFactor(1, 2)

    middle = QWidget()  # the decision plot, and how its regions are drawn under it
    middle_layout = QVBoxLayout(middle)
    middle_layout.setContentsMargins(0, 0, 0, 0)
    middle_layout.addWidget(w.point_editor, 1)
    middle_layout.addWidget(w.region_options)
    middle_layout.addWidget(w.watch.timeline_bar)
    # The bars under the plot may be squeezed by a narrow window rather than widen it.
    w.watch.timeline_bar.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)

    split = QSplitter(Qt.Orientation.Horizontal)
    split.addWidget(left_scroll)
    split.addWidget(middle)
    split.addWidget(right)
    split.setStretchFactor(1, 3)
    split.setStretchFactor(2, 2)
    split.setCollapsible(1, False)
    split.setSizes([380, 550, 350])
    right.setSizes([430, 290])
    w.setCentralWidget(split)


def build_menus(w: MainWindow) -> None:
    """File, Edit, Training, View and Help; their texts are set by `window_text`."""
    w.file_menu = file_menu = w.menuBar().addMenu("")
    w.export_regions_action = QAction(w)
    w.export_regions_action.triggered.connect(lambda: w._export_dialog("regions"))
    w.export_loss_action = QAction(w)
    w.export_loss_action.triggered.connect(lambda: w._export_dialog("loss"))
    w.quit_action = quit_action = QAction(w)
    quit_action.setShortcut(QKeySequence("Ctrl+Q"))  # Windows has no standard Quit key
    quit_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
    quit_action.triggered.connect(w.close)
    file_menu.addActions([w.export_regions_action, w.export_loss_action,
                          w.watch.export_animation_action])
    file_menu.addSeparator()
    file_menu.addAction(quit_action)

    w.edit_menu = w.menuBar().addMenu("")
    w.edit_menu.addActions([w.point_editor.undo_action, w.point_editor.redo_action])

    w.train_menu = train_menu = w.menuBar().addMenu("")
    w.start_action = QAction(w, shortcut=QKeySequence(Qt.Key.Key_Space))
    w.start_action.triggered.connect(w.toggle_running)
    w.step_action = QAction(w, shortcut=QKeySequence(Qt.Key.Key_S))
    w.step_action.triggered.connect(w._on_step)
    w.reset_action = QAction(w, shortcut=QKeySequence(Qt.Key.Key_R))
    w.reset_action.triggered.connect(w._on_reset)
    w.log_action = QAction(w, checkable=True)
    w.log_action.toggled.connect(w.log_check.setChecked)
    w.log_check.toggled.connect(w.log_action.setChecked)
    train_menu.addActions([w.start_action, w.step_action, w.iteration_tools.step_into_action,
                           w.reset_action])
    train_menu.addSeparator()
    train_menu.addAction(w.log_action)
    w.addActions([w.start_action, w.step_action, w.reset_action, quit_action])

    w.view_menu = w.menuBar().addMenu("")
    w.watch.add_to_view_menu(w.view_menu)
    w.view_menu.addSeparator()
    w.language_menu = LanguageMenu(w._settings, w)
    w.view_menu.addMenu(w.language_menu)
    w.statusBar().addPermanentWidget(w.language_menu.note_label)

    w.help_menu = help_menu = w.menuBar().addMenu("")
    w.about_action = QAction(w)
    w.about_action.triggered.connect(w.show_about)
    help_menu.addAction(w.about_action)
