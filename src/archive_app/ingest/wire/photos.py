"""The bytes of a wire photo, when the file came with the XML: beside it, in "photos/", or in
the same zip; never from the network.

Agencies deliver a picture item's JPEG next to its XML, named after the item's reference, the
item's id, or the XML file itself (dpa: "urn:newsml:dpa.com:20090101:171117-90-000086.jpg",
often saved with ":" as "_", sometimes under the same source prefix as the XML file).
"""

from __future__ import annotations

from pathlib import PurePosixPath
from urllib.parse import unquote, urlsplit

from archive_app.ingest.context import ReadContext
from archive_app.ingest.detect import image_format

_FOLDERS = ("", "photos/", "images/", "pictures/")
_PREFIXES = 3  # "dpa_", "dpa_picture_", "dpa_picture_urn_": a source prefix is short
_EXTENSIONS = (".jpg", ".jpeg", ".png", ".tif", ".gif", ".webp")


def _local(ref: str) -> str | None:
    """A reference that can name a file beside the XML: relative, or a file: URL's path."""
    parts = urlsplit(ref.strip())
    if parts.scheme in ("", "file") and not parts.netloc:
        path = unquote(parts.path).strip().lstrip("/")
        path = path[2:] if path.startswith("./") else path
        return path or None
    return None


def _names(refs: list[str], ids: list[str], stem: str) -> list[str]:
    """Candidate file names, most specific first, without repeats."""
    names: list[str] = []
    for ref in refs:
        local = _local(ref)
        if local:
            names += [local, PurePosixPath(local).name]
    bases = [*(i for i in ids if i), stem]
    bases += [b.replace(":", "_") for b in bases]
    # the XML file may carry a source prefix ("dpa_picture_") before the id
    prefixes = ["", *[stem[: i + 1] for i, ch in enumerate(stem) if ch == "_"][:_PREFIXES]]
    for base in bases:
        for prefix in prefixes:
            if stem.startswith(prefix) and not base.startswith(prefix):
                names += [f"{prefix}{base}{ext}" for ext in _EXTENSIONS]
            names += [f"{base}{ext}" for ext in _EXTENSIONS]
    return list(dict.fromkeys(n for n in names if n))


def photo_data(refs: list[str], ids: list[str], context: ReadContext) -> bytes | None:
    """The first image file found for a photo among the places agencies put it."""
    stem = PurePosixPath(context.name).stem
    for name in _names(refs, ids, stem):
        for folder in _FOLDERS:
            if folder and "/" in name:
                continue
            data = context.resolve(folder + name)
            if data and image_format(data) is not None:
                return data
    return None
