"""Highlighted snippets: the passages of an article's text where the query's words stand."""

from __future__ import annotations

import html
import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable
from functools import lru_cache
from itertools import accumulate, compress, count
from typing import NamedTuple

from archive_app.search.analysis import (
    TOKEN,
    fold,
    indonesian_root,
    no_possessive,
    stem_english,
    stem_indonesian,
)

WINDOW = 16  # words of context either side of a hit


def _forms_parts(forms: set[str]) -> tuple[set[str], tuple[str, ...], set[str]]:
    plain = {f for f in forms if not f.endswith("*")}
    prefixes = tuple(f[:-1] for f in forms if f.endswith("*"))
    # A stem keeps the inside of its word: Sastrawi may change the first letter (memukul ->
    # pukul) and porter2 the last (happy -> happi), never the middle. A word that holds no
    # form's middle cannot stem to a form, so it is not stemmed: snippets of a first page
    # otherwise spend most of their time stemming words that could never match.
    middles = {f[1:-1] for f in plain}
    return plain, prefixes, middles


# what Sastrawi strips from a word's end: particles, possessives, derivational suffixes
_SUFFIXES = "(?:lah|kah|tah|pun|ku|mu|nya|i|kan|an|is|isme|isasi)*$"


def _kept(root: str) -> str:
    """The end of an Indonesian root that a word stemming to it holds as written: Sastrawi's
    prefix rules put back one letter at a root's start (memukul: pukul; belahan: bahan, an
    infix taken out) or two ("ny", "ng", "pe"); the rest is the word's, up to its suffixes."""
    return root[2:] if root.startswith(("ny", "ng", "pe")) else root[1:]


def _stems_to(plain: set[str]) -> Callable[[str], bool]:
    """Whether a word (holding some form's middle) stems to one of the `plain` forms.

    Stemming is most of a snippet's cost (Sastrawi takes a millisecond a word, uncached), so a
    lower-case ASCII word is stemmed only where the stem could be a form. Porter2 changes only
    a word's last letters (dying: die, happy: happi), so the word starts with the form less
    its last two. Sastrawi's stem of such a word is a root of its dictionary or the word
    itself, and the word ends with the root's kept end followed only by suffixes it strips."""
    starts = tuple({f[:-2] for f in plain})
    kept = sorted({_kept(f) for f in plain if indonesian_root(f)})
    alternatives = "|".join(map(re.escape, kept))
    affixed = re.compile(f"(?:{alternatives}){_SUFFIXES}") if kept else None

    def stems_to(word: str) -> bool:
        if not (word.isascii() and word.islower()):
            return stem_english(word) in plain or stem_indonesian(word) in plain
        if word.startswith(starts) and stem_english(word) in plain:
            return True
        return (
            affixed is not None
            and affixed.search(word) is not None
            and (stem_indonesian(word) in plain)
        )

    return stems_to


def form_matcher(forms: set[str]) -> Callable[[str], bool]:
    """Whether a word of the text is one of the query's forms (a stem, a word or a prefix*)."""
    plain, prefixes, middles = _forms_parts(forms)
    stems_to = _stems_to(plain)

    def matches(word: str) -> bool:
        if word in plain or (prefixes and word.startswith(prefixes)):
            return True
        if not any(middle in word for middle in middles):
            return False
        return stems_to(word)

    return matches


def _lines_with(parts: Iterable[str], *, at_start: bool) -> re.Pattern[str] | None:
    """A pattern finding the lines (words) holding one of `parts` (at their start)."""
    parts = sorted(parts)
    if not parts:
        return None
    if "" in parts:  # an empty part is in every word
        return re.compile("^.+$", re.MULTILINE)
    alternatives = "|".join(re.escape(part) for part in parts)
    return re.compile(("^" if at_start else "^.*") + f"(?:{alternatives}).*$", re.MULTILINE)


def words_matcher(forms: set[str]) -> Callable[[set[str]], set[str]]:
    """The words of a set that `form_matcher(forms)` accepts, found a set at a time: the
    plain forms by set intersection, the prefixes and the words worth stemming by one
    regular expression over the words joined by lines."""
    plain, prefixes, middles = _forms_parts(forms)
    by_prefix = _lines_with(prefixes, at_start=True)
    by_middle = _lines_with(middles, at_start=False) if middles else None
    stems_to = _stems_to(plain)

    def matching(words: set[str]) -> set[str]:
        found = words & plain
        if by_prefix is None and by_middle is None:
            return found
        lines = "\n".join(words)
        if by_prefix is not None:
            found.update(by_prefix.findall(lines))
        if by_middle is not None:
            found.update(
                word for word in by_middle.findall(lines) if word not in found and stems_to(word)
            )
        return found

    return matching


# TOKEN as one group, so that splitting a text on it gives its words and what lies between them;
# for an ASCII text (no curly apostrophes, no other letters) without Unicode's tables: the same
# words, found in under half the time (finding words is most of a snippet's cost)
_WORDS = re.compile(f"({TOKEN.pattern})")
_ASCII_WORDS = re.compile(r"(\w+(?:'\w+)*)", re.ASCII)
_POSSESSIVE = re.compile(r"'s$", re.MULTILINE)


