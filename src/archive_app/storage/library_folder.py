"""The library folder on disk: where its parts live, the default location, the writer lock."""

from __future__ import annotations

import contextlib
import logging
import os
import sys
import weakref
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

import platformdirs

from archive_app import LIBRARY_ENV_VAR
from archive_app.domain.errors import LibraryLockedError, LibraryReadOnlyError
from archive_app.storage.processes import ProcessId

log = logging.getLogger(__name__)

ENV_VAR = LIBRARY_ENV_VAR


def default_library_path() -> Path:
    """The library named by ARCHIVE_APP_LIBRARY, else one in the user's data folder."""
    chosen = os.environ.get(ENV_VAR)
    if chosen:
        return Path(chosen).expanduser()
    return platformdirs.user_data_path("Arsip", appauthor=False) / "Library"


@dataclass(frozen=True, slots=True)
class LibraryLayout:
    """The fixed names inside a library folder.

    A team library's folder is this desktop's own part of it (its index, its writer lock);
    `team` then holds the catalogue's PostgreSQL address, never a password.
    """

    root: Path
    team: str | None = None

    @property
    def catalogue_source(self) -> str:
        """Where the catalogue is, as a worker process is told: a file, or a team address."""
        return self.team if self.team is not None else str(self.catalogue)

    @property
    def catalogue(self) -> Path:
        return self.root / "catalogue.sqlite"

    @property
    def originals(self) -> Path:
        return self.root / "originals"

    @property
    def media(self) -> Path:
        return self.root / "media"

    @property
    def index(self) -> Path:
        return self.root / "index"

    @property
    def lock(self) -> Path:
        return self.root / "library.lock"

    @property
    def backups(self) -> Path:
        """Automatic copies of the catalogue, made when a writer opens the library."""
        return self.root / "backups"

    @property
    def damaged(self) -> Path:
        """Where `repair` keeps the damaged catalogue it replaced (never deleted)."""
        return self.root / "damaged"

    @property
    def unfinished(self) -> Path:
        """Notes of temporary files being written outside the library (exports, backups), so
        what a killed process left can be found and removed."""
        return self.root / ".unfinished"

    def file_mode(self) -> int:
        """The permission bits the library's files have (the catalogue's), for new files."""
        try:
            return self.catalogue.stat().st_mode & 0o666
        except OSError:  # no catalogue yet: the usual mode (reading the umask would change it)
            return 0o644

    def create(self) -> None:
        self.require_writable()
        try:
            for folder in (
                self.root,
                self.originals,
                self.media,
                self.media / "thumbs",
                self.index,
            ):
                folder.mkdir(parents=True, exist_ok=True)
        except PermissionError as error:
            raise LibraryReadOnlyError(
                f"cannot create the library {self.root}: {error.strerror} in "
                f"{Path(error.filename or self.root).parent}; choose a folder you can write to"
            ) from None

    def exists(self) -> bool:
        return self.catalogue.is_file()

    def require_writable(self) -> None:
        """Refuse, in one line, a library this process may not write (a read-only disk or
        share, a folder without write permission) before anything is half-done in it."""
        parts = [self.root, self.originals, self.media, self.index, self.catalogue, self.lock]
        if all(not p.exists() or os.access(p, os.W_OK) for p in parts):
            return
        if self.team is not None:  # not the library: this desktop's own part of it
            raise LibraryReadOnlyError(
                f"this desktop's folder for the team library {self.team}, {self.root}, is "
                "read-only (Arsip keeps its search index there); ask for write permission "
                "to it: search, show, export and check still work"
            )
        raise LibraryReadOnlyError(
            f"the library {self.root} is read-only (Arsip cannot write there); copy it to a "
            "folder you can write to, or ask for write permission: search, show, export and "
            "check still work on it"
        )


