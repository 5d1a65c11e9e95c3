"""Guess an article's language when its source does not say.

Written by hand on purpose: general detectors (langid, langdetect) often label Indonesian news as
Malay and langdetect is not deterministic, while the source usually names the language anyway; a
stopword profile over the languages Arsip analyses differently is fast, stable and enough.
"""

from __future__ import annotations

import re

from archive_app.ingest.normalise.text import is_statistics, is_table_row


def _words(text: str) -> frozenset[str]:
    """A profile's common words, written as one string."""
    return frozenset(text.split())


_PROFILES: dict[str, frozenset[str]] = {
    "id": _words(
        "yang dan di ini itu dengan untuk tidak dari dalam akan pada juga ke karena tersebut "
        "bisa ada mereka kata adalah sudah saat oleh menjadi telah lebih para kami kita"
    ),
    "en": _words(
        "the and of to in is that for it with as was on be by at this are from have has "
        "said an not but they which were been will would its"
    ),
    "de": _words("der die und das ist nicht ein eine zu den mit sich des auf für im dem"),
    "es": _words("el la de que y en los del se las por un para con una su al es"),
    "fr": _words("le la les de des et est un une du en pour que qui dans sur pas au"),
    "nl": _words("de het een en van in is op te dat met voor niet zijn aan ook"),
    "sv": _words("och att det som en på är av för med till den har inte om ett"),
    "da": _words("og at det som en på er af for med til den har ikke om et de"),
    "fi": _words("ja on ei se että oli hän ovat mutta kun myös tai joka sen"),
    "it": _words("il di che la e per un una del della in non sono con le da"),
    "pt": _words("o de que e do da em um para com não uma os no se na por"),
}
_WORD = re.compile(r"[^\W\d_]+")
# A line of a statistics item is prose when this many of its words start in lower case:
# "Ohtani, Los Angeles, 31; Walsh, Los Angeles, 20" is a list of names, never Spanish.
_PROSE_WORDS = 3
# How many prose lines are read.
_LINES = 40
# Enough text for a few hundred words; a long article is not read to its end.
_HEAD = 3000


def _index(profiles: dict[str, frozenset[str]]) -> dict[str, tuple[str, ...]]:
    """word -> the languages whose profile holds it, so a text is scored in one pass."""
    index: dict[str, tuple[str, ...]] = {}
    for lang, words in profiles.items():
        for word in words:
            index[word] = (*index.get(word, ()), lang)
    return index


_LANGUAGES_OF = _index(_PROFILES)


def detect_language(text: str, default: str | None = None) -> str | None:
    """The language whose common words make up most of `text` (first 400 words)."""
    tokens = [t.lower() for t in _WORD.findall(text, 0, _HEAD)[:400]]
    if len(tokens) < 5:
        return default
    scores = dict.fromkeys(_PROFILES, 0)
    for token in tokens:
        for lang in _LANGUAGES_OF.get(token, ()):
            scores[lang] += 1
    best = max(scores, key=lambda lang: scores[lang])
    return best if scores[best] >= max(2, len(tokens) // 25) else default


def _is_prose(text: str) -> bool:
    return sum(1 for word in text.split() if word[:1].islower()) >= _PROSE_WORDS


def _prose(lines: list[str]) -> list[str]:
    """The prose of a statistics item: lines and table cells that read as sentences (a page
    laid out as a table holds its text in cells), never the names and figures around it."""
    pieces: list[str] = []
    for line in lines:
        cells = line.strip(" |").split(" | ") if is_table_row(line) else [line]
        pieces += [cell for cell in cells if _is_prose(cell)]
    return pieces


def language_of_lines(lines: list[str], default: str) -> str | None:
    """The language of a text's prose lines: table rows (names and figures) never decide it,
    and a statistics item with too little prose to judge gets no language, not `default`."""
    if is_statistics(lines):
        return detect_language(" ".join(_prose(lines)[:_LINES]), default=None)
    prose = [line for line in lines if "|" not in line or not is_table_row(line)]
    return detect_language(" ".join(prose[:_LINES]), default=default)
