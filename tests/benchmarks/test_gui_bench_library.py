"""`make bench-gui` leaves the big library as it is: one at an older schema is measured through
a migrated copy, never upgraded in place (a read-only open would upgrade it)."""

from __future__ import annotations

from pathlib import Path

from benchmarks.gui_bench import _at_head
from sqlalchemy import text

from archive_app.db.engine import create_catalogue_engine, current_revision, migrate


def _catalogue(root: Path, revision: str) -> Path:
    root.mkdir()
    engine = create_catalogue_engine(root / "catalogue.sqlite")
    migrate(engine, revision)
    engine.dispose()
    return root


def test_an_older_catalogue_is_not_taken_and_not_upgraded(tmp_path: Path) -> None:
    older = _catalogue(tmp_path / "older", "0008")
    assert not _at_head(older)
    engine = create_catalogue_engine(older / "catalogue.sqlite", readonly=True)
    assert current_revision(engine) == "0008"  # asking changed nothing
    engine.dispose()


def test_a_catalogue_at_the_head_is_taken(tmp_path: Path) -> None:
    assert _at_head(_catalogue(tmp_path / "head", "head"))


def test_a_folder_without_a_catalogue_schema_is_not_taken(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    engine = create_catalogue_engine(empty / "catalogue.sqlite")
    with engine.begin() as connection:
        connection.execute(text("CREATE TABLE something (id INTEGER)"))
    engine.dispose()
    assert not _at_head(empty)
