"""NewsML-G2: news messages and news items, text items and picture items (IPTC's current
standard, as dpa, Reuters, TT and STT send it)."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator

from archive_app.ingest.context import ReadContext
from archive_app.ingest.raw import RawPhoto
from archive_app.ingest.wire.bodies import Body, data_body, first_inline, inline_body
from archive_app.ingest.wire.credits import agency_of, photographer, split_credit
from archive_app.ingest.wire.dates import iso_date
from archive_app.ingest.wire.item import WireItem
from archive_app.ingest.wire.photos import photo_data
from archive_app.ingest.wire.tree import (
    XML_LANG,
    attr,
    child,
    children,
    descendants,
    local,
    text,
)
from archive_app.ingest.wire.vocabulary import (
    CAPTION_ROLES,
    LEDE_ROLES,
    PICTURE_CLASSES,
    SUBHEADLINE_ROLES,
)

_ITEMS = ("newsitem", "packageitem", "conceptitem", "knowledgeitem", "planningitem")


def _role(element: ET.Element) -> str:
    return attr(element, "role").split(":")[-1].lower()


def _description(meta: ET.Element | None, roles: tuple[str, ...]) -> str:
    """The first description whose role is one of `roles` (an exact role before a variant
    such as dpa's "caption-extended")."""
    found = children(meta, "description") if meta is not None else []
    for exact in (True, False):
        for description in found:
            role = _role(description)
            if any(role == r if exact else role.startswith(r) for r in roles) and text(description):
                return text(description)
    return ""


def _is_subheadline(headline: ET.Element) -> bool:
    return _role(headline) in SUBHEADLINE_ROLES


def _headline(meta: ET.Element | None) -> str:
    lines = children(meta, "headline") if meta is not None else []
    lines = [h for h in lines if not _is_subheadline(h)]
    plain = [h for h in lines if not attr(h, "role") or _role(h) == "main"]
    chosen = plain or lines
    return text(chosen[0]) if chosen else ""


def _subheadline(meta: ET.Element | None) -> str:
    """The first headline whose role makes it a subheadline ("hltype:subtitle")."""
    lines = children(meta, "headline") if meta is not None else []
    return next((text(h) for h in lines if _is_subheadline(h) and text(h)), "")


def _located(meta: ET.Element | None) -> str:
    """The place the content comes from, as <located> names it: the dateline's place when
    the item has no <dateline>."""
    located = child(meta, "located")
    names = [text(n) for n in children(located, "name")] if located is not None else []
    return next((n for n in names if n), "")


def _keywords(meta: ET.Element | None) -> list[str]:
    if meta is None:
        return []
    words = [text(k) for k in children(meta, "keyword")]
    for subject in children(meta, "subject"):
        if attr(subject, "type").endswith(":poi"):
            continue  # a point of interest's address, not a subject
        code = attr(subject, "qcode").split(":")[-1]
        names = [
            text(n)
            for n in children(subject, "name")
            if _role(n) not in ("mnemonic", "short") and text(n) != code
        ]
        words += names[:1]
    return [w for w in words if w]


def _provider(news_item: ET.Element) -> str:
    """The provider's name: <name>, else its literal or qcode ("nprov:TT" -> "TT")."""
    provider = child(child(news_item, "itemmeta"), "provider")
    name = text(child(provider, "name")) or attr(provider, "literal")
    return name or attr(provider, "qcode").split(":")[-1]


def _creator(meta: ET.Element | None) -> str:
    """A picture's photographer named as its creator (role photographer, or no role)."""
    for creator in children(meta, "creator") if meta is not None else []:
        if _role(creator) in ("", "photographer"):
            name = text(child(creator, "name"))
            if name and " " in name:
                return name
    return ""


def _picture(
    news_item: ET.Element, item: WireItem, meta: ET.Element | None, guid: str, context: ReadContext
) -> None:
    """A picture item: its caption is the text, its file and credit the one photo."""
    creditline = text(child(meta, "creditline"))
    caption = _description(meta, CAPTION_ROLES) or item.title
    shown = split_credit(caption, creditline or None)
    credit = creditline or shown.credit
    taker = text(child(meta, "by")) or _creator(meta) or photographer(credit) or shown.photographer
    refs = [attr(r, "href") for r in descendants(news_item, "remotecontent") if attr(r, "href")]
    agency = agency_of(credit) or _provider(news_item) or None
    item.photos = [
        RawPhoto(
            caption=shown.caption,
            credit=credit,
            photographer=taker or None,
            agency=agency,
            source_url=refs[0] if refs else None,
            data=photo_data(refs, [guid], context),
            rule="photo:g2-picture-item",
            lead=True,
        )
    ]
    item.paragraphs = [shown.caption] if shown.caption else []
    item.picture = True
    # the picture's <by> is its photographer (on the photo), not the author of a story
    item.bylines = []
    item.agency = agency or ""


def _text(
    news_item: ET.Element, item: WireItem, meta: ET.Element | None, context: ReadContext
) -> None:
    content = first_inline(child(news_item, "contentset"))
    if content is None:
        body = Body()
    elif local(content) == "inlinexml":
        body = inline_body(content, item.locator, context)
    else:
        body = data_body(content)
    item.paragraphs = body.paragraphs
    item.photos = body.photos
    if not item.bylines:
        item.bylines = body.bylines
    item.dateline = item.dateline or body.dateline
    if body.nitf is not None:
        item.title = item.title or body.nitf.title
        item.subtitle = item.subtitle or body.nitf.subtitle
        item.source_id = item.source_id or body.nitf.source_id
    item.lede = body.lede
    lede = _description(meta, LEDE_ROLES)
    # a summary the body does not repeat is the story's first paragraph (its standfirst)
    if lede and not any(lede[:80] in p for p in item.paragraphs[:3]):
        item.paragraphs = [lede, *item.paragraphs]
        item.lede = True
    elif lede and item.paragraphs and item.paragraphs[0].startswith(lede[:80]):
        item.lede = True


def _news_item(news_item: ET.Element, number: int, context: ReadContext) -> WireItem:
    guid = attr(news_item, "guid")
    item = WireItem(f"item {guid or number}", source_id=guid)
    item_meta = child(news_item, "itemmeta")
    meta = child(news_item, "contentmeta")
    item.title = _headline(meta)
    item.subtitle = _subheadline(meta)
    by = text(child(meta, "by"))
    item.bylines = [by] if by else []
    item.dateline = text(child(meta, "dateline")) or _located(meta)
    item.agency = text(child(meta, "creditline")) or _provider(news_item)
    first_created = text(child(item_meta, "firstcreated"))
    version = text(child(item_meta, "versioncreated"))
    item.published = iso_date(first_created or version or text(child(meta, "contentcreated")))
    if first_created and version and iso_date(version) != item.published:
        item.updated = iso_date(version)
    item.language = attr(child(meta, "language"), "tag") or attr(news_item, XML_LANG)
    item.keywords = _keywords(meta)
    if attr(child(item_meta, "itemclass"), "qcode").lower() in PICTURE_CLASSES:
        _picture(news_item, item, meta, guid, context)
    else:
        _text(news_item, item, meta, context)
    return item


def read_g2(root: ET.Element, context: ReadContext) -> Iterator[WireItem | tuple[str, str]]:
    """Every item of a news message (or the one item, or a lone content set): a wire item, or
    (locator, reason) for an item that carries no story (a package, a concept)."""
    name = local(root)
    if name == "contentset":  # a fragment: the content of an item without its metadata
        item = WireItem("item 1")
        _text(_wrap(root), item, None, context)
        yield item
        return
    items = [root] if name in _ITEMS else [e for e in root.iter() if local(e) in _ITEMS]
    if not items:
        yield "file", "the NewsML-G2 message holds no items"
    for number, element in enumerate(items, start=1):
        kind = local(element)
        if kind != "newsitem":
            yield (
                f"item {attr(element, 'guid') or number}",
                f"a NewsML-G2 {kind} (it lists or describes other items; no story of its own)",
            )
            continue
        yield _news_item(element, number, context)


def _wrap(content_set: ET.Element) -> ET.Element:
    """A content set placed in an item, so the item reader can find it."""
    holder = ET.Element("newsItem")
    holder.append(content_set)
    return holder
