"""'Read also' links ("BACA JUGA: …", "Baca juga:" + title lines): titles, never body text."""

from __future__ import annotations

import re
from functools import cache

from archive_app.ingest.normalise.tables import rules
from archive_app.ingest.normalise.text import fold, words

_SMALL_WORDS = {
    "di", "ke", "dari", "dan", "yang", "untuk", "dengan", "atau", "pada", "dalam", "ini", "itu",
    "tak", "tidak", "jadi", "bagi", "oleh", "vs", "of", "the", "a", "an", "and", "to", "in",
    "on", "for", "at", "by", "with", "is", "are", "hingga", "usai", "saat", "jelang", "soal",
}


@cache
def _label_pattern() -> re.Pattern[str]:
    labels = "|".join(re.escape(label) for label in rules().related_labels)
    return re.compile(r"^\s*(?:" + labels + r")\s*(?::|-|–)?\s*(?P<title>.*)$", re.IGNORECASE)


def split_related(line: str) -> tuple[bool, str]:
    """(is a "read also" line, the title on it or "" for a bare label)."""
    match = _label_pattern().match(line)
    if match is None:
        return False, ""
    title = fold(match["title"]).strip(" :-")
    return True, title


def looks_like_headline(line: str) -> bool:
    """A headline: short, no closing full stop, most words capitalised (Indonesian and English
    headlines are title-cased, article sentences are not)."""
    text = fold(line)
    tokens = words(text)
    if not 2 <= len(tokens) <= 24 or text.endswith((".", ",", ";")) or text.startswith(("\"", "“")):
        return False
    content = [t for t in tokens if t.lower().strip("'\"“”(),:") not in _SMALL_WORDS]
    if not content:
        return False
    capitalised = sum(1 for t in content if t[:1].isupper() or t[:1].isdigit())
    return capitalised / len(content) >= 0.6
