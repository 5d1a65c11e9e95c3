"""A team catalogue on PostgreSQL: connected (or refused in one line), built or upgraded, and
described, without a password ever passing through Arsip."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Engine, func, select

from archive_app.db.engine import HEAD_REVISION, current_revision, migrate
from archive_app.db.models import Article
from archive_app.db.team_engine import TeamAddress, create_team_engine, parse_team_address
from archive_app.storage.library_location import TeamLocation


@dataclass(frozen=True, slots=True)
class TeamFacts:
    """What a person checks first about a team catalogue."""

    address: str  # user@host:port/database: never a password
    server: str  # PostgreSQL's version
    user: str  # the database user this desktop logs in as
    schema_revision: str | None  # None: the database holds no catalogue yet
    arsip_revision: str  # the newest revision this Arsip knows
    articles: int | None  # None without a catalogue at this Arsip's revision


def open_team_engine(location: TeamLocation, *, readonly: bool) -> tuple[Engine, str]:
    """An engine on the team catalogue, its first connection made (so an unreachable server
    or a refused login is said at once, in one line), and the address to show."""
    address = parse_team_address(location)
    engine = create_team_engine(address, readonly=readonly)
    try:
        with engine.connect():
            pass
    except BaseException:
        engine.dispose()
        raise
    return engine, address.display


def checked_address(location: TeamLocation) -> TeamAddress:
    """libpq's reading of the address (its display and key); refuses one with a password."""
    return parse_team_address(location)


def upgrade(location: TeamLocation) -> TeamFacts:
    """Build the catalogue in an empty database, or bring it to this Arsip's revision, under
    the migration lock; refuse, naming both revisions, one written by a newer Arsip."""
    engine, display = open_team_engine(location, readonly=False)
    try:
        migrate(engine)
        return _facts(engine, display)
    finally:
        engine.dispose()


def describe(location: TeamLocation) -> TeamFacts:
    """The catalogue as it stands, read without writing anything."""
    engine, display = open_team_engine(location, readonly=True)
    try:
        return _facts(engine, display)
    finally:
        engine.dispose()


def _facts(engine: Engine, display: str) -> TeamFacts:
    revision = current_revision(engine)
    with engine.connect() as connection:
        server = str(connection.exec_driver_sql("SHOW server_version").scalar())
        user = str(connection.exec_driver_sql("SELECT current_user").scalar())
        # an older or newer schema may not have today's columns: counted at the head only
        articles = (
            int(connection.execute(select(func.count()).select_from(Article)).scalar_one())
            if revision == HEAD_REVISION
            else None
        )
    return TeamFacts(display, server, user, revision, HEAD_REVISION, articles)
