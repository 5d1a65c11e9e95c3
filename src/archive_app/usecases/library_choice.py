"""Choosing a library folder: one that must exist already, or a new one in a folder of its own."""

from __future__ import annotations

from pathlib import Path

from archive_app.domain.errors import ArchiveError, LibraryFormatError, LibraryNotFoundError
from archive_app.storage.library_folder import LibraryLayout
from archive_app.storage.library_location import TEAM_FILE, is_team_address, team_location

# what a folder may hold and still become a new library (the parts a library starts with)
_LIBRARY_PARTS = {
    "originals",
    "media",
    "index",
    "library.lock",
    "backups",
    "damaged",
    ".unfinished",
}


def is_library(path: Path) -> bool:
    """True when `path` holds an Arsip catalogue, or a .arsip-team naming a team library's."""
    return LibraryLayout(path).exists() or (path / TEAM_FILE).is_file()


def still_there(location: str) -> bool:
    """False when the library a recent entry names moved, vanished or is no library now (a team
    library's server is not asked: that is for opening)."""
    try:
        require_existing(location)
    except ArchiveError:
        return False
    return True


def names_library(location: str | Path, archive_path: Path, team_address: str | None) -> bool:
    """True when `location` names the library open at `archive_path` (another spelling of its
    folder too: a link, a trailing part; for a team library, a folder naming its address)."""
    if str(location) == library_key(archive_path, team_address):
        return True
    if isinstance(location, str) and is_team_address(location):
        return False
    if team_address is not None:
        # a folder whose .arsip-team names the open team library is that library: opening it
        # again would meet this process's own writer lock
        try:
            named = team_location(Path(location).expanduser())
        except LibraryFormatError:
            return False  # not this library; opening it says what is wrong with the file
        return named is not None and named.address == team_address
    return Path(location).expanduser().resolve() == archive_path.resolve()


def library_key(archive_path: Path, team_address: str | None) -> str:
    """What names an open library in the recent list: a team library's address (its folder
    here is only this desktop's index and lock), else the library's folder, made absolute (a
    --library given relative to one folder is reopened from any other)."""
    return team_address if team_address is not None else str(as_location(archive_path))


def as_location(location: str | Path) -> str | Path:
    """A team library's address as written (a Path would fold its "//"), else the folder,
    made absolute."""
    if isinstance(location, str) and is_team_address(location):
        return location.strip()
    return Path(location).expanduser().absolute()


def require_existing(location: str | Path) -> str | Path:
    """Refuse, in one line naming the folder, a library that moved or vanished, or a folder that
    is not a library: opening must never make one (Archive.open would create it). A team
    library's address, or a folder naming one, is left to opening (its catalogue is on the
    team's server)."""
    if isinstance(location, str) and is_team_address(location):
        return location  # a Path would fold its "//"
    path = Path(location).expanduser()
    if team_location(path) is not None:
        return location
    layout = LibraryLayout(path)
    if layout.exists():
        return location
    # loaded here, not with this module: the window asks this before it shows, and the
    # backups' module brings in the catalogue's (SQLAlchemy), a second of a start
    from archive_app.usecases import autobackup

    if autobackup.newest(layout) is not None:
        return location  # its catalogue is missing but a backup is there: opening says what to do
    if not path.exists():
        raise LibraryNotFoundError(
            f"the library {path} is not there any more: it was moved, renamed or removed, or "
            "its disk is not connected"
        )
    if not path.is_dir():
        raise LibraryFormatError(f"{path} is a file, not a library folder")
    raise LibraryFormatError(
        f"{path} is not an Arsip library (it has no catalogue.sqlite); choose the folder of a "
        "library, or make a new one with File ▸ New library"
    )


def require_new_place(path: Path) -> Path:
    """Refuse, in one line naming the folder, a place for a new library that already holds
    something other than a library (an existing library there is simply opened)."""
    if path.exists() and not path.is_dir():
        raise LibraryFormatError(f"{path} is a file; a new library needs a folder")
    if path.is_dir() and not is_library(path):
        others = sorted(p.name for p in path.iterdir() if p.name not in _LIBRARY_PARTS)
        if others:
            shown = ", ".join(others[:3]) + (", …" if len(others) > 3 else "")
            raise LibraryFormatError(
                f"{path} already holds other files ({shown}); a new library needs an empty "
                "folder or a new one"
            )
    return path
