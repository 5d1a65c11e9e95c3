"""The index never drifts silently: it follows every change, repairs itself, never blocks."""

from __future__ import annotations

import threading
from pathlib import Path

from archive_app.domain.progress import Progress
from archive_app.usecases.archive import Archive


def test_a_library_opened_with_drift_repairs_it_in_the_background(
    tmp_path: Path, seed_file: Path
) -> None:
    root = tmp_path / "lib"
    with Archive.open(root) as archive:
        archive.import_paths([seed_file])
        archive._index.delete([1])
    with Archive.open(root) as archive:
        assert archive.check().missing_from_index == [1]
        statuses = []
        original_write = archive._index.write

        def watching_write(*args: object, **kwargs: object) -> int:
            statuses.append(archive.index_status)
            return original_write(*args, **kwargs)  # type: ignore[arg-type]

        archive._index.write = watching_write  # type: ignore[method-assign]
        thread = archive.repair_index_in_background()
        assert thread is not None
        thread.join(timeout=60)
        assert statuses and statuses[0].indexing
        assert statuses[0].message == "indexing 0 of 1, results may be incomplete"
        assert not archive.index_status.indexing and archive.index_status.message == ""
        assert archive.check().ok
        assert archive.search('"world water forum"').total == 1


def test_deleting_articles_updates_the_index_in_the_same_operation(
    tmp_path: Path, seed_file: Path
) -> None:
    with Archive.open(tmp_path / "lib") as archive:
        archive.import_paths([seed_file])
        assert archive.delete_articles([1]) == 1
        assert archive.search("kominfo").total == 0
        assert archive.count() == 0 and archive.check().ok


def test_searching_during_an_import_never_waits_for_the_writer(
    tmp_path: Path, seed_file: Path
) -> None:
    rows = ["judul,isi_berita,url"]
    rows += [
        f'Berita nomor {n},"Isi berita nomor {n} tentang banjir di kota {n}.",'
        f"https://example.com/{n}"
        for n in range(800)
    ]
    table = tmp_path / "many.csv"
    table.write_text("\n".join(rows), encoding="utf-8")
    with Archive.open(tmp_path / "lib") as archive:
        archive.import_paths([seed_file])
        importing = threading.Event()
        searches_during_import = []

        def progress(step: Progress) -> None:
            if step.phase == "importing":
                importing.set()

        worker = threading.Thread(target=archive.import_paths, args=([table], progress))
        worker.start()
        importing.wait(timeout=30)
        while worker.is_alive():
            searches_during_import.append(archive.search('"world water forum"').total)
        worker.join()
        assert searches_during_import and set(searches_during_import) == {1}
        assert archive.counts("banjir").total == 800


def test_an_index_from_another_version_is_refused_by_readers_and_rebuilt_by_writers(
    tmp_path: Path, seed_file: Path, capsys: object
) -> None:
    import pytest

    from archive_app.cli import main
    from archive_app.domain.errors import ArchiveError

    root = tmp_path / "lib"
    with Archive.open(root) as archive:
        archive.import_paths([seed_file])
    (root / "index" / "arsip-index.json").write_text('{"schema": 0}')
    with Archive.open(root, readonly=True) as reader:
        if reader.team_name is None:
            with pytest.raises(ArchiveError, match="built by another version"):
                reader.search("kominfo")
        else:  # a team desktop searches the team catalogue meanwhile (issue 14, 5)
            assert reader.search("kominfo").total == 1
    assert main(["--library", str(root), "edit", "1", "--set", "note=dicek"]) == 0
    with Archive.open(root, readonly=True) as reader:
        assert reader.search("kominfo").total == 1 and reader.check().ok


def test_facets_count_a_segment_whose_articles_lack_a_column(
    tmp_path: Path, seed_file: Path
) -> None:
    from tests.conftest import corpus_path

    root = tmp_path / "lib"
    with Archive.open(root) as archive:
        archive.import_paths([seed_file])
    with Archive.open(root) as archive:  # a photo record alone: its segment has no site
        archive.import_paths([corpus_path("photos", "exifr", "Bush-dog.jpg")])
    with Archive.open(root, readonly=True) as reader:
        counts = reader.counts("")
        assert counts.total == 2 and dict(counts.facets["site"]) == {"jpnn.com": 1}
