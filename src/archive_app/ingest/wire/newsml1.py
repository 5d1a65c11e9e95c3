"""NewsML 1.2: an envelope of news items whose text is an NITF document (Kyodo, TASS, EFE)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator

from archive_app.ingest.context import ReadContext
from archive_app.ingest.raw import RawPhoto
from archive_app.ingest.wire.dates import iso_date
from archive_app.ingest.wire.item import WireItem
from archive_app.ingest.wire.markup import element_paragraphs
from archive_app.ingest.wire.nitf import read_nitf
from archive_app.ingest.wire.photos import photo_data
from archive_app.ingest.wire.tree import (
    XML_LANG,
    attr,
    child,
    children,
    descendants,
    first,
    local,
    text,
)

_REVISION = re.compile(r":\d+[A-Z]?$")


def _lines(component: ET.Element) -> dict[str, str]:
    """The NewsLines of a component by lower-cased name (headline, dateline, creditline…),
    its own first, then those of the components inside it (TASS puts them a level down)."""
    found: dict[str, str] = {}
    for lines in descendants(component, "newslines"):
        for line in children(lines):
            if text(line):
                found.setdefault(local(line), text(line))
    return found


def _language(component: ET.Element) -> str:
    marked = first(component, "language")
    return attr(marked, "FormalName") or attr(component, XML_LANG)


def _photos(component: ET.Element, context: ReadContext) -> list[RawPhoto]:
    """Photo content items that name their file (Href), captioned by their component."""
    photos: list[RawPhoto] = []
    for content in descendants(component, "contentitem"):
        kind = attr(child(content, "mediatype"), "FormalName").lower()
        href = attr(content, "Href")
        if kind not in ("photo", "graphic", "picture") or not href:
            continue
        photos.append(
            RawPhoto(
                source_url=href,
                data=photo_data([href], [], context),
                rule="photo:newsml-content-item",
            )
        )
    return photos


def _source_id(news_item: ET.Element) -> str:
    """The item's identity without its revision: "urn:newsml:kyodonews.jp:20190723:
    20161021KW___0003800010" for every revision of that item; "" when it names none."""
    identifier = first(news_item, "newsidentifier")
    parts = [text(child(identifier, n)) for n in ("providerid", "dateid", "newsitemid")]
    if all(parts):
        return "urn:newsml:" + ":".join(parts)
    public = text(child(identifier, "publicidentifier"))
    if public:
        # urn:newsml:Provider:Date:Item:Revision, the revision maybe with its status letter
        return _REVISION.sub("", public) if public.count(":") >= 5 else public
    # TASS names its items by a <guid> in the metadata only
    guid = text(first(news_item, "guid"))
    return f"{parts[0]}:{guid}" if guid and parts[0] else guid


def _item(news_item: ET.Element, number: int, context: ReadContext) -> WireItem | str:
    """One NewsItem as a wire item, or the reason it holds no story."""
    identifier = text(first(news_item, "publicidentifier")) or text(first(news_item, "newsitemid"))
    locator = f"item {identifier or number}"
    component = first(news_item, "newscomponent")
    nitf = first(news_item, "nitf")
    if component is None:
        return "the NewsML item has no news component"
    lines = _lines(component)
    if nitf is not None:
        item = read_nitf(nitf, locator, context)
        item.locator = locator
    else:
        content = first(component, "datacontent")
        if content is None or not text(content):
            return "the NewsML item carries no text (no NITF or text content)"
        item = WireItem(locator, paragraphs=element_paragraphs(content))
    item.source_id = _source_id(news_item) or item.source_id
    item.title = item.title or lines.get("headline", "")
    item.subtitle = item.subtitle or lines.get("subheadline", "")
    item.dateline = item.dateline or lines.get("dateline", "")
    if not item.bylines and lines.get("byline"):
        item.bylines = [lines["byline"]]
    item.agency = lines.get("creditline") or item.agency or _provider(component)
    management = child(news_item, "newsmanagement")
    created = text(child(management, "firstcreated"))
    revised = text(child(management, "thisrevisioncreated"))
    item.published = item.published or (iso_date(created) if created else "")
    if revised and revised != created:
        item.updated = iso_date(revised)
    item.language = item.language or _language(component)
    item.photos += _photos(component, context)
    return item


def _provider(component: ET.Element) -> str:
    provider = first(component, "provider")
    return attr(first(provider, "party"), "FormalName") if provider is not None else ""


def read_newsml1(root: ET.Element, context: ReadContext) -> Iterator[WireItem | tuple[str, str]]:
    """Every NewsItem of the envelope: a wire item, or (locator, reason) when it has no story."""
    for number, news_item in enumerate(descendants(root, "newsitem"), start=1):
        found = _item(news_item, number, context)
        if isinstance(found, str):
            yield f"item {number}", found
        else:
            yield found
