"""Titles a source gives only as its text's first line, and titles that name a section."""

from __future__ import annotations

import re

from archive_app.domain.site_rules import rules
from archive_app.ingest.normalise import dates
from archive_app.ingest.normalise.datelines import split_dateline
from archive_app.ingest.normalise.noise import is_noise
from archive_app.ingest.normalise.people import parse_credit_line
from archive_app.ingest.normalise.related import looks_like_headline, split_related
from archive_app.ingest.normalise.text import fold

# A headline is a line of a few words; a longer first line is the article's first paragraph.
_MAX_WORDS = 30
_MAX_CHARS = 250
# How far into the text to look for a second blank line (paragraphs set apart by blank lines
# make the first line's blank no sign of a headline by itself).
_LOOK_AHEAD = 3000
# A headline ends on none of these (a dateline's dash, a label's colon, a sentence's stop).
_SENTENCE_END = (".", ",", ";", ":", "-", "–", "—")


def title_from_first_line(text: str) -> str | None:
    """The headline of a text dump that prints it as its first line and a blank line before
    the article ("Judul\\n\\n-\\nParagraf …"), when the source has no title column; None when
    the first line is no headline (a dateline, a date, a credit, a sentence)."""
    head, sep, rest = text.lstrip("\ufeff").partition("\n")
    if not sep or rest.split("\n", 1)[0].strip():
        return None  # no blank line after the first one
    title = fold(head)
    words = title.split(" ")
    if not rest.strip() or not 2 <= len(words) <= _MAX_WORDS or len(title) > _MAX_CHARS:
        return None
    if title.endswith(_SENTENCE_END) and not title.endswith(("...", "…")):
        return None
    first = words[0]
    if not (
        first[:1].isupper()
        or first[:1].isdigit()
        or first[:1] in "\"“'‘"
        or any(ch.isupper() for ch in first)
    ):  # "iPhone 15 Lebih Unggul …"
        return None
    dateline = split_dateline(title, allow_empty=True)
    if dateline is not None and (dateline.site or not dateline.rest.strip()):
        return None  # "Jakarta -" or "Site.com, Jakarta - …" opens the article
    if (
        dates.is_date_line(title)
        or parse_credit_line(title) is not None
        or is_noise(title)
        or split_related(title)[0]
    ):
        return None
    spaced = "\n\n" in rest.lstrip("\r\n")[:_LOOK_AHEAD]
    if spaced and not looks_like_headline(title):
        return None  # every paragraph stands after a blank line: only a headline's case tells
    return title


_SECTION_SEPARATORS = re.compile(r"[\s|/>»,:&+-]+")


def is_section_name(title: str) -> bool:
    """Whether a title is a section or rubric name ("Ekonomi", "Berita Terkini", "News |
    Politics") rather than a headline: every word of it is in the [titles] sections table."""
    words = [w for w in _SECTION_SEPARATORS.split(fold(title).lower()) if w]
    general = rules()
    return (
        bool(words)
        and len(words) <= 4
        and all(w in general.section_words or w in general.section_joiners for w in words)
        and any(w in general.section_words for w in words)
    )
