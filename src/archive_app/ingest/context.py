"""What a reader may know about where its file came from, and how to fetch files beside it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

# A resolver returns the bytes of a file the page refers to (a relative path or URL), or None.
Resolver = Callable[[str], bytes | None]
MAX_SIBLING_BYTES = 50 * 1024 * 1024


def _no_files(_ref: str) -> bytes | None:
    return None


@dataclass(frozen=True, slots=True)
class ReadContext:
    """The file's name, its path on disk (when it has one), its path inside a container, and
    a resolver for the files it refers to (images in a saved page's _files folder or a zip)."""

    name: str
    path: Path | None = None
    member: str | None = None
    resolve: Resolver = field(default=_no_files)
    # an explicit column mapping for tables (catalogue field -> source column)
    columns: dict[str, str] | None = None
    # what decoding the file's text noted (bytes replaced): flagged on the records it touched
    notes: list[str] = field(default_factory=list)


def relative_reference(ref: str) -> str | None:
    """A page's reference to a local file as a relative path; None for remote or data URLs."""
    parts = urlsplit(ref.strip())
    if parts.scheme in ("http", "https", "data", "javascript", "mailto") or parts.netloc:
        return None
    path = unquote(parts.path)
    return path or None


def folder_resolver(base: Path) -> Resolver:
    """Resolve references against the folder of a file on disk, never leaving that folder."""
    resolved: list[Path] = []  # the folder's real path, found on first use: most files of a
    # big import refer to nothing, and resolving costs a system call per path component

    def resolve(ref: str) -> bytes | None:
        relative = relative_reference(ref)
        if relative is None:
            return None
        if not resolved:
            resolved.append(base.resolve())
        root = resolved[0]
        target = (root / relative).resolve()
        if not target.is_relative_to(root) or not target.is_file():
            return None
        if target.stat().st_size > MAX_SIBLING_BYTES:
            return None
        return target.read_bytes()

    return resolve


def member_resolver(members: dict[str, bytes], folder: str) -> Resolver:
    """Resolve references against a folder inside a container (paths use "/")."""

    def resolve(ref: str) -> bytes | None:
        relative = relative_reference(ref)
        if relative is None:
            return None
        parts: list[str] = []
        for part in PurePosixPath(folder, relative).parts:
            if part == "..":
                if not parts:
                    return None
                parts.pop()
            elif part not in (".", "/"):
                parts.append(part)
        return members.get("/".join(parts))

    return resolve
