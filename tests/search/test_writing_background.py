"""Big imports index in a process of their own that reads what the import committed; commits
merge segments so that their number stays bounded; the catalogue and the index still agree."""

from __future__ import annotations

import csv
import pickle
from pathlib import Path

import pytest
from tests.search.index_docs import index_doc as _doc
from tests.search.index_docs import pickled_feed

from archive_app.domain.model import IndexDocument
from archive_app.search import merging
from archive_app.search.background import BackgroundWriter
from archive_app.search.index import FullTextIndex
from archive_app.usecases.archive import Archive
from archive_app.usecases.index_upkeep import BACKGROUND_BATCH


def _writer(tmp_path: Path, docs: list[IndexDocument], **options: int) -> BackgroundWriter:
    source = tmp_path / "docs.pickle"
    source.write_bytes(pickle.dumps(docs))
    return BackgroundWriter(tmp_path / "index", pickled_feed, str(source), **options)


def test_a_big_import_is_indexed_by_a_second_process(tmp_path: Path) -> None:
    table = tmp_path / "big.csv"
    with table.open("w", newline="", encoding="utf-8") as stream:
        writer = csv.writer(stream)
        writer.writerow(["judul", "isi_berita", "url"])
        for n in range(BACKGROUND_BATCH + 100):
            writer.writerow(
                [
                    f"Judul nomor {n}",
                    f"Banjir melanda desa nomor {n} kemarin.",
                    f"https://example.com/{n}",
                ]
            )
    with Archive.open(tmp_path / "lib") as archive:
        report = archive.import_paths([table])
        assert len(report.added) == BACKGROUND_BATCH + 100 and not report.warnings
        assert archive.counts("banjir").total == BACKGROUND_BATCH + 100
        assert archive.search('"desa nomor 7"').total == 1
        assert archive.check().ok


def test_a_failing_indexing_process_is_reported_not_waited_for(tmp_path: Path) -> None:
    (tmp_path / "index").write_text("a file where the index folder should be")
    writer = _writer(tmp_path, [_doc(1)])
    writer.submit({1})
    problems = writer.finish()
    assert len(problems) == 1 and "Error" in problems[0]


def test_batches_sent_over_time_become_one_segment(tmp_path: Path) -> None:
    writer = _writer(tmp_path, [_doc(n) for n in range(300)])
    for start in range(0, 300, 100):  # three batches, as three committed import groups
        writer.submit(range(start, start + 100))
    assert writer.finish() == []
    index = FullTextIndex(tmp_path / "index")
    assert index.doc_count() == 300
    assert len(index.segment_ids()) == 1  # one commit, not three
    index.close()


def test_a_new_version_of_an_article_in_the_open_batch_replaces_it(tmp_path: Path) -> None:
    writer = _writer(tmp_path, [_doc(1), _doc(2, "gempa")])
    writer.submit({1, 2})
    writer.submit((), {2})  # the second file updated article 2
    assert writer.finish() == []
    index = FullTextIndex(tmp_path / "index")
    assert index.doc_count() == 2  # replaced, not doubled
    with index._index.searcher() as searcher:
        assert [f["id"] for f in searcher.documents()].count("2") == 1
    index.close()


def test_a_long_import_commits_by_size_and_leaves_no_level_full(tmp_path: Path) -> None:
    """Commits of a few dozen articles each (a tiny commit size): more than FACTOR segments
    were written, and the import ends with them merged within the bound."""
    docs = [_doc(n) for n in range(1_500)]
    writer = _writer(tmp_path, docs, commit_bytes=20_000)
    for start in range(0, len(docs), 50):
        writer.submit(range(start, start + 50))
    assert writer.finish() == []
    index = FullTextIndex(tmp_path / "index")
    segments = index._index._segments()
    assert index.doc_count() == len(docs)
    assert not merging.merge_due(segments)
    assert len(segments) <= merging.bound(len(docs))
    with index._index.searcher() as searcher:
        assert sorted(int(f["id"]) for f in searcher.documents()) == list(range(len(docs)))
    index.close()


@pytest.fixture
def small_levels(monkeypatch: pytest.MonkeyPatch) -> None:
    """Levels of 3 segments from 10 articles up, so that a few hundred articles climb three."""
    monkeypatch.setattr(merging, "FACTOR", 3)
    monkeypatch.setattr(merging, "FLOOR", 10)


def test_segments_after_many_commits_stay_under_the_bound(
    tmp_path: Path, small_levels: None
) -> None:
    index = FullTextIndex(tmp_path / "index")
    written = 0
    most = 0
    for commit in range(60):
        batch = index.batch()
        size = 5 + commit % 7
        batch.add([_doc(n) for n in range(written, written + size)])
        written += size
        batch.commit(tidy=True)
        segments = index._index._segments()
        most = max(most, len(segments))
        assert len(segments) <= merging.bound(written), (commit, [s.doc_count() for s in segments])
    assert most < 60 // 2  # merged as they came, not left to pile up
    assert index.doc_count() == written
    assert max(s.doc_count() for s in index._index._segments()) >= 3 * 3 * 10  # level 2 reached
    with index._index.searcher() as searcher:
        assert sorted(int(f["id"]) for f in searcher.documents()) == list(range(written))
    index.close()


def test_the_policy_merges_a_full_level_and_never_past_the_largest(small_levels: None) -> None:
    assert merging.plan([12, 15, 400]) is None  # two of level 0, one of level 3
    assert merging.plan([5, 6, 7, 400]) == [0, 1, 2]  # three of level 0
    assert merging.plan([40, 35, 31, 5, 6]) == [0, 1, 2]  # level 1 full, level 0 not
    assert merging.plan([5, 6, 7], largest=12) is None  # their merge would pass the largest
    assert merging.level(9) == 0 and merging.level(30) == 1 and merging.level(90) == 2


def test_small_writes_are_merged_and_large_segments_left_alone(tmp_path: Path) -> None:
    from archive_app.search.merging import MERGE_AT, SMALL_DOCS

    index = FullTextIndex(tmp_path / "index")
    index.write([_doc(n, "besar") for n in range(SMALL_DOCS)], new_ids=frozenset(range(SMALL_DOCS)))
    (big,) = index.segment_ids()
    for n in range(SMALL_DOCS, SMALL_DOCS + MERGE_AT + 2):  # one edit after another
        index.write([_doc(n)], new_ids=frozenset({n}))
    segments = index.segment_ids()
    assert big in segments  # the large segment was never rewritten
    assert len(segments) < MERGE_AT  # the single-article segments were merged
    index.write([_doc(SMALL_DOCS, "diubah")])  # an edit replaces an article in the merged one
    assert index.doc_count() == SMALL_DOCS + MERGE_AT + 2
    index.close()
