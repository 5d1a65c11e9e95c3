"""Page furniture that is not article text: ads, "scroll to continue", promo trailers."""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import cache, lru_cache

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


# A pattern opening with a look-ahead on the line's length ("^(?=.{0,240}$)…") cannot match
# a longer line: those are most lines, and its own look-ahead scans hundreds of characters.
_LENGTH_BOUND = re.compile(r"\^\(\?=\.\{0,(?P<most>\d+)\}\$\)")


def _reach(pattern: str) -> int | None:
    """The longest line `pattern` can match ("$" also matches before a final newline); None
    when any line may."""
    bound = _LENGTH_BOUND.match(pattern)
    if bound is None or _INLINE_FLAGS.search(pattern) or _branches_at_top(pattern):
        return None
    return int(bound["most"]) + 1


@cache
def _noise_table() -> tuple[tuple[str, frozenset[str] | None, int | None], ...]:
    """Each noise pattern with the letters a line must open with and its longest line."""
    sources = [p.pattern for p in rules().noise_patterns]
    return tuple((s, _first_letters(s), _reach(s)) for s in sources)


@cache
def _noise_patterns(letter: str | None, length: int) -> tuple[re.Pattern[str], ...]:
    """The noise patterns that may match a line of `length` opening with `letter` (an ASCII
    letter, lower case; None for any other): those any line may match, and those for lines
    opening with that letter, each group as one alternation. A line is tested in a pass or
    two, and Python's re tries each branch in turn (it builds no trie), so the fewer the
    better. Lengths are in bands between the patterns' reaches."""
    fits = [
        (source, first)
        for source, first, reach in _noise_table()
        if reach is None or length <= reach
    ]
    general = tuple(source for source, first in fits if first is None)
    own = tuple(
        source
        for source, first in fits
        if first is not None and (letter is None or letter in first)
    )
    return tuple(_alternation(group) for group in (general, own) if group)


@cache
def _alternation(sources: tuple[str, ...]) -> re.Pattern[str]:
    # compiled once per distinct group: the letters and bands share most groups, and compiling
    # a pattern for each of them cost an import process 0.15 s
    return re.compile("|".join(f"(?:{p})" for p in sources), re.IGNORECASE)


@cache
def _reaches() -> tuple[int, ...]:
    return tuple(sorted({reach for _s, _f, reach in _noise_table() if reach is not None}))


def _band(length: int) -> int:
    """The shortest line length that the same patterns as for `length` may match."""
    reaches = _reaches()
    shorter = bisect_left(reaches, length)  # the reaches below `length`
    return reaches[shorter - 1] + 1 if shorter else 0


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
    lowered, general = _general_noise(line)
    return general or (site is not None and lowered is not None and lowered in site.trailers)


# The body's paragraphs are asked again after their repair, nearly all of them unchanged.
@lru_cache(maxsize=4096)
def _general_noise(line: str) -> tuple[str | None, bool]:
    """The line folded and lowered when short enough to be a site's trailer, and whether the
    general table calls it furniture."""
    # Furniture lines are short; a long paragraph is only tested against the patterns,
    # which all look at its opening words.
    folded = fold(line) if len(line) <= _SHORT else line
    lowered = folded.lower() if len(folded) <= _SHORT else None
    if lowered is not None and lowered.rstrip(" .:") in rules().noise_lines:
        return lowered, True
    first = folded[:1].lower()
    # a non-ASCII first letter may match an ASCII one under IGNORECASE ("ſ" is "s", "K" "k")
    letter = first if first and first.isascii() else None
    for pattern in _noise_patterns(letter, _band(len(folded))):
        if pattern.match(folded) is not None:
            return lowered, True
    return lowered, False


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
