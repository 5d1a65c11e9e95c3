"""The keys that sort catalogue dates (across time zones) and titles (across case and accents)."""

from __future__ import annotations

import unicodedata
from datetime import UTC, datetime

TITLE_KEY_LENGTH = 120  # characters of a title that decide its place; the rest rarely do


def sort_date(value: str | None) -> str | None:
    """A key that sorts dates across time zones: UTC for instants, the day for bare dates."""
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    if moment.tzinfo is None:
        return value
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def title_key(title: str | None) -> str:
    """A key that sorts titles as a reader expects: case and accents ignored ("Éclair" beside
    "eclair", before "Zaman"), typographic apostrophes made plain.

    It folds as the search index's title sort does (search.analysis.fold, kept in step by a
    test), so a listing and a search sorted by title list the same articles in one order;
    written here because db/ may not import search/."""
    text = (title or "").lower()
    if not text.isascii():
        decomposed = unicodedata.normalize("NFKD", text.replace("\u2019", "'"))
        text = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return text[:TITLE_KEY_LENGTH]
