"""The library folder on disk: where its parts live, the default location, the writer lock."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import IO

import platformdirs

from archive_app.core.errors import LibraryLockedError, LibraryReadOnlyError

ENV_VAR = "ARCHIVE_APP_LIBRARY"


def default_library_path() -> Path:
    """The library named by ARCHIVE_APP_LIBRARY, else one in the user's data folder."""
    chosen = os.environ.get(ENV_VAR)
    if chosen:
        return Path(chosen).expanduser()
    return platformdirs.user_data_path("Arsip", appauthor=False) / "Library"


@dataclass(frozen=True, slots=True)
class LibraryLayout:
    """The fixed names inside a library folder."""

    root: Path

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
            for folder in (self.root, self.originals, self.media, self.media / "thumbs",
                           self.index):
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
        raise LibraryReadOnlyError(
            f"the library {self.root} is read-only (Arsip cannot write there); copy it to a "
            "folder you can write to, or ask for write permission: search, show, export and "
            "check still work on it"
        )


class WriterLock:
    """An exclusive OS lock on library.lock, held while this process may write the library.

    The OS releases the lock when the process dies, so a crash never leaves a stale lock.
    """

    def __init__(self, path: Path) -> None:
        self._path = path
        self._handle: IO[str] | None = None

    def acquire(self) -> None:
        handle = open(self._path, "a+", encoding="utf-8")  # noqa: SIM115 - held until release
        try:
            _lock_file(handle)
        except OSError:
            handle.seek(0)
            holder = handle.read().strip() or "another process"
            handle.close()
            raise LibraryLockedError(
                f"the library {self._path.parent} is open in another Arsip process "
                f"({holder}); close it there first, or choose another library with --library"
            ) from None
        handle.seek(0)
        handle.truncate()
        handle.write(f"pid {os.getpid()}")
        handle.flush()
        self._handle = handle

    def release(self) -> None:
        if self._handle is None:
            return
        self._handle.seek(0)
        self._handle.truncate()
        self._handle.flush()
        _unlock_file(self._handle)
        self._handle.close()
        self._handle = None


if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _lock_file(handle: IO[str]) -> None:
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)

    def _unlock_file(handle: IO[str]) -> None:
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _lock_file(handle: IO[str]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock_file(handle: IO[str]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
