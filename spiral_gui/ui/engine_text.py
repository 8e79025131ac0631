"""The engine's words in the user's language: titles, help, refusals and divergence reasons.

The engine marks its text with `QT_TRANSLATE_NOOP(context, text)` and keeps speaking English
(the CLI does too); here the window translates that text when it shows it. Text with values is
translated as a template and formatted after; a refusal made of parts (a session that cannot be
opened because of a refused setting, a CSV's bad rows) is translated part by part. Reads the
engine's tables; touches no widget.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ..engine.config import (
    ACTIVATION_NAMES,
    ACTIVATION_TITLES,
    DATASET_TITLES,
    DTYPE_TITLES,
    FIELD_HELP,
    FIELD_TITLES,
    INIT_TITLES,
    MODEL_TITLES,
    OPTIMIZER_TITLES,
    ConfigError,
)
from ..engine.csvio import CsvError
from ..engine.divergence import ADVICE, INFINITE, REASON, Divergence
from ..engine.session import SessionError
from ..engine.words import Listing, Words
from ..progress import format_duration

#: The titles of each choice field's values, by field.
CHOICE_TITLES: dict[str, dict[str, str]] = {
    "model": MODEL_TITLES,
    "optimizer": OPTIMIZER_TITLES,
    "activation": ACTIVATION_TITLES,
    "init": INIT_TITLES,
    "dtype": DTYPE_TITLES,
    "dataset": DATASET_TITLES,
}


def _config(text: str) -> str:
    return QCoreApplication.translate("config", text)


def field_title(name: str) -> str:
    """The label of a TrainConfig field ("Seed", or a code name such as `step_size`)."""
    return _config(FIELD_TITLES[name])


def field_help(name: str) -> str:
    """What the field means, one or more sentences ending in a full stop (the tooltips)."""
    text = _config(FIELD_HELP[name])
    # The help is a phrase ("seed of the one random stream…"): a capital and a full stop make it
    # a sentence, the full stop in the language's own punctuation. A translation is left as it is
    # written (a code name such as step_size that starts it keeps its spelling).
    if text == FIELD_HELP[name]:
        text = text[0].upper() + text[1:]
    return QCoreApplication.translate("config", "{0}.").format(text)


def choice_title(field: str, value: str) -> str:
    """The title of one value of a choice field (a model, an optimizer, a data set…)."""
    return _config(CHOICE_TITLES[field][value])


def model_title(model: str, activation: str = "relu") -> str:
    """The model's title naming the net's activation ("Two-layer tanh net"), translated."""
    if model != "nn" or activation == "relu":
        return choice_title("model", model)
    return QCoreApplication.translate("config", "Two-layer {activation} net").format(
        activation=ACTIVATION_NAMES[activation]
    )


#: The translation context of each engine error that carries a template and its values.
ERROR_CONTEXTS: dict[type[BaseException], str] = {
    ConfigError: "ConfigError",
    SessionError: "session",
    CsvError: "csv",
}


def _worded(value: object) -> object:
    """`value` in the user's language when it is marked text (`Words`, a `Listing`, an engine
    error with a template); any other value (a file name, a number) as it is."""
    if isinstance(value, Listing):
        separator = QCoreApplication.translate(value.context, value.separator)
        return separator.join(str(_worded(item)) for item in value.items)
    if isinstance(value, Words):
        context, template, values = value.context, value.template, value.values
    elif isinstance(value, BaseException):
        context = next((c for kind, c in ERROR_CONTEXTS.items() if isinstance(value, kind)), "")
        if not context:
            return str(value)
        template, values = value.template, value.values  # type: ignore[attr-defined]
    else:
        return value
    try:
        return QCoreApplication.translate(context, template).format(
            **{name: _worded(v) for name, v in values.items()}
        )
    except (KeyError, IndexError, ValueError):  # a translation that lost a placeholder
        return str(value)


def error_text(exc: BaseException) -> str:
    """A refusal from the engine in the user's language (English for text it did not mark)."""
    return str(_worded(exc))


def duration_text(seconds: float) -> str:
    """A duration rounded for a person in the user's language ("3 min 09 s", "3 分 09 秒")."""
    return format_duration(seconds, lambda text: QCoreApplication.translate("duration", text))


def divergence_text(reason: str) -> str:
    """The trainer's divergence reason in the user's language (as it is when not the engine's)."""
    facts = Divergence.parse(reason)
    if facts is None:
        return reason
    what = QCoreApplication.translate("Divergence", INFINITE) if facts.what == INFINITE else facts.what
    try:
        return QCoreApplication.translate("Divergence", REASON).format(
            what=what,
            iteration=facts.iteration,
            advice=QCoreApplication.translate("Divergence", ADVICE[facts.advice]),
        )
    except (KeyError, IndexError, ValueError):
        return reason
