"""Marks the engine's text that the window shows, so that Qt's `pyside6-lupdate` collects it.

`QT_TRANSLATE_NOOP(context, text)` returns `text` unchanged: the engine and the CLI keep speaking
English. lupdate recognises the name (as it does Qt's C++ macro) and files the text under
`context`; the window translates it when it shows it, with
`QCoreApplication.translate(context, text)`. Text with values is marked as a template
("… {name} …") and formatted after translation; `Words` and `Listing` carry such a template with
its values (in a message made of parts). Imports only the standard library, and never Qt.
"""

from __future__ import annotations

from collections.abc import Iterable


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """`text`, marked for translation under `context`; nothing happens at run time."""
    return text


class Words:
    """Marked text with its values, kept apart so that the window can translate the template
    before formatting: `str()` is the English text. A value may itself be `Words`, a `Listing`
    or an exception carrying a template (the window translates those too); any other value
    (a file name, a number, a code name) is inserted as it is."""

    __slots__ = ("context", "template", "values")

    def __init__(self, context: str, template: str, **values: object) -> None:
        self.context = context
        self.template = template
        self.values = values

    def __str__(self) -> str:
        return self.template.format(**self.values)

    def __format__(self, spec: str) -> str:
        return format(str(self), spec)

    def __repr__(self) -> str:
        return f"Words({self.context!r}, {str(self)!r})"


class Listing:
    """Items (`Words` or plain values) joined by `separator`, itself marked text ("; ")."""

    __slots__ = ("context", "items", "separator")

    def __init__(self, context: str, separator: str, items: Iterable[object]) -> None:
        self.context = context
        self.separator = separator
        self.items = list(items)

    def __str__(self) -> str:
        return self.separator.join(str(item) for item in self.items)

    def __format__(self, spec: str) -> str:
        return format(str(self), spec)
