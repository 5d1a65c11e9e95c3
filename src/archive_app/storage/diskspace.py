"""A full disk: recognising it among errors, and how much room the rest of an import needs."""

from __future__ import annotations

import errno
import shutil
import sqlite3
from pathlib import Path

from archive_app.domain.errors import ArchiveError

_FULL = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}
_SQLITE_FULL = 13  # "database or disk is full"
# when an import stops before it stored anything, the room a byte of input takes in a library
# (the original kept byte for byte, the catalogue's rows, the index), measured on JSON Lines
_DEFAULT_GROWTH = 3.0


class DiskFull(ArchiveError):
    """The disk holding the library has no room left; what was committed before stays."""


def is_disk_full(error: BaseException | None) -> bool:
    """Whether `error`, or an error it was raised from, says the disk (or quota) is full."""
    seen: set[int] = set()
    while error is not None and id(error) not in seen:
        seen.add(id(error))
        if isinstance(error, DiskFull):
            return True
        if isinstance(error, OSError) and error.errno in _FULL:
            return True
        if isinstance(error, sqlite3.Error) and (
            getattr(error, "sqlite_errorcode", None) == _SQLITE_FULL
            or "database or disk is full" in str(error)
        ):
            return True
        orig = getattr(error, "orig", None)  # SQLAlchemy wraps the driver's error
        if isinstance(orig, BaseException) and is_disk_full(orig):
            return True
        error = error.__cause__ or error.__context__
    return False


def free_bytes(folder: Path) -> int | None:
    try:
        return shutil.disk_usage(folder).free
    except OSError:
        return None


def size_text(count: float) -> str:
    for unit in ("bytes", "KB", "MB", "GB"):
        if count < 1000 or unit == "GB":
            return f"{count:,.0f} {unit}" if unit == "bytes" else f"{count:,.1f} {unit}"
        count /= 1000
    return f"{count:,.1f} TB"  # pragma: no cover - the loop returns at GB


def room_needed(rest_bytes: int, stored_bytes: int, used_bytes: int | None) -> int:
    """The room the rest of an import needs: its bytes times what a byte of this import took
    so far (at least once over: the originals are kept as they are)."""
    growth = _DEFAULT_GROWTH
    if used_bytes is not None and used_bytes > 0 and stored_bytes > 0:
        growth = max(1.0, used_bytes / stored_bytes)
    return int(rest_bytes * growth)


def stopped_message(folder: Path, files: int, rest_bytes: int, needed: int) -> str:
    """The one line an import stopped by a full disk ends with."""
    noun = "file" if files == 1 else "files"
    return (
        f"the disk holding {folder} is full: {files:,} {noun} ({size_text(rest_bytes)}) "
        f"were not imported and need about {size_text(needed)} more free space; free some "
        "and import again (what was stored is kept, and skipped then)"
    )
