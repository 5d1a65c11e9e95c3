"""Where a word occurs in a chapter: counted in its text, found and marked in the shown page."""

from __future__ import annotations

from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import QTextEdit

# black on yellow, the current one on orange: readable in the light and the dark theme alike
HIT = QColor("#ffe066")
CURRENT = QColor("#f4a340")
HIT_TEXT = QColor("#000000")


def count(text: str, needle: str) -> int:
    """How often `needle` occurs in `text`, ignoring case (as QTextDocument.find does)."""
    return text.casefold().count(needle.casefold()) if needle else 0


def find_all(document: QTextDocument, needle: str) -> list[QTextCursor]:
    """Every occurrence of `needle` in `document`, in order, ignoring case."""
    found: list[QTextCursor] = []
    if not needle:
        return found
    cursor = document.find(needle, 0)
    while not cursor.isNull():
        found.append(cursor)
        cursor = document.find(needle, cursor)
    return found


def marked(cursors: list[QTextCursor], current: int) -> list[QTextEdit.ExtraSelection]:
    """The matches painted as extra selections, the current one apart (the document itself is
    left unchanged)."""
    selections = []
    for number, cursor in enumerate(cursors):
        style = QTextCharFormat()
        style.setBackground(CURRENT if number == current else HIT)
        style.setForeground(HIT_TEXT)
        selection = QTextEdit.ExtraSelection()
        selection.cursor = cursor
        selection.format = style
        selections.append(selection)
    return selections
