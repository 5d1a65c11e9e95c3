"""Archive photo files under media/, content-addressed, with a thumbnail and their metadata."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from archive_app.media.decode import inspect_image
from archive_app.media.metadata import embedded_credit, read_metadata
from archive_app.media.thumbnails import make_thumbnail
from archive_app.storage import originals


@dataclass(slots=True)
class ArchivedPhoto:
    """A photo file kept in the library, what it says about itself, and the files written."""

    sha256: str
    path: str
    thumbnail: str
    size: int
    mime: str
    width: int
    height: int
    metadata: dict[str, Any]
    credit: dict[str, str | None]
    written: list[Path] = field(default_factory=list)


def archive_photo(root: Path, data: bytes) -> ArchivedPhoto:
    """Check, store and thumbnail one photo; raises ReadError for a bomb or a damaged file.

    A file already in the library (the same photo in several articles) is not written again.
    """
    info = inspect_image(data)
    metadata = read_metadata(data)
    sha256 = originals.sha256_of(data)
    path = f"media/{sha256[:2]}/{sha256}{info.extension}"
    thumbnail = f"media/thumbs/{sha256[:2]}/{sha256}.jpg"
    written: list[Path] = []
    if originals.store(root, path, data):
        written.append(root / path)
    if not (root / thumbnail).exists() and originals.store(root, thumbnail, make_thumbnail(data)):
        written.append(root / thumbnail)
    return ArchivedPhoto(
        sha256,
        path,
        thumbnail,
        len(data),
        info.mime,
        info.width,
        info.height,
        metadata,
        embedded_credit(metadata),
        written,
    )
