"""The manual's chapters shipped in resources/manual/<language>/: their files, titles and text."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtGui import QTextDocument

from archive_app.resources import resource

MANUAL = "manual"
LANGUAGES = ("en", "id")


@dataclass(frozen=True, slots=True)
class Chapter:
    """One chapter: its HTML file, the title in its <title>, and its text for searching."""

    path: Path
    title: str
    text: str


def manual_folder(language: str) -> Path:
    """The manual in `language` ("en" or "id"); English for any other."""
    return resource(MANUAL) / (language if language in LANGUAGES else "en")


def read_chapter(path: Path) -> Chapter:
    """A chapter file read as Qt reads it, so the searched text is the text shown."""
    try:
        html = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise FileNotFoundError(f"{path}: the manual's chapter cannot be read ({error})") from error
    document = QTextDocument()
    document.setHtml(html)
    title = document.metaInformation(QTextDocument.MetaInformation.DocumentTitle)
    return Chapter(path, title or path.stem, document.toPlainText())


def chapters(language: str) -> list[Chapter]:
    """Every chapter in reading order (the files are numbered: 01-importing.html …)."""
    folder = manual_folder(language)
    found = [read_chapter(path) for path in sorted(folder.glob("[0-9][0-9]-*.html"))]
    if not found:
        raise FileNotFoundError(f"{folder}: the manual has no chapters")
    return found
