"""Find the words a search matched and mark them in plain text as HTML."""

from __future__ import annotations

import html
import re
from collections.abc import Iterable

_HIT = re.compile(r"<b\b[^>]*\bclass=\"hit[^\"]*\"[^>]*>(.*?)</b>", re.DOTALL)
# values that never appear as words of the text (dates, language codes), and excluded words
_SKIPPED = re.compile(
    r"\b(?:date|before|after|lang|language|tag|id)\s*:\s*\S+|(?:^|(?<=\s))-\S+|\bNOT\s+\S+"
)
_FIELD_PREFIX = re.compile(r"\b[A-Za-z_]+:")
_WORD = re.compile(r"[^\s\"()\[\]{}^~*?+!]+")
_FUZZY_DISTANCE = re.compile(r"^\d+$")  # the 2 of fuzzy~2
_OPERATORS = {"AND", "OR", "NOT", "ANDNOT", "ANDMAYBE", "TO"}
_MIN_LENGTH = 2  # a lone letter would light up half the page


def snippet_terms(snippets: Iterable[str]) -> list[str]:
    """The words as the article spells them, from the index's <b class="hit"> snippets."""
    found: dict[str, None] = {}
    for snippet in snippets:
        for match in _HIT.finditer(snippet):
            found[html.unescape(match.group(1)).strip()] = None
    return [term for term in found if term]


def query_terms(query: str) -> list[str]:
    """The plain words of a query (no operators, field names, dates or punctuation)."""
    text = _FIELD_PREFIX.sub(" ", _SKIPPED.sub(" ", query))
    words: dict[str, None] = {}
    for word in _WORD.findall(text):
        word = word.strip("-")
        if word in _OPERATORS or len(word) < _MIN_LENGTH or _FUZZY_DISTANCE.match(word):
            continue
        words[word] = None
    return list(words)


def hit_pattern(terms: Iterable[str]) -> re.Pattern[str] | None:
    """One case-insensitive pattern for whole-word matches of any term, longest first."""
    unique = sorted({t.casefold() for t in terms if len(t) >= _MIN_LENGTH}, key=len, reverse=True)
    if not unique:
        return None
    alternatives = "|".join(re.escape(term) for term in unique)
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)


def marked(text: str, pattern: re.Pattern[str] | None) -> str:
    """`text` escaped for HTML, every match wrapped in <span class="hit">."""
    if pattern is None:
        return html.escape(text)
    parts: list[str] = []
    last = 0
    for match in pattern.finditer(text):
        parts.append(html.escape(text[last : match.start()]))
        parts.append(f'<span class="hit">{html.escape(match.group())}</span>')
        last = match.end()
    parts.append(html.escape(text[last:]))
    return "".join(parts)
