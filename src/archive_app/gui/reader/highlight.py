"""Mark the words a search matched in plain text as HTML.

The words come from the index's snippets and from the facade (Archive.highlight_terms), which
reads the query with Arsip's query language and the index's stemmer: nothing here parses a
query."""

from __future__ import annotations

import html
import re
from collections.abc import Iterable

_HIT = re.compile(r"<b\b[^>]*\bclass=\"hit[^\"]*\"[^>]*>(.*?)</b>", re.DOTALL)
_MIN_LENGTH = 2  # a lone letter would light up half the page


def snippet_terms(snippets: Iterable[str]) -> list[str]:
    """The words as the article spells them, from the index's <b class="hit"> snippets."""
    found: dict[str, None] = {}
    for snippet in snippets:
        for match in _HIT.finditer(snippet):
            found[html.unescape(match.group(1)).strip()] = None
    return [term for term in found if term]


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