class _Words(NamedTuple):
    """The words of a text in order, folded as the index folds them, and where they stand."""

    folded: list[str]
    # bounds[2 * i] and bounds[2 * i + 1]: where word i starts and ends in the text
    bounds: list[int]


def _words(text: str) -> _Words:
    """One pass of the pattern over `text`: its words (every other part) and, from the
    lengths of the parts, where each starts and ends, with no Python step per word."""
    if text.isascii():  # lower case moves no word's bounds: fold the whole text at once
        lowered = text.lower()
        parts = _ASCII_WORDS.split(lowered)
        folded = parts[1::2]
        if "'s" in lowered:
            folded = _without_possessives(folded)
    else:
        parts = _WORDS.split(text)
        folded = _folded_tokens(parts[1::2])
    return _Words(folded, list(accumulate(map(len, parts))))


def _folded_tokens(tokens: list[str]) -> list[str]:
    """Each token folded as `no_possessive(fold(token))`: each distinct spelling once (an article
    repeats most of its words), all of them in one string, as folding works a letter at a time
    and a line break is no letter."""
    distinct = list(set(tokens))
    parts = _POSSESSIVE.sub("", _fold_lines("\n".join(distinct))).split("\n")
    if len(parts) != len(distinct):  # a spelling folded into a line break: fold one by one
        parts = [no_possessive(fold(token)) for token in distinct]
    folded_of = dict(zip(distinct, parts, strict=True))
    return list(map(folded_of.__getitem__, tokens))


def _fold_lines(lines: str) -> str:
    """`analysis.fold` of each line of `lines`, in one pass over the whole string."""
    lines = lines.lower()
    if lines.isascii():
        return lines
    decomposed = unicodedata.normalize("NFKD", lines.replace("’", "'"))
    marks = [ord(ch) for ch in set(decomposed) if unicodedata.combining(ch)]
    return decomposed.translate(dict.fromkeys(marks)) if marks else decomposed


def _without_possessives(folded: list[str]) -> list[str]:
    """`folded` with each "x's" as "x" (as no_possessive), the words looked up in C."""
    shorter = {word: word[:-2] for word in set(folded) if word.endswith("'s")}
    return list(map(shorter.get, folded, folded)) if shorter else folded


@lru_cache(maxsize=64)
def _matcher(forms: frozenset[str]) -> Callable[[set[str]], set[str]]:
    return words_matcher(set(forms))


def _hit_words(folded: list[str], forms: set[str], phrases: list[tuple[str, ...]]) -> list[int]:
    """Positions (in `folded`, the words of a text) of the words and phrases a query matched."""
    matched = _matcher(frozenset(forms))(set(folded)) if forms else set()
    # the words are tested in C (compress over a map), not a Python step per word
    hits = set(compress(count(), map(matched.__contains__, folded))) if matched else set()
    for phrase in phrases:
        size, first = len(phrase), phrase[0]
        for i in compress(count(), map(first.__eq__, folded[: max(0, len(folded) - size + 1)])):
            if tuple(folded[i : i + size]) == phrase:
                hits.update(range(i, i + size))
    return sorted(hits)


def snippets(
    text: str,
    forms: set[str],
    phrases: list[tuple[str, ...]],
    top: int = 3,
) -> tuple[str, ...]:
    """Up to `top` passages, best first, as HTML with hits in <b class="hit">."""
    folded, bounds = _words(text)
    if not folded:
        return ()
    hit_words = _hit_words(folded, forms, phrases)
    if not hit_words:
        end = bounds[2 * min(len(folded), 2 * WINDOW) - 1]
        return (html.escape(text[:end]).replace("\n", " ") + ("…" if end < len(text) else ""),)
    # windows around each hit, scored by how many hits they hold; the best that do not overlap
    windows = []
    last_word = len(folded) - 1
    for centre in hit_words:
        first, last = max(0, centre - WINDOW), min(last_word, centre + WINDOW)
        held = bisect_right(hit_words, last) - bisect_left(hit_words, first)
        windows.append((held, -centre, first, last))
    chosen: list[tuple[int, int]] = []
    for _score, _centre, first, last in sorted(windows, reverse=True):
        if all(last < a or first > b for a, b in chosen):
            chosen.append((first, last))
        if len(chosen) == top:
            break
    out = []
    for first, last in chosen:
        begin, end = bounds[2 * first], bounds[2 * last + 1]
        pieces, cursor = [], begin
        for i in hit_words[bisect_left(hit_words, first) : bisect_right(hit_words, last)]:
            start, stop = bounds[2 * i], bounds[2 * i + 1]
            pieces.append(html.escape(text[cursor:start]))
            pieces.append(f'<b class="hit">{html.escape(text[start:stop])}</b>')
            cursor = stop
        pieces.append(html.escape(text[cursor:end]))
        passage = "".join(pieces).replace("\n", " ")
        out.append(("…" if begin else "") + passage + ("…" if end < len(text) else ""))
    return tuple(out)
