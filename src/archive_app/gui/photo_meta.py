"""Read the credits and camera details embedded in a photo file (IPTC, XMP, EXIF) with Pillow.

Qt-free and run on worker threads. A `media/` package for credits is planned in the core; until
it exists the photo viewer reads them here.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PIL import ExifTags, Image, ImageFile, IptcImagePlugin

from archive_app.domain.errors import ArchiveError
from archive_app.media.decode import open_image

log = logging.getLogger(__name__)

# IPTC IIM record 2 datasets a newsroom fills in: key -> dataset number
IPTC = {
    "title": 5,
    "keywords": 25,
    "date": 55,
    "photographer": 80,
    "photographer_title": 85,
    "city": 90,
    "country": 101,
    "headline": 105,
    "credit": 110,
    "source": 115,
    "copyright": 116,
    "caption": 120,
    "caption_writer": 122,
}
# XMP properties (local names) that say the same things
XMP = {
    "creator": "photographer",
    "rights": "copyright",
    "Credit": "credit",
    "Source": "source",
    "Headline": "headline",
    "City": "city",
    "Country": "country",
    "description": "caption",
    "title": "title",
}
EXIF_BASE = {
    "Make": "camera_make",
    "Model": "camera_model",
    "Artist": "photographer",
    "Copyright": "copyright",
    "ImageDescription": "caption",
    "DateTime": "modified",
    "Software": "software",
}
EXIF_SHOT = {
    "DateTimeOriginal": "date",
    "ExposureTime": "exposure",
    "FNumber": "aperture",
    "ISOSpeedRatings": "iso",
    "FocalLength": "focal_length",
    "LensModel": "lens",
}
_EXIF_IFD = 0x8769


@dataclass(slots=True)
class PhotoDetails:
    """What the file says about itself; `fields` keys are the names above, values plain text."""

    width: int = 0
    height: int = 0
    format: str = ""
    fields: dict[str, str] = field(default_factory=dict)
    sources: dict[str, str] = field(default_factory=dict)  # key -> "IPTC", "XMP" or "EXIF"
    error: str | None = None


def _text(value: Any, utf8: bool = True) -> str:
    if isinstance(value, bytes):
        for encoding in ("utf-8", "cp1252") if utf8 else ("cp1252",):
            try:
                return value.decode(encoding).strip().strip("\x00")
            except UnicodeDecodeError:
                continue
        return value.decode("latin-1").strip()
    if isinstance(value, list | tuple):
        return ", ".join(t for t in (_text(v, utf8) for v in value) if t)
    if isinstance(value, dict):  # XMP's rdf:Alt / rdf:Seq / rdf:Bag with li items
        for key in ("li", "Alt", "Seq", "Bag", "text"):
            if key in value:
                return _text(value[key], utf8)
        return ""
    return str(value).strip().strip("\x00") if value is not None else ""


def _iptc(image: Image.Image, details: PhotoDetails) -> None:
    if not isinstance(image, ImageFile.ImageFile):
        return
    info = IptcImagePlugin.getiptcinfo(image) or {}
    for key, dataset in IPTC.items():
        value = info.get((2, dataset))
        if value:
            details.fields[key] = _text(value)
            details.sources[key] = "IPTC"


def _walk_xmp(node: Any, found: dict[str, str]) -> None:
    if isinstance(node, dict):
        for key, value in node.items():
            if key in XMP and XMP[key] not in found:
                text = _text(value)
                if text:
                    found[XMP[key]] = text
            _walk_xmp(value, found)
    elif isinstance(node, list):
        for item in node:
            _walk_xmp(item, found)


def _xmp(image: Image.Image, details: PhotoDetails) -> None:
    try:
        tree = image.getxmp()
    except Exception as error:  # malformed XMP is common in the wild; IPTC and EXIF still count
        log.info("unreadable XMP: %s", error)
        return
    found: dict[str, str] = {}
    _walk_xmp(tree, found)
    for key, value in found.items():
        if key not in details.fields:
            details.fields[key] = value
            details.sources[key] = "XMP"


def _exif(image: Image.Image, details: PhotoDetails) -> None:
    exif = image.getexif()
    names = ExifTags.TAGS
    for tag, value in exif.items():
        key = EXIF_BASE.get(names.get(tag, ""))
        if key and key not in details.fields and _text(value):
            details.fields[key] = _text(value)
            details.sources[key] = "EXIF"
    for tag, value in exif.get_ifd(_EXIF_IFD).items():
        key = EXIF_SHOT.get(names.get(tag, ""))
        if key and key not in details.fields and _text(value):
            details.fields[key] = _exposure(key, value)
            details.sources[key] = "EXIF"


def _exposure(key: str, value: Any) -> str:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return _text(value)
    if key == "exposure" and 0 < number < 1:
        return f"1/{round(1 / number)} s"
    if key == "aperture":
        return f"f/{number:g}"
    if key == "focal_length":
        return f"{number:g} mm"
    return f"{number:g}"


def read_details(path: Path) -> PhotoDetails:
    """Everything readable; a damaged file gives its error instead of raising."""
    details = PhotoDetails()
    try:
        with open_image(path.read_bytes()) as image:  # the size is checked before decoding
            details.width, details.height = image.size
            details.format = image.format or ""
            _iptc(image, details)
            _xmp(image, details)
            _exif(image, details)
    except (OSError, ValueError, SyntaxError, ArchiveError) as error:
        details.error = str(error)
    return details
