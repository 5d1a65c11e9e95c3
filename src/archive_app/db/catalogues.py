"""The catalogue engine for a library, whichever kind: a SQLite file or a team's PostgreSQL."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine

from archive_app.db.engine import create_catalogue_engine
from archive_app.db.team_engine import create_team_engine, parse_team_address
from archive_app.storage.library_location import TeamLocation, is_team_address


def catalogue_engine(source: str | Path, *, readonly: bool = False) -> Engine:
    """An engine on the catalogue at `source`: a catalogue.sqlite path, or a team library's
    address (as LibraryLayout.catalogue_source gives either, to this process or a worker)."""
    text = str(source)
    if is_team_address(text):
        location = TeamLocation(text, "the team library's address")
        return create_team_engine(parse_team_address(location), readonly=readonly)
    return create_catalogue_engine(Path(source), readonly=readonly)
