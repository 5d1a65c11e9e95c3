"""Page furniture that is not article text: ads, "scroll to continue", promo trailers."""

from __future__ import annotations

import re
from functools import cache

from archive_app.domain.site_rules import SiteRules, rules
from archive_app.ingest.normalise.text import fold


@cache
def _noise_pattern() -> re.Pattern[str]:
    # One alternation instead of a loop over patterns: a line is tested in a single pass.
    joined = "|".join(f"(?:{p.pattern})" for p in rules().noise_patterns)
    return re.compile(joined, re.IGNORECASE)


@cache
def _glued_phrases() -> tuple[str, ...]:
    return tuple(t.lower() for t in rules().glued_tails)


@cache
def _glued_pattern() -> re.Pattern[str] | None:
    tails = rules().glued_tails
    if not tails:
        return None
    return re.compile(r"\s*(?:" + "|".join(re.escape(t) for t in tails) + r")", re.IGNORECASE)


@cache
def _source_tail() -> re.Pattern[str]:
    labels = "|".join(re.escape(label) for label in rules().agency_labels)
    return re.compile(r"(?P<source>(?:" + labels + r")\s*:\s*[^:]{2,60})$", re.IGNORECASE)


_SHORT = 160
# A closing promotion is a paragraph, not a page: longer lines are article text.
_CLOSING_MAX = 700


def is_closing(line: str) -> bool:
    """True for a promotion that ends an article (a fact-check service's phone number, "baca
    juga berita lainnya …"); only asked of the text's last lines."""
    if len(line) > _CLOSING_MAX:
        return False
    folded = fold(line)
    return any(pattern.match(folded) for pattern in rules().closing_patterns)


def is_source_line(line: str) -> bool:
    """True for a whole line naming the article's source: "Sumber: Bloomberg"."""
    return len(line) <= 80 and _source_tail().fullmatch(fold(line)) is not None


def is_noise(line: str, site: SiteRules | None = None) -> bool:
    """True for a whole line of page furniture, by the general and the site's tables."""
    # Furniture lines are short; a long paragraph is only tested against the patterns,
    # which all look at its opening words.
    folded = fold(line) if len(line) <= _SHORT else line
    if len(folded) <= _SHORT:
        lowered = folded.lower()
        if lowered.rstrip(" .:") in rules().noise_lines:
            return True
        if site is not None and lowered in site.trailers:
            return True
    return _noise_pattern().match(folded) is not None


def strip_glued_tail(paragraph: str) -> tuple[str, str | None]:
    """Cut promo text a scraper glued onto the end of a paragraph.

    Returns the paragraph and, when the promo was followed by a source credit
    ("…Republikasumber : Antara Foto"), that credit as a line of its own.
    """
    pattern = _glued_pattern()
    if pattern is None:
        return paragraph, None
    lowered = paragraph.lower()
    if not any(phrase in lowered for phrase in _glued_phrases()):
        return paragraph, None
    match = pattern.search(paragraph)
    if match is None:
        return paragraph, None
    tail = paragraph[match.end() :]
    source = _source_tail().search(tail)
    return paragraph[: match.start()].rstrip(), source["source"].strip() if source else None
