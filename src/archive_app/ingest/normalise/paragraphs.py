"""Mend paragraphs scrapers broke at links, and keep repeated paragraphs once."""

from __future__ import annotations

import re

from archive_app.ingest.normalise.related import SMALL_WORDS, looks_like_headline
from archive_app.ingest.normalise.text import (
    ends_sentence,
    fold,
    is_statistics,
    is_table_row,
    words,
)

_JOIN_WITHOUT_SPACE = (",", ".", ";", ":", ")", "!", "?", "”", "’")
_OPEN_ENDS = ("-", "–", "—", "(", "“", "/")
# A subheading is a few words; what goes on after a link's text ("(MBS), seperti …") starts
# with a lower-case word or punctuation.
_HEADING_WORDS = 10
_CONTINUES = (*_JOIN_WITHOUT_SPACE, "(")
# How far past a run of short headline-like lines to look for the text they lead to.
_RUN_REACH = 12
# A paragraph that opens with its own label ("Penerima Suap: 1. …") starts afresh.
_LABELLED = re.compile(r"^[A-Z][\w-]*(?: [\w-]+){0,2}:\s")
# The share of a paragraph other paragraphs must make up for it to be a repeat of them
_COVERED = 0.8


def _subheadings(previous: str, following: str, paragraphs: list[str], start: int) -> bool:
    """Two subheadings in a row ("Syarat Permohonan Paspor untuk Anak" / "Biaya Permohonan
    Paspor"), not a name broken at its links ("Sekretaris Jenderal" / "Kementerian Dalam
    Negeri" / "RI, Komjen Pol" / "mengancam …"): both read as headlines, the first ends on a
    word a heading can end on, and the text after the run of such lines (from
    paragraphs[start]) begins a sentence of its own."""
    heading = words(previous)
    if (
        not heading
        or len(heading) > _HEADING_WORDS
        or heading[-1].lower() in SMALL_WORDS
        or not (looks_like_headline(previous) and looks_like_headline(following))
    ):
        return False
    after = _after_headings(paragraphs, start)
    return after is None or not (after[:1].islower() or after[:1] in _CONTINUES)


def _is_fragment_join(
    previous: str, following: str, paragraphs: list[str] | None = None, start: int = 0
) -> bool:
    if ends_sentence(previous):
        return False
    if following[:1] in _JOIN_WITHOUT_SPACE or following[:1].islower():
        return True
    if previous.endswith(_OPEN_ENDS) or following.startswith(("-", "–", "—")):
        return True
    if _LABELLED.match(following) or _subheadings(previous, following, paragraphs or [], start):
        return False
    # A sentence broken at a link: the piece before is long (a heading is short) or the piece
    # after is a short fragment without its own full stop.
    short_fragment = len(words(following)) <= 4 and not ends_sentence(following)
    return len(words(previous)) > 10 or short_fragment


def _after_headings(paragraphs: list[str], start: int) -> str | None:
    """The first paragraph from `start` on that is not a short headline-like line."""
    for paragraph in paragraphs[start : start + _RUN_REACH]:
        if len(words(paragraph)) > _HEADING_WORDS or not looks_like_headline(paragraph):
            return paragraph
    return None


def repair_split_sentences(paragraphs: list[str], fixed: frozenset[str] = frozenset()) -> list[str]:
    """Join pieces of one sentence that a scraper put on separate lines.

    Paragraphs in `fixed` (photo captions) and table rows are whole lines of their own and
    never joined; a statistics item is not repaired at all (it is set line by line: its short
    headings and result lines are layout, not pieces of a sentence a scraper broke).
    """
    if is_statistics(paragraphs):
        return list(paragraphs)
    fixed = fixed | frozenset(p for p in paragraphs if is_table_row(p))
    repaired: list[str] = []
    previous_fixed = True
    for index, paragraph in enumerate(paragraphs):
        is_fixed = paragraph in fixed
        joinable = repaired and not is_fixed and not previous_fixed
        previous_fixed = is_fixed
        if joinable and _is_fragment_join(repaired[-1], paragraph, paragraphs, index + 1):
            glue = "" if paragraph[:1] in _JOIN_WITHOUT_SPACE else " "
            repaired[-1] = repaired[-1].rstrip() + glue + paragraph.lstrip()
        else:
            repaired.append(paragraph)
    return repaired


def drop_repeats(paragraphs: list[str], keep: frozenset[str] = frozenset()) -> list[str]:
    """Keep the first of paragraphs a scraper repeated (compared with spacing folded).

    Paragraphs in `keep` (photo captions, which sites print under every copy of a photo) stay,
    as do table rows (a table repeats its header row over every section).
    """
    seen: set[str] = set()
    kept: list[str] = []
    for paragraph in paragraphs:
        key = fold(paragraph)
        if len(key) > 40 and key in seen and paragraph not in keep and not is_table_row(key):
            continue
        seen.add(key)
        kept.append(paragraph)
    return kept


def drop_concatenations(paragraphs: list[str]) -> list[str]:
    """Drop a paragraph that is two or more of the others run together.

    Some scrapers print the whole article as one line (with its subheadings and links glued in)
    before printing it paragraph by paragraph; that line is the same text again, not a
    paragraph of its own. It goes when the other paragraphs make up nearly all of it.
    """
    keys = [fold(p) for p in paragraphs]
    if len(keys) < 3:
        return paragraphs
    kept: list[str] = []
    for index, paragraph in enumerate(paragraphs):
        key = keys[index]
        if len(key) < 40 or is_table_row(key) or not _mostly_others(key, keys, index):
            kept.append(paragraph)
    return kept


def _mostly_others(text: str, keys: list[str], index: int) -> bool:
    """Whether at least two other, shorter paragraphs cover most of `text`."""
    pieces = [
        k for i, k in enumerate(keys) if i != index and 20 <= len(k) < len(text) and k in text
    ]
    covered = sum(len(p) for p in set(pieces))
    return len(pieces) >= 2 and covered >= _COVERED * len(text)
