"""Rotating automatic copies of the catalogue in <library>/backups, made when a writer opens it.

A copy is taken with SQLite's backup API (one consistent snapshot), verified with a full
integrity check, and only then given its name; a copy that fails the check is removed and the
older ones are kept. The last KEEP copies are kept, one a day at most.
"""

from __future__ import annotations

import logging
import os
import re
import sqlite3
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from archive_app.db.health import check_file
from archive_app.domain.progress import CancelToken
from archive_app.storage.atomic import fsync_file, move_into_place
from archive_app.storage.library_folder import LibraryLayout

log = logging.getLogger(__name__)

KEEP = 5
EVERY_SECONDS = 24 * 60 * 60
PREFIX = "catalogue-"
PARTIAL = ".partial"
COPY_STEP = 4096  # pages copied between two looks at the cancel token (16 MB)
_NAME = re.compile(r"^catalogue-(\d{8}-\d{6})(?:-\d+)?\.sqlite$")


def automatic_backups(layout: LibraryLayout) -> list[Path]:
    """The verified automatic backups, newest first."""
    if not layout.backups.is_dir():
        return []
    found = [p for p in layout.backups.iterdir() if _NAME.match(p.name) and p.is_file()]
    return sorted(
        found, key=lambda p: (p.name[len(PREFIX) : len(PREFIX) + 15], p.name), reverse=True
    )


def newest(layout: LibraryLayout) -> Path | None:
    found = automatic_backups(layout)
    return found[0] if found else None


def taken_at(path: Path) -> str:
    """When a backup was taken, as people read it ("2026-12-06 03:28")."""
    match = _NAME.match(path.name)
    if not match:
        return path.name
    when = datetime.strptime(match.group(1), "%Y%m%d-%H%M%S")
    return when.strftime("%Y-%m-%d %H:%M")


def due(layout: LibraryLayout, now: float | None = None) -> bool:
    """No automatic backup yet, or the newest is a day old."""
    latest = newest(layout)
    if latest is None:
        return True
    return (now if now is not None else time.time()) - latest.stat().st_mtime >= EVERY_SECONDS


def make(
    layout: LibraryLayout, now: datetime | None = None, cancel: CancelToken | None = None
) -> Path | None:
    """Copy the catalogue into backups/, verify the copy, keep the last KEEP copies.

    Returns the new backup, or None when the copy failed its integrity check (it is removed
    and the older backups kept: a damaged catalogue never replaces a good backup) or when
    `cancel` stopped it (nothing is kept).
    """
    stopped = (lambda: cancel.cancelled) if cancel is not None else None
    layout.backups.mkdir(exist_ok=True)
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
    target = layout.backups / f"{PREFIX}{stamp}.sqlite"
    serial = 1
    while target.exists():
        serial += 1
        target = layout.backups / f"{PREFIX}{stamp}-{serial}.sqlite"
    temp = target.with_name(f".{target.name}{PARTIAL}")
    try:
        copy_catalogue(layout.catalogue, temp, stopped)
        problems = check_file(temp, full=True, cancel=stopped)
        if problems:
            log.warning(
                "automatic backup not kept: the copy of %s fails SQLite's integrity check (%s)",
                layout.catalogue,
                problems[0],
            )
            temp.unlink(missing_ok=True)
            return None
        os.chmod(temp, layout.file_mode())
        fsync_file(temp)
        move_into_place(temp, target)
    except BaseException as error:
        temp.unlink(missing_ok=True)
        if cancel is not None and cancel.cancelled and isinstance(error, _Stopped | sqlite3.Error):
            log.info("automatic backup of %s cancelled", layout.catalogue)
            return None
        raise
    for old in automatic_backups(layout)[KEEP:]:
        old.unlink(missing_ok=True)
    log.info("automatic backup of the catalogue: %s", target)
    return target


class _Stopped(Exception):
    """The copy was cancelled between two steps."""


def copy_catalogue(
    catalogue: Path, target: Path, stopped: Callable[[], bool] | None = None
) -> None:
    """A consistent one-file copy of a catalogue through SQLite's backup API; `stopped`
    is asked between steps of COPY_STEP pages and ends the copy (raising) when true."""
    source = sqlite3.connect(f"file:{catalogue}?mode=ro", uri=True, timeout=30)
    copy = sqlite3.connect(target)

    def step(_status: int, _remaining: int, _total: int) -> None:
        if stopped is not None and stopped():
            raise _Stopped

    try:
        source.backup(copy, pages=COPY_STEP if stopped is not None else -1, progress=step)
        # a backup is one file: no write-ahead log beside it
        copy.execute("PRAGMA journal_mode = DELETE")
    finally:
        copy.close()
        source.close()
