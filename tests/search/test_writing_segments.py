"""Arsip's segment writer and its block-copying merges give the index Whoosh's own would."""

from __future__ import annotations

import inspect
import random
from importlib import import_module
from pathlib import Path
from typing import Any

import pytest
from whoosh import index as whoosh_index
from whoosh.reading import SegmentReader

from archive_app.domain.model import IndexDocument
from archive_app.search.documents import document_fields
from archive_app.search.index_folder import create_empty
from archive_app.search.segment_writer import RELIED_ON, TermPool, segment_writer

WORDS = [
    "banjir",
    "merendam",
    "sepuluh",
    "desa",
    "gresik",
    "warga",
    "mengungsi",
    "balai",
    "setelah",
    "besar",
    "melanda",
    "malam",
    "hari",
    "pemerintah",
    "daerah",
    "mengirim",
    "bantuan",
    "jakarta",
    "presiden",
    "menteri",
    "sungai",
    "hujan",
    "deras",
    "jembatan",
    "putus",
    "jalan",
    "raya",
    "polisi",
    "korban",
    "selamat",
    "rumah",
    "sakit",
]


def _docs(first: int, count: int, seed: int) -> list[IndexDocument]:
    chance = random.Random(seed)
    docs = []
    for n in range(first, first + count):
        body = [
            " ".join(chance.choice(WORDS) for _ in range(chance.randint(3, 60)))
            for _ in range(chance.randint(1, 3))
        ]
        docs.append(
            IndexDocument(
                n, 1, f"Judul {chance.choice(WORDS)} {n}", body, (), None, None, None, "id"
            )
        )
    return docs


def _postings(index: Any) -> dict[tuple[str, bytes], list[tuple[str, float, bytes | None]]]:
    """Every posting by term, each as (article id, weight, value): document numbers differ
    between two ways of writing, the articles they stand for must not."""
    found: dict[tuple[str, bytes], list[tuple[str, float, bytes | None]]] = {}
    with index.searcher() as searcher:
        reader = searcher.reader()
        ids = {docnum: fields["id"] for docnum, fields in reader.iter_docs()}
        for fieldname, text in reader.all_terms():
            matcher = reader.postings(fieldname, text)
            rows = []
            while matcher.is_active():
                rows.append((ids[matcher.id()], matcher.weight(), matcher.value()))
                matcher.next()
            if rows:
                found[fieldname, text] = sorted(rows)
    return found


def _stats(index: Any) -> dict[tuple[str, bytes], tuple[float, int, int, int, float]]:
    with index.reader() as reader:
        return {
            (field, text): (
                round(info.weight(), 3),
                info.doc_frequency(),
                info.min_length(),
                info.max_length(),
                info.max_weight(),
            )
            for field, text in reader.all_terms()
            for info in [reader.term_info(field, text)]
            if info.doc_frequency()
        }


def _stored(index: Any) -> list[dict[str, Any]]:
    with index.searcher() as searcher:
        return sorted(searcher.all_stored_fields(), key=lambda fields: fields["id"])


def _write(index: Any, docs: list[IndexDocument], arsip: bool) -> None:
    writer = segment_writer(index) if arsip else index.writer()
    for doc in docs:
        writer.add_document(**document_fields(doc))
    writer.commit(merge=False)


def _merge_all(writer: Any, segments: list[Any]) -> list[Any]:
    for segment in segments:
        reader = SegmentReader(writer.storage, writer.schema, segment)
        writer.add_reader(reader)
        reader.close()
    return []


def _build(folder: Path, arsip: bool, deletions: bool) -> Any:
    """Three segments (deleting a few articles when asked), merged into one."""
    index = create_empty(folder)
    for part in range(3):
        _write(index, _docs(1 + part * 150, 150, seed=part), arsip)
    if deletions:
        writer = index.writer()
        for article_id in (1, 2, 77, 151, 299, 300, 420):
            writer.delete_by_term("id", str(article_id))
        writer.commit(merge=False)
    writer = segment_writer(index) if arsip else index.writer()
    writer.add_document(**document_fields(_docs(1000, 1, seed=9)[0]))
    writer.commit(mergetype=_merge_all)
    return whoosh_index.open_dir(str(folder))


@pytest.mark.parametrize("deletions", [False, True], ids=["whole", "with-deletions"])
def test_a_merged_segment_holds_what_whooshs_merge_does(tmp_path: Path, deletions: bool) -> None:
    ours = _build(tmp_path / "arsip", arsip=True, deletions=deletions)
    theirs = _build(tmp_path / "whoosh", arsip=False, deletions=deletions)
    assert len(ours._segments()) == len(theirs._segments()) == 1
    assert ours.doc_count() == theirs.doc_count() == 450 + 1 - (7 if deletions else 0)
    assert _postings(ours) == _postings(theirs)
    assert _stats(ours) == _stats(theirs)
    assert _stored(ours) == _stored(theirs)


def test_terms_spread_over_many_blocks_copy_whole(tmp_path: Path) -> None:
    """A word in every article has posting lists of several blocks in each segment."""
    ours = _build(tmp_path / "arsip", arsip=True, deletions=True)
    with ours.reader() as reader:
        assert max(reader.doc_frequency("text", text) for text in reader.lexicon("text")) > 300
    theirs = _build(tmp_path / "whoosh", arsip=False, deletions=True)
    assert _postings(ours) == _postings(theirs)


def test_searches_find_the_same_articles_after_a_merge(tmp_path: Path) -> None:
    from whoosh.query import Term

    ours = _build(tmp_path / "arsip", arsip=True, deletions=True)
    theirs = _build(tmp_path / "whoosh", arsip=False, deletions=True)
    with ours.searcher() as mine, theirs.searcher() as whoosh_own:
        for word in WORDS[:10]:
            query = Term("text", word)
            assert sorted(h["id"] for h in mine.search(query, limit=None)) == sorted(
                h["id"] for h in whoosh_own.search(query, limit=None)
            )


def test_the_pool_holds_each_terms_postings_in_document_order() -> None:
    pool = TermPool()
    for docnum, text in enumerate([b"a", b"b", b"a", b"a"]):
        pool.add(("text", text, docnum, 1.0, b"\x00"))
    docnums, weights, values = pool.postings_of("text", b"a")
    assert list(docnums) == [0, 2, 3] and list(weights) == [1.0] * 3 and len(values) == 3
    assert pool.postings == 4 and pool.size() > 0


def test_documents_cannot_follow_a_merged_segment(tmp_path: Path) -> None:
    index = create_empty(tmp_path / "index")
    _write(index, _docs(1, 5, seed=1), arsip=True)
    writer = segment_writer(index)
    try:
        _merge_all(writer, index._segments())
        with pytest.raises(RuntimeError):
            writer.add_document(**document_fields(_docs(50, 1, seed=2)[0]))
    finally:
        writer.cancel()


@pytest.mark.parametrize(("where", "signature"), list(RELIED_ON.items()))
def test_the_whoosh_parts_relied_on_are_there(where: tuple[str, str, str], signature: Any) -> None:
    module, owner, name = where
    found = getattr(getattr(import_module(module), owner), name)
    if signature is not None:
        assert str(inspect.signature(found)) == signature
