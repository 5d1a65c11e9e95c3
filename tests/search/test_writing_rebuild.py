"""A rebuild by worker processes that read the articles themselves: every article once, the
segments merged within the bound, the old index kept when it fails or is cancelled."""

from __future__ import annotations

import pickle
from collections.abc import Sequence
from functools import partial
from pathlib import Path

import pytest

from archive_app.domain.model import IndexDocument
from archive_app.search.background import Feed
from archive_app.search.index import FullTextIndex
from archive_app.search.workers import build_in_parallel, build_serially


def _doc(article_id: int, word: str = "banjir") -> IndexDocument:
    return IndexDocument(
        article_id,
        1,
        f"Judul {article_id}",
        (f"{word} melanda desa nomor {article_id}",),
        (),
        None,
        None,
        None,
        "id",
    )


def pickled_feed(path: str) -> Feed:
    """A feed of the documents pickled at `path`; an id over 10**6 fails (a broken feed)."""
    docs = {doc.id: doc for doc in pickle.loads(Path(path).read_bytes())}

    def read(ids: Sequence[int]) -> list[IndexDocument]:
        if any(i > 10**6 for i in ids):
            raise ValueError("the catalogue cannot be read")
        return [docs[i] for i in ids]

    return read


@pytest.fixture
def source(tmp_path: Path) -> str:
    path = tmp_path / "docs.pickle"
    path.write_bytes(pickle.dumps([_doc(n) for n in range(2_000)]))
    return str(path)


def _ids(index: FullTextIndex) -> list[int]:
    with index._index.searcher() as searcher:
        return sorted(int(f["id"]) for f in searcher.documents())


def test_workers_index_every_article_once_into_a_segment_each(tmp_path: Path, source: str) -> None:
    index = FullTextIndex(tmp_path / "index")
    index.write([_doc(5, "lama")], new_ids=frozenset({5}))
    seen: list[int] = []
    build = partial(
        build_in_parallel,
        feed_factory=pickled_feed,
        source=source,
        ids=list(range(2_000)),
        processes=2,
        progress=seen.append,
        commit_bytes=50_000,  # many small commits: the workers merge as they go
    )
    assert index.rebuild_by(build) == 2_000
    assert _ids(index) == list(range(2_000))
    # each worker wrote many segments, then merged its own into one
    sizes = [s.doc_count() for s in index._index._segments()]
    assert len(sizes) <= 2 and sum(sizes) == 2_000
    assert seen and seen[-1] == 2_000 and seen == sorted(seen)
    assert not list((tmp_path).glob("index.rebuild*"))  # swapped in, nothing left beside
    index.close()


def test_a_failing_worker_leaves_the_old_index(tmp_path: Path, source: str) -> None:
    index = FullTextIndex(tmp_path / "index")
    index.write([_doc(n) for n in range(10)], new_ids=frozenset(range(10)))
    build = partial(
        build_in_parallel,
        feed_factory=pickled_feed,
        source=source,
        ids=[*range(600), 10**6 + 1],
        processes=2,
    )
    with pytest.raises(RuntimeError, match="cannot be read"):
        index.rebuild_by(build)
    assert _ids(index) == list(range(10))
    assert not (tmp_path / "index.rebuild").exists()
    index.close()


def test_a_cancelled_rebuild_leaves_the_old_index(tmp_path: Path, source: str) -> None:
    index = FullTextIndex(tmp_path / "index")
    index.write([_doc(n) for n in range(10)], new_ids=frozenset(range(10)))
    asked = iter([False, False, True])
    build = partial(
        build_in_parallel,
        feed_factory=pickled_feed,
        source=source,
        ids=list(range(2_000)),
        processes=1,
        cancelled=lambda: next(asked, True),
    )
    with pytest.raises(InterruptedError):
        index.rebuild_by(build)
    assert _ids(index) == list(range(10))
    assert not (tmp_path / "index.rebuild").exists()
    index.close()


def test_documents_in_hand_are_written_in_commits_by_size(tmp_path: Path) -> None:
    index = FullTextIndex(tmp_path / "index")
    docs = [_doc(n) for n in range(700)]
    assert index.rebuild_by(partial(build_serially, docs=docs, commit_bytes=30_000)) == 700
    assert _ids(index) == list(range(700))
    assert len(index._index._segments()) == 1
    index.close()
