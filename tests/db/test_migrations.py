"""Schema migrations: the models match them, and older libraries open and upgrade."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import text

from archive_app.db.engine import create_catalogue_engine, current_revision, head_revision, migrate
from archive_app.db.models import Base
from archive_app.domain.errors import LibraryFormatError
from archive_app.storage.library_folder import LibraryLayout, WriterLock
from archive_app.usecases.archive import Archive


def test_migrations_create_exactly_the_models(tmp_path: Path) -> None:
    engine = create_catalogue_engine(tmp_path / "c.sqlite")
    migrate(engine)
    with engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    engine.dispose()
    assert differences == []


def _write_revision_0001_library(root: Path) -> None:
    """A library as the first schema wrote it, with one article and its photo in it."""
    LibraryLayout(root).create()
    engine = create_catalogue_engine(root / "catalogue.sqlite")
    migrate(engine, "0001")
    now = "2024-05-20T10:00:00+00:00"
    with engine.begin() as connection:
        connection.execute(text("INSERT INTO sites (id, domain) VALUES (1, 'jpnn.com')"))
        connection.execute(
            text(
                "INSERT INTO articles (id, site_id, title, language, published, body, signoff,"
                " rules, warnings, content_hash, version, created_at, modified_at, sort_date)"
                " VALUES (1, 1, 'Old article', 'id', '2024-05-17T03:50:00+07:00',"
                " '[\"Paragraf pertama.\"]', '[]', '{}', '[]', 'abc', 1, :now, :now,"
                " '2024-05-16T20:50:00Z')"
            ),
            {"now": now},
        )
        connection.execute(
            text(
                "INSERT INTO photos (id, article_id, position, caption, credit)"
                " VALUES (1, 1, 0, 'Foto lama', 'Antara')"
            )
        )
    assert current_revision(engine) == "0001"
    engine.dispose()


def test_a_library_written_by_the_first_schema_opens_and_upgrades(tmp_path: Path) -> None:
    root = tmp_path / "old"
    _write_revision_0001_library(root)
    with Archive.open(root) as archive:
        assert archive.stats().schema_revision == head_revision() != "0001"
        detail = archive.article(1)
        assert detail.record.title == "Old article"
        assert detail.record.body == ["Paragraf pertama."]
        assert detail.tags == []  # the tags table arrived with revision 0002
        # photos kept from before revision 0007 have no place in the text: they follow it
        assert [(p.caption, p.paragraph) for p in detail.record.photos] == [("Foto lama", None)]
        # the old article was never indexed: check says so, reindex repairs it
        assert archive.check().missing_from_index == [1]
        archive.reindex()
        assert archive.search("pertama").total == 1


def test_a_reader_upgrades_an_old_library_only_when_no_writer_has_it(tmp_path: Path) -> None:
    root = tmp_path / "old"
    _write_revision_0001_library(root)
    holder = WriterLock(LibraryLayout(root).lock)
    holder.acquire()  # another process is writing: the reader must not touch the schema
    try:
        with pytest.raises(LibraryFormatError, match="needs an upgrade"):
            Archive.open(root, readonly=True)
    finally:
        holder.release()
    with Archive.open(root, readonly=True) as reader:  # free: upgraded, then read
        assert reader.article(1).record.title == "Old article"
        assert reader.stats().schema_revision == head_revision()


@pytest.mark.sqlite_only(
    "the version written in the catalogue file (a team catalogue's: test_team_migrations.py)"
)
def test_a_library_from_a_newer_arsip_is_refused(tmp_path: Path) -> None:
    root = tmp_path / "future"
    Archive.open(root).close()
    engine = create_catalogue_engine(root / "catalogue.sqlite")
    with engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    engine.dispose()
    with pytest.raises(LibraryFormatError, match="newer Arsip"):
        Archive.open(root)
