"""Expand the paths a person chose (files and folders, recursively) into files to read."""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from archive_app.domain.errors import ReadError
from archive_app.domain.printable import printable


@dataclass(frozen=True, slots=True)
class SourceFile:
    """A file to import and how the report names it (bytes that are not UTF-8 as \\xNN)."""

    path: Path
    display: str

    @property
    def name(self) -> str:
        """The file's name as the catalogue keeps it."""
        return printable(self.path.name)


@dataclass(frozen=True, slots=True)
class MissingPath:
    """A chosen path that does not exist or cannot be listed."""

    display: str
    reason: str


@dataclass(frozen=True, slots=True)
class SkippedPath:
    """Something in a chosen folder that is not a file to read (a pipe, a socket, a device, a
    broken link): reported, never opened (opening a pipe waits for a writer forever)."""

    display: str
    reason: str


Found = SourceFile | MissingPath | SkippedPath


def expand(paths: Iterable[str | Path]) -> list[Found]:
    """Files in the order given; a folder's files sorted by path, hidden ones skipped."""
    found: list[Found] = []
    for given in paths:
        path = Path(given).expanduser()
        shown = printable(str(given))
        try:
            mode = path.stat().st_mode
        except OSError as error:
            if error.errno != errno.ENOENT:
                reason = f"cannot be read ({error.strerror})"
            else:
                reason = _BROKEN_LINK if path.is_symlink() else "no such file or folder"
            found.append(MissingPath(shown, reason))
            continue
        if stat.S_ISREG(mode):
            found.append(SourceFile(path, shown))
        elif stat.S_ISDIR(mode):
            try:
                walked, skipped = _walk(path)
            except OSError as error:
                found.append(MissingPath(shown, f"cannot list the folder ({error.strerror})"))
                continue
            found.extend(
                SourceFile(p, printable(str(p))) for p in sorted(walked) if not is_page_companion(p)
            )
            found.extend(
                SkippedPath(
                    printable(str(p)),
                    f"skipped: {kind}"
                    if kind == _BROKEN_LINK
                    else f"skipped: {kind}, not a regular file",
                )
                for p, kind in sorted(skipped)
            )
        else:
            found.append(MissingPath(shown, f"{_kind(mode)}, not a regular file or folder"))
    return found


_BROKEN_LINK = "a link to something that is not there"


def _walk(folder: Path) -> tuple[list[Path], list[tuple[Path, str]]]:
    """The regular files under `folder` (hidden ones and links to folders left out), and what
    else was there. A directory entry's type comes with the listing, so nothing is opened."""
    files: list[Path] = []
    skipped: list[tuple[Path, str]] = []
    pending = [folder]
    while pending:
        with os.scandir(pending.pop()) as entries:
            for entry in entries:
                if entry.name.startswith("."):
                    continue
                if entry.is_dir(follow_symlinks=False):
                    pending.append(Path(entry.path))
                    continue
                try:
                    mode = entry.stat().st_mode  # follows a link to what it names
                except OSError:
                    skipped.append((Path(entry.path), _BROKEN_LINK))
                    continue
                if stat.S_ISREG(mode):
                    files.append(Path(entry.path))
                elif not stat.S_ISDIR(mode):  # a link to a folder is not followed, as before
                    skipped.append((Path(entry.path), _kind(mode)))
    return files, skipped


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a file"


def read_file(path: Path) -> bytes:
    """A regular file's bytes. Opened without waiting and checked once open, so a pipe or a
    device put where a file was listed is refused rather than read (or waited on) forever."""
    try:
        handle = os.open(
            path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
        )
    except OSError as error:
        raise ReadError(f"cannot read the file ({error.strerror})") from error
    try:
        mode = os.fstat(handle).st_mode
        if not stat.S_ISREG(mode):
            raise ReadError(f"{_kind(mode)}, not a regular file")
        with os.fdopen(handle, "rb", closefd=False) as stream:
            return stream.read()
    except OSError as error:
        raise ReadError(f"cannot read the file ({error.strerror})") from error
    finally:
        os.close(handle)


_PAGE_SUFFIXES = (".html", ".htm", ".xhtml", ".mhtml")


def is_page_companion(path: Path) -> bool:
    """A file in the "<page>_files" folder a browser saves beside "<page>.html": it belongs to
    that page (its photos are read from there) and is not an article of its own."""
    for folder in path.parents:
        if folder.name.endswith("_files"):
            stem = folder.name[: -len("_files")]
            if any((folder.parent / f"{stem}{suffix}").exists() for suffix in _PAGE_SUFFIXES):
                return True
    return False
