"""A real, migrated catalogue for db/ tests, on both backends (a SQLite file, a PostgreSQL
database), and a quick way to put articles in it."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from archive_app.db.engine import create_catalogue_engine, migrate, session_factory
from archive_app.db.sessions import Sessions
from archive_app.db.store import CatalogueWriter, Source
from archive_app.db.team_engine import create_team_engine, parse_team_address
from archive_app.domain.clock import utc_now
from archive_app.domain.model import CatalogueRecord
from archive_app.storage.library_location import TeamLocation


@pytest.fixture(params=["sqlite", "postgresql"])
def sessions(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Sessions]:
    """Sessions on a catalogue at the schema head: a folder library's file, or a team
    library's database (each test its own)."""
    if request.param == "sqlite":
        engine = create_catalogue_engine(tmp_path / "catalogue.sqlite")
        migrate(engine)
    else:
        if (marker := request.node.get_closest_marker("sqlite_only")) is not None:
            pytest.skip(f"SQLite only: {marker.args[0]}")
        address = request.getfixturevalue("migrated_postgres")
        engine = create_team_engine(parse_team_address(TeamLocation(address, "test")))
    yield session_factory(engine)
    engine.dispose()  # the test's database is dropped next: no connection may stay open


def source(sha256: str = "a" * 64, locator: str = "row 1") -> Source:
    """An original file and a place in it, as an importer names them."""
    return Source(sha256, "berita.csv", locator, "csv", "csv-rows", batch_id=None)


@pytest.fixture
def add_article(sessions: Sessions) -> Callable[..., int]:
    """Store one article with the given record fields in its own transaction; its id."""

    def add(url_key: str | None = None, **fields: Any) -> int:
        record = CatalogueRecord(**{"title": "Judul", "body": ["Isi berita."], **fields})
        digest = hashlib.sha256(repr(record).encode()).hexdigest()
        origin = source(locator=f"row {record.title}")
        with sessions.begin() as session:
            writer = CatalogueWriter(session, utc_now())
            writer.original(origin.sha256, 100, "csv", f"originals/{origin.sha256}.csv")
            article = writer.add_article(record, digest, url_key, origin)
            session.flush()
            return article.id

    return add
