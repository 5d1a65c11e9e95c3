"""'Read also' links ("BACA JUGA: …", "Baca juga:" + title lines): titles, never body text."""

from __future__ import annotations

import re
from functools import cache

from archive_app.ingest.normalise.tables import rules
from archive_app.ingest.normalise.text import fold

_SMALL_WORDS = {
    "di", "ke", "dari", "dan", "yang", "untuk", "dengan", "atau", "pada", "dalam", "ini", "itu",
    "tak", "tidak", "jadi", "bagi", "oleh", "vs", "of", "the", "a", "an", "and", "to", "in",
    "on", "for", "at", "by", "with", "is", "are", "hingga", "usai", "saat", "jelang", "soal",
    "sampai", "lewat", "akan", "bisa", "mau", "kian", "makin", "kok", "lagi", "ada", "apa",
}
# Where two glued titles meet: "…Kejati DKIBerkas Sudah…", "…Disidangkan?3 Bulan…"
_GLUE = re.compile(
    r"(?<=[a-z0-9?!)'\"”])(?=[A-Z][a-z])|(?<=[?!])(?=\d)|(?<=[A-Z])(?=[A-Z][a-z]{2})"
)
_LIST_ITEM = re.compile(r"^\s*(?:\d{1,2}[.)]|[•·*-])\s*")
# A title that long is two or more titles run together.
_LONG_TITLE = 16


@cache
def _label_pattern() -> re.Pattern[str]:
    general = rules()
    labels = "|".join(re.escape(label) for label in general.related_labels)
    colon = "|".join(re.escape(label) for label in general.related_colon_only)
    return re.compile(
        r"^\s*(?:(?:" + labels + r")\s*(?::|-|–|>>|»)?|(?:" + colon + r")\s*:)\s*(?P<title>.*)$",
        re.IGNORECASE,
    )


def split_related(line: str) -> tuple[bool, str]:
    """(is a "read also" line, the title on it or "" for a bare label)."""
    match = _label_pattern().match(line)
    if match is None:
        return False, ""
    title = fold(match["title"]).strip(" :-")
    if title and not title[:1].isupper() and not title[:1].isdigit() and title[:1] not in "\"“'‘":
        return False, ""  # "Baca juga artikel ini untuk …" is a sentence, not a link
    return True, title


def label_has_colon(line: str) -> bool:
    return fold(line).rstrip().endswith((":", ">>", "»"))


def split_glued_titles(title: str) -> list[str]:
    """Titles a scraper ran together without spaces, apart; one title stays whole.

    A split is kept only where both sides read as titles of three or more words and the
    boundary is not inside a word written with an inner capital ("YouTube").
    """
    if len(title.split()) < _LONG_TITLE:
        return [title]
    camel = rules().camel_words
    pieces: list[str] = []
    start = 0
    for match in _GLUE.finditer(title):
        cut = match.start()
        left, right = title[start:cut], title[cut:]
        word_start = title.rfind(" ", 0, cut) + 1
        word_end = title.find(" ", cut)
        word = title[word_start: word_end if word_end >= 0 else len(title)].strip("?!.,:;\"'")
        if any(c in word for c in camel) or len(left.split()) < 3 or len(right.split()) < 3:
            continue
        pieces.append(left.strip())
        start = cut
    pieces.append(title[start:].strip())
    return [p for p in pieces if p]


def looks_like_headline(line: str) -> bool:
    """A headline: short, no closing full stop, most words capitalised (Indonesian and English
    headlines are title-cased, article sentences are not)."""
    text = fold(line)
    tokens = text.split(" ") if text else []
    if not 2 <= len(tokens) <= 24 or text.endswith((".", ",", ";", ":")):
        return False
    if text.startswith(("\"", "“")) or _LIST_ITEM.match(text):
        return False
    content = [t for t in tokens if t.lower().strip("'\"“”(),:") not in _SMALL_WORDS]
    if not content:
        return False
    capitalised = sum(1 for t in content if t[:1].isupper() or t[:1].isdigit())
    return capitalised / len(content) >= 0.6


def title_after_label(line: str) -> bool:
    """The line after a "Baca juga:" label is its title unless it reads as article text
    (or is furniture, which the caller checks)."""
    text = fold(line)
    return 0 < len(text.split(" ")) <= 30 and not text.endswith(".") and not _LIST_ITEM.match(text)


@cache
def _inline_label() -> re.Pattern[str]:
    labels = "|".join(re.escape(label) for label in rules().related_labels)
    return re.compile(r"(?:" + labels + r")\s*:", re.IGNORECASE)


@cache
def _lowered_labels() -> tuple[str, ...]:
    return tuple(label.lower() for label in rules().related_labels)


# Where a title glued in front of the text that follows it ends: "…di MotoGP!Selama …",
# "…Ranjau Paku di Jalan JakartaBaca juga:…"
_TITLE_END = re.compile(
    r"(?<=[a-z0-9!?)”'])(?=[A-Z][a-z]|[\"“][A-Z])|(?<=[A-Z])(?=[A-Z][a-z]{2})"
)
_MAX_TITLE_WORDS = 25


def split_inline_related(line: str) -> list[str]:
    """A line with a "Baca juga:" link run into it, as separate lines: the text before, the
    label with its title, and the text after (where the title's end can be seen)."""
    lowered = line.lower()
    if ":" not in line or not any(label in lowered for label in _lowered_labels()):
        return [line]
    starts = [m.start() for m in _inline_label().finditer(line, 1) if _opens_link(line, m.start())]
    if not starts:
        return [line]
    pieces: list[str] = []
    previous = 0
    for start in starts:
        if line[previous:start].strip():
            pieces.append(line[previous:start].strip())
        previous = start
    pieces.append(line[previous:].strip())
    split: list[str] = []
    for piece in pieces:
        match = _label_pattern().match(piece)
        if match is None or not match["title"]:
            split.append(piece)
            continue
        title_start = match.start("title")
        end = _title_end(piece, title_start)
        split.append(piece[:end].strip())
        if piece[end:].strip():
            split.append(piece[end:].strip())
    return split


def _opens_link(line: str, start: int) -> bool:
    """A capitalised label glued to the text before it or after a finished sentence; "…,
    baca juga: bukunya" inside a sentence is no link."""
    if not line[start:start + 1].isupper():
        return False
    before = line[:start].rstrip()
    return len(before) == start or before[-1:] in {".", "!", "?", "\"", "”", ")"}


def _title_end(piece: str, start: int) -> int:
    """Where the title after a label ends: at the first place the next sentence is glued on
    (after three words at least), or at the end of the line for a short rest."""
    for match in _TITLE_END.finditer(piece, start):
        if len(piece[start:match.start()].split()) >= 3:
            return match.start()
    return len(piece) if len(piece[start:].split()) <= _MAX_TITLE_WORDS else start
