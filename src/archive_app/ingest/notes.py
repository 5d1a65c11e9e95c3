"""Files that are a folder's own notes (README, LICENSE, a list of addresses, documentation in
Markdown), not articles: told apart by their name and their shape."""

from __future__ import annotations

import re
from pathlib import PurePosixPath

# Names (before the first dot, any case) that projects and data folders give their notes.
# "news" and "history" are left out: people name article dumps that way too.
_NOTE_NAMES = {
    "readme": "a README file (notes about the folder's files)",
    "read_me": "a README file (notes about the folder's files)",
    "license": "a licence text",
    "licence": "a licence text",
    "copying": "a licence text",
    "notice": "a licence notice",
    "changelog": "a change log",
    "changes": "a change log",
    "authors": "a list of a project's authors",
    "contributors": "a list of a project's authors",
    "contributing": "a project's contribution guide",
    "install": "installation notes",
    "code_of_conduct": "a project's code of conduct",
    "security": "a project's security notes",
    "todo": "a to-do list",
    "manifest": "a list of files",
}
# Openings of licence texts kept under other names.
_LICENCE = re.compile(
    r"\A\s*(?:the\s+)?(?:mit license|apache license|gnu (?:lesser |affero )?"
    r"general public license|bsd \d-clause|mozilla public license|creative "
    r"commons|permission is hereby granted, free of charge)",
    re.IGNORECASE,
)
_ADDRESS = re.compile(r"^(?:[a-z][a-z0-9+.-]*:\S+\s*)+$", re.IGNORECASE)
# Lines of Markdown structure rather than running text: headings, list items, code fences,
# table rows, link definitions, setext underlines, or a line carrying `code`.
_MARKDOWN = re.compile(
    r"^\s*(?:#{1,6}\s|[-*+]\s|\d+\.\s|```|\||\[[^\]]+\]:\s|[=-]{3,}\s*$)"
    r"|`[^`\n]+`"
)
_DOC_EXTENSIONS = frozenset({".md", ".markdown", ".rst"})
_MIN_ADDRESSES = 3
_MIN_STRUCTURE_LINES = 5
_STRUCTURE_SHARE = 0.5


def note_kind(name: str, text: str) -> str | None:
    """What the file is when it is a folder's notes rather than an article, else None."""
    path = PurePosixPath(name.replace("\\", "/"))
    stem = path.name.split(".")[0].lower()
    if stem in _NOTE_NAMES:
        return _NOTE_NAMES[stem]
    if _LICENCE.match(text[:400]):
        return "a licence text"
    lines = [line for line in text.splitlines() if line.strip()]
    if len(lines) >= 1 and all(_ADDRESS.match(line.strip()) for line in lines):
        count = sum(len(line.split()) for line in lines)
        if count >= _MIN_ADDRESSES:
            return f"a list of {count} web addresses"
    if path.suffix.lower() in _DOC_EXTENSIONS:
        structure = sum(1 for line in lines if _MARKDOWN.search(line))
        if structure >= _MIN_STRUCTURE_LINES and structure >= _STRUCTURE_SHARE * len(lines):
            return "documentation in Markdown (headings, lists and code), not news text"
    return None
