"""Documents looked up in a term's postings a block at a time find what stepping a matcher to
each finds (ids, weights, word places), and a phrase checked over many documents at once holds
in the same documents as the check made one document at a time."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

from archive_app.domain.model import IndexDocument
from archive_app.search.block_lookup import lookup
from archive_app.search.index import FullTextIndex
from archive_app.search.phrases import Verifier, checker, held_by

WORDS = ("warga", "desa", "banjir", "kepala", "sungai")


def _docs(count: int) -> list[IndexDocument]:
    rng = random.Random(11)
    return [
        IndexDocument(
            n,
            1,
            f"Laporan nomor {n}",
            (" ".join(rng.choice(WORDS) for _ in range(rng.randrange(3, 14))),),
            (),
            None,
            None,
            None,
            "id",
        )
        for n in range(1, count + 1)
    ]


def _reader(tmp_path: Path) -> Any:
    index = FullTextIndex(tmp_path / "index")
    index.write(_docs(1500), new_ids=frozenset(range(1, 1501)))
    return index._searchers.current()[0].reader()


def _stepped(reader: Any, word: str, docs: list[int]) -> dict[int, tuple[float, bytes]]:
    matcher = reader.postings("text", word)
    found = {}
    for docnum in docs:
        if not matcher.is_active():
            break
        matcher.skip_to(docnum)
        if matcher.is_active() and matcher.id() == docnum:
            found[docnum] = (matcher.weight(), matcher.value())
    return found


def test_lookup_finds_what_stepping_finds(tmp_path: Path) -> None:
    reader = _reader(tmp_path)
    assert reader.doc_frequency("text", "sungai") > 3 * 128  # several blocks
    rng = random.Random(2)
    for size in (1, 5, 40, 400, 1500):
        docs = sorted(rng.sample(range(reader.doc_count_all()), size))
        for word in WORDS:
            expected = _stepped(reader, word, docs)
            ids = lookup(reader.postings("text", word), docs, "id")
            weights = lookup(reader.postings("text", word), docs, "weight")
            values = lookup(reader.postings("text", word), docs, "value")
            assert set(ids) == set(expected)
            assert weights == {d: weight for d, (weight, _value) in expected.items()}
            assert values == {d: value for d, (_weight, value) in expected.items()}
            assert expected or size < 40  # each word is in some of many documents


def test_a_phrase_checked_at_once_holds_where_checked_one_by_one(tmp_path: Path) -> None:
    reader = _reader(tmp_path)
    rng = random.Random(4)
    docs = sorted(rng.sample(range(reader.doc_count_all()), 700))
    phrases = [
        Verifier("text", ("banjir", "desa"), 0),
        Verifier("text", ("warga", "sungai", "warga"), 0),
        Verifier("text", ("kepala", "desa", "banjir"), 0),
        Verifier("text", ("desa", "sungai"), 2),
        Verifier("text", ("banjir", "kepala", "banjir"), 1),
    ]
    for verifier in phrases:
        test = checker(reader, verifier)
        assert test is not None
        one_by_one = [d for d in docs if test(d)]
        assert one_by_one  # the phrase stands somewhere, and not everywhere
        assert len(one_by_one) < len(docs)
        assert held_by(reader, verifier, docs) == one_by_one
    assert held_by(reader, Verifier("text", ("banjir", "hilang"), 0), docs) == []
