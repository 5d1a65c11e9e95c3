"""Choosing a library folder: one that must exist already, or a new one in a folder of its own."""

from __future__ import annotations

from pathlib import Path

from archive_app.domain.errors import LibraryFormatError, LibraryNotFoundError
from archive_app.storage.library_folder import LibraryLayout
from archive_app.usecases import autobackup

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
    """True when `path` holds an Arsip catalogue."""
    return LibraryLayout(path).exists()


def require_existing(path: Path) -> Path:
    """Refuse, in one line naming the folder, a library that moved or vanished, or a folder that
    is not a library: opening must never make one (Archive.open would create it)."""
    layout = LibraryLayout(path)
    if layout.exists():
        return path
    if autobackup.newest(layout) is not None:
        return path  # its catalogue is missing but a backup is there: opening says what to do
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