class WriterLock:
    """An exclusive OS lock on library.lock, held while this process may write the library.

    The file names its holder by pid and start time. The OS lock is the parent process's alone:
    a child it forks closes its copy at once, so nothing it starts can keep a library locked.
    When the holder dies the OS frees the lock; the next writer finds the name it left and says
    so (`acquire` returns a note). A lock still held although the process it names has ended
    (a process that one left behind holds it) is taken over: the file is replaced.
    """

    def __init__(self, path: Path) -> None:
        self._path = path
        self._handle: IO[str] | None = None

    def acquire(self) -> str | None:
        """Take the lock, or raise LibraryLockedError naming the process that holds it.

        Returns a one-line note when the last writer ended without releasing the lock (its
        work may need finishing: the index may lag behind the catalogue), else None.
        """
        note: str | None = None
        with _takeover_guard(self._path.parent):
            handle: IO[str] = open(self._path, "a+", encoding="utf-8")  # noqa: SIM115
            try:
                _lock_file(handle)
            except OSError:
                handle.seek(0)
                holder = handle.read().strip()
                handle.close()
                named = ProcessId.parse(holder)
                if named is None or named.alive() or not _CAN_TAKE_OVER:
                    raise LibraryLockedError(
                        f"the library {self._path.parent} is open in another Arsip process "
                        f"({holder or 'another process'}); close it there first, or choose "
                        "another library with --library"
                    ) from None
                handle = self._replace_file()
                note = (
                    f"the Arsip process that last wrote to this library ({named}) has "
                    "ended, but processes it left behind still held its lock; the lock was "
                    "taken over"
                )
            else:
                handle.seek(0)
                last = ProcessId.parse(handle.read().strip())
                if last is not None and not last.alive():
                    note = (
                        f"the Arsip process that last wrote to this library ({last}) ended "
                        "without closing it; its lock was taken over"
                    )
            handle.seek(0)
            handle.truncate()
            handle.write(str(ProcessId.this_process()))
            handle.flush()
            self._handle = handle
            _HELD.add(self)
        if note:
            log.info("%s: %s", self._path.parent, note)
        return note

    def _replace_file(self) -> IO[str]:
        """A fresh lock file in place of one a gone holder's leftovers keep locked."""
        fresh = self._path.with_name(self._path.name + ".new")
        fresh.write_text("", encoding="utf-8")
        os.replace(fresh, self._path)
        handle = open(self._path, "a+", encoding="utf-8")  # noqa: SIM115 - held until release
        try:
            _lock_file(handle)  # no one else can hold it: acquiring is serialised by the guard
        except OSError:
            handle.close()
            raise LibraryLockedError(
                f"the library {self._path.parent} is being opened by another Arsip process; "
                "try again"
            ) from None
        return handle

    def release(self) -> None:
        if self._handle is None:
            return
        _HELD.discard(self)
        self._handle.seek(0)
        self._handle.truncate()
        self._handle.flush()
        _unlock_file(self._handle)
        self._handle.close()
        self._handle = None

    def _forget_in_child(self) -> None:
        """In a forked child: close this process's copy, leaving the parent's lock alone."""
        if self._handle is not None:
            try:
                os.close(self._handle.fileno())
            except OSError:
                pass
            self._handle = None


# Locks this process holds: a forked child closes its copies (a flock is shared by every copy
# of the descriptor, so a child would otherwise keep the library locked after its parent died).
_HELD: weakref.WeakSet[WriterLock] = weakref.WeakSet()


def _after_fork_in_child() -> None:
    for lock in list(_HELD):
        lock._forget_in_child()
    _HELD.clear()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_after_fork_in_child)


@contextlib.contextmanager
def _takeover_guard(folder: Path) -> Iterator[None]:
    """Writers acquire one at a time (a lock on the library folder itself, held for the moment
    of acquiring), so two of them never both replace a lock file a gone holder left locked."""
    if not _CAN_TAKE_OVER:
        yield
        return
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:  # a folder that cannot be opened so: acquiring is not serialised
        yield
        return
    try:
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX)
        except OSError:  # a file system without locks on folders
            pass
        yield
    finally:
        os.close(descriptor)  # closing the only descriptor releases its lock


if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _lock_file(handle: IO[str]) -> None:
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)

    def _unlock_file(handle: IO[str]) -> None:
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)

    _CAN_TAKE_OVER = False

else:
    import fcntl

    _CAN_TAKE_OVER = True

    def _lock_file(handle: IO[str]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock_file(handle: IO[str]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
