"""Which language the window speaks, and switching it live: Qt translators for the app's own
text (spiral_gui/resources/translations/spiral_gui_<lang>.qm) and for Qt's own dialogs
(qtbase_<lang>.qm from Qt's translations folder).

The choice is "system" (the system locale's language, if the app has it), "en" or "ja"; the
window's View › Language menu sets it and remembers it in the settings, `spiral-gui --lang`
sets it for one launch. Installing or removing a translator makes Qt send every widget a
`LanguageChange` event; each widget re-sets its texts in its `retranslate()`.

Japanese is shown only if an installed font covers it (`japanese_font_available`, the seam
tests replace); otherwise the window stays in English and `Language.note` says why in one line.
Touches no setting itself: callers pass and save the choice through `settings`.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QLibraryInfo,
    QLocale,
    QObject,
    QSettings,
    QTranslator,
    Signal,
    Slot,
)
from PySide6.QtGui import QAction, QActionGroup, QFontDatabase
from PySide6.QtWidgets import QLabel, QMenu, QWidget

from . import settings as store

#: The choices, in the menu's order.
CHOICES = ("system", "en", "ja")
#: Languages the app has a translation for, besides its source language, English.
TRANSLATED = ("ja",)
#: Where the compiled translations (.qm) are, inside the package (and the bundle).
TRANSLATIONS = Path(__file__).resolve().parent.parent / "resources" / "translations"


def japanese_font_available() -> bool:
    """Whether some installed font covers Japanese (otherwise Japanese text would be boxes)."""
    return bool(QFontDatabase.families(QFontDatabase.WritingSystem.Japanese))


def font_available(language: str) -> bool:
    return japanese_font_available() if language == "ja" else True


def resolve(choice: str, system: QLocale | None = None) -> str:
    """The language a choice means: "system" is the system locale's, if translated, else English."""
    if choice in TRANSLATED or choice == "en":
        return choice
    name = (system or QLocale.system()).name().split("_")[0]
    return name if name in TRANSLATED else "en"


class Language(QObject):
    """The application's translators; one per application (`language_of(app)`)."""

    #: The language in effect ("en" or "ja") after each `apply`.
    changed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("spiral_language")
        self.choice = "system"
        self.current = "en"
        #: One line on why the chosen language is not shown ("" when it is).
        self.note = ""
        self._translators: list[QTranslator] = []

    def apply(self, choice: str) -> str:
        """Switch to `choice` ("system", "en" or "ja") and retranslate every widget now.

        Returns the language in effect: English if the chosen one has no font or no catalogue
        here (then `note` says so)."""
        if choice not in CHOICES:
            choice = "system"
        self.choice = choice
        wanted = resolve(choice)
        self._remove()
        self.note = ""
        if wanted != "en" and not font_available(wanted):
            self.note = self._no_font_note()
            wanted = "en"
        if wanted != "en" and not self._install(wanted):
            self.note = QCoreApplication.translate(
                "Language", "The Japanese translation could not be loaded: the window stays in English."
            )
            wanted = "en"
        self.current = wanted
        # The events are posted: deliver them now, so that the texts are new when this returns.
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
        self.changed.emit(wanted)
        return wanted

    @staticmethod
    def _no_font_note() -> str:
        return QCoreApplication.translate(
            "Language",
            "No installed font has Japanese characters, so the window stays in English "
            "(install one, e.g. fonts-noto-cjk).",
        )

    def _install(self, language: str) -> bool:
        app = QCoreApplication.instance()
        own = QTranslator(self)
        if app is None or not own.load(str(TRANSLATIONS / f"spiral_gui_{language}.qm")):
            return False
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        qt = QTranslator(self)
        # Qt's own dialogs and buttons; a bundle without them still shows the app in Japanese.
        if qt.load(f"qtbase_{language}", qt_dir) or qt.load(f"qt_{language}", qt_dir):
            self._translators.append(qt)
        self._translators.append(own)
        for t in self._translators:
            QCoreApplication.installTranslator(t)
        return True

    def _remove(self) -> None:
        for t in self._translators:
            QCoreApplication.removeTranslator(t)
        self._translators.clear()


def language_of(app: QCoreApplication | None = None) -> Language:
    """The application's Language (made on first use, English until applied)."""
    app = app or QCoreApplication.instance()
    found = app.findChild(Language, "spiral_language") if app is not None else None
    return found if isinstance(found, Language) else Language(app)


class LanguageMenu(QMenu):
    """View › Language: System, English, 日本語. Applies the choice at once and remembers it in
    `settings`; `note_label` (for the status bar) shows `Language.note` when there is one."""

    def __init__(self, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("language_menu")
        self._settings = settings
        self._language = language_of()
        self._group = QActionGroup(self)
        self.actions_by_choice: dict[str, QAction] = {}
        for choice in CHOICES:
            action = QAction(self, checkable=True)
            action.setObjectName(f"language_{choice}")
            action.setData(choice)
            self._group.addAction(action)
            self.addAction(action)
            self.actions_by_choice[choice] = action
        self._group.triggered.connect(self._on_triggered)
        self.note_label = QLabel()
        self.note_label.setObjectName("language_note")
        self.note_label.setStyleSheet("color: #b2182b;")
        self._language.changed.connect(self._show_state)
        self._show_state()
        self.retranslate()

    def choose(self, choice: str) -> None:
        """What picking `choice` in the menu does: apply it and remember it."""
        self._language.apply(choice)
        store.save_language(self._settings, choice)

    @Slot(QAction)
    def _on_triggered(self, action: QAction) -> None:
        self.choose(str(action.data()))

    @Slot()
    def _show_state(self) -> None:
        self.actions_by_choice[self._language.choice].setChecked(True)
        self.note_label.setText(self._language.note)
        self.note_label.setVisible(bool(self._language.note))

    def retranslate(self) -> None:
        self.setTitle(self.tr("&Language"))
        system = resolve("system")
        names = {"en": "English", "ja": "日本語"}
        self.actions_by_choice["system"].setText(self.tr("System ({0})").format(names[system]))
        self.actions_by_choice["en"].setText("English")  # each language by its own name
        self.actions_by_choice["ja"].setText("日本語")
        self.note_label.setText(self._language.note)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
