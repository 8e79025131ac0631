"""Marks the engine's text that the window shows, so that Qt's `pyside6-lupdate` collects it.

`QT_TRANSLATE_NOOP(context, text)` returns `text` unchanged: the engine and the CLI keep speaking
English. lupdate recognises the name (as it does Qt's C++ macro) and files the text under
`context`; the window translates it when it shows it, with
`QCoreApplication.translate(context, text)`. Text with values is marked as a template
("… {name} …") and formatted after translation. Imports nothing, and never Qt.
"""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """`text`, marked for translation under `context`; nothing happens at run time."""
    return text
