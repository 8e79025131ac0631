"""The File menu's export: ask for a name, export, and tell the user what happened.

Holds the dialog and the words; the writing itself is `export`'s. Shows its messages in the
status bar of the window it is given and, on failure, in a non-modal warning. Knows nothing of
the runner or of snapshots.
"""

from __future__ import annotations

from pathlib import Path

import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox

from .export import MAX_EXPORT_PIXELS, Exported, ExportError, Target, export_view, target_for

translate = QCoreApplication.translate


def success_text(result: Exported, target: Target) -> str:
    """'Exported /path/loss-curve.png', with what the user should know about the name or size."""
    text = translate("export", "Exported {0}").format(result.path)
    if result.width:
        text += translate("export", " ({0} × {1} pixels").format(result.width, result.height)
        if result.capped:
            text += translate("export", ", reduced to {0} pixels on the long side").format(
                f"{MAX_EXPORT_PIXELS:,}"
            )
        text += ")"
    if target.kept_existing is not None:
        text += translate("export", "; {0} already exists and was kept").format(target.kept_existing.name)
    return text


def failure_text(path: Path, exc: OSError) -> str:
    """'Could not export to /path/x.png: No space left on device'."""
    reason = exc.strerror or str(exc)
    return translate("export", "Could not export to {0}: {1}").format(path, reason)


def ask_and_export(window: QMainWindow, view: pg.PlotWidget, default_name: str) -> Exported | None:
    """The save dialog (which confirms replacing the file it names), then `export_to`."""
    path, chosen = QFileDialog.getSaveFileName(
        window, translate("export", "Export plot"), f"{default_name}.png",
        translate("export", "PNG image (*.png);;SVG drawing (*.svg)")
    )
    if not path:
        return None
    return export_to(window, view, path, default_name, ".svg" if "*.svg" in chosen else ".png")


def export_to(
    window: QMainWindow, view: pg.PlotWidget, asked: str | Path, default_name: str, suffix: str = ".png"
) -> Exported | None:
    """Export `view` for the name `asked` (see `export.target_for`) and say what happened: the
    file written in the status bar, or the reason in the status bar and a non-modal warning."""
    shown = Path(asked)
    try:
        target = target_for(asked, default_name, suffix)
        shown = target.path
        result = export_view(view, target.path)
    except (ExportError, OSError) as exc:
        text = failure_text(shown, exc)
        window.statusBar().showMessage(text, 15000)
        box = QMessageBox(QMessageBox.Icon.Warning, translate("export", "Export failed"), text, parent=window)
        box.setObjectName("export_failed_box")
        box.setModal(False)
        box.show()
        return None
    window.statusBar().showMessage(success_text(result, target), 8000)
    return result
