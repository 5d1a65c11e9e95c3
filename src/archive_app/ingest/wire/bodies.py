"""The text of a NewsML-G2 item: inline XHTML, inline NITF, an agency's own markup, or plain
text; with the bylines and pictures such a body carries."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass, field

from archive_app.ingest.context import ReadContext
from archive_app.ingest.raw import RawPhoto
from archive_app.ingest.wire.credits import agency_of, photographer, split_credit
from archive_app.ingest.wire.item import WireItem
from archive_app.ingest.wire.markup import text_paragraphs
from archive_app.ingest.wire.nitf import read_nitf
from archive_app.ingest.wire.photos import photo_data
from archive_app.ingest.wire.tree import (
    child,
    children,
    descendants,
    first,
    local,
    paragraphs,
    text,
)
from archive_app.ingest.wire.vocabulary import PICTURE_BLOCKS


@dataclass(slots=True)
class Body:
    """A body's paragraphs, and what it says about the story that the metadata may not."""

    paragraphs: list[str] = field(default_factory=list)
    bylines: list[str] = field(default_factory=list)
    dateline: str = ""
    photos: list[RawPhoto] = field(default_factory=list)
    nitf: WireItem | None = None
    lede: bool = False


def _pictures(element: ET.Element, context: ReadContext) -> list[RawPhoto]:
    photos: list[RawPhoto] = []
    for block, caption_name, credit_name, file_name in PICTURE_BLOCKS:
        for picture in descendants(element, block):
            caption = " ".join(
                paragraphs(child(picture, caption_name)) or [text(child(picture, caption_name))]
            )
            credit = text(child(picture, credit_name)) or None
            ref = text(child(picture, file_name)) or None
            shown = split_credit(caption, credit) if caption else None
            photos.append(
                RawPhoto(
                    caption=shown.caption if shown else None,
                    credit=credit,
                    photographer=photographer(credit),
                    agency=agency_of(credit),
                    source_url=ref,
                    data=photo_data([ref], [], context) if ref else None,
                    rule="photo:inline-body",
                )
            )
    return photos


def _xhtml(html: ET.Element) -> Body:
    body = child(html, "body") or html
    found = Body(paragraphs(body))
    # a byline paragraph inside the page's header (dpa: <p class="byline">)
    found.bylines = [
        text(p)
        for p in body.iter()
        if local(p) == "p" and "byline" in (p.get("class") or "").split()
    ]
    found.paragraphs = [p for p in found.paragraphs if p not in found.bylines]
    dateline = next((e for e in body.iter() if "dateline" in (e.get("class") or "").split()), None)
    found.dateline = text(dateline)
    teaser = next((p for p in body.iter() if local(p) == "p"), None)
    found.lede = teaser is not None and "teaser" in (teaser.get("class") or "").split()
    return found


def inline_body(inline: ET.Element, locator: str, context: ReadContext) -> Body:
    """Read an <inlineXML> element's content."""
    content = next(iter(children(inline)), None)
    if content is None:
        return Body(_plain(inline.text or ""))
    kind = local(content)
    if kind == "html":
        return _xhtml(content)
    if kind == "nitf":
        story = read_nitf(content, locator, context)
        return Body(
            story.paragraphs, story.bylines, story.dateline, story.photos, story, story.lede
        )
    bylines = [text(b) for b in descendants(content, "byline") if text(b)]
    return Body(paragraphs(content), bylines, "", _pictures(content, context))


def _plain(value: str) -> list[str]:
    """Plain text: paragraphs are separated by blank lines, lines inside them joined; text
    that is escaped HTML is read by its elements."""
    return text_paragraphs(value)


def data_body(element: ET.Element) -> Body:
    """An <inlineData> element's plain text."""
    return Body(_plain(element.text or ""))


def first_inline(content_set: ET.Element | None) -> ET.Element | None:
    """The content set's inline XML, or else its inline text, preferring a full text rendition."""
    if content_set is None:
        return None
    inline = first(content_set, "inlinexml")
    if inline is not None:
        return inline
    data = [d for d in children(content_set, "inlinedata") if (d.text or "").strip()]
    full = [d for d in data if "text" in (d.get("rendition") or "").lower()]
    chosen = full or data
    return chosen[0] if chosen else None
