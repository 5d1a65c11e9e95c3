"""A writer opening a library indexes what the catalogue committed and the index lacks (what a
killed import or a full disk leaves; issue 12, point 2), and says so in one line."""

from __future__ import annotations

import dataclasses
import json
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import pytest

from archive_app import cli
from archive_app.db import index_feed
from archive_app.domain.progress import CancelToken
from archive_app.search.index import FullTextIndex
from archive_app.usecases import index_upkeep
from archive_app.usecases.archive import Archive

ARTICLES = 30


def _articles(path: Path, count: int = ARTICLES, text: str = "isi") -> Path:
    with path.open("w", encoding="utf-8") as stream:
        for i in range(count):
            stream.write(
                json.dumps(
                    {
                        "title": f"Kabar nomor {i}",
                        "url": f"https://example.test/kabar/{i}",
                        "published": "2024-05-01 10:00",
                        "language": "id",
                        "content": f"Warga desa bercerita tentang {text} kabar{i} hari ini.",
                    }
                )
                + "\n"
            )
    return path


def _lose_from_index(library: Path, ids: list[int]) -> None:
    """The state a kill between the catalogue's commit and the index's leaves."""
    index = FullTextIndex(library / "index")
    index.delete(ids)
    index.close()


def _dead_writer(library: Path) -> None:
    """library.lock as a killed writer leaves it: naming a process that has ended."""
    ended = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
    )
    (library / "library.lock").write_text(f"pid {ended.stdout.strip()} started 1", encoding="utf-8")


@pytest.fixture
def drifted(tmp_path: Path) -> tuple[Path, Path]:
    """A library of 30 articles whose index lost 20 of them, and the file they came from."""
    source = _articles(tmp_path / "kabar.jsonl")
    library = tmp_path / "library"
    with Archive.open(library) as archive:
        report = archive.import_paths([source])
        ids = [item.article_id for item in report.added if item.article_id is not None]
    _lose_from_index(library, ids[:20])
    return library, source


def test_importing_again_indexes_what_an_interrupted_import_left_unindexed(
    drifted: tuple[Path, Path],
) -> None:
    library, source = drifted
    with Archive.open(library) as archive:
        assert len(archive.check().missing_from_index) == 20
        report = archive.import_paths([source])
        assert len(report.duplicates) == ARTICLES and not report.added
        assert archive.check().ok
        assert archive.counts("kabar7").total == 1
    assert report.indexed_leftovers == 20


def test_the_import_report_says_how_many_it_indexed(
    drifted: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    library, source = drifted
    assert cli.main(["--library", str(library), "import", str(source)]) == 0
    out = capsys.readouterr().out
    assert "indexed 20 articles left over from an interrupted import" in out
    assert cli.main(["--library", str(library), "search", "kabar3", "--json", "--facets"]) == 0
    assert json.loads(capsys.readouterr().out)["total"] == 1


def test_any_writer_command_catches_up_before_it_runs(
    drifted: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    library, _source = drifted
    assert cli.main(["--library", str(library), "collection", "create", "Banjir"]) == 0
    err = capsys.readouterr().err
    assert err.strip().splitlines() == [
        "archive-app: indexed 20 articles left over from an interrupted import"
    ]
    with Archive.open(library, readonly=True) as reader:
        assert reader.check().ok


def test_the_window_catches_up_in_the_background(drifted: tuple[Path, Path]) -> None:
    library, _source = drifted
    with Archive.open(library) as archive:
        repair = archive.repair_index_in_background()  # what the window starts on opening
        assert repair is not None
        repair.join(120)
        assert archive.check().ok


def test_a_stale_version_a_killed_writer_left_is_indexed_again(tmp_path: Path) -> None:
    """Same number of articles on both sides, but the index holds an older text of one."""
    library = tmp_path / "library"
    with Archive.open(library) as archive:
        archive.import_paths([_articles(tmp_path / "first.jsonl", 3, "sawah")])
        archive.import_paths([_articles(tmp_path / "second.jsonl", 1, "pelabuhan")])
        with archive._sessions() as session:
            current = next(iter(index_feed.index_documents(session, [1])))
    assert current.version == 2
    index = FullTextIndex(library / "index")  # as the killed writer left it: version 1
    index.write([dataclasses.replace(current, version=1, body=["sawah"])])
    index.close()
    _dead_writer(library)
    with Archive.open(library) as archive:
        assert archive.lock_note is not None and "ended without closing it" in archive.lock_note
        assert archive.check().stale_in_index == [1]
        assert archive.catch_up_index() == 1
        assert archive.check().ok
        assert archive.counts("pelabuhan").total == 1
        assert archive.catch_up_index() == 0  # caught up: nothing more to do


def test_a_library_in_step_is_not_compared_again(tmp_path: Path) -> None:
    library = tmp_path / "library"
    with Archive.open(library) as archive:
        archive.import_paths([_articles(tmp_path / "kabar.jsonl", 5)])
    with Archive.open(library) as archive:
        assert archive.lock_note is None
        assert not archive._upkeep.may_lag()
        assert archive.catch_up_index() == 0


def test_a_cancelled_repair_stops_and_the_next_opening_completes_it(
    drifted: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    library, _source = drifted
    monkeypatch.setattr(index_upkeep, "CATCH_UP_COMMIT", 5)  # 20 articles: four commits
    token = CancelToken()
    with Archive.open(library) as archive:
        original_write = archive._index.write

        def write_then_cancel(*args: Any, **kwargs: Any) -> int:
            written = original_write(*args, **kwargs)
            token.cancel()  # the window closes after the first commit
            return written

        archive._index.write = write_then_cancel  # type: ignore[method-assign]
        assert archive.repair_index(token) == 5
        assert not archive.index_status.indexing
        report = archive.check()
        assert len(report.missing_from_index) == 15 and not report.stale_in_index
        assert archive._index.behind  # the next writer to open the library takes it up
        assert archive.counts("kabar").total == ARTICLES - 15  # what it committed is searchable
    with Archive.open(library) as archive:
        assert archive.catch_up_index() == 15
        assert archive.check().ok
        assert archive.counts("kabar").total == ARTICLES


def test_closing_the_library_cancels_a_background_repair_and_waits_for_it(
    drifted: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    library, _source = drifted
    monkeypatch.setattr(index_upkeep, "CATCH_UP_COMMIT", 2)
    archive = Archive.open(library)
    original_write = archive._index.write
    first = threading.Event()

    def slow_write(*args: Any, **kwargs: Any) -> int:
        first.set()
        time.sleep(0.2)
        return original_write(*args, **kwargs)

    archive._index.write = slow_write  # type: ignore[method-assign]
    repair = archive.repair_index_in_background()
    assert repair is not None and not repair.daemon
    assert first.wait(30)
    archive.close()  # cancels the repair, waits for it, then closes the index and catalogue
    assert not repair.is_alive()
    with Archive.open(library) as reopened:
        assert reopened.check().missing_from_index  # cut short: not all was indexed
        assert reopened.catch_up_index() > 0
        assert reopened.check().ok
