"""NITF 3.x (on its own, inside NewsML 1.2, or inline in NewsML-G2): one story and its media."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from archive_app.ingest.context import ReadContext
from archive_app.ingest.raw import RawPhoto
from archive_app.ingest.wire.credits import agency_of, split_credit
from archive_app.ingest.wire.dates import iso_date
from archive_app.ingest.wire.item import WireItem
from archive_app.ingest.wire.markup import element_paragraphs
from archive_app.ingest.wire.photos import photo_data
from archive_app.ingest.wire.tree import (
    XML_LANG,
    attr,
    child,
    children,
    clean,
    descendants,
    first,
    local,
    paragraphs,
    raw_text,
    text,
)

_PICTURE_TYPES = ("image", "photo", "graphic", "picture")


def _byline(byline: ET.Element) -> str:
    """A byline's words without its title (<byttl>: "The Bulletin", "EP Aerospace Writer")."""
    return _words(byline, skip="byttl").strip(" ,.")


def _words(element: ET.Element, skip: str) -> str:
    """An element's text on one line, leaving out one kind of child element."""
    parts = [element.text or ""]
    for node in element:
        if local(node) and local(node) != skip:
            parts.append(raw_text(node))
        parts.append(node.tail or "")
    return clean("".join(parts))


def _dateline(dateline: ET.Element | None) -> str:
    """The place of a dateline: its <location> when marked, else its words without the date."""
    if dateline is None:
        return ""
    location = child(dateline, "location")
    if location is not None:
        return text(location).strip(" ,.")
    return _words(dateline, skip="story.date").strip(" ,.")


def _title(root: ET.Element) -> tuple[str, str]:
    """(headline, subtitle): hl1 and hl2, or the document's <title>."""
    hedline = first(root, "hedline")
    hl1 = text(child(hedline, "hl1"))
    hl2 = text(child(hedline, "hl2"))
    if not hl1:
        hl1, hl2 = (hl2, "") if hl2 else (text(child(root, "head", "title")), "")
    return hl1, hl2


def _keywords(root: ET.Element) -> list[str]:
    words: list[str] = []
    for subject in descendants(root, "tobject.subject"):
        words += [attr(subject, "tobject.subject.matter"), attr(subject, "tobject.subject.detail")]
    # <key-list><keyword key=…> in the standard; the Bend Bulletin writes <Keyword name=…>
    words += [attr(k, "key") or attr(k, "name") for k in descendants(root, "keyword")]
    return [w for w in words if w and not w.replace(" ", "").isdigit()]


def _media(media: ET.Element, context: ReadContext) -> RawPhoto | None:
    """A photo in the story: caption (the edited one first), credit, photographer, agency."""
    if attr(media, "media-type").lower() not in _PICTURE_TYPES:
        return None
    captions = [
        text(child(media, name))
        for name in ("media-caption", "media-printcaption", "media-originalcaption")
    ]
    caption = next((c for c in captions if c), "")
    credited = next((split_credit(c) for c in captions if c and split_credit(c).credit), None)
    shown = split_credit(caption)
    byline = text(child(media, "media-byline"))
    producers = [text(p) for p in children(media, "media-producer", "media-printproducer")]
    agency = next((p for p in producers if p), "") or text(child(media, "media-source"))
    credit = credited.credit if credited else (byline or None)
    photographer = credited.photographer if credited else None
    if byline and (photographer is None or photographer.lower() != byline.lower()):
        photographer = photographer or (byline.title() if byline.isupper() else byline)
    references = [attr(r, "source") for r in children(media, "media-reference")]
    if not caption and not credit and not any(references):
        return None
    return RawPhoto(
        caption=shown.caption,
        credit=credit,
        photographer=photographer,
        agency=agency or agency_of(credit),
        source_url=next((r for r in references if r), None),
        data=photo_data([r for r in references if r], [], context),
        rule="photo:nitf-media",
    )


def read_nitf(root: ET.Element, locator: str, context: ReadContext) -> WireItem:
    """One NITF document (the <nitf> element) as a wire item."""
    head = child(root, "head")
    docdata = child(head, "docdata")
    body = child(root, "body")
    body_head = child(body, "body.head")
    title, subtitle = _title(root)
    item = WireItem(locator, source_id=nitf_source_id(root), title=title, subtitle=subtitle)
    if body_head is not None:
        item.bylines = [line for line in map(_byline, children(body_head, "byline")) if line]
    item.dateline = _dateline(child(body_head, "dateline"))
    item.agency = text(child(body_head, "distributor"))
    content = child(body, "body.content")
    item.paragraphs = element_paragraphs(content)
    abstract = " ".join(paragraphs(child(body_head, "abstract")))
    # an abstract the text does not repeat is its standfirst (EFE's repeats the first lines)
    if abstract and not any(abstract[:80] in p for p in item.paragraphs[:3]):
        item.paragraphs = [abstract, *item.paragraphs]
        item.lede = True
    end = child(body, "body.end")
    if end is not None:  # a tagline closes the story ("Hillary Borrud can be reached at …")
        item.paragraphs += [text(t) for t in descendants(end, "tagline") if text(t)]
    if content is not None:
        item.photos = [
            p for p in (_media(m, context) for m in descendants(content, "media")) if p is not None
        ]
    issued = (
        attr(child(docdata, "date.issue"), "norm")
        or attr(child(head, "pubdata"), "date.publication")
        or attr(child(docdata, "pubdata"), "date.publication")
    )
    item.published = iso_date(issued) if issued else ""
    item.language = attr(root, "baselang") or attr(root, XML_LANG)
    item.keywords = _keywords(head) if head is not None else []
    return item


def nitf_id(root: ET.Element) -> str:
    """The document's id (doc-id id-string), or ""."""
    return attr(first(root, "doc-id"), "id-string")


def nitf_source_id(root: ET.Element) -> str:
    """The document's id qualified by who registered it ("ritzau.dk:20160512:RTZ:8883:0"),
    so that two sources' numbers never make one article; "" when it has none."""
    doc_id = first(root, "doc-id")
    identifier = attr(doc_id, "id-string")
    source = attr(doc_id, "regsrc")
    return f"{source}:{identifier}" if identifier and source else identifier
