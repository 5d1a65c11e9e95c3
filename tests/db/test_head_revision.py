"""The schema head known without alembic: it matches alembic's own answer."""

from __future__ import annotations

from pathlib import Path

from archive_app.db.engine import (
    HEAD_REVISION,
    create_catalogue_engine,
    current_revision,
    head_revision,
    migrate,
)


def test_the_head_constant_is_alembics_head() -> None:
    assert head_revision() == HEAD_REVISION, (
        "a migration file must begin with its revision (0009_what_it_does.py)"
    )


def test_current_revision_reads_the_version_table(tmp_path: Path) -> None:
    engine = create_catalogue_engine(tmp_path / "c.sqlite")
    assert current_revision(engine) is None  # nothing migrated yet
    migrate(engine, "0002")
    assert current_revision(engine) == "0002"
    migrate(engine)
    assert current_revision(engine) == HEAD_REVISION
    engine.dispose()
