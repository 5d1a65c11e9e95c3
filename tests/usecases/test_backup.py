"""Safety: back up a running library, restore it elsewhere, refuse damage, check fixity."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from tests.conftest import corpus_path

from archive_app.usecases.archive import Archive
from archive_app.usecases.backup import BackupError


@pytest.fixture
def library(tmp_path: Path, seed_file: Path) -> Path:
    root = tmp_path / "lib"
    with Archive.open(root) as archive:
        archive.import_paths([seed_file, corpus_path("photos", "exifr", "Bush-dog.jpg")])
        archive.edit(1, {"note": "diperiksa"})
    return root


def test_backup_and_restore_round_trip_while_the_library_is_open(
    library: Path, tmp_path: Path
) -> None:
    backup = tmp_path / "backup.arsip.zip"
    with Archive.open(library) as running:  # the window holds it open meanwhile
        info = running.backup(backup)
        expected = [running.record(i) for i in running.article_ids("added")]
    assert info.articles == 2 and info.files >= 4
    names = zipfile.ZipFile(backup).namelist()
    assert "manifest.json" in names and "catalogue.sqlite" in names
    assert any(n.startswith("originals/") for n in names)
    assert any(n.startswith("media/") and n.endswith(".jpg") for n in names)
    assert Archive.restore(backup, tmp_path / "restored") == 2
    with Archive.open(tmp_path / "restored") as restored:
        assert [restored.record(i) for i in restored.article_ids("added")] == expected
        assert restored.search('"world water forum"').total == 1
        assert restored.fixity().ok and restored.check().ok


def test_a_damaged_backup_is_refused_and_nothing_is_created(library: Path, tmp_path: Path) -> None:
    backup = tmp_path / "backup.zip"
    with Archive.open(library) as archive:
        archive.backup(backup)
    damaged = tmp_path / "damaged.zip"
    with zipfile.ZipFile(backup) as source, zipfile.ZipFile(damaged, "w") as out:
        for item in source.infolist():
            data = source.read(item)
            if item.filename.startswith("originals/"):
                data = data.replace(b"Kominfo", b"KOMINFO")
            out.writestr(item, data)
    with pytest.raises(BackupError, match="does not match its checksum"):
        Archive.restore(damaged, tmp_path / "out")
    assert not (tmp_path / "out").exists()
    assert not list(tmp_path.glob(".out.restoring-*"))


def test_a_foreign_file_is_refused(tmp_path: Path) -> None:
    foreign = tmp_path / "photos.zip"
    with zipfile.ZipFile(foreign, "w") as out:
        out.writestr("manifest.json", json.dumps({"format": "something-else"}))
    with pytest.raises(BackupError, match="not an Arsip backup"):
        Archive.restore(foreign, tmp_path / "out")
    (tmp_path / "notes.txt").write_text("hello")
    with pytest.raises(BackupError, match="not an Arsip backup"):
        Archive.restore(tmp_path / "notes.txt", tmp_path / "out")
    assert not (tmp_path / "out").exists()


@pytest.mark.sqlite_only("files changed and deleted in the folder (a team's: test_team_files.py)")
def test_fixity_finds_changed_and_missing_files(library: Path) -> None:
    with Archive.open(library) as archive:
        assert archive.fixity().ok
        original = next((library / "originals").rglob("*.txt"))
        original.chmod(0o644)
        original.write_bytes(original.read_bytes() + b"tampered")
        photo = next(p for p in (library / "media").rglob("*.jpg") if "thumbs" not in p.parts)
        photo.unlink()
        report = archive.fixity()
    assert report.changed == [str(original.relative_to(library))]
    assert report.missing == [str(photo.relative_to(library))]
