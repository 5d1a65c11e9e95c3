"""Phrases are checked on the word places the index keeps: the same articles as reading each
article's text word by word, across segments, deletions and replacements, and every field."""

from __future__ import annotations

import random
from itertools import pairwise
from pathlib import Path

import pytest

from archive_app.domain.model import IndexDocument, PersonRole
from archive_app.domain.query import parse
from archive_app.search.analysis import is_pair_indexed, words
from archive_app.search.fields import decode_positions, encode_positions
from archive_app.search.index import FullTextIndex

# common words (pairs of two are single terms), rarer words, a stem family, a possessive
WORDS = """
    di jakarta wakil presiden yang dan banjir gresik memilih pilih pilihan desa kepala warga
    besar company company's board the of
"""
VOCABULARY = WORDS.split()
DOCS = 160


def _no_texts(ids: list[int], fields: frozenset[str]) -> dict[int, dict[str, str]]:
    return {}


def _sentence(rng: random.Random, size: int) -> str:
    return " ".join(rng.choice(VOCABULARY) for _ in range(size)).capitalize() + "."


def _doc(rng: random.Random, n: int) -> IndexDocument:
    people = (PersonRole("Joko Widodo", "author"), PersonRole("Ani Wakil", "reporter"))
    return IndexDocument(
        n,
        1,
        _sentence(rng, rng.randint(2, 5)),
        tuple(_sentence(rng, rng.randint(0, 12)) for _ in range(rng.randint(1, 3))),
        people[: rng.randint(0, 2)],
        "example.id",
        rng.choice(("Gresik", "Jakarta Selatan", None)),
        "2024-05-01",
        "id",
        captions=tuple(_sentence(rng, 4) for _ in range(rng.randint(0, 2))),
        place_group="Jawa Timur",
    )


def _field_texts(doc: IndexDocument, field: str) -> list[str]:
    """The texts of a field, in the order the index reads them (one text per paragraph)."""
    names = list(dict.fromkeys(p.name for p in doc.people))
    return {
        "text": [doc.title, *doc.body, *doc.captions],
        "title": [doc.title],
        "caption": list(doc.captions),
        "people": names,
        "author": [p.name for p in doc.people if p.role == "author"],
        "place": [doc.place, doc.place_group or ""] if doc.place else [],
    }[field]


def _holds(doc: IndexDocument, field: str, phrase: tuple[str, ...], slop: int) -> bool:
    """The phrase read on the text: words in order, or all within the window of the first.

    Two common words side by side in a phrase are looked up as their pair term, which only
    holds within one paragraph: the article must hold that pair in some paragraph."""
    texts = [words(text) for text in _field_texts(doc, field)]
    tokens = [token for paragraph in texts for token in paragraph]
    if not slop:
        pairs = {tuple(tokens[i : i + 2]) for tokens in texts for i in range(len(tokens) - 1)}
        if any(is_pair_indexed(a, b) and (a, b) not in pairs for a, b in pairwise(phrase)):
            return False
        size = len(phrase)
        return any(tuple(tokens[i : i + size]) == phrase for i in range(len(tokens)))
    window = len(phrase) + slop
    places = {w: [i for i, t in enumerate(tokens) if t == w] for w in set(phrase)}
    if any(not p for p in places.values()):
        return False
    return any(
        all(any(abs(p - start) < window for p in places[w]) for w in phrase[1:])
        for start in places[phrase[0]]
    )


