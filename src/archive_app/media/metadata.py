"""Credits and captions embedded in photo files: IPTC-IIM, XMP and EXIF, as plain strings.

read_embedded is the one place a photo's metadata is read from the file; read_metadata (the
credits the catalogue stores) and media/photo_details.py (the viewer's details) both start there.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any
from xml.etree.ElementTree import Element

from defusedxml import ElementTree
from PIL import ExifTags, Image, IptcImagePlugin

from archive_app.media.decode import open_image

# IPTC-IIM dataset (record 2) -> the name IPTC gives it
IPTC_FIELDS = {
    5: "ObjectName",
    25: "Keywords",
    80: "By-line",
    85: "By-lineTitle",
    90: "City",
    95: "Province-State",
    101: "Country",
    105: "Headline",
    110: "Credit",
    115: "Source",
    116: "CopyrightNotice",
    120: "Caption-Abstract",
    122: "Writer-Editor",
    55: "DateCreated",
}
XMP_FIELDS = {
    "{http://purl.org/dc/elements/1.1/}creator": "dc:creator",
    "{http://purl.org/dc/elements/1.1/}rights": "dc:rights",
    "{http://purl.org/dc/elements/1.1/}description": "dc:description",
    "{http://purl.org/dc/elements/1.1/}title": "dc:title",
    "{http://ns.adobe.com/photoshop/1.0/}Credit": "photoshop:Credit",
    "{http://ns.adobe.com/photoshop/1.0/}Source": "photoshop:Source",
    "{http://ns.adobe.com/photoshop/1.0/}Headline": "photoshop:Headline",
    "{http://ns.adobe.com/photoshop/1.0/}City": "photoshop:City",
    "{http://ns.adobe.com/photoshop/1.0/}Country": "photoshop:Country",
}
EXIF_FIELDS = (
    "DateTimeOriginal",
    "DateTime",
    "Make",
    "Model",
    "Orientation",
    "Artist",
    "Copyright",
    "ImageDescription",
)


_PADDING = re.compile(r"^[\s\x00]+|[\s\x00]+$")


def as_text(value: Any) -> str:
    """One stored value as text, the one decoding of metadata bytes: UTF-8, else Windows-1252
    (what IPTC without a declared character set mostly is), else Latin-1; the blanks and NUL
    padding at either end are trimmed. None is ""."""
    if value is None:
        return ""
    if isinstance(value, bytes):
        for encoding in ("utf-8", "cp1252", "latin-1"):
            try:
                text = value.decode(encoding)
            except UnicodeDecodeError:
                continue
            break
    else:
        text = str(value)
    return _PADDING.sub("", text)


@dataclass(frozen=True, slots=True)
class Embedded:
    """What a photo file carries, read once and not yet turned into text."""

    iptc: dict[int, Any]  # IPTC-IIM record 2 dataset -> raw value, for the IPTC_FIELDS datasets
    xmp: Element | None  # the parsed x:xmpmeta element, None when absent or malformed
    exif: dict[int, Any]  # EXIF tag -> value from the main IFD, in file order
    exif_shot: dict[int, Any]  # the same from the Exif sub-IFD (exposure, lens, date taken)


def _iptc_datasets(image: Image.Image) -> dict[int, Any]:
    raw = IptcImagePlugin.getiptcinfo(image) or {}  # type: ignore[arg-type]
    return {
        dataset: value
        for (record, dataset), value in raw.items()
        if record == 2 and dataset in IPTC_FIELDS
    }


def _xmp_packet(image: Image.Image) -> bytes | None:
    packet = image.info.get("xmp") or image.info.get("XML:com.adobe.xmp")
    if isinstance(packet, str):
        return packet.encode("utf-8")
    return packet if isinstance(packet, bytes) else None


def _xmp_root(image: Image.Image) -> Element | None:
    packet = _xmp_packet(image)
    if not packet:
        return None
    start, end = packet.find(b"<x:xmpmeta"), packet.rfind(b"</x:xmpmeta>")
    if start < 0 or end < 0:
        return None
    try:
        root: Element = ElementTree.fromstring(packet[start : end + len(b"</x:xmpmeta>")])
    except ElementTree.ParseError:
        return None  # malformed XMP is common in the wild; IPTC and EXIF still count
    return root


def read_embedded(image: Image.Image) -> Embedded:
    """The file's IPTC datasets, XMP tree and EXIF tags, as found."""
    exif = image.getexif()
    return Embedded(
        _iptc_datasets(image),
        _xmp_root(image),
        dict(exif),
        dict(exif.get_ifd(ExifTags.IFD.Exif)),
    )


def _iptc(datasets: dict[int, Any]) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for dataset, value in datasets.items():
        name = IPTC_FIELDS[dataset]
        values = value if isinstance(value, list) else [value]
        texts = [t for t in (as_text(v) for v in values) if t]
        if texts:
            found[name] = texts if name == "Keywords" or len(texts) > 1 else texts[0]
    return found


def _xmp(root: Element | None) -> dict[str, Any]:
    if root is None:
        return {}
    found: dict[str, Any] = {}
    for element in root.iter():
        name = XMP_FIELDS.get(element.tag)
        if name:
            texts = [t.strip() for t in element.itertext() if t.strip()]
            if texts:
                found[name] = texts[0] if len(texts) == 1 else texts
        for attribute, value in element.attrib.items():
            attr_name = XMP_FIELDS.get(attribute)
            if attr_name and value.strip():
                found.setdefault(attr_name, value.strip())
    return found


def _exif(embedded: Embedded) -> dict[str, Any]:
    merged = dict(embedded.exif)
    merged.update(embedded.exif_shot)
    found: dict[str, Any] = {}
    for tag, value in merged.items():
        name = ExifTags.TAGS.get(tag)
        if name in EXIF_FIELDS:
            text = as_text(value)
            if text:
                found[name] = text
    return found


def read_metadata(data: bytes) -> dict[str, dict[str, Any]]:
    """{"iptc": {...}, "xmp": {...}, "exif": {...}} with whatever the file carries."""
    image = open_image(data)
    try:
        embedded = read_embedded(image)
    finally:
        image.close()
    return {"iptc": _iptc(embedded.iptc), "xmp": _xmp(embedded.xmp), "exif": _exif(embedded)}


def _first(value: Any) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    return str(value) if value else None


def embedded_credit(metadata: dict[str, dict[str, Any]]) -> dict[str, str | None]:
    """Caption, credit, photographer, agency and copyright as the file states them."""
    iptc, xmp, exif = metadata.get("iptc", {}), metadata.get("xmp", {}), metadata.get("exif", {})
    return {
        "caption": _first(iptc.get("Caption-Abstract"))
        or _first(xmp.get("dc:description"))
        or _first(exif.get("ImageDescription")),
        "credit": _first(iptc.get("Credit")) or _first(xmp.get("photoshop:Credit")),
        "photographer": _first(iptc.get("By-line"))
        or _first(xmp.get("dc:creator"))
        or _first(exif.get("Artist")),
        "agency": _first(iptc.get("Source")) or _first(xmp.get("photoshop:Source")),
        "copyright": _first(iptc.get("CopyrightNotice"))
        or _first(xmp.get("dc:rights"))
        or _first(exif.get("Copyright")),
        "headline": _first(iptc.get("Headline"))
        or _first(xmp.get("photoshop:Headline"))
        or _first(iptc.get("ObjectName")),
        "taken": _first(exif.get("DateTimeOriginal")) or _first(iptc.get("DateCreated")),
    }
