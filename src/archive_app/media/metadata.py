"""Credits and captions embedded in photo files: IPTC-IIM, XMP and EXIF, as plain strings."""

from __future__ import annotations

from typing import Any

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


def _text(value: Any) -> str:
    if isinstance(value, bytes):
        for encoding in ("utf-8", "latin-1"):
            try:
                return value.decode(encoding).strip("\x00 ").strip()
            except UnicodeDecodeError:
                continue
    return str(value).strip().strip("\x00").strip()


def _iptc(image: Image.Image) -> dict[str, Any]:
    raw = IptcImagePlugin.getiptcinfo(image) or {}  # type: ignore[arg-type]
    found: dict[str, Any] = {}
    for (record, dataset), value in raw.items():
        name = IPTC_FIELDS.get(dataset) if record == 2 else None
        if name is None:
            continue
        values = value if isinstance(value, list) else [value]
        texts = [t for t in (_text(v) for v in values) if t]
        if texts:
            found[name] = texts if name == "Keywords" or len(texts) > 1 else texts[0]
    return found


def _xmp_packet(image: Image.Image) -> bytes | None:
    packet = image.info.get("xmp") or image.info.get("XML:com.adobe.xmp")
    if isinstance(packet, str):
        return packet.encode("utf-8")
    return packet if isinstance(packet, bytes) else None


def _xmp(image: Image.Image) -> dict[str, Any]:
    packet = _xmp_packet(image)
    if not packet:
        return {}
    start, end = packet.find(b"<x:xmpmeta"), packet.rfind(b"</x:xmpmeta>")
    if start < 0 or end < 0:
        return {}
    try:
        root = ElementTree.fromstring(packet[start : end + len(b"</x:xmpmeta>")])
    except ElementTree.ParseError:
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


def _exif(image: Image.Image) -> dict[str, Any]:
    exif = image.getexif()
    merged = dict(exif)
    merged.update(exif.get_ifd(ExifTags.IFD.Exif))
    found: dict[str, Any] = {}
    for tag, value in merged.items():
        name = ExifTags.TAGS.get(tag)
        if name in EXIF_FIELDS:
            text = _text(value)
            if text:
                found[name] = text
    return found


def read_metadata(data: bytes) -> dict[str, dict[str, Any]]:
    """{"iptc": {...}, "xmp": {...}, "exif": {...}} with whatever the file carries."""
    image = open_image(data)
    try:
        return {"iptc": _iptc(image), "xmp": _xmp(image), "exif": _exif(image)}
    finally:
        image.close()


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
