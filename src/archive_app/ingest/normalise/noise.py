"""Page furniture that is not article text: ads, "scroll to continue", promo trailers."""

from __future__ import annotations

import re
from functools import cache

from archive_app.domain.site_rules import SiteRules, rules
from archive_app.ingest.normalise.text import fold

# A pattern that opens with a plain letter, or a group of plain words, can only match a line
# whose first letter is one of theirs: "^simak (juga )?video", "^(lihat|tonton) ...".
_OPENING = re.compile(r"\^(?:\((?P<words>[a-z]+(?:\|[a-z]+)*)\)|(?P<letter>[a-z]))(?![?*{])")
# Inline flags (verbose mode's comments) make the pattern's text unsafe to read this way.
_INLINE_FLAGS = re.compile(r"\(\?[aiLmsux-]")


def _branches_at_top(pattern: str) -> bool:
    """Whether `pattern` has a "|" outside every group and set ("^a|b" matches "b…" too)."""
    depth, escaped, in_set, set_start = 0, False, False, 0
    for index, char in enumerate(pattern):
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif in_set:
            # "]" opening a set ("[]a]", "[^]a]") is one of its characters
            in_set = char != "]" or index <= set_start
        elif char == "[":
            in_set, set_start = True, index + (2 if pattern[index + 1 : index + 2] == "^" else 1)
        elif char in "()":
            depth += 1 if char == "(" else -1
        elif char == "|" and depth == 0:
            return True
    return False


def _first_letters(pattern: str) -> frozenset[str] | None:
    """The letters a line must open with for `pattern` to match it; None when any may."""
    opening = _OPENING.match(pattern)
    if opening is None or _INLINE_FLAGS.search(pattern) or _branches_at_top(pattern):
        return None
    if opening["letter"]:
        return frozenset(opening["letter"])
    return frozenset(word[0] for word in opening["words"].split("|"))


def _alternation(patterns: list[str]) -> re.Pattern[str]:
    # One alternation instead of a loop over patterns: a line is tested in a single pass.
    return re.compile("|".join(f"(?:{p})" for p in patterns) or "(?!)", re.IGNORECASE)


@cache
def _noise_patterns() -> tuple[re.Pattern[str], re.Pattern[str], dict[str, re.Pattern[str]]]:
    """Every noise pattern as one alternation, those that may match a line opening with any
    letter, and by a line's first (ASCII) letter those that may match it. Python's re tries
    each branch of an alternation in turn (it builds no trie), so most lines skip nearly all."""
    sources = [p.pattern for p in rules().noise_patterns]
    firsts = [_first_letters(source) for source in sources]
    opening = frozenset[str]().union(*(first for first in firsts if first is not None))
    by_letter = {
        letter: _alternation(
            [
                s
                for s, first in zip(sources, firsts, strict=True)
                if first is None or letter in first
            ]
        )
        for letter in opening
    }
    unanchored = [s for s, first in zip(sources, firsts, strict=True) if first is None]
    return _alternation(sources), _alternation(unanchored), by_letter


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
    every, unanchored, by_letter = _noise_patterns()
    first = folded[:1]
    # a non-ASCII first letter may match an ASCII one under IGNORECASE ("ſ" is "s", "K" "k")
    if first and first.isascii():
        return by_letter.get(first.lower(), unanchored).match(folded) is not None
    return every.match(folded) is not None


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
