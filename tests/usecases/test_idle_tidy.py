"""A library left open (the window's) merges the index segments an import left, once idle."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from tests.conftest import corpus_path

from archive_app.search import merging
from archive_app.usecases.archive import Archive


def _segments(archive: Archive) -> list[int]:
    return sorted(s.doc_count() for s in archive._index._index._segments())


@pytest.mark.sqlite_only(
    "a team desktop's follower merges while it listens (search/test_merging_idle.py)"
)
def test_an_open_library_merges_what_an_import_left_once_idle(tmp_path: Path) -> None:
    page = corpus_path("html_id", "money.kompas.com-Menhub.html")
    rows = corpus_path("id_json")
    with Archive.open(tmp_path / "lib") as archive:
        archive.import_paths([page, rows])
        ids = archive.article_ids()
        assert len(ids) > 20
        # segments as a big import capped by what it wrote leaves them: the same articles
        # written again in small commits that merge nothing
        for start in range(0, 10 * 2, 2):
            batch = archive._index.batch()
            batch.add(list(archive._upkeep.documents(ids[start : start + 2])))
            batch.commit(merge=False)
        assert merging.merge_due(archive._index._index._segments())
        before = len(archive.matching_ids("Menhub"))
        assert before > 0

        assert archive.tidy_index_when_idle(idle=0.2)
        assert not archive.tidy_index_when_idle()  # one merger per library
        deadline = time.monotonic() + 30  # bounds a hang; nothing asserts a time
        while merging.merge_due(archive._index._index._segments()):
            assert time.monotonic() < deadline, _segments(archive)
            time.sleep(0.05)

        assert sum(_segments(archive)) == len(ids)  # every article indexed once
        assert len(archive.matching_ids("Menhub")) == before
        assert archive.check().ok


def test_a_read_only_library_leaves_its_index_as_it_is(tmp_path: Path) -> None:
    with Archive.open(tmp_path / "lib") as archive:
        archive.import_paths([corpus_path("html_id", "money.kompas.com-Menhub.html")])
    with Archive.open(tmp_path / "lib", readonly=True) as reader:
        assert not reader.tidy_index_when_idle(idle=0.0)
