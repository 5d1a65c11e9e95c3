"""A team library's originals and photos live in its catalogue (blobs in chunks), each desktop
reading them through a cache in its own folder (the real test cluster, XDG_DATA_HOME each)."""

from __future__ import annotations

import hashlib
import json
import random
import shutil
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image
from sqlalchemy import create_engine, text
from tests.conftest import corpus_path

from archive_app.db import blob_store
from archive_app.exports.run import export
from archive_app.usecases.archive import Archive


def _open(address: str, home: Path, monkeypatch: pytest.MonkeyPatch) -> Archive:
    """A desktop of its own: platformdirs puts its team folder (index, lock, cache) under
    XDG_DATA_HOME."""
    monkeypatch.setenv("XDG_DATA_HOME", str(home))
    return Archive.open(address)


def _sql(address: str, *statements: str) -> list[tuple[object, ...]]:
    """Run statements on the team catalogue as its owner would; the last one's rows."""
    engine = create_engine(address.replace("postgresql://", "postgresql+psycopg://", 1))
    rows: list[tuple[object, ...]] = []
    try:
        with engine.begin() as connection:
            for statement in statements:
                result = connection.execute(text(statement))
                rows = [tuple(r) for r in result] if result.returns_rows else []
    finally:
        engine.dispose()
    return rows


@pytest.fixture
def photo() -> Path:
    return corpus_path("photos", "exifr", "Bush-dog.jpg")


