"""Which members of a zip are files to import, and reading them with their sizes counted."""

from __future__ import annotations

import io
import posixpath
import zipfile
import zlib
from collections.abc import Callable
from pathlib import PurePosixPath

from archive_app.ingest.context import MAX_SIBLING_BYTES, Resolver, relative_reference
from archive_app.ingest.zipfiles.safety import MAX_MEMBER, Budget

# Files operating systems leave in folders; never articles.
_SYSTEM_FILES = frozenset({"thumbs.db", "desktop.ini", "icon\r"})
_CHUNK = 1 << 20
# the suffixes of a saved page beside its "_files" folder (as sources.is_page_companion)
PAGE_SUFFIXES = (".html", ".htm", ".xhtml", ".mhtml")


class Refused(Exception):
    """A member that cannot or must not be read; the message says why. `final` when the
    whole zip's budget is spent, so no later member may be read either."""

    def __init__(self, message: str, final: bool = False) -> None:
        super().__init__(message)
        self.final = final


def member_path(info: zipfile.ZipInfo) -> str:
    """The member's path with "/" separators (zips made on Windows may use "\\")."""
    return info.filename.replace("\\", "/")


def is_metadata(path: str) -> bool:
    """Hidden files and folders, macOS resource forks (__MACOSX/) and Windows thumbnails."""
    parts = PurePosixPath(path).parts
    return any(p.startswith(".") or p == "__MACOSX" for p in parts) or (
        bool(parts) and parts[-1].lower() in _SYSTEM_FILES
    )


def is_page_companion(path: str, names: frozenset[str]) -> bool:
    """A file in the "<page>_files" folder of a saved page that is in the same zip: it belongs
    to the page (its photos are read from there), as on disk (sources.is_page_companion)."""
    folder = PurePosixPath(path).parent
    while folder.name:
        if folder.name.endswith("_files"):
            stem = folder.name[: -len("_files")]
            if any(str(folder.parent / f"{stem}{suffix}") in names for suffix in PAGE_SUFFIXES):
                return True
        folder = folder.parent
    return False


def read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, budget: Budget) -> bytes:
    """The member's bytes, counted as they are decompressed against what it declared, the
    per-member limit and the whole zip's budget; Refused with the reason otherwise."""
    out = io.BytesIO()
    try:
        with archive.open(info) as stream:
            while chunk := stream.read(_CHUNK):
                out.write(chunk)
                if out.tell() > min(info.file_size, MAX_MEMBER):
                    raise Refused("zip bomb refused: the member unpacks to more than it declares")
                if (problem := budget.take(len(chunk))) is not None:
                    raise Refused(problem, final=True)
    except RuntimeError as error:  # zipfile's "password required" for encrypted members
        raise Refused(f"the member cannot be read ({error})") from error
    except NotImplementedError as error:
        raise Refused(
            f"the member is compressed with a method Arsip cannot read ({error})"
        ) from error
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError) as error:
        raise Refused(f"the member is damaged ({error})") from error
    return out.getvalue()


def zip_resolver(
    archive: zipfile.ZipFile,
    infos: dict[str, zipfile.ZipInfo],
    folder: str,
    budget: Budget,
    refusal: Callable[[zipfile.ZipInfo], str | None],
) -> Resolver:
    """Resolve a member's references against its folder in the zip, never leaving the zip.

    Like context.member_resolver, but members are read only when a reference asks for them,
    so a zip of many photos is never held in memory at once.
    """

    def resolve(ref: str) -> bytes | None:
        relative = relative_reference(ref)
        if relative is None:
            return None
        path = posixpath.normpath(posixpath.join(folder, relative))
        info = infos.get(path)
        if info is None or info.file_size > MAX_SIBLING_BYTES or refusal(info) is not None:
            return None
        try:
            return read_member(archive, info, budget)
        except Refused:
            return None

    return resolve
