"""The Archive facade on a team catalogue: the same import, search, edit and check as a folder
library, with this desktop's index in its own folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from archive_app.domain.errors import LibraryFormatError
from archive_app.usecases.archive import Archive


@pytest.fixture
def desktop(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """This desktop's user data folder (platformdirs reads XDG_DATA_HOME)."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    return tmp_path / "data"


def test_a_team_library_imports_searches_edits_and_checks(
    migrated_postgres: str, desktop: Path, seed_file: Path
) -> None:
    with Archive.open(migrated_postgres) as archive:
        assert archive.path.is_relative_to(desktop / "Arsip" / "Team")
        report = archive.import_paths([seed_file])
        assert len(report.added) == 1
        found = archive.search('"world water forum"')
        assert found.total == 1
        article = found.hits[0].id
        archive.edit(article, {"title": "Judul baru dari tim"})
        assert archive.search('"judul baru dari tim"').total == 1
        assert archive.check().ok
        assert archive.undo() is not None
        assert archive.search('"judul baru dari tim"').total == 0
        assert archive.redo() is not None
        # a team library's backup is a folder library's backup (tests/usecases/test_team_backup.py)
        assert archive.backup(desktop / "b.zip").articles == 1
        # reindex's worker processes read the team catalogue themselves, by its address
        assert archive.reindex(processes=2) == 1
        assert archive.search('"judul baru dari tim"').total == 1
    # a second desktop (another data folder) reads the same catalogue
    with Archive.open(migrated_postgres, readonly=True) as reader:
        assert reader.article(article).record.title == "Judul baru dari tim"


def test_a_reader_of_an_older_team_catalogue_is_told_to_upgrade_it(
    postgres_database: str, desktop: Path
) -> None:
    from archive_app.db.catalogues import catalogue_engine
    from archive_app.db.engine import HEAD_REVISION, migrate

    engine = catalogue_engine(postgres_database)
    migrate(engine, "0008")
    engine.dispose()
    with pytest.raises(LibraryFormatError, match=f"0008, this Arsip's is {HEAD_REVISION}"):
        Archive.open(postgres_database, readonly=True)
    with Archive.open(postgres_database) as writer:  # a writer upgrades it, as a folder's
        assert writer.stats().schema_revision == HEAD_REVISION


def test_a_big_imports_indexing_process_reads_the_team_catalogue(
    migrated_postgres: str, desktop: Path, seed_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from archive_app.usecases import importer

    monkeypatch.setattr(importer, "_BIG_IMPORT_FILES", 1)  # the seed alone counts as big
    with Archive.open(migrated_postgres) as archive:
        assert len(archive.import_paths([seed_file]).added) == 1
        assert archive.search('"world water forum"').total == 1
        assert archive.check().ok
