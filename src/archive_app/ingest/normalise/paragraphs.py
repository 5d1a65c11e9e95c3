"""Mend paragraphs scrapers broke at links, and keep repeated paragraphs once."""

from __future__ import annotations

from archive_app.ingest.normalise.text import ends_sentence, fold, words

_JOIN_WITHOUT_SPACE = (",", ".", ";", ":", ")", "!", "?", "”", "’")
_OPEN_ENDS = ("-", "–", "—", "(", "“", "/")


def _is_fragment_join(previous: str, following: str) -> bool:
    if ends_sentence(previous):
        return False
    if following[:1] in _JOIN_WITHOUT_SPACE or following[:1].islower():
        return True
    if previous.endswith(_OPEN_ENDS) or following.startswith(("-", "–", "—")):
        return True
    # A sentence broken at a link: the piece before is long (a heading is short) or the piece
    # after is a short fragment without its own full stop.
    return len(words(previous)) > 10 or (len(words(following)) <= 4 and not ends_sentence(following))


def repair_split_sentences(
    paragraphs: list[str], fixed: frozenset[str] = frozenset()
) -> list[str]:
    """Join pieces of one sentence that a scraper put on separate lines.

    Paragraphs in `fixed` (photo captions) are whole lines of their own and never joined.
    """
    repaired: list[str] = []
    previous_fixed = True
    for paragraph in paragraphs:
        is_fixed = paragraph in fixed
        joinable = repaired and not is_fixed and not previous_fixed
        previous_fixed = is_fixed
        if joinable and _is_fragment_join(repaired[-1], paragraph):
            glue = "" if paragraph[:1] in _JOIN_WITHOUT_SPACE else " "
            repaired[-1] = repaired[-1].rstrip() + glue + paragraph.lstrip()
        else:
            repaired.append(paragraph)
    return repaired


def drop_repeats(paragraphs: list[str], keep: frozenset[str] = frozenset()) -> list[str]:
    """Keep the first of paragraphs a scraper repeated (compared with spacing folded).

    Paragraphs in `keep` (photo captions, which sites print under every copy of a photo) stay.
    """
    seen: set[str] = set()
    kept: list[str] = []
    for paragraph in paragraphs:
        key = fold(paragraph)
        if len(key) > 40 and key in seen and paragraph not in keep:
            continue
        seen.add(key)
        kept.append(paragraph)
    return kept
