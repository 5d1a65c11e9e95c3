"""Everything a photo file says about itself, for the photo viewer: credits and camera details.

media/metadata.py reads the file (read_embedded) for the credits the catalogue stores at import
time; this turns that same reading into display text, adding the camera's EXIF details, and
gives a damaged file's error instead of raising.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import Element

from PIL import ExifTags

from archive_app.domain.errors import ArchiveError
from archive_app.media.decode import open_image
from archive_app.media.metadata import (
    IPTC_FIELDS,
    XMP_FIELDS,
    Embedded,
    as_text,
    read_embedded,
)

_DATASETS = {name: dataset for dataset, name in IPTC_FIELDS.items()}
# the viewer's key for each IPTC IIM field (record 2), named as media.metadata names them
IPTC = {
    key: _DATASETS[name]
    for key, name in (
        ("title", "ObjectName"),
        ("keywords", "Keywords"),
        ("date", "DateCreated"),
        ("photographer", "By-line"),
        ("photographer_title", "By-lineTitle"),
        ("city", "City"),
        ("country", "Country"),
        ("headline", "Headline"),
        ("credit", "Credit"),
        ("source", "Source"),
        ("copyright", "CopyrightNotice"),
        ("caption", "Caption-Abstract"),
        ("caption_writer", "Writer-Editor"),
    )
}
# XMP properties that say the same things; _tree() keys them by local name
_XMP_KEYS = {
    "dc:creator": "photographer",
    "dc:rights": "copyright",
    "photoshop:Credit": "credit",
    "photoshop:Source": "source",
    "photoshop:Headline": "headline",
    "photoshop:City": "city",
    "photoshop:Country": "country",
    "dc:description": "caption",
    "dc:title": "title",
}
assert set(_XMP_KEYS) <= set(XMP_FIELDS.values())
XMP = {name.partition(":")[2]: key for name, key in _XMP_KEYS.items()}
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


@dataclass(slots=True)
class PhotoDetails:
    """What the file says about itself; `fields` keys are the names above, values plain text."""

    width: int = 0
    height: int = 0
    format: str = ""
    fields: dict[str, str] = field(default_factory=dict)
    sources: dict[str, str] = field(default_factory=dict)  # key -> "IPTC", "XMP" or "EXIF"
    error: str | None = None


def _text(value: Any) -> str:
    """Display text: several values joined, an XMP container's items, and each single value
    as media.metadata decodes it."""
    if isinstance(value, list | tuple):
        return ", ".join(t for t in (_text(v) for v in value) if t)
    if isinstance(value, dict):  # XMP's rdf:Alt / rdf:Seq / rdf:Bag with li items
        for key in ("li", "Alt", "Seq", "Bag", "text"):
            if key in value:
                return _text(value[key])
        return ""
    return as_text(value)


def _iptc(embedded: Embedded, details: PhotoDetails) -> None:
    for key, dataset in IPTC.items():
        value = embedded.iptc.get(dataset)
        if value:
            details.fields[key] = _text(value)
            details.sources[key] = "IPTC"


def _local(tag: str) -> str:
    return re.sub("^{[^}]+}", "", tag)


def _tree(element: Element) -> Any:
    """The XMP element as nested dicts keyed by local name, the shape Pillow's getxmp() gives."""
    value: dict[str, Any] = {_local(k): v for k, v in element.attrib.items()}
    children = list(element)
    if children:
        for child in children:
            name, child_value = _local(child.tag), _tree(child)
            if name in value:
                if not isinstance(value[name], list):
                    value[name] = [value[name]]
                value[name].append(child_value)
            else:
                value[name] = child_value
    elif value:
        if element.text:
            value["text"] = element.text
    else:
        return element.text
    return value


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


def _xmp(embedded: Embedded, details: PhotoDetails) -> None:
    if embedded.xmp is None:
        return
    found: dict[str, str] = {}
    _walk_xmp({_local(embedded.xmp.tag): _tree(embedded.xmp)}, found)
    for key, value in found.items():
        if key not in details.fields:
            details.fields[key] = value
            details.sources[key] = "XMP"


def _exif(embedded: Embedded, details: PhotoDetails) -> None:
    names = ExifTags.TAGS
    for tag, value in embedded.exif.items():
        key = EXIF_BASE.get(names.get(tag, ""))
        if key and key not in details.fields and _text(value):
            details.fields[key] = _text(value)
            details.sources[key] = "EXIF"
    for tag, value in embedded.exif_shot.items():
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
            embedded = read_embedded(image)  # the one reading media.metadata also uses
            _iptc(embedded, details)
            _xmp(embedded, details)
            _exif(embedded, details)
    except (OSError, ValueError, SyntaxError, ArchiveError) as error:
        details.error = str(error)
    return details
