"""The window in Japanese and English: every text it shows translated, switched live both ways,
chosen with --lang or the menu (remembered), and English with a note when no font has Japanese.

"English left" is a run of two or more English words of three letters or more, outside code
(identifiers, formulas, <code>), numbers and units, and outside the few names in ALLOWED; and any
text that is still exactly an English source of the catalogue.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pyqtgraph as pg
import pytest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QDockWidget,
    QGroupBox,
    QLabel,
    QMenu,
    QMessageBox,
    QTableWidget,
    QTabWidget,
    QWidget,
)

from spiral_gui.engine.config import TrainConfig
from spiral_gui.engine.status import Status
from spiral_gui.ui import language as language_module
from spiral_gui.ui.app import _parse, open_window
from spiral_gui.ui.language import language_of, resolve
from spiral_gui.ui.settings import load_language

from .helpers import TIMEOUT_MS, choose_model, click, settings_at, wait_status, wait_until_snapshot

ROOT = Path(__file__).resolve().parents[2]
#: Names, not sentences: the product and a function's proper name.
ALLOWED = ("Spiral GUI", "Leaky ReLU")
_WORD = re.compile(r"[A-Za-z]{3,}")
_STRIP = "'\"“”‘’()[]{}.,;:!?…（）「」、。"


def english_runs(text: str) -> list[str]:
    """Runs of two or more English words (3+ letters each) in `text`, code and names excepted.
    A tag or a line break ends a run."""
    text = re.sub(r"<code>.*?</code>", "\n", text, flags=re.S)
    text = html.unescape(re.sub(r"<[^>]+>", "\n", text)).replace("&", "")
    for name in ALLOWED:
        text = re.sub(re.escape(name), "\n", text, flags=re.I)
    runs = []
    for line in text.splitlines():
        run: list[str] = []
        for token in [*line.split(), ""]:
            core = token.strip(_STRIP)
            if core and _WORD.fullmatch(core):
                run.append(core)
                continue
            if len(run) >= 2:
                runs.append(" ".join(run))
            run = []
    return runs


def test_the_heuristic_finds_english_and_spares_code() -> None:
    assert english_runs("Train until the budget") == ["Train until the budget"]
    assert english_runs("反復 3,202 で一時停止中") == []
    assert english_runs("<code>dhidden[hidden &lt;= 0] = 0</code> の逆伝播") == []
    assert english_runs("W += -step_size * dW（ノートでは 1.0）") == []
    assert english_runs("Spiral GUI について") == []
    assert english_runs("loss = mean(−log softmax(scores)[y])") == []
    assert english_runs("paused at iteration 5") == []  # "at" is short: no run of two long words
    assert english_runs("the loss curve, again") == ["the loss curve again"]
    assert english_runs("pyqtgraph — MIT<br>NumPy — BSD") == []


def catalogue() -> dict[str, str]:
    """English source -> Japanese, for every entry whose translation differs."""
    out = {}
    ts = ROOT / "resources" / "translations" / "spiral_gui_ja.ts"
    for message in ET.parse(ts).getroot().iter("message"):
        source, translation = message.findtext("source"), message.findtext("translation")
        if source != translation:
            out[source] = translation
    return out


def _widgets(window) -> list[QWidget]:
    """The window, every widget under it (docks, tab pages, hidden ones), and every other visible
    top-level window (the iteration view, a floating inspector, a dialog) with its widgets."""
    seen: dict[int, QWidget] = {}
    tops = [window, *(w for w in QApplication.topLevelWidgets() if w is not window and w.isVisible())]
    for top in tops:
        for w in (top, *top.findChildren(QWidget)):
            seen.setdefault(id(w), w)
    return list(seen.values())


def shown_texts(window) -> Iterator[tuple[str, str]]:
    """(where, text) of everything the window shows: titles, labels, buttons, tooltips, combo
    items, tabs, table headers, menus and actions, plot titles, axis labels, legends and notes,
    the status bar; in the window and in the other windows it opened."""
    for action in window.actions():
        yield f"window/{action.objectName()}.text", action.text()
        yield f"window/{action.objectName()}.toolTip", action.toolTip()
    for w in _widgets(window):
        where = w.objectName() or type(w).__name__
        yield where + ".windowTitle", w.windowTitle() if w.isWindow() or isinstance(w, QDockWidget) else ""
        yield where + ".toolTip", w.toolTip()
        if isinstance(w, QTabWidget):
            for i in range(w.count()):
                yield f"{where}.tab{i}", w.tabText(i)
                yield f"{where}.tabToolTip{i}", w.tabToolTip(i)
        if isinstance(w, QTableWidget):
            for i in range(w.columnCount()):
                item = w.horizontalHeaderItem(i)
                yield f"{where}.column{i}", item.text() if item else ""
            for i in range(w.rowCount()):
                item = w.verticalHeaderItem(i)
                yield f"{where}.row{i}", item.text() if item else ""
                for j in range(w.columnCount()):
                    cell = w.item(i, j)
                    yield f"{where}.cell{i},{j}", cell.text() if cell else ""
                    yield f"{where}.cellToolTip{i},{j}", cell.toolTip() if cell else ""
        if isinstance(w, (QLabel, QAbstractButton)):
            yield where + ".text", w.text()
        if isinstance(w, QGroupBox):
            yield where + ".title", w.title()
        if isinstance(w, QComboBox):
            for i in range(w.count()):
                yield f"{where}.item{i}", w.itemText(i)
        if isinstance(w, QMenu):
            yield where + ".title", w.title()
            for action in w.actions():
                yield f"{where}/{action.objectName()}.text", action.text()
                yield f"{where}/{action.objectName()}.toolTip", action.toolTip()
        if isinstance(w, pg.PlotWidget):
            plot = w.getPlotItem()
            yield where + ".plotTitle", plot.titleLabel.text
            for side in ("left", "bottom"):
                yield f"{where}.{side}", plot.getAxis(side).labelText
            if plot.legend is not None:
                for _sample, label in plot.legend.items:
                    yield where + ".legend", label.text
            for item in plot.getViewBox().allChildren():
                if isinstance(item, pg.TextItem):
                    yield where + ".note", item.toPlainText()
    for menu in window.menuBar().findChildren(QMenu):
        yield "menu.title", menu.title()
    yield "statusBar", window.statusBar().currentMessage()


def assert_all_japanese(window) -> None:
    english = catalogue()
    left = []
    for where, text in shown_texts(window):
        if not text:
            continue
        if english_runs(text):
            left.append((where, english_runs(text), text[:80]))
        elif text in english:
            left.append((where, "untranslated source", text))
    assert not left, "English left in the Japanese window:\n" + "\n".join(map(str, left))


@pytest.fixture
def ja():
    """The application in Japanese for one test, English again afterwards."""
    lang = language_of()
    if not language_module.japanese_font_available():
        pytest.skip("no font with Japanese characters is installed (fonts-noto-cjk)")
    assert lang.apply("ja") == "ja"
    yield lang
    lang.apply("en")


@pytest.fixture
def english():
    yield
    language_of().apply("en")


def test_the_whole_window_speaks_japanese(qtbot, make_window, ja) -> None:
    window = make_window()
    assert_all_japanese(window)
    assert window.start_button.text() == "開始" and window.params_box.title() == "パラメータ"
    assert "2層ニューラルネットワーク" in window.model_text.text()
    assert "<code>dhidden[hidden_layer &lt;= 0] = 0</code>" in window.model_text.text()

    click(qtbot, window, "step_button")
    wait_until_snapshot(qtbot, window, lambda s: s.iteration == 1)
    assert window.statusBar().currentMessage() == "反復 1 まで進めました"
    assert_all_japanese(window)

    choose_model(window, "linear")
    wait_until_snapshot(qtbot, window, lambda s: s.config.model == "linear")
    assert "ソフトマックス線形分類器" in window.model_text.text()
    assert_all_japanese(window)

    # A refused value: the engine's reason, worded in Japanese under the controls.
    window.panel.k_spin.setValue(window.panel.k_spin.maximum())
    window.panel.n_spin.setValue(window.panel.n_spin.maximum())
    message = window.panel.message_label.text()
    assert message.startswith("適用しませんでした: この設定ではフルバッチ学習に約"), message
    assert_all_japanese(window)

    box = window.show_about()
    qtbot.addWidget(box)
    assert box.windowTitle() == "Spiral GUI について"
    for where, text in [("about", box.text()), *[("button", b.text()) for b in box.buttons()]]:
        assert not english_runs(text), (where, text)


def test_the_walk_sees_tooltips_menus_and_plots_and_catches_english(qtbot, make_window, ja) -> None:
    window = make_window()
    texts = dict(shown_texts(window))
    for key in ("step_button.toolTip", "language_menu.title", "loss_view.legend", "loss_view.bottom",
                "model_text.text", "statusBar", "reg_spin.toolTip"):
        assert texts.get(key), key
    window.reset_button.setToolTip("Re-draw the weights from the seed")
    with pytest.raises(AssertionError, match=r"reset_button\.toolTip"):
        assert_all_japanese(window)
    window.reset_button.setToolTip("")
    window.step_button.setText("Step")  # one word, but still the catalogue's English
    with pytest.raises(AssertionError, match="untranslated source"):
        assert_all_japanese(window)


def test_a_diverged_run_is_explained_in_japanese(qtbot, make_window, ja) -> None:
    window = make_window(config=TrainConfig(step_size=1e5, reg=0.0, iterations=200))
    click(qtbot, window, "start_button")
    wait_status(qtbot, window, Status.DIVERGED)
    status = window.statusBar().currentMessage()
    assert status.startswith("学習が発散しました: 反復 ")
    assert "step_size（学習率）を小さくしてください" in status
    assert status.endswith("そのあとリセット (R) を押してください")
    assert window.loss_label.text().startswith("発散 — 最後の有限な損失")
    assert_all_japanese(window)


def test_the_merged_features_speak_japanese_too(qtbot, make_window, ja, monkeypatch) -> None:
    """The iteration view, the gradient check, hidden units, the point inspector, the confusion
    matrix, the optimizer section, the timeline and the cost notice, each opened and walked."""
    from spiral_gui.engine import cost

    window = make_window(config=TrainConfig(n=40, hidden=10, iterations=300, test_fraction=0.2))
    for i in range(3):
        click(qtbot, window, "step_button")
        wait_until_snapshot(qtbot, window, lambda s, n=i + 1: s.iteration == n)
    if not window.panel.options.isChecked():
        window.panel.options.click()  # unfold the optimizer and network section

    units_check = window.findChild(QWidget, "units_check")
    units_check.setChecked(True)
    window.units.inspect(index=0)
    inspector = window.findChild(QWidget, "point_inspector")
    qtbot.waitUntil(lambda: inspector.isVisible() and inspector.inspection is not None, timeout=10_000)
    window.units.select_unit(0)
    for page in range(window.inside_tabs.count()):
        window.inside_tabs.setCurrentIndex(page)
        qtbot.wait(50)
        assert_all_japanese(window)

    tools = window.iteration_tools
    click(qtbot, window, "step_into_button")
    qtbot.waitUntil(lambda: tools.stepper is not None, timeout=10_000)
    view = window.findChild(QWidget, "iteration_view")
    assert view.isVisible()
    assert_all_japanese(window)
    window.findChild(QWidget, "next_line_button").click()
    qtbot.waitUntil(lambda: tools.stepper.position > 0, timeout=10_000)
    assert_all_japanese(window)

    before = tools.last_check
    click(qtbot, window, "gradcheck_button")
    qtbot.waitUntil(lambda: tools.last_check is not None and tools.last_check is not before, timeout=30_000)
    assert window.findChild(QLabel, "gradcheck_summary").text()
    assert_all_japanese(window)

    monkeypatch.setattr(cost, "_measured", 2e-5)  # a slow machine: the cost notice shows
    label = window.findChild(QLabel, "cost_label")
    window.findChild(QWidget, "hidden_spin").setValue(300)
    assert label.isVisible() and label.text()
    assert_all_japanese(window)
    window.sessions._fill_recent()
    assert_all_japanese(window)
    texts = dict(shown_texts(window))  # the walk reached every one of them
    for key in ("iteration_view.windowTitle", "next_line_button.text", "iteration_message.text",
                "gradcheck_table.column2", "point_inspector.windowTitle", "inspector_sentence.text",
                "explainer_tabs.tab1", "explainer_tabs.tab2", "confusion_table.row0", "units_note.text",
                "options_header.text", "timeline_label.text", "live_button.text", "shading_check.text",
                "palette_combo.item1", "speed_combo.item8", "cost_label.text", "recent_menu.title",
                "recent_menu/.text", "QMenu/presentation_action.text", "dead_units_label.text"):
        assert texts.get(key), key


def test_switching_live_changes_every_text_both_ways(qtbot, make_window, english) -> None:
    if not language_module.japanese_font_available():
        pytest.skip("no font with Japanese characters is installed (fonts-noto-cjk)")
    window = make_window()
    click(qtbot, window, "step_button")
    wait_until_snapshot(qtbot, window, lambda s: s.iteration == 1)
    before = dict(shown_texts(window))
    assert before["start_button.text"] == "Start" and before["statusBar"] == "stepped to iteration 1"

    window.language_menu.actions_by_choice["ja"].trigger()
    japanese = dict(shown_texts(window))
    changed = {k for k in before if before[k] != japanese.get(k)}
    for key in ("start_button.text", "statusBar", "loss_view.plotTitle", "decision_view.plotTitle",
                "model_combo.item0", "n_spin.toolTip", "model_text.text", "main_window.windowTitle"):
        assert key in changed, key
    assert japanese["statusBar"] == "反復 1 まで進めました"
    assert_all_japanese(window)
    assert window.language_menu.actions_by_choice["ja"].isChecked()

    window.language_menu.actions_by_choice["en"].trigger()
    assert dict(shown_texts(window)) == before


def test_the_menu_choice_is_remembered(qtbot, make_window, ini_path, english) -> None:
    window = make_window()
    window.language_menu.actions_by_choice["en"].trigger()
    assert load_language(settings_at(ini_path)) == "en"
    window.language_menu.actions_by_choice["system"].trigger()
    assert load_language(settings_at(ini_path)) == "system"
    assert language_of().current == resolve("system")


def test_lang_ja_opens_the_window_in_japanese_without_remembering_it(qtbot, ini_path, english) -> None:
    if not language_module.japanese_font_available():
        pytest.skip("no font with Japanese characters is installed (fonts-noto-cjk)")
    settings_at(ini_path).setValue("view/language", "en")
    window = open_window(_parse(["--lang", "ja", "--settings", str(ini_path)]))
    qtbot.addWidget(window)
    assert window.start_button.text() == "開始"
    assert window.language_menu.actions_by_choice["ja"].isChecked()
    assert load_language(settings_at(ini_path)) == "en"
    window.close()
    window = open_window(_parse(["--settings", str(ini_path)]))  # the remembered choice again
    qtbot.addWidget(window)
    assert window.start_button.text() == "Start"
    window.close()


def test_without_a_japanese_font_the_window_stays_english_with_a_note(
    qtbot, make_window, monkeypatch, english
) -> None:
    monkeypatch.setattr(language_module, "japanese_font_available", lambda: False)
    window = make_window()
    window.language_menu.actions_by_choice["ja"].trigger()
    assert language_of().current == "en"
    assert window.start_button.text() == "Start"
    note = window.findChild(QLabel, "language_note")
    assert note is not None and note.isVisible()
    assert note.text().startswith("No installed font has Japanese characters")
    assert "fonts-noto-cjk" in note.text()
    assert "\n" not in note.text()
    window.language_menu.actions_by_choice["en"].trigger()
    assert not note.isVisible()


def test_the_system_choice_follows_the_locale() -> None:
    from PySide6.QtCore import QLocale

    assert resolve("system", QLocale("ja_JP")) == "ja"
    assert resolve("system", QLocale("de_DE")) == "en"
    assert resolve("en", QLocale("ja_JP")) == "en"


def test_qt_dialog_buttons_are_translated_too(qtbot, ja) -> None:
    box = QMessageBox(QMessageBox.Icon.Warning, "t", "t", QMessageBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    assert box.button(QMessageBox.StandardButton.Cancel).text() == "キャンセル"


def _session_with(path: Path, **config_changes) -> None:
    """A real session saved to `path`, its document's configuration then changed on disk."""
    import json
    import zipfile

    from spiral_gui.engine.experiment import build_experiment
    from spiral_gui.engine.session import DOCUMENT, save_session, session_of

    save_session(path, session_of(build_experiment(TrainConfig(n=20, hidden=10))))
    with zipfile.ZipFile(path) as z:
        members = {name: z.read(name) for name in z.namelist()}
    document = json.loads(members[DOCUMENT])
    document["config"].update(config_changes)
    members[DOCUMENT] = json.dumps(document).encode()
    with zipfile.ZipFile(path, "w") as z:
        for name, data in members.items():
            z.writestr(name, data)


