"""One line for a damaged catalogue: which library, what SQLite says, and what to run."""

from __future__ import annotations

import shlex
from pathlib import Path

from archive_app.domain.errors import CatalogueDamagedError
from archive_app.storage.library_folder import LibraryLayout, default_library_path
from archive_app.usecases import autobackup


def command(layout: LibraryLayout, words: str) -> str:
    """`archive-app … words` for this library (with --library unless it is the default)."""
    try:
        default = layout.root.resolve() == default_library_path().resolve()
    except OSError:
        default = False
    library = "" if default else f" --library {shlex.quote(str(layout.root))}"
    return f"`archive-app{library} {words}`"


def remedy(layout: LibraryLayout) -> str:
    """What to run for a damaged catalogue: repair, or go back to the newest automatic backup."""
    salvage = f"run {command(layout, 'repair')} to save every record that can still be read"
    latest = autobackup.newest(layout)
    if latest is None:
        return f"{salvage}, or restore your latest backup with `archive-app restore`"
    back = command(layout, f"repair --from-backup {shlex.quote(str(latest))}")
    return (
        f"{salvage}, or {back} to go back to the automatic backup of {autobackup.taken_at(latest)}"
    )


def damaged(layout: LibraryLayout, reason: str) -> CatalogueDamagedError:
    """The error for a catalogue SQLite finds damaged (`reason` is SQLite's own words)."""
    return CatalogueDamagedError(
        f"the catalogue of the library {layout.root} is damaged (SQLite reports "
        f"'{reason}'); {remedy(layout)}"
    )


def missing(layout: LibraryLayout, backup: Path) -> CatalogueDamagedError:
    """The catalogue file is gone while the library still holds automatic backups of it."""
    back = command(layout, f"repair --from-backup {shlex.quote(str(backup))}")
    return CatalogueDamagedError(
        f"the library {layout.root} has lost its catalogue ({layout.catalogue.name} is "
        f"missing); run {back} to go back to the automatic backup of "
        f"{autobackup.taken_at(backup)}"
    )
