"""The log-scale toggle is remembered with the other settings, and a settings file that cannot
be written is reported once per session, while the window is open."""

from __future__ import annotations

from spiral_gui.engine import TrainConfig
from spiral_gui.ui.persist import SAVE_DELAY_MS

from .helpers import control, wait_until_snapshot


def test_the_log_scale_survives_a_restart(qtbot, make_window, ini_path) -> None:
    first = make_window()
    assert not control(first, "log_check").isChecked()
    control(first, "log_check").setChecked(True)
    assert first.loss_view.getPlotItem().getAxis("left").logMode
    first.close()
    second = make_window(ini_path)
    assert control(second, "log_check").isChecked()
    assert second.log_action.isChecked()
    assert second.loss_view.getPlotItem().getAxis("left").logMode
    control(second, "log_check").setChecked(False)
    second.close()
    assert not control(make_window(ini_path), "log_check").isChecked()


def test_parameters_are_written_soon_after_a_change(qtbot, make_window, ini_path) -> None:
    window = make_window(config=TrainConfig(n=20))
    control(window, "n_spin").setValue(33)
    written = lambda: ini_path.exists() and "n=33" in ini_path.read_text()  # noqa: E731
    qtbot.waitUntil(written, timeout=SAVE_DELAY_MS + 5_000)
    assert window.isVisible()  # written while the window is open, not only on close


def test_an_unwritable_settings_file_is_reported_once(qtbot, make_window, tmp_path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where a folder should be", encoding="utf-8")
    window = make_window(blocker / "spiral-gui.ini", config=TrainConfig(n=20))
    reports: list[str] = []
    window.keeper.failed.connect(reports.append)
    control(window, "log_check").setChecked(True)
    assert len(reports) == 1
    assert "could not be saved" in reports[0] and "spiral-gui.ini" in reports[0]
    assert reports[0] in window.panel.message_label.text()
    assert "could not be saved" in window.statusBar().currentMessage()
    control(window, "n_spin").setValue(21)
    wait_until_snapshot(qtbot, window, lambda s: s.config.n == 21)
    assert window.keeper.pending
    qtbot.waitUntil(lambda: not window.keeper.pending, timeout=SAVE_DELAY_MS + 5_000)
    # That write failed too: not reported again.
    control(window, "log_check").setChecked(False)
    window.close()
    assert len(reports) == 1
