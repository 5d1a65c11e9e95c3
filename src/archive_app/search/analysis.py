"""Language-aware analysis: surface forms, stems (Indonesian and English), word pairs, stopwords.

Arsip analyses text itself, before Whoosh sees it, because the analysis depends on each
article's language and Whoosh analyzers are fixed per field. Whoosh then receives the terms as a
space-separated list and indexes them with its stock SpaceSeparatedTokenizer, which keeps the
analyzer stored in the index importable and stateless.

Every word is indexed in its folded surface form and, when different, its stem, so a plain word
finds its whole family ("gaung" finds "menggaungkan"). Adjacent common words are also indexed as
pairs ("di+jakarta"), so a phrase of common words is a term lookup; a phrase holding a rarer word
is found through that word and checked on the places of its words, which the index keeps for
each word as written (not for stems and pairs). Indexing every pair would multiply the
number of distinct terms several times over, and Whoosh's cost grows with them.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator
from functools import cache, lru_cache
from importlib import resources
from typing import Any

from whoosh.analysis import SpaceSeparatedTokenizer
from whoosh.lang.porter2 import stem as english_stem

PAIR_JOINER = "+"  # never inside a token, so a pair cannot collide with a word
TOKEN = re.compile(r"\w+(?:['’]\w+)*")
STEM_CACHE_SIZE = 200_000

INDONESIAN_STOPWORDS = frozenset(
    (
        "yang",
        "dan",
        "di",
        "ke",
        "dari",
        "ini",
        "itu",
        "untuk",
        "dengan",
        "pada",
        "dalam",
        "adalah",
        "akan",
        "juga",
        "tidak",
        "ada",
        "oleh",
        "sebagai",
        "karena",
        "atau",
        "bisa",
        "telah",
        "sudah",
        "saat",
        "para",
        "lebih",
        "kata",
        "tersebut",
        "mereka",
        "kami",
        "kita",
        "ia",
        "dia",
        "saya",
        "anda",
        "namun",
        "tetapi",
        "hingga",
        "sejak",
        "agar",
        "bahwa",
        "jika",
        "maka",
        "seperti",
        "bagi",
        "antara",
        "secara",
        "yakni",
        "yaitu",
        "pun",
        "lagi",
        "masih",
        "baru",
        "belum",
        "harus",
        "dapat",
        "menjadi",
        "sangat",
        "hanya",
        "serta",
        "tak",
        "nya",
        "si",
        "sang",
        "setelah",
        "sebelum",
        "kepada",
        "terhadap",
        "tentang",
        "ujar",
        "katanya",
    )
)
ENGLISH_STOPWORDS = frozenset(
    (
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "by",
        "for",
        "from",
        "has",
        "have",
        "he",
        "in",
        "is",
        "it",
        "its",
        "of",
        "on",
        "or",
        "that",
        "the",
        "this",
        "to",
        "was",
        "were",
        "will",
        "with",
        "not",
        "but",
        "they",
        "which",
        "been",
        "their",
        "said",
        "would",
        "there",
        "we",
        "you",
    )
)
STOPWORDS = INDONESIAN_STOPWORDS | ENGLISH_STOPWORDS


@cache
def common_words() -> frozenset[str]:
    """Words frequent enough in news that phrases made only of them need a pair term."""
    text = resources.files(__package__).joinpath("tables", "common_words.txt").read_text("utf-8")
    return frozenset(
        word for line in text.splitlines() if not line.startswith("#") for word in line.split()
    )


def index_analyzer() -> Any:
    """What Whoosh stores in the schema: split the prepared terms on spaces."""
    return SpaceSeparatedTokenizer()


def fold(word: str) -> str:
    """Lower case without accents ("Café" -> "cafe"); typographic apostrophes made plain."""
    word = word.lower()
    if word.isascii():
        return word
    word = word.replace("’", "'")
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def no_possessive(word: str) -> str:
    # "company's" is found by "company" (and "the company" by its phrase)
    return word[:-2] if word.endswith("'s") else word


def words(text: str) -> list[str]:
    """Folded surface forms of the words in `text`, in order."""
    lowered = text.lower()
    found = (
        TOKEN.findall(lowered)
        if lowered.isascii()
        else [fold(word) for word in TOKEN.findall(lowered)]
    )
    if "'" in lowered or "’" in lowered:
        return [no_possessive(word) for word in found]
    return found


def word_spans(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, folded word) for each word, for highlighting."""
    for match in TOKEN.finditer(text):
        yield match.start(), match.end(), no_possessive(fold(match.group(0)))


