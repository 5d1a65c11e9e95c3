"""Merges that keep writes quick: segments left empty are dropped unread, an import into a large
index merges only what it wrote, and the rest is merged when the library is idle."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from tests.search.index_docs import index_doc as _doc

from archive_app.search import merging
from archive_app.search.background import _Writer
from archive_app.search.index import FullTextIndex
from archive_app.usecases.idle_merge import IdleMerger
from archive_app.usecases.opening import WriteLane


def _sizes(index: FullTextIndex) -> list[int]:
    return sorted(s.doc_count() for s in index._index._segments())


@pytest.fixture
def small_levels(monkeypatch: pytest.MonkeyPatch) -> None:
    """Levels of 3 segments from 10 articles up; an import may merge 30 articles at least."""
    monkeypatch.setattr(merging, "FACTOR", 3)
    monkeypatch.setattr(merging, "FLOOR", 10)
    monkeypatch.setattr(merging, "IMPORT_FLOOR", 30)


@pytest.mark.parametrize("quick", [True, False])
def test_a_segment_whose_articles_were_all_replaced_is_dropped(tmp_path: Path, quick: bool) -> None:
    index = FullTextIndex(tmp_path / "index")
    index.write([_doc(1), _doc(2)], new_ids=frozenset({1, 2}))
    (first,) = index.segment_ids()
    for word in ("gempa", "longsor"):  # both articles edited: the first segment holds none
        batch = index.batch()
        batch.add([_doc(1, word), _doc(2, word)])
        batch.commit(quick=quick)
    assert first not in index.segment_ids()
    assert len(index.segment_ids()) == 1  # the edits' segments replaced one another too
    assert index.doc_count() == 2
    with index._index.searcher() as searcher:
        assert sorted(f["id"] for f in searcher.documents()) == ["1", "2"]
    index.close()


def test_a_quick_commit_merges_no_live_segment(tmp_path: Path) -> None:
    index = FullTextIndex(tmp_path / "index")
    for n in range(merging.MERGE_AT + 2):  # edits of different articles
        batch = index.batch()
        batch.add([_doc(n)], frozenset({n}))
        batch.commit(quick=True)
    assert len(index.segment_ids()) == merging.MERGE_AT + 2  # left for an idle moment
    index.write([_doc(100)], new_ids=frozenset({100}))  # an edit's commit merges them
    assert len(index.segment_ids()) < merging.MERGE_AT
    index.close()


def _fill(index: FullTextIndex, sizes: list[int]) -> frozenset[str]:
    """Segments of these sizes, as an earlier import left them; their ids."""
    start = 0
    for size in sizes:
        batch = index.batch()
        batch.add(
            [_doc(n) for n in range(start, start + size)], frozenset(range(start, start + size))
        )
        batch.commit(merge=False)
        start += size
    return index.segment_ids()


def test_a_small_import_into_a_large_index_merges_only_what_it_wrote(
    tmp_path: Path, small_levels: None
) -> None:
    index = FullTextIndex(tmp_path / "index")
    before = _fill(index, [25, 25])  # two of level 0: a third fills it
    docs = {n: _doc(n) for n in range(1000, 1005)}
    writer = _Writer(index, lambda ids: [docs[i] for i in ids], commit_bytes=2**30)
    assert writer.index(sorted(docs), ()) is None
    assert writer.commit() is None and writer.tidy() is None
    assert before <= index.segment_ids()  # the 50 articles there before were not rewritten
    assert _sizes(index) == [5, 25, 25]
    assert merging.merge_due(index._index._segments())  # left for an idle moment

    merger = IdleMerger(index, WriteLane(), idle=0.0)
    while merger.step():
        pass
    assert merger.merges == 1 and _sizes(index) == [55]
    index.close()


def test_a_big_import_still_tidies_its_own_segments(tmp_path: Path, small_levels: None) -> None:
    index = FullTextIndex(tmp_path / "index")
    docs = {n: _doc(n) for n in range(60)}
    writer = _Writer(index, lambda ids: [docs[i] for i in ids], commit_bytes=2**30)
    for start in range(0, 60, 5):  # a commit per group, as by size
        assert writer.index(range(start, start + 5), ()) is None
        assert writer.commit() is None
    assert writer.tidy() is None
    assert not merging.merge_due(index._index._segments(), merging.import_cap(60))
    assert len(_sizes(index)) <= merging.bound(60) and sum(_sizes(index)) == 60
    index.close()


def test_the_idle_merger_merges_once_writes_pause(tmp_path: Path, small_levels: None) -> None:
    index = FullTextIndex(tmp_path / "index")
    _fill(index, [4, 4, 4, 4])
    merger = IdleMerger(index, WriteLane(), idle=0.2)
    merger.start()
    try:
        merger.poke()
        deadline = time.monotonic() + 20  # bounds a hang; nothing asserts a time
        while merging.merge_due(index._index._segments()) and time.monotonic() < deadline:
            time.sleep(0.05)
    finally:
        merger.stop()
    assert not merging.merge_due(index._index._segments())
    assert merger.merges >= 1 and sum(_sizes(index)) == 16 and len(_sizes(index)) < 4
    with index._index.searcher() as searcher:
        assert sorted(int(f["id"]) for f in searcher.documents()) == list(range(16))
    index.close()