@pytest.fixture
def desktops(
    migrated_postgres: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[tuple[Archive, Archive]]:
    one = _open(migrated_postgres, tmp_path / "desk1", monkeypatch)
    two = _open(migrated_postgres, tmp_path / "desk2", monkeypatch)
    try:
        yield one, two
    finally:
        two.close()
        one.close()


def photo_sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _cached(archive: Archive) -> list[Path]:
    """The files in this desktop's cache (its folder's originals/ and media/)."""
    return [
        p
        for part in ("originals", "media")
        for p in (archive.path / part).rglob("*")
        if p.is_file()
    ]


def _files_of(archive: Archive, article_id: int) -> tuple[str, str | None]:
    """The article's original and first photo, as the catalogue names them."""
    detail = archive.article(article_id)
    original = detail.provenance[0].original_path
    assert original is not None
    photos = detail.record.photos
    return original, photos[0].media_path if photos else None


def test_a_photo_imported_on_one_desktop_is_read_on_another_with_an_empty_cache(
    desktops: tuple[Archive, Archive], seed_file: Path, photo: Path
) -> None:
    one, two = desktops
    report = one.import_paths([seed_file, photo])
    assert not report.failed
    ids = {item.path: item.article_id for item in report.added}
    two.follow_team_changes()
    assert _cached(two) == []

    original, media = _files_of(two, ids[str(photo)] or 0)
    assert media is not None
    for relative in (original, media):
        fetched = two.library_file(relative)
        assert fetched is not None and fetched.is_relative_to(two.path)  # this desktop's cache
        assert fetched.read_bytes() == photo.read_bytes()
    seed_original, _ = _files_of(two, ids[str(seed_file)] or 0)
    fetched = two.library_file(seed_original)
    assert fetched is not None and fetched.read_bytes() == seed_file.read_bytes()

    # a thumbnail is derived, not a blob: this desktop makes its own from the photo
    thumbnail = two.library_file(f"media/thumbs/{media.split('/')[1]}/{photo_sha(photo)}.jpg")
    assert thumbnail is not None and thumbnail.read_bytes().startswith(b"\xff\xd8")
    assert thumbnail.stat().st_size < photo.stat().st_size

    assert two.check().ok and two.fixity().ok
    # the cache is only a copy: deleting it loses nothing
    shutil.rmtree(two.path / "originals")
    shutil.rmtree(two.path / "media")
    assert two.check().ok and two.fixity().ok
    again = two.library_file(media)
    assert again is not None and again.read_bytes() == photo.read_bytes()


def test_a_damaged_cache_file_is_fetched_again(
    desktops: tuple[Archive, Archive], photo: Path
) -> None:
    one, two = desktops
    [added] = one.import_paths([photo]).added
    two.follow_team_changes()
    _, media = _files_of(two, added.article_id or 0)
    cached = two.library_file(media)
    assert cached is not None
    cached.write_bytes(b"not the photo any more")
    fetched = two.library_file(media)
    assert fetched == cached and fetched.read_bytes() == photo.read_bytes()
    # the importing desktop's own copy is a cache too
    own = one.path / (media or "")
    own.write_bytes(own.read_bytes()[:100])
    assert (one.library_file(media) or Path()).read_bytes() == photo.read_bytes()


def test_a_damaged_or_lost_blob_is_named_by_check(
    migrated_postgres: str, desktops: tuple[Archive, Archive], seed_file: Path, photo: Path
) -> None:
    one, two = desktops
    report = one.import_paths([seed_file, photo])
    ids = {item.path: item.article_id or 0 for item in report.added}
    original, media = _files_of(one, ids[str(photo)])
    assert media is not None
    seed_original, _ = _files_of(one, ids[str(seed_file)])
    photo_sha = original.rsplit("/", 1)[1][:64]
    _sql(
        migrated_postgres,
        f"UPDATE blob_chunks SET data = 'damaged'::bytea WHERE sha256 = '{photo_sha}' AND seq = 0",
    )
    fixity = two.fixity()
    assert sorted(fixity.changed) == sorted([original, media]) and not fixity.missing
    assert two.library_file(media) is None  # damaged bytes are never handed out as the photo

    seed_sha = seed_original.rsplit("/", 1)[1][:64]
    _sql(migrated_postgres, f"DELETE FROM blobs WHERE sha256 = '{seed_sha}'")
    check = two.check()
    assert check.missing_originals == [seed_original]
    assert two.fixity().missing == [seed_original]

    # importing the files again puts the catalogue's copies right, from any desktop
    again = two.import_paths([seed_file, photo])
    assert again.added == [] and len(again.duplicates) == 2
    assert sorted((w.path, w.message) for w in again.warnings) == [
        (str(photo), "the library's copy of this file had changed; it is restored from this file"),
        (
            str(seed_file),
            "the library's copy of this file was missing; it is restored from this file",
        ),
    ]
    assert two.check().ok and one.fixity().ok
    assert (one.library_file(media) or Path()).read_bytes() == photo.read_bytes()


def _noise_png(path: Path, side: int) -> Path:
    """A PNG of random pixels (incompressible: about 3 bytes per pixel)."""
    noise = random.Random(14).randbytes(side * side * 3)
    Image.frombytes("RGB", (side, side), noise).save(path, compress_level=1)
    return path


def test_a_big_original_is_stored_in_chunks_and_read_back_a_chunk_at_a_time(
    desktops: tuple[Archive, Archive], tmp_path: Path
) -> None:
    one, two = desktops
    big = _noise_png(tmp_path / "noise.png", 1300)
    size = big.stat().st_size
    assert size > 4 * blob_store.CHUNK_SIZE
    [added] = one.import_paths([big]).added
    sha256 = hashlib.sha256(big.read_bytes()).hexdigest()
    expected_chunks = -(-size // blob_store.CHUNK_SIZE)
    with two._sessions() as session:
        assert blob_store.stored_chunks(session, sha256) == expected_chunks
        info = blob_store.blob_info(session, sha256)
        assert info is not None and info.size == size
        sizes = [len(chunk) for chunk in blob_store.read_chunks(session, info)]
    assert len(sizes) == expected_chunks and max(sizes) == blob_store.CHUNK_SIZE
    assert sum(sizes) == size

    two.follow_team_changes()
    original, media = _files_of(two, added.article_id or 0)
    for relative in (original, media):
        fetched = two.library_file(relative)
        assert fetched is not None and fetched.read_bytes() == big.read_bytes()


def test_an_import_that_fails_midway_leaves_no_blob_of_what_failed(
    migrated_postgres: str, desktops: tuple[Archive, Archive], seed_file: Path, photo: Path
) -> None:
    one, _ = desktops
    # the server refuses every article after the first: the photo's file fails on the server
    # after its blobs were written in its transaction
    _sql(
        migrated_postgres,
        "CREATE FUNCTION refuse_second() RETURNS trigger AS $$ BEGIN "
        "IF (SELECT count(*) FROM articles) >= 1 THEN RAISE EXCEPTION 'refused by the test'; "
        "END IF; RETURN NEW; END $$ LANGUAGE plpgsql",
        "CREATE TRIGGER refuse_second BEFORE INSERT ON articles "
        "FOR EACH ROW EXECUTE FUNCTION refuse_second()",
    )
    report = one.import_paths([seed_file, photo])
    assert [item.path for item in report.added] == [str(seed_file)]
    assert [item.path for item in report.failed] == [str(photo)]
    seed_sha = hashlib.sha256(seed_file.read_bytes()).hexdigest()
    assert _sql(migrated_postgres, "SELECT sha256 FROM blobs") == [(seed_sha,)]
    assert _sql(migrated_postgres, "SELECT DISTINCT sha256 FROM blob_chunks") == [(seed_sha,)]


def _zip_contents(path: Path) -> tuple[dict[str, bytes], list[dict[str, object]]]:
    with zipfile.ZipFile(path) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    manifest = json.loads(members.pop("manifest.json"))
    return members, manifest["files"]


def test_the_originals_zip_of_a_team_library_equals_a_folder_librarys(
    desktops: tuple[Archive, Archive], seed_file: Path, photo: Path, tmp_path: Path
) -> None:
    one, two = desktops
    one.import_paths([seed_file, photo])
    two.follow_team_changes()
    with Archive.open(tmp_path / "folder") as folder:
        folder.import_paths([seed_file, photo])
        expected = export(folder, "originals-zip", output=tmp_path / "folder.zip")
    found = export(two, "originals-zip", output=tmp_path / "team.zip")  # an empty cache
    assert not found.problems and not expected.problems
    assert found.articles == expected.articles == 2
    team_members, team_files = _zip_contents(tmp_path / "team.zip")
    folder_members, folder_files = _zip_contents(tmp_path / "folder.zip")
    assert team_members == folder_members and team_files == folder_files
    assert team_members[f"originals/{photo.name}"] == photo.read_bytes()