@cache
def _sastrawi() -> Any:
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

    from archive_app.search import sastrawi_literals

    # The delegated stemmer has no cache of its own; ours below is bounded.
    stemmer = StemmerFactory().create_stemmer().delegatedStemmer
    sastrawi_literals.install()  # the same stems, without a pattern compiled per word
    return stemmer


@lru_cache(maxsize=STEM_CACHE_SIZE)
def stem_indonesian(word: str) -> str:
    """Sastrawi's dictionary stem, for alphabetic words only (it mangles "ters****" and digits)."""
    if not word.isalpha() or len(word) < 4:
        return word
    stemmer = _sastrawi()
    if word.isascii() and word.islower():
        # what stem() does to such a word after its normalising (lower case, letters kept;
        # a word without "-" is singular), less the two regular expressions per word
        return str(stemmer.stem_singular_word(word)) or word
    return str(stemmer.stem(word)) or word


def indonesian_root(word: str) -> bool:
    """Whether Sastrawi's dictionary holds `word`: the Indonesian stem of a lower-case ASCII
    word is such a root or the word itself (Sastrawi gives the word back when no root is
    found), so a form that is no root cannot be another word's stem."""
    return bool(_sastrawi().dictionary.contains(word))


@lru_cache(maxsize=STEM_CACHE_SIZE)
def stem_english(word: str) -> str:
    if not word.isalpha() or len(word) < 4:
        return word
    return str(english_stem(word))


def stemmer_for(language: str | None) -> Any:
    if language == "en":
        return stem_english
    if language in (None, "id", "ms"):
        return stem_indonesian
    return None


def query_forms(word: str) -> set[str]:
    """Forms to look up for a typed word: its surface and its stems in either language."""
    surface = fold(word)
    return {surface, stem_indonesian(surface), stem_english(surface)}


def pair(first: str, second: str) -> str:
    return f"{first}{PAIR_JOINER}{second}"


def is_pair_indexed(first: str, second: str) -> bool:
    common = common_words()
    return first in common and second in common


def index_terms(texts: Iterable[str], language: str | None, *, stem: bool = True) -> list[str]:
    """Terms for one field: each word's surface and stem, and pairs of adjacent common words.

    Pairs never span two texts (paragraphs), so a phrase cannot match across them.
    """
    return positioned_terms(texts, language, stem=stem)[0]


def positioned_terms(
    texts: Iterable[str],
    language: str | None,
    *,
    stem: bool = True,
    positions: defaultdict[str, list[int]] | None = None,
    start: int = 0,
) -> tuple[list[str], int]:
    """`index_terms`, and where each word stands: with `positions`, the place of every word
    (its surface form, counted from `start` on across the texts, as `words` reads them one
    after another) is added to the word's list there. Stems and pairs get no places: a
    phrase is checked on the words as written. Returns the terms and the next free place."""
    stemmer = stemmer_for(language) if stem else None
    common = common_words()
    terms: list[str] = []
    place = start
    for text in texts:
        surfaces = words(text)
        if positions is not None:
            for offset, surface in enumerate(surfaces, place):
                positions[surface].append(offset)
        place += len(surfaces)
        if stemmer is None:
            terms.extend(surfaces)
        else:
            for surface in surfaces:
                terms.append(surface)
                stemmed = stemmer(surface)
                if stemmed != surface:
                    terms.append(stemmed)
        previous = ""
        for surface in surfaces:
            if surface in common:
                if previous:
                    terms.append(previous + PAIR_JOINER + surface)
                previous = surface
            else:
                previous = ""
    return terms, place
