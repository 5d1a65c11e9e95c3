"""IPTC ninjs (News in JSON), 1.x and 2.x/3.x: text and picture items with their pictures.

ninjs 1.x names one value per field (headline, body_text, body_html, byline, associations as
an object); 2.x and later hold lists (headlines, bodies, descriptions with roles and content
types; by; associations as a list). Both are read into the same wire item as NITF and NewsML,
so bylines, datelines, dates and credits follow the wire rules. A picture's renditions are
addresses, kept as its source; a rendition stored beside the file (or in the same zip) is
archived, and nothing is ever fetched.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

from archive_app.domain.errors import ReadError
from archive_app.ingest.context import ReadContext
from archive_app.ingest.decode import decode_text
from archive_app.ingest.raw import RawArticle, RawFailure, RawPhoto
from archive_app.ingest.wire.credits import agency_of, photographer, split_credit
from archive_app.ingest.wire.dates import iso_date
from archive_app.ingest.wire.item import WireItem, to_raw
from archive_app.ingest.wire.markup import markup_paragraphs
from archive_app.ingest.wire.photos import photo_data

FORMAT = "ninjs"
_PICTURES = frozenset({"picture", "graphic", "image", "photo"})
_HTML_TYPES = ("text/html", "application/xhtml+xml", "application/xhtml")
# renditions most likely to be the picture itself rather than a thumbnail, best first
_RENDITION_NAMES = (
    "original",
    "baseimage",
    "hires",
    "highres",
    "main",
    "viewimage",
    "preview",
    "web",
    "thumbnail",
)
_BLANK_LINES = re.compile(r"\n\s*\n")
# keys only an item has: an object without any of them is a wrapper holding a list of items
_ITEM_KEYS = (
    "uri",
    "guid",
    "type",
    "headline",
    "headlines",
    "body_text",
    "body_html",
    "bodies",
    "versioncreated",
)


def _string(value: Any) -> str:
    return " ".join(value.split()) if isinstance(value, str) else ""


def _entries(value: Any) -> list[dict[str, Any]]:
    """A 2.x list of objects, or a 1.x object of named objects, as a list of objects (each
    with its name)."""
    if isinstance(value, list):
        return [v for v in value if isinstance(v, dict)]
    if isinstance(value, dict):
        return [{"name": k, **v} for k, v in value.items() if isinstance(v, dict)]
    return []


def _role_value(item: dict[str, Any], plural: str, roles: tuple[str, ...]) -> str:
    """The value of a 2.x list field (headlines, descriptions) with one of the roles, else
    the first value when `roles` allows any ("")."""
    entries = [e for e in _entries(item.get(plural)) if isinstance(e.get("value"), str)]
    for role in roles:
        for entry in entries:
            if role == "" or str(entry.get("role", "")).lower() == role:
                value: str = entry["value"]
                return value
    return ""


def _plain_paragraphs(text: str) -> list[str]:
    """Plain text: split on blank lines when it has them, else one paragraph a line."""
    chunks = _BLANK_LINES.split(text) if _BLANK_LINES.search(text) else text.splitlines()
    return [p for p in (_string(c) for c in chunks) if p]


def _body(item: dict[str, Any]) -> list[str]:
    """The item's text: its HTML body (paragraphs are marked there), else its plain text."""
    for key in ("body_html", "body_xhtml"):
        if isinstance(item.get(key), str) and item[key].strip():
            return markup_paragraphs(item[key])
    bodies = [b for b in _entries(item.get("bodies")) if isinstance(b.get("value"), str)]
    for body in bodies:
        if str(body.get("contenttype", "")).lower().startswith(_HTML_TYPES):
            return markup_paragraphs(body["value"])
    for body in bodies:
        if str(body.get("contenttype", "text/plain")).lower().startswith("text/plain"):
            return _plain_paragraphs(body["value"])
    if isinstance(item.get("body_text"), str):
        return _plain_paragraphs(item["body_text"])
    return []


def _description(item: dict[str, Any]) -> str:
    """A picture's caption: its plain description, else its HTML one, else its headline."""
    text = item.get("description_text")
    if isinstance(text, str) and text.strip():
        return _string(text)
    for key in ("description_html", "description_xhtml"):
        if isinstance(item.get(key), str):
            return " ".join(markup_paragraphs(item[key]))
    for entry in _entries(item.get("descriptions")):
        value = entry.get("value")
        if isinstance(value, str) and value.strip():
            kind = str(entry.get("contenttype", "")).lower()
            if kind.startswith(_HTML_TYPES):
                return " ".join(markup_paragraphs(value))
            return _string(value)
    return _title(item)


def _title(item: dict[str, Any]) -> str:
    return _string(item.get("headline")) or _string(_role_value(item, "headlines", ("main", "")))


def _byline(item: dict[str, Any]) -> str:
    return _string(item.get("byline")) or _string(item.get("by"))