@pytest.fixture(scope="module")
def library(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[FullTextIndex, dict[int, IndexDocument]]:
    rng = random.Random(16)
    index = FullTextIndex(tmp_path_factory.mktemp("phrases") / "index")
    docs = {n: _doc(rng, n) for n in range(1, DOCS + 1)}
    for first in range(1, DOCS + 1, 40):  # several commits: several segments
        batch = [docs[n] for n in range(first, first + 40)]
        index.write(batch, new_ids=frozenset(d.id for d in batch))
    gone = list(range(5, DOCS, 17))
    index.delete(gone)
    for n in gone:
        del docs[n]
    replaced = [_doc(rng, n) for n in range(3, DOCS, 23) if n in docs]
    index.write(replaced)  # new text for the same ids: the old places must not answer
    docs.update({d.id: d for d in replaced})
    return index, docs


def _queries(rng: random.Random, docs: dict[int, IndexDocument]) -> list[tuple[str, str, int]]:
    found: list[tuple[str, str, int]] = []
    prefix = {"text": "", "title": "title:", "caption": "caption:", "people": "person:"}
    for field, written in prefix.items():
        for _ in range(60):
            doc = docs[rng.choice(list(docs))]
            tokens = [t for text in _field_texts(doc, field) for t in words(text)]
            size = rng.randint(2, 3)
            if rng.random() < 0.5 and len(tokens) >= size:  # words that stand there in order
                start = rng.randrange(len(tokens) - size + 1)
                phrase = tokens[start : start + size]
            else:
                phrase = [rng.choice(VOCABULARY) for _ in range(size)]
            slop = rng.choice((0, 0, 0, 1, 3))
            suffix = f"~{slop}" if slop else ""
            found.append((f'{written}"{" ".join(phrase)}"{suffix}', field, slop))
    return found


def test_phrases_find_what_reading_the_text_finds(
    library: tuple[FullTextIndex, dict[int, IndexDocument]],
) -> None:
    index, docs = library
    checked = 0
    for query, field, slop in _queries(random.Random(7), docs):
        node = parse(query)
        phrase = tuple(words(" ".join(node.words)))  # type: ignore[union-attr]
        if len(phrase) < 2:
            continue
        expected = sorted(d.id for d in docs.values() if _holds(d, field, phrase, slop))
        assert sorted(index.matching_ids(node, _no_texts)) == expected, query
        assert index.counts(node, _no_texts).total == len(expected), query
        page = index.search(node, sort="relevance", limit=10, offset=0, texts=_no_texts)
        assert {hit.id for hit in page.hits} <= set(expected), query
        assert len(page.hits) == min(10, len(expected)), query
        if len(expected) < 10:
            assert page.exact and page.total == len(expected), query
        checked += bool(expected)
    assert checked > 100  # most queries find something


def test_a_stem_has_no_place_of_its_own(tmp_path: Path) -> None:
    index = FullTextIndex(tmp_path / "index")
    doc = IndexDocument(1, 1, "Warga memilih kepala desa", (), (), None, None, None, "id")
    index.write([doc], new_ids=frozenset({1}))
    assert index.matching_ids(parse("pilih"), _no_texts) == [1]  # the word finds its family
    assert index.matching_ids(parse('"pilih kepala"'), _no_texts) == []  # a phrase does not
    assert index.matching_ids(parse('"memilih kepala desa"'), _no_texts) == [1]


def test_a_phrase_runs_from_the_headline_into_the_body_but_not_round_again(
    tmp_path: Path,
) -> None:
    index = FullTextIndex(tmp_path / "index")
    doc = IndexDocument(
        1, 1, "Banjir besar", ("Melanda Gresik pagi ini.",), (), None, None, None, "id"
    )
    index.write([doc], new_ids=frozenset({1}))
    assert index.matching_ids(parse('"besar melanda gresik"'), _no_texts) == [1]
    # the headline is indexed twice for its weight, but read once
    assert index.matching_ids(parse('"besar banjir"'), _no_texts) == []


def test_a_possessive_is_read_as_the_bare_word(tmp_path: Path) -> None:
    index = FullTextIndex(tmp_path / "index")
    doc = IndexDocument(
        1, 1, "Report", ("The company's board met on Monday.",), (), None, None, None, "en"
    )
    index.write([doc], new_ids=frozenset({1}))
    assert index.matching_ids(parse('"company board met"'), _no_texts) == [1]


def test_a_place_phrase_finds_the_place_and_its_group(tmp_path: Path) -> None:
    index = FullTextIndex(tmp_path / "index")
    doc = IndexDocument(
        1, 1, "Banjir", ("Teks.",), (), None, "Surabaya", None, "id", place_group="Jawa Timur"
    )
    index.write([doc], new_ids=frozenset({1}))
    assert index.matching_ids(parse('place:"jawa timur"'), _no_texts) == [1]
    assert index.matching_ids(parse('place:"timur jawa"'), _no_texts) == []


@pytest.mark.parametrize(
    "places", [[], [0], [3, 9, 10], list(range(0, 70_000, 7)), [65_535, 65_536]]
)
def test_word_places_pack_and_unpack(places: list[int]) -> None:
    assert list(decode_positions(encode_positions(places))) == places
