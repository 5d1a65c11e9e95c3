"""Keep imported files byte for byte under originals/, named by their SHA-256."""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path, PurePath

from archive_app.storage.atomic import fsync_file, move_into_place, sync_folder
from archive_app.storage.library_folder import LibraryLayout

_FSYNC_THREADS = 8
_INCOMING = ".incoming-"  # a file written, not yet named by a committed catalogue


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def extension_of(name: str) -> str:
    """ ".jsonl.gz" for "news.jsonl.gz": the suffixes that say what the file is."""
    suffixes = [s.lower() for s in PurePath(name).suffixes if 1 < len(s) <= 8 and s[1:].isalnum()]
    return "".join(suffixes[-2:])


def relative_path(sha256: str, ext: str) -> str:
    return f"originals/{sha256[:2]}/{sha256}{ext}"


@dataclass(frozen=True, slots=True)
class Staged:
    """A file written under a temporary name beside its final one, not yet durable."""

    temp: Path
    target: Path
    # the library's copy was there but its bytes had changed: this file puts them right
    replaces_changed: bool = False


def stage(root: Path, relative: str, data: bytes) -> Staged | None:
    """Write the bytes under a temporary name; None when the library already has the file
    intact (a copy whose bytes changed is replaced: the name is the content's SHA-256)."""
    target = root / relative
    changed = False
    if target.exists():
        if _holds(target, data):
            return None
        changed = True
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(dir=target.parent, prefix=_INCOMING)
    try:
        # mkstemp makes the file private (0600): an original has the library's mode
        os.fchmod(handle, LibraryLayout(root).file_mode())
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    return Staged(Path(temp), target, changed)


def _holds(path: Path, data: bytes) -> bool:
    """Whether the file holds exactly these bytes (the size first: a cheap refusal)."""
    try:
        if path.stat().st_size != len(data):
            return False
        digest = hashlib.sha256()
        with path.open("rb") as stream:
            while block := stream.read(1 << 20):
                digest.update(block)
    except OSError:
        return False
    return digest.hexdigest() == sha256_of(data)


def put_in_place(staged: Sequence[Staged]) -> None:
    """Make staged files durable, then give them their names; call before the catalogue commits.

    The fsyncs run side by side: the file system then shares journal commits among them, where
    one fsync after another cost about a millisecond per file of a folder of page dumps. The
    renames are made durable the same way, each folder once.
    """
    if len(staged) == 1:
        fsync_file(staged[0].temp)
        move_into_place(staged[0].temp, staged[0].target)
        return
    if not staged:
        return
    with ThreadPoolExecutor(max_workers=_FSYNC_THREADS) as pool:
        list(pool.map(fsync_file, [s.temp for s in staged]))
        for item in staged:
            move_into_place(item.temp, item.target, sync=False)
        list(pool.map(sync_folder, sorted({s.target.parent for s in staged})))


def discard(staged: Sequence[Staged]) -> None:
    """Remove staged files that will not be kept."""
    for item in staged:
        item.temp.unlink(missing_ok=True)


def store(root: Path, relative: str, data: bytes) -> bool:
    """Write the file atomically (temp file, fsync, rename); False when it was already there."""
    staged = stage(root, relative, data)
    if staged is None:
        return False
    try:
        put_in_place([staged])
    except BaseException:
        discard([staged])
        raise
    return True
