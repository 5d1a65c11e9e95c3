"""Schema 0010 on SQLite and PostgreSQL: the deduplication keys are unique for new rows, and a
catalogue already holding duplicates upgrades and keeps them."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import Engine, text
from sqlalchemy.exc import IntegrityError

from archive_app.db.engine import HEAD_REVISION, create_catalogue_engine, current_revision, migrate
from archive_app.db.team_engine import create_team_engine, parse_team_address
from archive_app.storage.library_location import TeamLocation

_ARTICLE = text(
    "INSERT INTO articles (url_key, title, body, signoff, rules, warnings, content_hash, "
    "version, created_at, modified_at) VALUES (:key, 't', '[]', '[]', '{}', '[]', :hash, 1, "
    "'2025-01-01', '2025-01-01')"
)
_COLLECTION = text("INSERT INTO collections (name, created_at) VALUES (:name, '2025-01-01')")


@pytest.fixture(params=["sqlite", "postgresql"])
def engine(request: pytest.FixtureRequest, tmp_path: Path) -> Engine:
    if request.param == "sqlite":
        return create_catalogue_engine(tmp_path / "catalogue.sqlite")
    address = request.getfixturevalue("postgres_database")
    return create_team_engine(parse_team_address(TeamLocation(address, "test")))


def _refused(engine: Engine, statement: object, **values: str) -> bool:
    try:
        with engine.begin() as connection:
            connection.execute(statement, values)  # type: ignore[call-overload]
    except IntegrityError:
        return True
    return False


def test_older_duplicates_stay_and_new_ones_are_refused(engine: Engine) -> None:
    migrate(engine, "0009")
    with engine.begin() as connection:  # what an older Arsip could have left
        for _ in range(2):
            connection.execute(_ARTICLE, {"key": "https://a.example/1", "hash": "h1"})
            connection.execute(_ARTICLE, {"key": None, "hash": "h2"})
            connection.execute(_COLLECTION, {"name": "Banjir"})
    migrate(engine)
    assert current_revision(engine) == HEAD_REVISION
    with engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM articles")).scalar() == 4
        versions = connection.execute(text("SELECT DISTINCT row_version FROM articles"))
        assert versions.scalars().all() == [1]
    # the rule holds among rows added since (the importer finds an older row before it
    # inserts, so it is new rows racing each other that the database must part)
    assert _refused(engine, _ARTICLE, key="https://a.example/1", hash="h3") is False
    # the same address, the same text without one, the same top-level collection: refused
    assert _refused(engine, _ARTICLE, key="https://a.example/2", hash="h4") is False
    assert _refused(engine, _ARTICLE, key="https://a.example/2", hash="h5")
    assert _refused(engine, _ARTICLE, key=None, hash="h6") is False  # type: ignore[arg-type]
    assert _refused(engine, _ARTICLE, key=None, hash="h6")  # type: ignore[arg-type]
    assert _refused(engine, _COLLECTION, name="Gempa") is False
    assert _refused(engine, _COLLECTION, name="Gempa")
    # a URL's text may repeat under another URL (the importer keeps it as a version there)
    assert _refused(engine, _ARTICLE, key="https://a.example/3", hash="h4") is False
    engine.dispose()


def test_a_catalogue_without_duplicates_holds_every_row_to_the_rule(engine: Engine) -> None:
    migrate(engine, "0009")
    with engine.begin() as connection:
        connection.execute(_ARTICLE, {"key": "https://a.example/1", "hash": "h1"})
        connection.execute(_COLLECTION, {"name": "Banjir"})
    migrate(engine)
    assert _refused(engine, _ARTICLE, key="https://a.example/1", hash="h2")
    assert _refused(engine, _COLLECTION, name="Banjir")
    engine.dispose()
