"""Texts translated at run time but written elsewhere: the core's cheat sheet and Qt's own words.

lupdate only collects literals it sees in gui/: the cheat sheet's meanings live in
core/query.py (no Qt there), and Qt's standard buttons and edit menus come from Qt itself, which
ships no Indonesian catalogue. Listing them here puts them in resources/i18n/arsip_id.ts; a test
checks this list against core.query.CHEAT_SHEET so a changed meaning is noticed.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

CHEAT_SHEET_MEANINGS = (
    QT_TRANSLATE_NOOP(
        "CheatSheet", "articles with every word (word families too: gaung finds menggaungkan)"
    ),
    QT_TRANSLATE_NOOP("CheatSheet", "the exact phrase"),
    QT_TRANSLATE_NOOP("CheatSheet", "the words within 5 words of each other"),
    QT_TRANSLATE_NOOP("CheatSheet", "either word"),
    QT_TRANSLATE_NOOP("CheatSheet", "without a word (also NOT jakarta)"),
    QT_TRANSLATE_NOOP("CheatSheet", "parentheses group"),
    QT_TRANSLATE_NOOP("CheatSheet", "words starting with presid"),
    QT_TRANSLATE_NOOP("CheatSheet", "near spellings (~2 allows two edits)"),
    QT_TRANSLATE_NOOP("CheatSheet", "in one part of the article"),
    QT_TRANSLATE_NOOP(
        "CheatSheet",
        "a person in any role; also author: reporter: editor: photographer: contributor:",
    ),
    QT_TRANSLATE_NOOP("CheatSheet", "a site (site:detik finds detik.com) or a dateline place"),
    QT_TRANSLATE_NOOP("CheatSheet", "a tag, or the article's language (id, en)"),
    QT_TRANSLATE_NOOP(
        "CheatSheet",
        "what the importer was unsure of: any flag, or one kind "
        "(date, language, body, title, person, photo, encoding)",
    ),
    QT_TRANSLATE_NOOP("CheatSheet", "a year, a month or a day"),
    QT_TRANSLATE_NOOP("CheatSheet", "a range (either end may be left open)"),
    QT_TRANSLATE_NOOP("CheatSheet", "before or after a date"),
)

QT_STANDARD_BUTTONS = (
    QT_TRANSLATE_NOOP("QPlatformTheme", "OK"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Cancel"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Close"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Save"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Open"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Apply"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "&Yes"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "&No"),
)

QT_EDIT_MENUS = (
    QT_TRANSLATE_NOOP("QLineEdit", "&Undo"),
    QT_TRANSLATE_NOOP("QLineEdit", "&Redo"),
    QT_TRANSLATE_NOOP("QLineEdit", "Cu&t"),
    QT_TRANSLATE_NOOP("QLineEdit", "&Copy"),
    QT_TRANSLATE_NOOP("QLineEdit", "&Paste"),
    QT_TRANSLATE_NOOP("QLineEdit", "Delete"),
    QT_TRANSLATE_NOOP("QLineEdit", "Select All"),
    QT_TRANSLATE_NOOP("QWidgetTextControl", "&Copy"),
    QT_TRANSLATE_NOOP("QWidgetTextControl", "Copy &Link Location"),
    QT_TRANSLATE_NOOP("QWidgetTextControl", "Select All"),
)
