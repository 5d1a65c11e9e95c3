"""Scores with the field lengths read once per segment are Whoosh's own scores, to the bit."""

from __future__ import annotations

import random
from pathlib import Path

from whoosh import query as wq
from whoosh.scoring import BM25F

from archive_app.domain.model import IndexDocument
from archive_app.search.index import FullTextIndex
from archive_app.search.scoring import CachedLengthsBM25F, segment_lengths


def _index(folder: Path) -> FullTextIndex:
    rng = random.Random(11)
    words = ["banjir", "warga", "desa", "kepala", "gresik", "pemilihan", "umum", "jakarta"]
    index = FullTextIndex(folder)
    for first in (1, 201):  # two segments
        docs = [
            IndexDocument(
                n,
                1,
                " ".join(rng.choices(words, k=rng.randint(1, 6))),
                (" ".join(rng.choices(words, k=rng.randint(0, 300))),),
                (),
                None,
                None,
                None,
                "id",
            )
            for n in range(first, first + 200)
        ]
        index.write(docs, new_ids=frozenset(d.id for d in docs))
    index.delete([7, 250])
    return index


def test_lengths_are_those_whoosh_reads(tmp_path: Path) -> None:
    index = _index(tmp_path / "index")
    reader = index._searchers.current()[0].reader()
    for leaf, _base in reader.leaf_readers():
        for field in ("text", "title", "caption"):
            lengths = segment_lengths(leaf, field)
            expected = [leaf.doc_field_length(d, field, None) for d in range(leaf.doc_count_all())]
            if lengths is None:  # no column: Whoosh's default stands
                assert not any(expected)
            else:
                assert list(lengths) == [length or 0 for length in expected]


def test_scores_are_whoosh_scores(tmp_path: Path) -> None:
    index = _index(tmp_path / "index")
    whoosh_index = index._index
    query = wq.Or(
        [wq.Term("text", "banjir"), wq.And([wq.Term("text", "warga"), wq.Term("title", "desa")])]
    )
    found = []
    for weighting in (BM25F, CachedLengthsBM25F):
        with whoosh_index.searcher(weighting=weighting) as searcher:
            found.append([(hit.docnum, hit.score) for hit in searcher.search(query, limit=None)])
    assert found[0] == found[1]
    assert len(found[0]) > 100
