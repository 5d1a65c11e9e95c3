"""Originals and photo files no article uses any more leave a team catalogue with their blobs,
and never one an import in flight is using again (the real test cluster)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from sqlalchemy.engine import Engine
from tests.conftest import corpus_path

from archive_app.db import blob_pruning, blob_store
from archive_app.db.engine import session_factory
from archive_app.db.team_engine import create_team_engine, parse_team_address
from archive_app.domain.errors import ArchiveError
from archive_app.storage.library_location import TeamLocation
from archive_app.usecases.archive import Archive
from archive_app.usecases.library_files import sha256_named

# two articles in one file: deleting one leaves the file in use by the other
TWO_ARTICLES = """title,source,date,time,category,sub-category,content,url,author
Banjir di Kampung Melayu,contoh.id,06 Jun 2025,08:00,Berita,,"Jakarta - Banjir merendam \
Kampung Melayu pagi ini. Warga mengungsi ke masjid terdekat.",https://contoh.id/banjir,Ana
Jalan Tol Baru Dibuka,contoh.id,07 Jun 2025,09:30,Berita,,"Bekasi - Jalan tol baru dibuka \
untuk umum hari ini. Kendaraan melintas tanpa tarif selama sepekan.",https://contoh.id/tol,Budi
"""


def _rows(address: str, sql: str) -> list[tuple[object, ...]]:
    with psycopg.connect(address) as connection:
        return list(connection.execute(sql))  # type: ignore[arg-type]  # test-made SQL


def _blobs(address: str) -> set[str]:
    return {str(row[0]) for row in _rows(address, "SELECT sha256 FROM blobs")}


@pytest.fixture
def team(
    migrated_postgres: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Archive]:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "desk1"))
    with Archive.open(migrated_postgres) as opened:
        yield opened


def _import(team: Archive, *paths: Path) -> dict[str, list[int]]:
    report = team.import_paths(list(paths))
    ids: dict[str, list[int]] = {}
    for item in report.added:
        ids.setdefault(item.path, []).append(item.article_id or 0)
    return ids


def test_a_deleted_articles_files_are_listed_then_removed_and_the_others_stay_whole(
    team: Archive,
    migrated_postgres: str,
    seed_file: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    photo = corpus_path("photos", "exifr", "Bush-dog.jpg")
    table = tmp_path / "dua.csv"
    table.write_text(TWO_ARTICLES, encoding="utf-8")
    ids = _import(team, seed_file, photo, table)
    assert len(ids[str(table)]) == 2
    detail = team.article(ids[str(photo)][0])
    photo_original = detail.provenance[0].original_path or ""
    photo_file = detail.record.photos[0].media_path or ""
    photo_sha = sha256_named(photo_original)
    cached = team.library_file(photo_file)
    assert cached is not None and cached.is_file()
    before = _blobs(migrated_postgres)
    assert photo_sha in before and len(before) == 3

    team.delete_articles([ids[str(photo)][0], ids[str(table)][0]])
    preview = team.unused_files()
    # the photo imported as a file is both an original and a photo file, with one blob;
    # the table still has an article, so its file stays
    assert (preview.originals, preview.photos) == ([photo_original], [photo_file])
    assert (preview.blobs, preview.bytes, preview.removed) == (1, photo.stat().st_size, False)
    assert _blobs(migrated_postgres) == before  # a preview changes nothing

    removed = team.unused_files(remove=True)
    assert removed.removed and removed.originals == [photo_original] and removed.blobs == 1
    assert _blobs(migrated_postgres) == before - {photo_sha}
    assert _rows(migrated_postgres, f"SELECT 1 FROM blob_chunks WHERE sha256 = '{photo_sha}'") == []
    assert not cached.exists()  # nor in this desktop's cache
    assert team.unused_files().files == 0
    assert team.check().ok and team.fixity().ok

    # another desktop, with an empty cache, still reads the files left, byte for byte
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "desk2"))
    with Archive.open(migrated_postgres, readonly=True) as other:
        kept = other.article(ids[str(table)][1]).provenance[0].original_path or ""
        found = other.library_file(kept)
        assert found is not None and found.read_bytes() == table.read_bytes()
        seed = other.article(ids[str(seed_file)][0]).provenance[0].original_path or ""
        found = other.library_file(seed)
        assert found is not None and found.read_bytes() == seed_file.read_bytes()


def _in_flight(address: str, sha256: str) -> psycopg.Connection[object]:
    """What an import of the same file does first, in a transaction left open: it registers
    the original (INSERT ... ON CONFLICT DO NOTHING: the row is there, so nothing is written)."""
    connection: psycopg.Connection[object] = psycopg.connect(address)
    connection.execute(
        "INSERT INTO originals (sha256, size, ext, path, first_imported_at) "
        "VALUES (%s, 0, 'jpg', 'x', 'now') ON CONFLICT DO NOTHING",
        (sha256,),
    )
    return connection


def test_a_file_an_import_in_flight_uses_again_is_kept(
    team: Archive, migrated_postgres: str, seed_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    photo = corpus_path("photos", "exifr", "Bush-dog.jpg")
    ids = _import(team, seed_file, photo)
    sha256 = sha256_named(team.article(ids[str(photo)][0]).provenance[0].original_path or "")
    team.delete_articles(ids[str(photo)])
    assert team.unused_files().blobs == 1

    # another desktop's import of the same file has begun: the prune must wait for it
    importer = _in_flight(migrated_postgres, sha256)
    tried = threading.Event()
    real_sleep = blob_pruning.sleep

    def busy(seconds: float) -> None:
        tried.set()
        real_sleep(seconds)

    monkeypatch.setattr(blob_pruning, "sleep", busy)
    outcome: list[object] = []
    pruner = threading.Thread(target=lambda: outcome.append(team.unused_files(remove=True)))
    pruner.start()
    try:
        assert tried.wait(60), "the prune never found the library busy"
        # the import goes on: the same file seen again, for the seed's article, and commits
        importer.execute(
            "INSERT INTO provenance (article_id, original_sha256, file_name, locator, format, "
            "imported_at, kind) VALUES (%s, %s, 'Bush-dog.jpg', '', 'image', 'now', 'duplicate')",
            (ids[str(seed_file)][0], sha256),
        )
        importer.commit()
    finally:
        importer.close()
        pruner.join(120)
    [removed] = outcome
    assert isinstance(removed, blob_pruning.UnusedFiles)
    # the original is in use again and keeps its blob; only the unused photo file row went
    assert removed.originals == [] and len(removed.photos) == 1 and removed.blobs == 0
    assert sha256 in _blobs(migrated_postgres)
    with session_factory(_engine(migrated_postgres))() as session:
        assert blob_store.verify(session, sha256) is None
    assert team.check().ok and team.fixity().ok


def _engine(address: str) -> Engine:
    return create_team_engine(parse_team_address(TeamLocation(address, "test")))


def test_a_library_busy_for_too_long_is_said_and_nothing_is_removed(
    team: Archive, migrated_postgres: str, seed_file: Path
) -> None:
    photo = corpus_path("photos", "exifr", "Bush-dog.jpg")
    ids = _import(team, seed_file, photo)
    team.delete_articles(ids[str(photo)])
    before = _blobs(migrated_postgres)
    importer = _in_flight(migrated_postgres, "0" * 64)
    engine = _engine(migrated_postgres)
    try:
        with session_factory(engine)() as session, pytest.raises(ArchiveError) as refused:
            blob_pruning.prune_unused(session, tries_for=0.5)
    finally:
        importer.rollback()
        importer.close()
        engine.dispose()
    assert "busy with imports and edits" in str(refused.value)
    assert _blobs(migrated_postgres) == before
