"""Write a file beside its target and move it into place only when it is complete and durable.

Exports, backups, the CLI's report files and the renames of imported originals go this way:
the file is written under a hidden temporary name in the target's folder, flushed to disk
(fsync), renamed over the target, and the folder is flushed so the rename survives a power cut.
A failure removes the temporary file and leaves an earlier file at the target untouched.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from archive_app.domain.errors import ExportError
from archive_app.storage import leftovers

# An export folder carries this file so a later export may replace it; any other non-empty
# folder is refused rather than deleted (it might be someone's documents).
MARKER = ".arsip-export"

_REASONS = {
    getattr(errno, "EDQUOT", errno.ENOSPC): "the disk quota is used up",
    errno.ENOSPC: "the disk is full",  # after EDQUOT, which falls back to it where missing
    errno.EACCES: "permission denied (the folder is read-only or belongs to someone else)",
    errno.EPERM: "permission denied (the folder is read-only or belongs to someone else)",
    errno.EROFS: "the disk is read-only",
    errno.ENOTDIR: "a part of the path is a file, not a folder",
    errno.EFBIG: "the file is too large for this disk",
}


def failure(target: Path, error: OSError) -> ExportError:
    """One clear line for a failed write, saying that nothing was left behind."""
    if error.errno == errno.ENOENT and not target.parent.exists():
        reason = f"the folder {target.parent} does not exist"
    else:
        reason = _REASONS.get(error.errno or 0) or error.strerror or str(error)
    return ExportError(f"cannot export to {target}: {reason}; nothing was written")


def _temp_beside(target: Path, suffix: str) -> Path:
    """A hidden name beside `target` that nothing complete would have."""
    return target.with_name(f".{target.name}.{uuid.uuid4().hex[:12]}{suffix}")


def _open(path: Path, binary: bool) -> IO[Any]:
    """Create the temporary file (a seam the tests use to fill the disk part-way).

    Created exclusively with the usual permissions (mkstemp's would be owner-only, and an
    export or a report is usually meant for someone else); closed by the caller's `with`.
    """
    if binary:
        return open(path, "xb")
    # newline="" so what a format writes (CRLF in CSV and RIS) is what lands on disk
    return open(path, "x", encoding="utf-8", newline="")


@contextlib.contextmanager
def atomic_stream(
    target: Path, *, binary: bool = False, library: Path | None = None
) -> Iterator[IO[Any]]:
    """A stream into a hidden `.part` file beside `target`, renamed over it when complete.

    Any failure removes the partial file; OSErrors pass as they are. `library` notes the
    `.part` file while it exists, so one a killed process left is found (`check`) and removed
    (the next writer) from the library.
    """
    temp: Path | None = None
    try:
        path = _temp_beside(target, ".part")
        with leftovers.noting(library, path), _open(path, binary) as stream:
            temp = path  # only a file this write created is ever removed
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        move_into_place(path, target)
        temp = None
    finally:
        if temp is not None:
            with contextlib.suppress(OSError):
                temp.unlink(missing_ok=True)


@contextlib.contextmanager
def atomic_path(target: Path, *, library: Path | None = None) -> Iterator[Path]:
    """A hidden `.part` path beside `target` for a writer that wants a file name (a zip):
    when the block ends the file is made durable and renamed over `target`; on a failure it is
    removed. `library` notes it meanwhile (see `atomic_stream`)."""
    temp = _temp_beside(target, ".part")
    try:
        with leftovers.noting(library, temp):
            yield temp
            fsync_file(temp)
            move_into_place(temp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink(missing_ok=True)
        raise


def move_into_place(temp: Path, target: Path, *, sync: bool = True) -> None:
    """Rename a durable temporary file over `target`, then flush the folder (unless the caller
    flushes many folders at once: `sync=False`, then `sync_folder` each)."""
    os.replace(temp, target)
    if sync:
        sync_folder(target.parent)


def fsync_file(path: Path) -> None:
    """Make a file's bytes durable."""
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


@contextlib.contextmanager
def atomic_file(
    target: Path, *, binary: bool = False, library: Path | None = None
) -> Iterator[IO[Any]]:
    """`atomic_stream` for an export: a folder as target is refused, and OSErrors become
    one-line ExportErrors saying that nothing was written; an earlier file at `target` stays
    untouched."""
    target = target.expanduser()
    if target.is_dir():
        raise ExportError(f"{target} is a folder; give a file name to export to")
    try:
        with atomic_stream(target, binary=binary, library=library) as stream:
            yield stream
    except OSError as error:
        raise failure(target, error) from error


@contextlib.contextmanager
def atomic_folder(target: Path, library: Path | None = None) -> Iterator[Path]:
    """A hidden `.part` folder beside `target` to fill, renamed to `target` when complete.

    `target` may be absent, empty, or an earlier Arsip export (which is replaced only once the
    new one is complete); any other existing folder or file is refused before anything is
    written. `library` notes the folder while it exists (see `atomic_file`).
    """
    target = target.expanduser()
    replacing = _check_folder_target(target)
    temp: Path | None = None
    try:
        folder = _temp_beside(target, ".part")
        with leftovers.noting(library, folder):
            os.mkdir(folder)  # the usual permissions, unlike mkdtemp's owner-only ones
            temp = folder
            yield folder
            (folder / MARKER).write_text("exported by Arsip\n", encoding="utf-8")
            _sync_tree(folder)
            _move_folder_into_place(folder, target, replacing)
            temp = None
        sync_folder(target.parent)
    except OSError as error:
        raise failure(target, error) from error
    finally:
        if temp is not None:
            shutil.rmtree(temp, ignore_errors=True)


def _move_folder_into_place(temp: Path, target: Path, replacing: bool) -> None:
    """Rename the finished folder to `target`, putting an earlier export back if that fails."""
    if not replacing:
        if target.is_dir():
            target.rmdir()  # empty (checked before writing); not every system renames over it
        os.rename(temp, target)
        return
    old = target.with_name(f".{target.name}.{uuid.uuid4().hex[:8]}.old")
    os.rename(target, old)
    try:
        os.rename(temp, target)
    except OSError:
        os.rename(old, target)
        raise
    shutil.rmtree(old, ignore_errors=True)


def _check_folder_target(target: Path) -> bool:
    """Whether `target` is an earlier export to replace; refuse anything else in the way."""
    if target.is_file():
        raise ExportError(f"{target} is a file; give a folder name to export to")
    if not target.is_dir():
        return False
    if (target / MARKER).is_file():
        return True
    if any(target.iterdir()):
        raise ExportError(
            f"{target} already holds other files; choose a new or empty folder "
            "(nothing was written)"
        )
    return False


def _sync_tree(folder: Path) -> None:
    """Flush every file of a finished export folder to disk before it is renamed into place."""
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            with open(path, "rb") as stream:
                os.fsync(stream.fileno())
    sync_folder(folder)


def sync_folder(folder: Path) -> None:
    """Make a rename durable; some file systems cannot sync a folder, which is harmless."""
    try:
        handle = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(handle)
    except OSError:
        pass
    finally:
        os.close(handle)
