"""Big imports index in a process of their own; the catalogue and the index still agree."""

from __future__ import annotations

import csv
from pathlib import Path

from archive_app.domain.model import IndexDocument
from archive_app.search.background import BackgroundWriter
from archive_app.usecases.archive import Archive
from archive_app.usecases.index_upkeep import BACKGROUND_BATCH


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
    blocker = tmp_path / "index"
    blocker.write_text("a file where the index folder should be")
    writer = BackgroundWriter(blocker)
    writer.submit([IndexDocument(1, 1, "t", ("b",), (), None, None, None, "id")], {1})
    problems = writer.finish()
    assert problems and "ended early" in problems[0]


def _doc(article_id: int, word: str = "banjir") -> IndexDocument:
    return IndexDocument(
        article_id,
        1,
        f"Judul {article_id}",
        (f"{word} nomor {article_id}",),
        (),
        None,
        None,
        None,
        "id",
    )


def test_batches_sent_over_time_become_one_segment(tmp_path: Path) -> None:
    from archive_app.search.index import FullTextIndex

    writer = BackgroundWriter(tmp_path / "index")
    for start in range(0, 300, 100):  # three batches, as three committed import groups
        writer.submit([_doc(n) for n in range(start, start + 100)], set(range(start, start + 100)))
    assert writer.finish() == []
    index = FullTextIndex(tmp_path / "index")
    assert index.doc_count() == 300
    assert len(index._index.reader().leaf_readers()) == 1  # one commit, not three
    index.close()


def test_small_writes_are_merged_and_large_segments_left_alone(tmp_path: Path) -> None:
    from archive_app.search.index import FullTextIndex
    from archive_app.search.merging import MERGE_AT, SMALL_DOCS

    index = FullTextIndex(tmp_path / "index")
    index.write([_doc(n, "besar") for n in range(SMALL_DOCS)], new_ids=frozenset(range(SMALL_DOCS)))
    big = index._index.reader().leaf_readers()[0][0].segment().segment_id()
    for n in range(SMALL_DOCS, SMALL_DOCS + MERGE_AT + 2):  # one edit after another
        index.write([_doc(n)], new_ids=frozenset({n}))
    segments = [r.segment().segment_id() for r, _ in index._index.reader().leaf_readers()]
    assert big in segments  # the large segment was never rewritten
    assert len(segments) < MERGE_AT  # the single-article segments were merged
    index.write([_doc(SMALL_DOCS, "diubah")])  # an edit replaces an article in the merged one
    assert index.doc_count() == SMALL_DOCS + MERGE_AT + 2
    index.close()


def test_a_new_version_of_an_article_in_the_open_batch_replaces_it(tmp_path: Path) -> None:
    from archive_app.search.index import FullTextIndex

    writer = BackgroundWriter(tmp_path / "index")
    writer.submit([_doc(1), _doc(2)], {1, 2})
    writer.submit([_doc(2, "gempa")], set())  # the second file updated article 2
    assert writer.finish() == []
    index = FullTextIndex(tmp_path / "index")
    assert index.doc_count() == 2  # replaced, not doubled
    with index._index.searcher() as searcher:
        assert [f["id"] for f in searcher.documents()].count("2") == 1
    index.close()


def test_articles_sent_ahead_to_analyse_are_not_indexed_until_committed(tmp_path: Path) -> None:
    from archive_app.search.index import FullTextIndex

    writer = BackgroundWriter(tmp_path / "index")
    writer.warm([_doc(n, "gempa") for n in range(50)])  # stored, not yet committed
    writer.submit([_doc(n) for n in range(40)], set(range(40)))  # ten were rolled back
    writer.warm([_doc(n, "longsor") for n in range(40, 60)])
    assert writer.finish() == []  # answers only what it was given to index
    index = FullTextIndex(tmp_path / "index")
    assert index.doc_count() == 40
    with index._index.searcher() as searcher:
        ids = sorted(int(f["id"]) for f in searcher.documents())
    assert ids == list(range(40))
    index.close()


def test_idle_time_while_articles_are_stored_commits_what_is_pending(tmp_path: Path) -> None:
    from archive_app.search.background import IDLE_COMMIT_DOCS
    from archive_app.search.index import FullTextIndex

    writer = BackgroundWriter(tmp_path / "index")
    writer.submit([_doc(n) for n in range(IDLE_COMMIT_DOCS)], set(range(IDLE_COMMIT_DOCS)))
    writer.warm([_doc(IDLE_COMMIT_DOCS)])  # the importer is storing the next articles
    writer.submit([_doc(IDLE_COMMIT_DOCS)], {IDLE_COMMIT_DOCS})
    assert writer.finish() == []
    index = FullTextIndex(tmp_path / "index")
    # committed once while idle and once at the end, instead of all at the end
    assert len(index._index.reader().leaf_readers()) == 2
    assert index.doc_count() == IDLE_COMMIT_DOCS + 1
    index.close()


def test_a_big_import_never_merges_the_segments_it_found(tmp_path: Path) -> None:
    from archive_app.search.index import FullTextIndex
    from archive_app.search.merging import MERGE_AT

    index = FullTextIndex(tmp_path / "index")
    for n in range(MERGE_AT):  # edits and small imports, a segment each
        index.write([_doc(n, "lama")], new_ids=frozenset({n}))
    earlier = index.segment_ids()
    assert len(earlier) == MERGE_AT  # the next commit that may merge them will
    index.close()
    writer = BackgroundWriter(tmp_path / "index")
    writer.submit([_doc(n) for n in range(100, 200)], set(range(100, 200)))
    assert writer.finish() == []
    index = FullTextIndex(tmp_path / "index")
    # the import pays only for what it wrote: the small segments it found are all still there
    assert earlier < index.segment_ids() and len(index.segment_ids()) == MERGE_AT + 1
    assert index.doc_count() == MERGE_AT + 100
    index.write([_doc(300, "baru")], new_ids=frozenset({300}))  # the next small write merges
    assert len(index.segment_ids()) < MERGE_AT
    index.close()
