"""Citation keys shared by BibTeX, RIS and CSL-JSON: readable, unique in a library, stable."""

from __future__ import annotations

import re
import unicodedata

from archive_app.domain.model import ArticleDetail
from archive_app.exports import record_fields as fields

# words that make a poor key ("the", Indonesian "di", "dan", ...): the next word is used
_SKIP = frozenset(
    {
        "a",
        "an",
        "the",
        "of",
        "on",
        "in",
        "to",
        "and",
        "for",
        "at",
        "by",
        "is",
        "di",
        "ke",
        "dari",
        "dan",
        "yang",
        "ini",
        "itu",
        "untuk",
        "dengan",
        "pada",
    }
)


def ascii_word(text: str) -> str:
    """Lower-case ASCII letters and digits only ("Pérez" -> "perez")."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]", "", folded.lower())


def citation_key(detail: ArticleDetail) -> str:
    """`artada2024gaungkan_1`: first writer (or publication), year, first title word, id.

    The article id makes the key unique in a library and the same on every export, whatever
    else is exported with it, so a paper's citations keep working when it is re-exported.
    """
    record = detail.record
    writers = fields.creators(detail)
    who = fields.split_name(writers[0]).family if writers else fields.publication(record) or ""
    name = ascii_word(who.split(".")[0] if not writers else who)[:20] or "arsip"
    date = fields.published(record)
    year = str(date.year) if date else "nd"
    words = (ascii_word(w) for w in re.split(r"[\s\-–—/]+", record.title))
    word = next((w for w in words if w and w not in _SKIP), "")[:20]
    return f"{name}{year}{word}_{detail.id}"