def test_refused_sessions_and_csv_files_are_explained_in_japanese(qtbot, make_window, ja, tmp_path) -> None:
    """Session and CSV refusals, nested reasons included, reach the window in Japanese."""
    window = make_window()
    refused = tmp_path / "refused.spiral"
    _session_with(refused, n=0)  # a setting the engine refuses, inside the session's reason
    truncated = tmp_path / "truncated.spiral"
    truncated.write_bytes(b"PK\x03\x04" + b"\x00" * 50)
    rows = tmp_path / "rows.csv"
    rows.write_text("x1,x2,label\n0.1,0.2,0\nzero,0.2,1\n0.3,0.4,-1\n")
    expected = {
        refused: "refused.spiral を開けません: 設定を受け付けられません: n は ",
        truncated: "truncated.spiral を開けません: ファイルが途中で切れているか壊れています: ",
        rows: "不正な行が 2 行あるため、何もインポートしませんでした: 3 行目: x1 が数値ではありません",
    }
    for path, start in expected.items():
        with qtbot.waitSignal(window.sessions.refused, timeout=TIMEOUT_MS) as blocker:
            if path.suffix == ".csv":
                window.sessions.import_points(path)
            else:
                window.sessions.open_path(path)
        message = blocker.args[0]
        assert message.startswith(start), message
        assert not english_runs(message), message
        box = window.sessions.last_message
        assert box.windowTitle() == f"{path.name} を開けません" and box.text() == message
        assert_all_japanese(window)  # the message box and the status bar included
        box.close()
    assert "4 行目: label -1 は 0 から " in message


def test_durations_are_worded_in_japanese(qtbot, ja) -> None:
    from spiral_gui.engine.cost import Cost
    from spiral_gui.ui.cost_notice import progress_text, slow_iteration_text
    from spiral_gui.ui.engine_text import duration_text

    assert [duration_text(s) for s in (0.42, 12.4, 189, 7500, 300_000)] == [
        "0.4 秒", "12 秒", "3 分 09 秒", "2 時間 05 分", "3 日 11 時間"
    ]
    assert progress_text(1, 50, 100, 189.0).endswith("約 3 分 09 秒")
    cost = Cost(iteration_seconds=189.0, first_picture_seconds=1.0, measured=True)
    note = slow_iteration_text(cost)
    assert "約 3 分 09 秒" in note and not english_runs(note)
    language_of().apply("en")
    assert duration_text(189) == "3 min 09 s"
