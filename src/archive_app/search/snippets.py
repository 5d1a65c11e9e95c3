"""Highlighted snippets: the passages of an article's text where the query's words stand."""

from __future__ import annotations

import html
from collections.abc import Callable

from archive_app.search.analysis import stem_english, stem_indonesian, word_spans

WINDOW = 16  # words of context either side of a hit


def form_matcher(forms: set[str]) -> Callable[[str], bool]:
    """Whether a word of the text is one of the query's forms (a stem, a word or a prefix*)."""
    plain = {f for f in forms if not f.endswith("*")}
    prefixes = tuple(f[:-1] for f in forms if f.endswith("*"))
    # A stem keeps the inside of its word: Sastrawi may change the first letter (memukul ->
    # pukul) and porter2 the last (happy -> happi), never the middle. A word that holds no
    # form's middle cannot stem to a form, so it is not stemmed: snippets of a first page
    # otherwise spend most of their time stemming words that could never match.
    middles = {f[1:-1] for f in plain}

    def matches(word: str) -> bool:
        if word in plain or (prefixes and word.startswith(prefixes)):
            return True
        if not any(middle in word for middle in middles):
            return False
        return stem_indonesian(word) in plain or stem_english(word) in plain

    return matches


def hit_spans(text: str, forms: set[str], phrases: list[tuple[str, ...]]) -> list[tuple[int, int]]:
    """Character spans of the words (and whole phrases) a query matched in `text`."""
    spans = list(word_spans(text))
    hits: set[int] = set()
    folded = [w for _, _, w in spans]
    for phrase in phrases:
        size = len(phrase)
        for i in range(len(folded) - size + 1):
            if tuple(folded[i : i + size]) == phrase:
                hits.update(range(i, i + size))
    matches = form_matcher(forms)
    for i, word in enumerate(folded):
        if matches(word):
            hits.add(i)
    return [(spans[i][0], spans[i][1]) for i in sorted(hits)]


def snippets(
    text: str,
    forms: set[str],
    phrases: list[tuple[str, ...]],
    top: int = 3,
) -> tuple[str, ...]:
    """Up to `top` passages, best first, as HTML with hits in <b class="hit">."""
    spans = list(word_spans(text))
    if not spans:
        return ()
    hits = hit_spans(text, forms, phrases)
    if not hits:
        end = spans[min(len(spans), 2 * WINDOW) - 1][1]
        return (html.escape(text[:end]).replace("\n", " ") + ("…" if end < len(text) else ""),)
    starts = [s for s, _, _ in spans]
    word_of = {start: i for i, start in enumerate(starts)}
    hit_words = [word_of[s] for s, _ in hits]
    # windows around each hit, scored by how many hits they hold; the best that do not overlap
    windows = []
    for centre in hit_words:
        first, last = max(0, centre - WINDOW), min(len(spans) - 1, centre + WINDOW)
        windows.append((sum(first <= h <= last for h in hit_words), -centre, first, last))
    chosen: list[tuple[int, int]] = []
    for _score, _centre, first, last in sorted(windows, reverse=True):
        if all(last < a or first > b for a, b in chosen):
            chosen.append((first, last))
        if len(chosen) == top:
            break
    out = []
    hit_set = set(hits)
    for first, last in chosen:
        begin, end = spans[first][0], spans[last][1]
        pieces, cursor = [], begin
        for start, stop in sorted(hit_set):
            if begin <= start and stop <= end:
                pieces.append(html.escape(text[cursor:start]))
                pieces.append(f'<b class="hit">{html.escape(text[start:stop])}</b>')
                cursor = stop
        pieces.append(html.escape(text[cursor:end]))
        passage = "".join(pieces).replace("\n", " ")
        out.append(("…" if begin else "") + passage + ("…" if end < len(text) else ""))
    return tuple(out)
