"""Opening a library folder: refuse what is not a library, clean up and check before writing."""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from archive_app.db.engine import HEAD_REVISION, create_catalogue_engine, migrate
from archive_app.db.health import check_file
from archive_app.domain.errors import (
    ArchiveError,
    LibraryFormatError,
    LibraryLockedError,
    LibraryNotFoundError,
)
from archive_app.domain.progress import CancelToken
from archive_app.search.index_folder import mark_behind
from archive_app.storage import leftovers
from archive_app.storage.library_folder import LibraryLayout, WriterLock, default_library_path
from archive_app.usecases import autobackup, integrity, team_library

log = logging.getLogger(__name__)
# what a library folder may hold before its catalogue is written
_KNOWN = {"originals", "media", "index", "library.lock", "backups", "damaged", ".unfinished"}


def library_layout(path: str | Path | None, *, readonly: bool) -> LibraryLayout:
    """The library at `path` (or the default one), created unless read-only; refuses a missing
    library that has an automatic backup, and a folder that holds something else."""
    if (team := team_library.team_layout(path, readonly=readonly)) is not None:
        return team  # never taken for a folder named "postgresql:"
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


def prepare_writer(layout: LibraryLayout, *, check: bool = True) -> None:
    """Holding the writer lock: remove what killed processes left, and (unless `check` is
    False: the caller checks later, before the first write) refuse a damaged catalogue."""
    leftovers.clean(layout)
    if check:
        check_catalogue(layout)


class ChecksStopped(Exception):
    """The opening checks were cancelled (the window is closing) before they finished; they
    are left pending, so the next write (or the next opening) runs them. Not an ArchiveError:
    a stopped check found no damage, and the lane stays open."""


def check_catalogue(layout: LibraryLayout, cancel: CancelToken | None = None) -> None:
    """Refuse a catalogue SQLite finds damaged (its quick check reads every page's structure:
    about 3 ms per MB, 0.7 s at 100,000 articles) before anything writes to it. `cancel`
    stops the check between two of SQLite's steps (ChecksStopped; it writes nothing)."""
    if not layout.catalogue.is_file():
        return
    stopped = (lambda: cancel.cancelled) if cancel is not None else None
    try:
        problems = check_file(layout.catalogue, readonly=False, cancel=stopped)
    except sqlite3.OperationalError:
        if cancel is not None and cancel.cancelled:  # SQLite's "interrupted"
            raise ChecksStopped(f"the check of {layout.catalogue} was stopped") from None
        raise
    if problems:
        raise integrity.damaged(layout, problems[0])


class WriteLane:
    """The one lane every write of an open library takes, in turn (a lock).

    A library opened for writing with its checks left for later holds them here as `pending`:
    whichever comes first, the background task (`settle`) or a write, runs them while holding
    the lane, so no write passes before them. A damaged catalogue found then closes the lane
    for good: each later write raises the same error opening would have raised.
    """

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.pending: Callable[[CancelToken | None], None] | None = None
        self.damage: ArchiveError | None = None

    def settle(self, cancel: CancelToken | None = None) -> None:
        """Run the pending checks now (raising the damage they find); nothing when none are."""
        with self.lock:
            self._settle(cancel)

    def __enter__(self) -> None:
        self.lock.acquire()
        try:
            self._settle(None)
        except BaseException:
            self.lock.release()
            raise

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.lock.release()

    def _settle(self, cancel: CancelToken | None) -> None:
        pending, self.pending = self.pending, None
        if pending is not None:
            try:
                pending(cancel)
            except ArchiveError as error:  # damage: the lane stays closed
                self.damage = error
            except BaseException:  # anything else (a locked file): checked again next time
                self.pending = pending
                raise
        if self.damage is not None:
            raise type(self.damage)(str(self.damage))


def upgrade_for_reading(layout: LibraryLayout, revision: str | None) -> None:
    """A reader meets an older schema: migrate it when no writer holds the library."""
    if layout.team is not None:  # other desktops may be writing it: a writer upgrades it
        raise LibraryFormatError(
            f"the team library's catalogue is at schema revision {revision or '(none)'}, "
            f"this Arsip's is {HEAD_REVISION}: it must be upgraded before this desktop can "
            "read it (`archive-app --library ADDRESS team upgrade`)"
        )
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


def automatic_backup(
    layout: LibraryLayout, count: Callable[[], int], cancel: CancelToken | None = None
) -> None:
    """A verified copy of the catalogue in backups/, once a day, when there is something
    to keep; a failure (a full disk) is logged and opening goes on. Cancelled, it keeps
    nothing (the next opening makes it)."""
    try:
        if autobackup.due(layout) and count() > 0:
            autobackup.make(layout, cancel=cancel)
    except (OSError, sqlite3.Error) as error:
        log.warning("no automatic backup of %s was made (%s)", layout.catalogue, error)


def opening_checks(
    layout: LibraryLayout, count: Callable[[], int], cancel: CancelToken | None = None
) -> None:
    """What a writer does before its first write: refuse a damaged catalogue, then make the
    daily automatic backup. `cancel` stops either at its next safe point: a stopped check
    raises ChecksStopped (run again before the next write), a stopped backup keeps nothing."""
    check_catalogue(layout, cancel)
    automatic_backup(layout, count, cancel)


def folder_size(folder: Path) -> int:
    """The bytes of every file under `folder`."""
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())
