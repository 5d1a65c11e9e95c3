"""Choose the interface language and load its Qt translation catalogue (.qm) from resources/.

Every visible string goes through Qt's own `translate(context, text)`, so the standard tools
work: PySide6-Essentials ships `pyside6-lupdate`, `pyside6-lrelease` and `pyside6-linguist`.
The Indonesian catalogue is `resources/i18n/arsip_id.ts` (edited in Qt Linguist, kept in the
repository) compiled to `resources/i18n/arsip_id.qm` (shipped beside it). After changing any
visible string, refresh both with:

    .venv/bin/pyside6-lupdate -locations none -no-obsolete \
        $(find src/archive_app/gui -name '*.py' | sort) -ts resources/i18n/arsip_id.ts
    .venv/bin/pyside6-lrelease resources/i18n/arsip_id.ts -qm resources/i18n/arsip_id.qm

tests/gui/test_gui_i18n.py fails when a string in gui/ is missing from the catalogue, when a
translation is unfinished, or when the .qm is older than the .ts. English is the source
language and needs no catalogue. Plurals are chosen in code (`count_text`): Indonesian does not
inflect nouns, so Qt's numerus forms would add a file without adding anything.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from archive_app.resources import resource

log = logging.getLogger(__name__)

LANGUAGES = ("system", "en", "id")
CATALOGUE = "i18n/arsip_{code}.qm"

# lupdate finds the calls by this name: keep call sites as translate("Context", "literal")
translate = QCoreApplication.translate

_ENGLISH = QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
_INDONESIAN = QLocale(QLocale.Language.Indonesian, QLocale.Country.Indonesia)
_state: dict[str, object] = {"code": "en", "locale": _ENGLISH, "translator": None}


def resolve(choice: str, system: QLocale | None = None) -> str:
    """The language code a setting means: "id" or "en" ("system" asks the system locale)."""
    if choice in ("en", "id"):
        return choice
    locale = system if system is not None else QLocale.system()
    return "id" if locale.language() == QLocale.Language.Indonesian else "en"


def install(app: QCoreApplication, choice: str = "system") -> str:
    """Load the catalogue for `choice` into `app` (replacing an earlier one); returns the code."""
    uninstall(app)
    code = resolve(choice)
    locale = _INDONESIAN if code == "id" else _ENGLISH
    if code != "en":
        translator = QTranslator(app)
        try:
            path = str(resource(CATALOGUE.format(code=code)))
        except FileNotFoundError:
            path = ""
        if path and translator.load(path):
            app.installTranslator(translator)
            _state["translator"] = translator
        else:  # a damaged catalogue must not stop anyone reading: English it is
            log.warning("cannot load the %s catalogue %s", code, path)
            code, locale = "en", _ENGLISH
    _state["code"], _state["locale"] = code, locale
    QLocale.setDefault(locale)
    return code


def uninstall(app: QCoreApplication) -> None:
    """Back to English (tests switch languages within one process)."""
    translator = _state.get("translator")
    if isinstance(translator, QTranslator):
        app.removeTranslator(translator)
        translator.deleteLater()
    _state.update(code="en", locale=_ENGLISH, translator=None)
    QLocale.setDefault(_ENGLISH)


def language() -> str:
    """The interface language in use: "en" or "id"."""
    return str(_state["code"])


def locale() -> QLocale:
    """The locale numbers, day and month names are written in."""
    chosen = _state["locale"]
    assert isinstance(chosen, QLocale)
    return chosen


def number(value: int) -> str:
    """An integer with the language's digit grouping: 2,500 in English, 2.500 in Indonesian."""
    return locale().toString(value)


def count_text(count: int, one: str, many: str) -> str:
    """`one` or `many` (already translated, with a {count} placeholder) for `count`."""
    return (one if count == 1 else many).format(count=number(count))
