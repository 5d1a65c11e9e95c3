"""A ZIP of the original files behind some articles, re-hashed as they go in, with a manifest."""

from __future__ import annotations

import hashlib
import json
import re
import zipfile
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import IO

from archive_app import __version__
from archive_app.domain.model import ArticleDetail
from archive_app.exports.html_folder import FileFinder, file_finder

# already compressed: deflating them again only costs time
_STORED = frozenset(
    {
        ".jpg",
        ".jpeg",
        ".png",
        ".gif",
        ".webp",
        ".gz",
        ".zip",
        ".bz2",
        ".xz",
        ".zst",
        ".7z",
        ".mp4",
        ".pdf",
        ".tif",
        ".tiff",
        ".heic",
    }
)
_UNSAFE = re.compile(r'[\x00-\x1f<>:"|?*\\/]')
_CHUNK = 1 << 20


@dataclass(slots=True)
class Entry:
    """One original file in the ZIP (or missing from it) and the articles it holds."""

    name: str | None
    original_name: str
    sha256: str
    size: int | None = None
    articles: list[int] = field(default_factory=list)
    status: str = "ok"  # "ok", "changed" (its bytes no longer match) or "missing"
    found_sha256: str | None = None
    library_path: str | None = None


def _safe_name(name: str) -> str:
    """A plain file name: no folders, no characters unzip tools refuse."""
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    return _UNSAFE.sub("_", base).lstrip(".") or "original"


def _split(name: str) -> tuple[str, str]:
    """("news", ".warc.gz") — a compression suffix stays with the one before it."""
    path = Path(name)
    suffixes = path.suffixes[-2:] if path.suffix in (".gz", ".bz2", ".xz") else path.suffixes[-1:]
    suffix = "".join(suffixes)
    return name[: len(name) - len(suffix)] or name, suffix if len(suffix) < len(name) else ""


def collect(details: Iterable[ArticleDetail]) -> tuple[list[int], list[Entry]]:
    """The article ids, and every original behind them (all their versions) once per content,
    in order."""
    articles: list[int] = []
    entries: dict[str, Entry] = {}
    for detail in details:
        articles.append(detail.id)
        for source in detail.provenance:
            entry = entries.setdefault(
                source.sha256,
                Entry(
                    None, _safe_name(source.file), source.sha256, library_path=source.original_path
                ),
            )
            if detail.id not in entry.articles:
                entry.articles.append(detail.id)
    return articles, list(entries.values())


def _zip_name(entry: Entry, taken: set[str]) -> str:
    """The original file name, or name-<sha8>.ext when another file has that name (compared
    case-insensitively, as Windows and macOS unpack them)."""
    name = entry.original_name
    if name.casefold() in taken:
        stem, suffix = _split(name)
        name = f"{stem}-{entry.sha256[:8]}{suffix}"
    taken.add(name.casefold())
    return name


def _zip_time(path: Path) -> tuple[int, int, int, int, int, int]:
    """The file's time (when it was archived), as ZIP's 1980-or-later fields."""
    moment = datetime.fromtimestamp(max(path.stat().st_mtime, 315532800.0))  # 1980-01-01
    return (moment.year, moment.month, moment.day, moment.hour, moment.minute, moment.second)


def _add(archive: zipfile.ZipFile, entry: Entry, source: Path) -> None:
    """Copy one original in, hashing the bytes actually written."""
    digest = hashlib.sha256()
    size = 0
    info = zipfile.ZipInfo(f"originals/{entry.name}", date_time=_zip_time(source))
    stored = Path(entry.original_name).suffix.lower() in _STORED
    info.compress_type = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
    with open(source, "rb") as reader, archive.open(info, "w", force_zip64=True) as writer:
        while chunk := reader.read(_CHUNK):
            digest.update(chunk)
            writer.write(chunk)
            size += len(chunk)
    entry.size = size
    if digest.hexdigest() != entry.sha256:
        entry.status = "changed"
        entry.found_sha256 = digest.hexdigest()


def write_originals_zip(
    stream: IO[bytes],
    details: Iterable[ArticleDetail],
    library: Path | FileFinder,
    problems: list[str],
) -> int:
    """originals/<file names>, manifest.json and manifest-sha256.txt; returns the article count.

    The manifest lists, per file: its name in the ZIP, the original file name, the SHA-256 the
    catalogue recorded, its size and the articles from it, with status "changed" (and the hash
    found) when the bytes no longer match, or "missing". manifest-sha256.txt holds the recorded
    hashes in `sha256sum -c` form, so a changed file also fails that check after unzipping.
    """
    articles, entries = collect(details)
    find = file_finder(library)
    taken = {"manifest.json", "manifest-sha256.txt"}
    with zipfile.ZipFile(stream, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as archive:
        for entry in entries:
            source = find(entry.library_path)
            if source is None:
                entry.status = "missing"
                problems.append(
                    f"the original {entry.original_name} (sha256 "
                    f"{entry.sha256[:12]}…) is missing from the library"
                )
                continue
            entry.name = _zip_name(entry, taken)
            _add(archive, entry, source)
            if entry.status == "changed":
                problems.append(
                    f"the original {entry.original_name} has changed since it was "
                    f"imported (sha256 {entry.found_sha256}, expected "
                    f"{entry.sha256}); it is in the ZIP as found"
                )
        manifest = {
            "generator": f"Arsip {__version__}",
            "created": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "articles": articles,
            "files": [{k: v for k, v in asdict(e).items() if k != "library_path"} for e in entries],
        }
        archive.writestr("manifest.json", json.dumps(manifest, ensure_ascii=False, indent=2))
        archive.writestr(
            "manifest-sha256.txt",
            "".join(f"{e.sha256}  originals/{e.name}\n" for e in entries if e.name),
        )
    return len(articles)
