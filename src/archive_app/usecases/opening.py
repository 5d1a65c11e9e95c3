"""Opening a library folder: refuse what is not a library, clean up and check before writing."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable
from pathlib import Path

from archive_app.db.engine import create_catalogue_engine, migrate
from archive_app.db.health import check_file
from archive_app.domain.errors import LibraryFormatError, LibraryLockedError, LibraryNotFoundError
from archive_app.search.index_folder import mark_behind
from archive_app.storage import leftovers
from archive_app.storage.library_folder import LibraryLayout, WriterLock, default_library_path
from archive_app.usecases import autobackup, integrity

log = logging.getLogger(__name__)
# what a library folder may hold before its catalogue is written
_KNOWN = {"originals", "media", "index", "library.lock", "backups", "damaged", ".unfinished"}


def library_layout(path: str | Path | None, *, readonly: bool) -> LibraryLayout:
    """The library at `path` (or the default one), created unless read-only; refuses a missing
    library that has an automatic backup, and a folder that holds something else."""
    layout = LibraryLayout(Path(path).expanduser() if path else default_library_path())
    if not layout.exists() and (latest := autobackup.newest(layout)) is not None:
        raise integrity.missing(layout, latest)
    if readonly:
        if not layout.exists():
            raise LibraryNotFoundError(
                f"there is no Arsip library at {layout.root} (import something first)"
            )
    else:
        if layout.root.exists() and not layout.root.is_dir():
            raise LibraryFormatError(f"{layout.root} is a file, not a library folder")
        if (
            layout.root.is_dir()
            and any(layout.root.iterdir())
            and not layout.exists()
            and any(p.name not in _KNOWN for p in layout.root.iterdir())
        ):
            raise LibraryFormatError(
                f"{layout.root} holds other files and no catalogue.sqlite; choose an "
                "empty folder or an existing Arsip library"
            )
        layout.create()
    return layout


def prepare_writer(layout: LibraryLayout) -> None:
    """Holding the writer lock: remove what killed processes left, and refuse a catalogue
    SQLite finds damaged (its quick check reads every page's structure: 0.1 s for a
    30 MB catalogue, about 3 ms per MB) before anything writes to it."""
    leftovers.clean(layout)
    if not layout.catalogue.is_file():
        return
    problems = check_file(layout.catalogue, readonly=False)
    if problems:
        raise integrity.damaged(layout, problems[0])


def upgrade_for_reading(layout: LibraryLayout) -> None:
    """A reader meets an older schema: migrate it when no writer holds the library."""
    lock = WriterLock(layout.lock)
    try:
        if lock.acquire() is not None:  # the writer before was killed: say so to the next
            mark_behind(layout.index)
    except LibraryLockedError:
        raise LibraryFormatError(
            f"the library {layout.root} needs an upgrade, and another Arsip process has it "
            "open; close that one first"
        ) from None
    try:
        writable = create_catalogue_engine(layout.catalogue)
        migrate(writable)
        writable.dispose()
    finally:
        lock.release()


def automatic_backup(layout: LibraryLayout, count: Callable[[], int]) -> None:
    """A verified copy of the catalogue in backups/, once a day, when there is something
    to keep; a failure (a full disk) is logged and opening goes on."""
    try:
        if autobackup.due(layout) and count() > 0:
            autobackup.make(layout)
    except (OSError, sqlite3.Error) as error:
        log.warning("no automatic backup of %s was made (%s)", layout.catalogue, error)


def folder_size(folder: Path) -> int:
    """The bytes of every file under `folder`."""
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())
