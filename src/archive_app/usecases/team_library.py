"""Team libraries: the catalogue on a PostgreSQL server, built, upgraded and described."""

from __future__ import annotations

from pathlib import Path

from archive_app.db import team_catalogue
from archive_app.db.team_catalogue import TeamFacts
from archive_app.domain.errors import LibraryFormatError
from archive_app.storage.library_location import TeamLocation, team_location

__all__ = ["TeamFacts", "describe", "refuse_team", "require_team", "upgrade"]


def require_team(path: str | Path | None) -> TeamLocation:
    """The team library `path` names; refuses a folder library in one line."""
    location = team_location(path)
    if location is None:
        raise LibraryFormatError(
            f"{path or 'the default library'} is a folder library; give --library "
            "postgresql://user@host/database (or a folder holding a .arsip-team file)"
        )
    return location


def upgrade(path: str | Path | None) -> TeamFacts:
    return team_catalogue.upgrade(require_team(path))


def describe(path: str | Path | None) -> TeamFacts:
    return team_catalogue.describe(require_team(path))


def refuse_team(path: str | Path | None) -> None:
    """Refuse, in one line, a team library given to a command that works on folder libraries
    only; the address is shown as libpq reads it, so a password in it is never repeated."""
    location = team_location(path)
    if location is None:
        return
    display = team_catalogue.checked_display(location)
    raise LibraryFormatError(
        f"{display} is a team library: this version of Arsip works on one only with "
        "`archive-app --library ADDRESS team status` and `team upgrade`; other commands and "
        "the window need a folder library"
    )
