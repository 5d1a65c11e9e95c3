"""Temporary files a killed process left behind: found for `check`, removed when a writer opens.

Inside the library they are recognised by name (an import's `.incoming-*` originals and photos,
an interrupted index rebuild, automatic-backup and repair temporaries). Exports and backups
write their temporaries beside their target, anywhere on disk: while one is written, a note in
<library>/.unfinished names it, so what a killed export or backup left can be found from the
library. Only files older than this process, of a process that is gone, are touched.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import shutil
import sys
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from archive_app.storage.library_folder import LibraryLayout

log = logging.getLogger(__name__)

# when this process loaded Arsip's core: anything written before is not this process's work
STARTED = time.time()
INCOMING = ".incoming-"
REBUILD = ".rebuild"  # FullTextIndex.rebuild stages the new index in index.rebuild
REPAIR_PREFIX = ".catalogue-repair-"
# the endings of temporaries outside the library (exports' .part, backups' .part and .scratch);
# a note naming anything else is never acted on
OUTSIDE_ENDINGS = (".part", ".scratch")


@dataclass(frozen=True, slots=True)
class Leftover:
    """A temporary file or folder an interrupted operation left."""

    path: Path
    what: str
    size: int


def find(layout: LibraryLayout, before: float | None = None) -> list[Leftover]:
    """Leftovers older than `before` (default: this process's start)."""
    cutoff = STARTED if before is None else before
    found: list[Leftover] = []
    for folder in (layout.originals, layout.media):
        if folder.is_dir():
            for path in folder.rglob(f"{INCOMING}*"):
                if _older(path, cutoff):
                    found.append(Leftover(path, "an interrupted import's file", _size(path)))
    rebuild = layout.index.with_name(layout.index.name + REBUILD)
    if rebuild.is_dir() and _older(rebuild, cutoff):
        found.append(Leftover(rebuild, "an interrupted index rebuild", _size(rebuild)))
    if layout.backups.is_dir():
        for path in layout.backups.glob(".*.partial"):
            if _older(path, cutoff):
                found.append(Leftover(path, "an interrupted automatic backup", _size(path)))
    if layout.root.is_dir():
        for path in layout.root.glob(f"{REPAIR_PREFIX}*"):
            if _older(path, cutoff):
                found.append(Leftover(path, "an interrupted repair", _size(path)))
    for _note, target in _dead_notes(layout, cutoff):
        if target is not None and target.exists():
            found.append(Leftover(target, "an interrupted export or backup", _size(target)))
    return found


def clean(layout: LibraryLayout, before: float | None = None) -> list[Leftover]:
    """Remove the leftovers `find` sees (call holding the writer lock); returns them."""
    cutoff = STARTED if before is None else before
    removed = []
    for item in find(layout, cutoff):
        try:
            if item.path.is_dir():
                shutil.rmtree(item.path)
            else:
                item.path.unlink()
        except OSError as error:
            log.warning("could not remove %s (%s)", item.path, error)
            continue
        removed.append(item)
        log.info("removed %s: %s", item.what, item.path)
    for note, target in _dead_notes(layout, cutoff):
        if target is None or not target.exists():
            note.unlink(missing_ok=True)
    return removed


@contextlib.contextmanager
def noting(library: Path | None, temp: Path) -> Iterator[None]:
    """While `temp` (outside the library) is written, a note in the library names it."""
    note = _write_note(library, temp) if library is not None else None
    try:
        yield
    finally:
        if note is not None:
            note.unlink(missing_ok=True)


def _write_note(library: Path, temp: Path) -> Path | None:
    folder = LibraryLayout(library).unfinished
    note = folder / f"{os.getpid()}-{uuid.uuid4().hex[:12]}.json"
    try:
        folder.mkdir(exist_ok=True)
        note.write_text(
            json.dumps({"path": str(temp.resolve()), "pid": os.getpid()}), encoding="utf-8"
        )
    except OSError as error:  # a library on read-only media: the export goes on unnoted
        log.debug("cannot note %s in %s (%s)", temp, folder, error)
        return None
    return note


def _dead_notes(layout: LibraryLayout, cutoff: float) -> Iterator[tuple[Path, Path | None]]:
    """Notes of processes that are gone, with the temporary each names (None: not ours)."""
    if not layout.unfinished.is_dir():
        return
    for note in layout.unfinished.glob("*.json"):
        if not _older(note, cutoff):
            continue
        try:
            entry = json.loads(note.read_text(encoding="utf-8"))
            pid, target = int(entry["pid"]), Path(str(entry["path"]))
        except (OSError, ValueError, KeyError, TypeError):
            yield note, None
            continue
        if _alive(pid):
            continue
        ours = target.name.startswith(".") and target.name.endswith(OUTSIDE_ENDINGS)
        yield note, target if ours else None


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    if sys.platform == "win32":  # pragma: no cover - os.kill would end the process there,
        return True  # so notes are left alone rather than risk a running export's file
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process
        return True
    return True


def _older(path: Path, cutoff: float) -> bool:
    try:
        return path.stat().st_mtime < cutoff
    except OSError:
        return False


def _size(path: Path) -> int:
    try:
        if path.is_dir():
            return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())
        return path.stat().st_size
    except OSError:
        return 0
