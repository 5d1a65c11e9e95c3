"""The same migrations build a team catalogue on PostgreSQL, once, and refuse a newer one."""

from __future__ import annotations

import subprocess
import sys

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Engine, text

from archive_app.db.engine import HEAD_REVISION, MIGRATIONS, current_revision, migrate
from archive_app.db.models import Base
from archive_app.db.team_engine import create_team_engine, parse_team_address
from archive_app.db.team_fulltext import SERVER_SIDE
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
        # the catalogue's own full-text search (0013) lives outside the models: PostgreSQL only
        context = MigrationContext.configure(
            connection, opts={"include_object": lambda _o, name, *_: name not in SERVER_SIDE}
        )
        differences = compare_metadata(context, Base.metadata)
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


def test_a_catalogue_of_the_first_schema_upgrades_revision_by_revision_on_postgresql(
    postgres_database: str,
) -> None:
    engine = _engine(postgres_database)
    migrate(engine, "0001")
    with engine.begin() as connection:
        connection.execute(text("INSERT INTO sites (id, domain) VALUES (1, 'jpnn.com')"))
        connection.execute(
            text(
                "INSERT INTO articles (id, site_id, title, language, published, body, signoff,"
                " rules, warnings, content_hash, version, created_at, modified_at, sort_date)"
                " VALUES (1, 1, 'Éra Baru di Jakarta', 'id', '2024-05-17T03:50:00+07:00',"
                " '[\"Paragraf pertama.\"]', '[]', '{}', '[]', 'abc', 1, :now, :now,"
                " '2024-05-16T20:50:00Z')"
            ),
            {"now": "2024-05-20T10:00:00+00:00"},
        )
        connection.execute(text("INSERT INTO people (id, name, key) VALUES (1, 'Ana', 'ana')"))
        connection.execute(
            text(
                "INSERT INTO article_people (article_id, person_id, role, position)"
                " VALUES (1, 1, 'author', 0)"
            )
        )
    steps = sorted(p.name.split("_", 1)[0] for p in (MIGRATIONS / "versions").glob("0*_*.py"))
    for revision in steps[1:]:  # each step's data changes run on PostgreSQL too
        migrate(engine, revision)
        assert current_revision(engine) == revision
    with engine.connect() as connection:
        title_key = connection.execute(text("SELECT title_key FROM articles")).scalar_one()
        credited = connection.execute(text("SELECT credited_name FROM article_people")).scalar()
    engine.dispose()
    assert title_key == "era baru di jakarta"  # 0009 keyed the title as the listing sorts it
    assert credited == "Ana"  # 0004 copied the name each article credits
