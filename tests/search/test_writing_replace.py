"""Replaced and deleted documents stay right over many commits (readers kept across them)."""

from __future__ import annotations

import random
import threading
from dataclasses import replace
from pathlib import Path

from tests.search.index_docs import index_doc
from whoosh import index as whoosh_index
from whoosh.query import Term

from archive_app.domain.model import IndexDocument
from archive_app.search.index import FullTextIndex


def _doc(article_id: int, version: int) -> IndexDocument:
    return replace(index_doc(article_id), version=version, tags=(f"a{article_id}v{version}",))


def _live(folder: Path) -> list[tuple[int, int]]:
    """Every live document's (id, version), duplicates kept."""
    with whoosh_index.open_dir(str(folder)).searcher() as searcher:
        return sorted((int(f["id"]), int(f["version"])) for f in searcher.all_stored_fields())


def _tag_hits(folder: Path, tags: list[str]) -> dict[str, int]:
    with whoosh_index.open_dir(str(folder)).searcher() as searcher:
        return {tag: len(searcher.search(Term("tag", tag), limit=None)) for tag in tags}


def _round(index: FullTextIndex, n: int, rng: random.Random, expected: dict[int, int]) -> None:
    """One commit: some articles edited, some taken out, some new; what the follower and
    an edit's commit do."""
    known = sorted(expected)
    edited = rng.sample(known, min(len(known), rng.randint(1, 8)))
    gone = [i for i in rng.sample(known, min(len(known), 2)) if i not in edited]
    new = [max(known) + k for k in range(1, rng.randint(1, 4))]
    for article_id in edited:
        expected[article_id] += 1
    for article_id in new:
        expected[article_id] = 1
    for article_id in gone:
        del expected[article_id]
    if n % 11 == 5:  # a deletion on its own (the facade's delete)
        index.delete(gone)
        gone = []
    batch = index.batch()
    batch.remove(gone)
    batch.add([_doc(i, expected[i]) for i in edited])
    batch.add([_doc(i, 1) for i in new], frozenset(new))
    if n % 13 == 12:
        batch.commit(tidy=True)  # an import's: may merge big segments
    elif n % 5 == 4:
        batch.commit()  # an edit's: merges the small ones
    else:
        batch.commit(quick=True)  # the follower's: merges nothing


def test_replaced_and_deleted_documents_stay_right_over_many_commits(tmp_path: Path) -> None:
    folder = tmp_path / "index"
    index = FullTextIndex(folder)
    expected = dict.fromkeys(range(1, 61), 1)
    for first in (1, 21, 41):  # three segments to begin with, as an import leaves them
        ids = range(first, first + 20)
        index.write([_doc(i, 1) for i in ids], new_ids=frozenset(ids))
    rng = random.Random(14)
    for n in range(40):
        before = dict(expected)
        if n % 3 == 1:  # the listener's thread and the writer lane's take turns
            worker = threading.Thread(target=_round, args=(index, n, rng, expected))
            worker.start()
            worker.join()
        else:
            _round(index, n, rng, expected)
        # each article once, at its latest version: no stale copy, none lost
        assert _live(folder) == sorted(expected.items()), f"after commit {n}"
        changed = [i for i in before if expected.get(i) != before[i]]
        hits = _tag_hits(
            folder,
            [f"a{i}v{before[i]}" for i in changed] + [f"a{i}v{expected[i]}" for i in expected],
        )
        assert {tag for tag, count in hits.items() if count != 0} == {
            f"a{i}v{v}" for i, v in expected.items()
        }
        assert all(count == 1 for count in hits.values() if count)
    index.close()


def test_a_document_replaced_twice_in_one_commit_is_left_once(tmp_path: Path) -> None:
    # the facade commits before adding an article its writer already holds (holds_any);
    # a replacement after a removal in one batch is what a follower's commit does
    folder = tmp_path / "index"
    index = FullTextIndex(folder)
    index.write([_doc(1, 1), _doc(2, 1)], new_ids=frozenset({1, 2}))
    index.write([_doc(1, 2)])
    batch = index.batch()
    batch.remove([2])
    batch.add([_doc(1, 3), _doc(2, 2)])
    batch.commit(quick=True)
    assert _live(folder) == [(1, 3), (2, 2)]
    index.close()
