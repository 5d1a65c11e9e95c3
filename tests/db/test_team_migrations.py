"""The same migrations build a team catalogue on PostgreSQL, once, and refuse a newer one."""

from __future__ import annotations

import subprocess
import sys

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Engine, text

from archive_app.db.engine import HEAD_REVISION, current_revision, migrate
from archive_app.db.models import Base
from archive_app.db.team_engine import create_team_engine, parse_team_address
from archive_app.domain.errors import LibraryFormatError
from archive_app.storage.library_location import TeamLocation


def _engine(address: str) -> Engine:
    return create_team_engine(parse_team_address(TeamLocation(address, "test")))


def test_migrations_build_exactly_the_models_on_postgresql(postgres_database: str) -> None:
    engine = _engine(postgres_database)
    assert current_revision(engine) is None
    migrate(engine)
    assert current_revision(engine) == HEAD_REVISION
    with engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    engine.dispose()
    assert differences == []


MIGRATE = """
import logging, sys
from archive_app.db.engine import migrate
from archive_app.db.team_engine import create_team_engine, parse_team_address
from archive_app.storage.library_location import TeamLocation

logging.basicConfig(level=logging.INFO, format="%(message)s")
migrate(create_team_engine(parse_team_address(TeamLocation(sys.argv[1], "test"))))
"""


def test_two_desktops_migrating_at_once_both_succeed_and_migrate_once(
    postgres_database: str,
) -> None:
    desktops = [
        subprocess.Popen(
            [sys.executable, "-c", MIGRATE, postgres_database],
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    outputs = [desktop.communicate(timeout=120)[1] for desktop in desktops]
    assert [desktop.returncode for desktop in desktops] == [0, 0], outputs
    # the advisory lock let one build the schema; the other found it built
    assert sum("migrating catalogue from None" in output for output in outputs) == 1, outputs
    engine = _engine(postgres_database)
    with engine.connect() as connection:
        versions = connection.execute(text("SELECT version_num FROM alembic_version")).all()
    engine.dispose()
    assert versions == [(HEAD_REVISION,)]


def test_a_team_catalogue_from_a_newer_arsip_is_refused_naming_both_versions(
    migrated_postgres: str,
) -> None:
    engine = _engine(migrated_postgres)
    with engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    with pytest.raises(LibraryFormatError, match=f"revision 9999.*knows up to {HEAD_REVISION}"):
        migrate(engine)
    engine.dispose()
