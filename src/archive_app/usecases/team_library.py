"""Team libraries: the catalogue on a PostgreSQL server, built, upgraded and described."""

from __future__ import annotations

from pathlib import Path

from archive_app.db import team_catalogue
from archive_app.db.team_catalogue import TeamFacts
from archive_app.domain.errors import LibraryFormatError, LibraryLockedError
from archive_app.storage.library_folder import LibraryLayout
from archive_app.storage.library_location import TeamLocation, team_folder, team_location

__all__ = [
    "READER_REFUSAL",
    "TeamFacts",
    "describe",
    "refuse_team",
    "require_team",
    "require_team_folder_ok",
    "team_display",
    "team_layout",
    "team_lock_refusal",
    "upgrade",
]


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


def refuse_team(path: str | Path | None, what: str) -> None:
    """Refuse, in one line, a team library given to `what`, which works on folder libraries
    only; the address is shown as libpq reads it, so a password in it is never repeated."""
    location = team_location(path)
    if location is None:
        return
    display = team_catalogue.checked_address(location).display
    raise LibraryFormatError(
        f"{display} is a team library: {what} works on folder libraries only (a team "
        "library's catalogue is backed up and repaired on its PostgreSQL server, pg_dump)"
    )


def team_layout(path: str | Path | None, *, readonly: bool = False) -> LibraryLayout | None:
    """This desktop's folder for the team library `path` names (made when missing), its
    catalogue's address in it; None for a folder library."""
    location = team_location(path)
    if location is None:
        return None
    address = team_catalogue.checked_address(location)
    layout = LibraryLayout(team_folder(address.key), team=location.address)
    # this desktop's own part (its index and lock) is made even for a reader; one already
    # made is left as it is for a reader, which must read it from a read-only disk too
    if not readonly or not layout.index.is_dir():
        layout.create()
    return layout


def require_team_folder_ok(layout: LibraryLayout, what: str) -> None:
    """Refuse `what` (a folder library's operation) on an open team library."""
    if layout.team is not None:
        raise LibraryFormatError(
            f"{what} works on folder libraries only: a team library's catalogue is backed up "
            "on its PostgreSQL server (pg_dump)"
        )


def team_display(layout: LibraryLayout) -> str | None:
    """The open team library's address as libpq reads it, for titles and messages (no
    password can be in it: such an address is refused); None for a folder library."""
    if layout.team is None:
        return None
    return team_catalogue.checked_address(TeamLocation(layout.team, "--library")).display


def team_lock_refusal(layout: LibraryLayout, refused: LibraryLockedError) -> LibraryLockedError:
    """A second writer on this desktop refused, naming the team library by its address:
    the folder the lock is in is this desktop's part of it, which no one typed."""
    display = team_display(layout)
    if display is None:
        return refused
    text = str(refused).replace(
        f"the library {layout.root} is open in another Arsip process",
        f"the team library {display} is open in another Arsip process on this desktop",
    )
    return LibraryLockedError(
        text.replace(f"the library {layout.root}", f"the team library {display}")
    )


READER_REFUSAL = (
    "your role on this team library is reader: you may search, read and export, not change "
    "the catalogue (its administrator can make you cataloguer: archive-app team grant)"
)
"""What every refused write says to a reader (a database user with SELECT only)."""