def _renditions(item: dict[str, Any]) -> list[str]:
    """The addresses of a picture's renditions, the likeliest full picture first."""
    entries = [e for e in _entries(item.get("renditions")) if isinstance(e.get("href"), str)]

    def rank(entry: dict[str, Any]) -> tuple[int, int]:
        names = {str(entry.get(k, "")).lower() for k in ("name", "usage", "title")}
        position = min(
            (i for i, n in enumerate(_RENDITION_NAMES) if n in names), default=len(_RENDITION_NAMES)
        )
        width = entry.get("width")
        return position, -(width if isinstance(width, int) else 0)

    return [e["href"].strip() for e in sorted(entries, key=rank) if e["href"].strip()]


def _names(values: Any) -> list[str]:
    """The names of subjects, places or keywords (objects with a name, or plain strings)."""
    if isinstance(values, dict):
        values = list(values.values())
    if not isinstance(values, list):
        return []
    names = [_string(v.get("name")) if isinstance(v, dict) else _string(v) for v in values]
    return [n for n in names if n]


def _is_picture(item: dict[str, Any]) -> bool:
    kind = str(item.get("type", "")).lower()
    mimetype = str(item.get("mimetype", "")).lower()
    return kind in _PICTURES or mimetype.startswith("image/")


def _photo(item: dict[str, Any], context: ReadContext, lead: bool = False) -> RawPhoto:
    caption = _description(item)
    given = _string(item.get("creditline")) or _byline(item)
    shown = split_credit(caption, given or None) if caption else None
    credit = given or (shown.credit if shown else None) or ""
    refs = _renditions(item)
    uri = _string(item.get("uri")) or _string(item.get("guid"))
    return RawPhoto(
        caption=shown.caption if shown else None,
        credit=credit or None,
        photographer=photographer(credit) or (shown.photographer if shown else None),
        agency=agency_of(credit) or _string(item.get("copyrightholder")) or None,
        source_url=refs[0] if refs else (uri or None),
        data=photo_data(refs, [uri] if uri else [], context),
        rule="photo:ninjs",
        lead=lead,
    )


def _item(item: dict[str, Any], locator: str, context: ReadContext) -> RawArticle | RawFailure:
    found = WireItem(locator, source_id=_string(item.get("uri")) or _string(item.get("guid")))
    found.title = _title(item)
    found.subtitle = _string(_role_value(item, "headlines", ("sub", "subtitle", "subheadline")))
    byline = _byline(item)
    found.bylines = [byline] if byline else []
    found.dateline = _string(item.get("located"))
    first = _string(item.get("firstcreated"))
    version = _string(item.get("versioncreated"))
    found.published = iso_date(first or version)
    if first and version and iso_date(version) != found.published:
        found.updated = iso_date(version)
    found.language = _string(item.get("language"))
    found.agency = _string(item.get("copyrightholder"))
    found.keywords = [
        *_names(item.get("subject")),
        *_names(item.get("subjects")),
        *_names(item.get("keywords")),
        *_names(item.get("place")),
        *_names(item.get("places")),
    ]
    if _is_picture(item):
        # a picture item: its caption is the text, the picture its one photo
        photo = _photo(item, context, lead=True)
        found.photos = [photo]
        found.paragraphs = [photo.caption] if photo.caption else []
        found.bylines = []
    else:
        found.paragraphs = _body(item)
        found.photos = [
            _photo(a, context) for a in _entries(item.get("associations")) if _is_picture(a)
        ]
    if not found.paragraphs and not found.photos:
        return RawFailure(locator, "the ninjs item has no text (no body)")
    raw = to_raw(found)
    raw.format = FORMAT
    return raw


def _documents(text: str) -> Iterator[tuple[str, Any]]:
    """(locator, item) for a single item, a list of items, an object holding one list of
    items, or JSON Lines of items."""
    try:
        document = json.loads(text)
    except json.JSONDecodeError as whole:
        lines = [(n, line) for n, line in enumerate(text.splitlines(), start=1) if line.strip()]
        if len(lines) < 2:
            raise ReadError(f"not valid JSON ({whole.msg} at line {whole.lineno})") from whole
        for number, line in lines:
            try:
                yield f"line {number}", json.loads(line)
            except json.JSONDecodeError as error:
                yield f"line {number}", error
        return
    if isinstance(document, dict) and not any(k in document for k in _ITEM_KEYS):
        lists = [v for v in document.values() if isinstance(v, list)]
        document = lists[0] if len(lists) == 1 else document
    if isinstance(document, list):
        for number, item in enumerate(document, start=1):
            yield f"item {number}", item
    else:
        yield "file", document


def read_ninjs(
    data: bytes, context: ReadContext | None = None
) -> Iterator[RawArticle | RawFailure]:
    """Every ninjs item of the file, with the pictures associated with it."""
    context = context or ReadContext("item.json")
    for locator, item in _documents(decode_text(data)):
        if isinstance(item, json.JSONDecodeError):
            yield RawFailure(locator, f"not valid JSON ({item.msg})")
        elif not isinstance(item, dict):
            yield RawFailure(locator, "not a JSON object")
        else:
            yield _item(item, locator, context)
