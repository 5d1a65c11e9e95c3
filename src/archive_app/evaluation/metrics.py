"""The measures gold/SCHEMA.md names: exact match, set F1, body token F1, paragraph matches."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Hashable, Iterable

_TOKEN = re.compile(r"\w+")


def norm(text: str | None) -> str | None:
    """NFC and whitespace folded; an empty string counts as absent (null equals null)."""
    if text is None:
        return None
    folded = " ".join(unicodedata.normalize("NFC", str(text)).split())
    return folded or None


def exact(gold: str | None, got: str | None) -> float:
    return 1.0 if norm(gold) == norm(got) else 0.0


def f1_counts(gold: Counter[Hashable], got: Counter[Hashable]) -> float:
    """F1 of two multisets; 1 when both are empty."""
    if not gold and not got:
        return 1.0
    overlap = sum((gold & got).values())
    total = sum(gold.values()) + sum(got.values())
    return 2 * overlap / total if total else 1.0


def set_f1(gold: Iterable[Hashable], got: Iterable[Hashable]) -> float:
    """F1 over items, counting a repeated item as often as it is listed (three identical
    captions under three photos must all be found); plain set F1 when nothing repeats."""
    return f1_counts(Counter(gold), Counter(got))


def tokens(paragraphs: Iterable[str]) -> list[str]:
    """Lower-cased word tokens, as the article-extraction benchmark tokenises bodies."""
    return _TOKEN.findall(" ".join(paragraphs).lower())


def token_f1(gold: list[str], got: list[str]) -> float:
    """Bag-of-words F1 between two bodies (multiset overlap of their tokens)."""
    return f1_counts(Counter(tokens(gold)), Counter(tokens(got)))


def paragraphs_matched(gold: list[str], got: list[str]) -> tuple[int, int]:
    """(gold paragraphs found verbatim among the extracted ones, gold paragraphs)."""
    available = Counter(norm(p) for p in got)
    matched = 0
    for paragraph in gold:
        key = norm(paragraph)
        if available[key] > 0:
            available[key] -= 1
            matched += 1
    return matched, len(gold)
