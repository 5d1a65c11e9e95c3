"""Photo files (JPEG, PNG, TIFF…): one catalogue record per photo, from its embedded credits."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import PurePath

from archive_app.ingest.context import ReadContext
from archive_app.ingest.raw import RawArticle, RawFailure, RawPhoto
from archive_app.media.decode import inspect_image
from archive_app.media.metadata import embedded_credit, read_metadata

_EXIF_DATE = re.compile(r"^(\d{4}):(\d{2}):(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?")
_IPTC_DATE = re.compile(r"^(\d{4})(\d{2})(\d{2})$")


def _iso_date(value: str | None) -> str:
    """EXIF "2003:12:14 12:01:44" or IPTC "20030830" as ISO; "" when unreadable."""
    if not value:
        return ""
    exif = _EXIF_DATE.match(value)
    if exif:
        day = f"{exif.group(1)}-{exif.group(2)}-{exif.group(3)}"
        return (
            f"{day}T{exif.group(4)}:{exif.group(5)}:{exif.group(6) or '00'}"
            if exif.group(4)
            else day
        )
    iptc = _IPTC_DATE.match(value)
    return f"{iptc.group(1)}-{iptc.group(2)}-{iptc.group(3)}" if iptc else ""


def read_photo(
    data: bytes, context: ReadContext | None = None
) -> Iterator[RawArticle | RawFailure]:
    """The photo as a record: headline or file name as title, caption as text, credits as
    people; the image itself is archived by the importer (a damaged image fails here)."""
    inspect_image(data)
    credit = embedded_credit(read_metadata(data))
    name = PurePath(context.name).stem if context is not None else "photo"
    columns = {"title": credit["headline"] or name.replace("_", " ").replace("-", " ")}
    taken = _iso_date(credit["taken"])
    if taken:
        columns["date"] = taken
    photo = RawPhoto(
        caption=credit["caption"],
        credit=credit["credit"] or credit["copyright"],
        photographer=credit["photographer"],
        agency=credit["agency"],
        data=data,
        rule="photo:embedded-metadata",
        lead=True,
    )
    yield RawArticle(
        locator="file",
        text=credit["caption"] or "",
        columns=columns,
        photos=[photo],
        format="photo",
        extractor="pillow",
    )
