"""Where a library is: a folder on this disk, or a team catalogue named by a PostgreSQL address."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from archive_app.domain.errors import LibraryFormatError
from archive_app.storage.library_folder import ENV_VAR, default_library_path

TEAM_FILE = ".arsip-team"
"""A folder holding this file is a team library: the file holds its address, one line."""

SCHEMES = ("postgresql://", "postgres://")


@dataclass(frozen=True, slots=True)
class TeamLocation:
    """A team library's address as written (no password in it) and where it was written:
    "--library" or the .arsip-team file, so a message can name the place to correct."""

    address: str
    origin: str


def is_team_address(text: str) -> bool:
    return text.strip().lower().startswith(SCHEMES)


def team_location(path: str | Path | None) -> TeamLocation | None:
    """The team library `path` names (an address, or a folder with a .arsip-team file), or
    None for a folder library (which stays exactly as it always was)."""
    if path is None:
        # the default library: ARCHIVE_APP_LIBRARY may name a team library, and the user data
        # folder's library may be one (its folder holding a .arsip-team), as any folder may
        path = os.environ.get(ENV_VAR) or default_library_path()
    text = str(path)
    if is_team_address(text):
        return TeamLocation(text.strip(), "--library")
    marker = Path(text).expanduser() / TEAM_FILE
    if not marker.is_file():
        return None
    try:
        lines = [line.strip() for line in marker.read_text(encoding="utf-8").splitlines()]
    except (OSError, UnicodeDecodeError) as error:
        raise LibraryFormatError(f"{marker}: cannot read the team address ({error})") from None
    # blank lines and # comments are allowed, so a team can note whose server it is
    addresses = [line for line in lines if line and not line.startswith("#")]
    if len(addresses) != 1 or not is_team_address(addresses[0]):
        raise LibraryFormatError(
            f"{marker}: expected one line with a postgresql://user@host/database address"
        )
    return TeamLocation(addresses[0], str(marker))


def team_folder(key: str) -> Path:
    """This desktop's folder for the team catalogue `key` names (its index, its writer lock):
    in the user data folder, beside the default folder library."""
    return platformdirs.user_data_path("Arsip", appauthor=False) / "Team" / key
