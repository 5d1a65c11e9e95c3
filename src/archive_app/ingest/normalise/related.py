"""'Read also' links ("BACA JUGA: …", "Baca juga:" + title lines): titles, never body text."""

from __future__ import annotations

import re
from functools import cache

from archive_app.domain.site_rules import rules
from archive_app.ingest.normalise.text import fold

SMALL_WORDS = {
    "di",
    "ke",
    "dari",
    "dan",
    "yang",
    "untuk",
    "dengan",
    "atau",
    "pada",
    "dalam",
    "ini",
    "itu",
    "tak",
    "tidak",
    "jadi",
    "bagi",
    "oleh",
    "vs",
    "of",
    "the",
    "a",
    "an",
    "and",
    "to",
    "in",
    "on",
    "for",
    "at",
    "by",
    "with",
    "is",
    "are",
    "hingga",
    "usai",
    "saat",
    "jelang",
    "soal",
    "sampai",
    "lewat",
    "akan",
    "bisa",
    "mau",
    "kian",
    "makin",
    "kok",
    "lagi",
    "ada",
    "apa",
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
        word = title[word_start : word_end if word_end >= 0 else len(title)].strip("?!.,:;\"'")
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
    if text.startswith(('"', "“")) or _LIST_ITEM.match(text):
        return False
    content = [t for t in tokens if t.lower().strip("'\"“”(),:") not in SMALL_WORDS]
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
_TITLE_END = re.compile(r"(?<=[a-z0-9!?)”'])(?=[A-Z][a-z]|[\"“][A-Z])|(?<=[A-Z])(?=[A-Z][a-z]{2})")
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
        end = _title_end(piece, title_start, line)
        split.append(piece[:end].strip())
        if piece[end:].strip():
            split.append(piece[end:].strip())
    return split


def _opens_link(line: str, start: int) -> bool:
    """A capitalised label glued to the text before it or after a finished sentence; "…,
    baca juga: bukunya" inside a sentence is no link."""
    if not line[start : start + 1].isupper():
        return False
    before = line[:start].rstrip()
    return len(before) == start or before[-1:] in {".", "!", "?", '"', "”", ")"}


def _title_end(piece: str, start: int, line: str) -> int:
    """Where the title after a label ends: at a double space or the first place the next
    sentence is glued on; at the end of the line for a short rest that is no sentence; else
    where the next sentence starts after a space (each after three words at least)."""
    rest = piece[start:]
    ends = [start + found for found in (_double_space(rest),) if found is not None]
    for match in _TITLE_END.finditer(piece, start):
        if len(piece[start : match.start()].split()) >= _MIN_TITLE_WORDS:
            ends.append(match.start())
            break
    if ends:
        return min(ends)  # a double space or glued text is the surest sign
    words = len(rest.split())
    if words <= _MAX_TITLE_WORDS and not rest.rstrip().endswith((".", "!", "?", '"', "”")):
        return len(piece)  # a short rest that is no sentence is the title, whole
    sentence = _sentence_start(rest, line)
    if sentence is not None:
        return start + sentence
    return len(piece) if words <= _MAX_TITLE_WORDS else start


_MIN_TITLE_WORDS = 3
_TOKEN = re.compile(r"\S+")


def _double_space(rest: str) -> int | None:
    """A scraper that joined the title and the text with two spaces: where they meet."""
    position = rest.find("  ")
    if position < 0 or len(rest[:position].split()) < _MIN_TITLE_WORDS:
        return None
    return position


# How many lower-case words of the next few must follow for a sentence to have begun (a title
# keeps most words capitalised: "Jokowi Minta Menteri tidak Ribut Soal Anggaran").
_SENTENCE_RUN = 4
_LOWER_IN_RUN = 2
# The words a sentence's subject may have before its first lower-case word ("Menteri Keuangan
# Sri Mulyani mengatakan …").
_SUBJECT_WORDS = 4


def _is_lower_word(token: str) -> bool:
    word = token.strip("'\"“”‘’(),.:;!?")
    return bool(word) and word[0].islower() and word.lower() not in SMALL_WORDS


def _sentence_start(rest: str, line: str) -> int | None:
    """Where the next sentence starts in the title-and-text run after a label (a title in
    title case, then a sentence: "… Kasus Migor Ayu mengatakan Djuyamto …"): before the
    subject of the first run of lower-case words. The subject is the longest run of
    capitalised words before it that the text names elsewhere ("Sri Mulyani"), else the last
    capitalised word; a word opening a quotation starts the sentence itself."""
    spans = [(m.start(), m.group()) for m in _TOKEN.finditer(rest)]
    tokens = [token for _offset, token in spans]
    for index in range(_MIN_TITLE_WORDS + 1, len(tokens)):
        if not _is_lower_word(tokens[index]):
            continue
        run = tokens[index : index + _SENTENCE_RUN]
        if sum(1 for token in run if _is_lower_word(token)) < _LOWER_IN_RUN:
            continue
        first = _subject_start(tokens, index, line)
        return None if first is None else spans[first][0]
    return None


def _subject_start(tokens: list[str], verb: int, line: str) -> int | None:
    """The token where the sentence whose first lower-case word is tokens[verb] starts."""
    last = verb - 1
    while last > verb - 3 and tokens[last].lower() in SMALL_WORDS:
        last -= 1  # "Polisi di lokasi mengatakan": the subject stands before the small words
    lowest = max(_MIN_TITLE_WORDS, last + 1 - _SUBJECT_WORDS)
    candidates = [
        i
        for i in range(last, lowest - 1, -1)
        if tokens[i][:1].isupper() or tokens[i][:1] in "\"“‘'"
    ]
    if not candidates or candidates[0] != last:
        return None  # "… di Jakarta, kata dia": no capitalised subject, no sure boundary
    for index in candidates:
        if tokens[index][:1] in "\"“‘'":
            return index
    contiguous = [candidates[0]]
    for index in candidates[1:]:
        if index != contiguous[-1] - 1:
            break
        contiguous.append(index)
    for index in reversed(contiguous[1:]):  # the longest subject first
        if line.count(" ".join(tokens[index : last + 1])) >= 2:
            return index
    return last
