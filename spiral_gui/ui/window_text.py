"""The main window's own words: its title, buttons, group titles, menus and actions.

`retranslate_window(window)` sets them all in the current language; the window calls it when it
is built and on every `LanguageChange`. The panel, the views and the status-bar sentences
(`messages`) word themselves. Sets texts only: connects, computes and lays out nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

if TYPE_CHECKING:
    from .main_window import MainWindow

translate = QCoreApplication.translate


def retranslate_window(w: MainWindow) -> None:
    w.setWindowTitle(translate("MainWindow", "Spiral GUI — watch a neural network learn"))
    w.start_button.setToolTip(
        translate("MainWindow", "Train until the iteration budget is spent, or pause (Space)")
    )
    w.step_button.setText(translate("MainWindow", "Step"))
    w.step_button.setToolTip(translate("MainWindow", "Advance exactly one iteration of gradient descent (S)"))
    w.reset_button.setText(translate("MainWindow", "Reset"))
    w.reset_button.setToolTip(
        translate("MainWindow", "Re-draw the weights from the seed and clear the loss curve (R)")
    )
    w.log_check.setText(translate("MainWindow", "Log-scale loss axis"))
    w.params_box.setTitle(translate("MainWindow", "Parameters"))
    w.run_box.setTitle(translate("MainWindow", "Training"))
    w.inside_tabs.setTabText(0, translate("MainWindow", "Inside the model"))
    confusion = w.inside_tabs.indexOf(w.confusion_view)
    w.inside_tabs.setTabText(confusion, translate("MainWindow", "Confusion matrix"))

    w.file_menu.setTitle(translate("MainWindow", "&File"))
    w.export_regions_action.setText(translate("MainWindow", "Export decision regions…"))
    w.export_loss_action.setText(translate("MainWindow", "Export loss curve…"))
    w.quit_action.setText(translate("MainWindow", "&Quit"))
    w.train_menu.setTitle(translate("MainWindow", "&Training"))
    w.start_action.setText(translate("MainWindow", "Start / Pause"))
    w.step_action.setText(translate("MainWindow", "Step one iteration"))
    w.reset_action.setText(translate("MainWindow", "Reset weights"))
    w.log_action.setText(translate("MainWindow", "Log-scale loss axis"))
    w.view_menu.setTitle(translate("MainWindow", "&View"))
    w.edit_menu.setTitle(translate("MainWindow", "&Edit"))
    w.help_menu.setTitle(translate("MainWindow", "&Help"))
    w.about_action.setText(translate("MainWindow", "&About Spiral GUI"))
