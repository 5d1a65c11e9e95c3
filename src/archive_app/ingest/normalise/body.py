"""Sort an article's lines into body paragraphs, related links, credits, captions, furniture."""

from __future__ import annotations

from archive_app.ingest.normalise.captions import find_caption
from archive_app.ingest.normalise.draft import Draft
from archive_app.ingest.normalise.noise import is_noise
from archive_app.ingest.normalise.related import (
    label_has_colon,
    looks_like_headline,
    split_glued_titles,
    split_related,
    title_after_label,
)
from archive_app.ingest.normalise.trailer import credit_line

# A bare "Baca Juga" label opens a list of titles only when at least this many follow it;
# a single title-cased line after it is more often the article's own subheading.
_MIN_LISTED_TITLES = 2


def _listed_titles(draft: Draft, units: list[str], start: int) -> int:
    """How many lines from `start` form a list of related titles (noise lines skipped)."""
    titles = 0
    index = start
    while index < len(units):
        line = units[index]
        if is_noise(line, draft.site_rules):
            index += 1
            continue
        if not looks_like_headline(line) or find_caption(line) is not None:
            break
        titles += 1
        index += 1
    return index - start if titles >= _MIN_LISTED_TITLES else 0


# Words a promotion cannot end on: one that does was broken at a link ("… Menanjak di" /
# "Magelang", "Baca berita selengkapnya" / "di sini.").
_UNFINISHED = {
    "di",
    "ke",
    "dari",
    "dan",
    "yang",
    "untuk",
    "dengan",
    "pada",
    "oleh",
    "melalui",
    "via",
    "klik",
    "selengkapnya",
    "lengkapnya",
    "berikut",
    "the",
    "of",
    "in",
    "at",
    "to",
    "and",
    "on",
    "here",
}


def _embed_after(units: list[str], index: int) -> int | None:
    """The position of the "[Gambas:Video 20detik]"-like marker that closes a video promo
    (or of the text's end, where the trailer took the marker), when only short pieces stand
    between."""
    for position in range(index, min(index + 8, len(units))):
        piece = units[position].strip()
        if piece.startswith(("[", "(")):
            return position  # the embed marker, or the sign-off after it
        if len(piece.split()) > 4:
            return None
    return len(units) if len(units) - index <= 8 else None


def _skip_continuation(units: list[str], index: int, noise: str) -> int:
    """Past the pieces of a promo line a scraper broke at a link: short fragments that finish
    the unfinished promo, not article text."""
    embed = _embed_after(units, index) if "video" in noise.lower() else None
    if embed is not None:
        return embed  # a video promo broken at its links runs to its embed marker
    words = noise.split()
    if not words or (words[-1].lower() not in _UNFINISHED and noise[-1:] not in "'\"“‘("):
        return index
    while index < len(units):
        piece = units[index].strip()
        if len(piece.split()) > 4 or piece[:1] in {"(", "[", "-"} or split_related(piece)[0]:
            break
        finished = piece[-1:] in {".", "!", "?", ":", "]", ")"}
        if finished and not piece[:1].islower():
            break
        index += 1
        if finished:
            break
    return index


def read_body(draft: Draft, units: list[str]) -> tuple[list[str], frozenset[str]]:
    """Body paragraphs, and the caption lines among them (which stay in the body)."""
    body: list[str] = []
    captions: set[str] = set()
    index = 0
    while index < len(units):
        line = units[index]
        index += 1
        # a promotion first: "Simak juga Video: …" is furniture, not a related link
        if is_noise(line, draft.site_rules):
            index = _skip_continuation(units, index, line)
            continue
        is_related, title = split_related(line)
        if is_related:
            if title:
                for piece in split_glued_titles(title):
                    draft.add_related(piece, "related:label-inline")
            elif label_has_colon(line):
                if (
                    index < len(units)
                    and title_after_label(units[index])
                    and not is_noise(units[index], draft.site_rules)
                ):
                    draft.add_related(units[index], "related:label-next-line")
                    index += 1
            else:
                listed = _listed_titles(draft, units, index)
                for titled in units[index : index + listed]:
                    if not is_noise(titled, draft.site_rules):
                        draft.add_related(titled, "related:label-list")
                index += listed
            continue
        if credit_line(draft, line, apply=True):
            continue
        found = find_caption(line)
        if found is not None:
            draft.add_photo(found)
            if found.caption is None:
                continue  # a credit-only line is not article text
            captions.add(line)
        body.append(line)
    return body, frozenset(captions)
