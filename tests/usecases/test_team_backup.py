"""A team library's backup: a folder backup file, which restore turns into a folder library with
the catalogue, originals and photos taken from the team catalogue (the real test cluster)."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from tests.conftest import corpus_path

from archive_app.usecases.archive import Archive


def test_a_team_librarys_backup_restores_as_a_folder_library(
    migrated_postgres: str, tmp_path: Path, seed_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    photo = corpus_path("photos", "exifr", "Bush-dog.jpg")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "desk1"))
    with Archive.open(migrated_postgres) as team:
        report = team.import_paths([seed_file, photo])
        ids = {item.path: item.article_id or 0 for item in report.added}
        team.edit(ids[str(seed_file)], {"title": "Judul dari tim"})
    # another desktop, whose cache is empty, makes the backup: the files come from the blobs
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "desk2"))
    with Archive.open(migrated_postgres) as team:
        info = team.backup(tmp_path / "team-backup.zip")
    assert info.articles == 2 and info.files >= 3  # catalogue, two originals (one is the photo)
    with zipfile.ZipFile(tmp_path / "team-backup.zip") as backup:
        names = backup.namelist()
    assert "catalogue.sqlite" in names and not any(".arsip-team-backup" in n for n in names)
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no scratch

    assert Archive.restore(tmp_path / "team-backup.zip", tmp_path / "restored") == 2
    with Archive.open(tmp_path / "restored") as restored:
        assert restored.layout.team is None
        assert restored.article(ids[str(seed_file)]).record.title == "Judul dari tim"
        assert restored.search('"judul dari tim"').total == 1
        detail = restored.article(ids[str(photo)])
        stored = restored.path / (detail.record.photos[0].media_path or "")
        assert stored.read_bytes() == photo.read_bytes()
        original = restored.path / (detail.provenance[0].original_path or "")
        assert original.read_bytes() == photo.read_bytes()
        assert restored.check().ok and restored.fixity().ok
