"""Refuse what a zip must not do: paths that leave its folder, encryption, and zip bombs.

Sizes are checked twice: the sizes the zip declares, before anything is decompressed, and the
bytes actually produced, counted while decompressing (a crafted zip can declare anything).
"""

from __future__ import annotations

import re
import zipfile
from pathlib import PurePosixPath

from archive_app.ingest.bombs import MAX_RATIO, MAX_UNPACKED, RATIO_FLOOR
from archive_app.ingest.bombs import size_text as _size

# All members together: the same ceiling as a gzip file (far beyond any real article export).
MAX_TOTAL = MAX_UNPACKED
# One member: a large WARC or photo archive fits; a bomb's single member does not.
MAX_MEMBER = 1024**3
_DRIVE = re.compile(r"^[A-Za-z]:")


def unsafe_path(name: str) -> str | None:
    """Why a member's path would leave the zip's folder, or None when it stays inside."""
    path = name.replace("\\", "/")
    if path.startswith("/"):
        return "its path is absolute"
    if _DRIVE.match(path):
        return "its path names a drive"
    if ".." in PurePosixPath(path).parts:
        return 'its path climbs out of the zip\'s folder ("..")'
    if "\x00" in path:
        return "its path contains a NUL character"
    return None


def declared_problem(infos: list[zipfile.ZipInfo]) -> str | None:
    """Why the zip as a whole is refused from its declared sizes alone, or None."""
    total = sum(info.file_size for info in infos)
    if total > MAX_TOTAL:
        return (
            f"zip bomb refused: its members declare {_size(total)} uncompressed, over the "
            f"{_size(MAX_TOTAL)} limit"
        )
    return None


def member_problem(info: zipfile.ZipInfo) -> str | None:
    """Why one member is refused before it is decompressed, or None."""
    if info.flag_bits & 0x1:
        return "the member is encrypted (password-protected); Arsip cannot read it"
    if info.file_size > MAX_MEMBER:
        return (
            f"zip bomb refused: the member declares {_size(info.file_size)} uncompressed, "
            f"over the {_size(MAX_MEMBER)} limit for one member"
        )
    if info.file_size > RATIO_FLOOR:
        ratio = info.file_size / max(info.compress_size, 1)
        if ratio > MAX_RATIO:
            return (
                f"zip bomb refused: the member would unpack {ratio:,.0f} times its "
                f"compressed size ({_size(info.file_size)}), beyond any real file"
            )
    return None


class Budget:
    """Bytes decompressed so far across the whole zip, checked as they are produced."""

    def __init__(self) -> None:
        self.used = 0

    def take(self, count: int) -> str | None:
        self.used += count
        if self.used > MAX_TOTAL:
            return (
                f"zip bomb refused: the members unpack to more than {_size(MAX_TOTAL)} "
                "in all; the rest of the zip is not read"
            )
        return None
