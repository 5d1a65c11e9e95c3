"""Which body paragraph an inline photo followed: the source's text around it, found again in
the cleaned body."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

_WORD = re.compile(r"\w+")
# Paragraphs ending in the same words are the same paragraph, one of them trimmed at its start
# (a dateline taken off) or its end (a sign-off or promo cut) — when enough words agree.
_TAIL_WORDS = 8
# Containment or a shared ending of fewer words than this proves nothing ("Jakarta").
_MIN_WORDS = 5


def _words(text: str) -> list[str]:
    """The text's words, case-folded; punctuation and spacing differ between page and body."""
    return _WORD.findall(unicodedata.normalize("NFC", text).casefold())


def _same(line: list[str], paragraph: list[str]) -> bool:
    """A line of the page and a body paragraph (as words) are the same paragraph: equal, one
    holding the other, or ending in the same words."""
    if not line or not paragraph:
        return False
    if line == paragraph:
        return True
    shorter, longer = sorted((line, paragraph), key=len)
    if len(shorter) < _MIN_WORDS:
        return False
    if f" {' '.join(shorter)} " in f" {' '.join(longer)} ":
        return True
    tail = min(_TAIL_WORDS, len(shorter))
    return line[-tail:] == paragraph[-tail:]


def _matches(text: str, paragraphs: list[list[str]]) -> list[int]:
    words = _words(text)
    return [i for i, paragraph in enumerate(paragraphs) if _same(words, paragraph)]


def paragraph_after(
    follows: Sequence[str], precedes: Sequence[str], paragraphs: list[list[str]]
) -> int | None:
    """The body paragraph (an index into `paragraphs`, each a list of words) a photo stands
    after: the last that is the nearest page line before the photo found in the body; failing
    that, the one before the first that is the nearest line after it (the lines before it
    were all dropped). None when neither side is in the body, or the photo comes first."""
    for line in follows:
        if found := _matches(line, paragraphs):
            return found[-1]
    for line in precedes:
        if found := _matches(line, paragraphs):
            return found[0] - 1 if found[0] > 0 else None
    return None


def paragraphs_after(
    photos: Sequence[tuple[Sequence[str], Sequence[str]]], body: Sequence[str]
) -> list[int | None]:
    """For each photo, given the page's lines before and after it (nearest first), the index
    of the body paragraph it stands after, or None."""
    paragraphs = [_words(paragraph) for paragraph in body]
    return [paragraph_after(follows, precedes, paragraphs) for follows, precedes in photos]
