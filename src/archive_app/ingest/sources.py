"""Expand the paths a person chose (files and folders, recursively) into files to read."""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class SourceFile:
    """A file to import and how the report names it."""

    path: Path
    display: str


@dataclass(frozen=True, slots=True)
class MissingPath:
    """A chosen path that does not exist or cannot be listed."""

    display: str
    reason: str


def expand(paths: Iterable[str | Path]) -> list[SourceFile | MissingPath]:
    """Files in the order given; a folder's files sorted by path, hidden ones skipped."""
    found: list[SourceFile | MissingPath] = []
    for given in paths:
        path = Path(given).expanduser()
        if path.is_file():
            found.append(SourceFile(path, str(given)))
        elif path.is_dir():
            walked: list[Path] = []
            try:
                for root, dirs, files in os.walk(path, onerror=_raise):
                    dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                    walked.extend(Path(root, f) for f in files if not f.startswith("."))
            except OSError as error:
                found.append(MissingPath(str(given), f"cannot list the folder ({error.strerror})"))
                continue
            found.extend(SourceFile(p, str(p)) for p in sorted(walked)
                         if not is_page_companion(p))
        elif path.exists():
            found.append(MissingPath(str(given), "not a regular file or folder"))
        else:
            found.append(MissingPath(str(given), "no such file or folder"))
    return found


def _raise(error: OSError) -> None:
    raise error


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
