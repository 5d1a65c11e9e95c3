"""'Did you mean': a common near spelling for a query word that is rare or absent."""

from __future__ import annotations

import re
from typing import Any

RARE = 2  # a word in at most this many articles may be a typo
BETTER = 10  # a suggestion must be this many times more common


def _best_spelling(reader: Any, word: str) -> str | None:
    frequency = reader.doc_frequency("text", word)
    if frequency > RARE:
        return None
    distance = 1 if len(word) <= 5 else 2
    best, best_frequency = None, max(3, frequency * BETTER)
    for candidate in reader.terms_within("text", word, distance, prefix=1):
        if "+" in candidate or candidate == word:
            continue  # word pairs are not spellings
        candidate_frequency = reader.doc_frequency("text", candidate)
        if candidate_frequency > best_frequency:
            best, best_frequency = candidate, candidate_frequency
    return best


def suggest(reader: Any, query: str, plain_words: list[str]) -> str | None:
    """The query with rare words replaced by common near spellings, or None."""
    suggestion = query
    for word in plain_words:
        better = _best_spelling(reader, word)
        if better:
            suggestion = re.sub(
                rf"(?<!\w){re.escape(word)}(?!\w)", better, suggestion, count=1, flags=re.IGNORECASE
            )
    return suggestion if suggestion != query else None
