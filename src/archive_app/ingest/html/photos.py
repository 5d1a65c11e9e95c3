"""A page's photos as the reader hands them on: lead first, inline after, bytes when local."""

from __future__ import annotations

from typing import Any

from lxml.html import HtmlElement

from archive_app.ingest.context import ReadContext
from archive_app.ingest.html import jsonld
from archive_app.ingest.html.bylines import site_keys
from archive_app.ingest.html.figures import FoundPhoto, inline_photos
from archive_app.ingest.html.images import absolute, locate, same_picture
from archive_app.ingest.html.lead import lead_photo
from archive_app.ingest.html.meta import MetaTags
from archive_app.ingest.html.photo_checks import (
    furniture_address,
    not_a_photo,
    photographer_or_none,
    without_counter,
)
from archive_app.ingest.html.placement import Around, around_photos
from archive_app.ingest.raw import RawPhoto


def _raw(found: FoundPhoto, base: str | None, context: ReadContext, around: Around) -> RawPhoto:
    """A found photo as the reader hands it on, with its bytes when local."""
    source_url, data = locate(found.refs, base, context)
    split = found.split
    return RawPhoto(
        caption=split.caption,
        credit=split.credit,
        photographer=split.photographer,
        agency=split.agency,
        source_url=source_url,
        data=data,
        rule=split.rule,
        lead=found.lead,
        # a lead photo opens the article wherever the page shows it
        follows=() if found.lead else around.before,
        precedes=() if found.lead else around.after,
    )


def _merge_lead(lead: FoundPhoto, inline: list[FoundPhoto]) -> list[FoundPhoto]:
    """The lead picture shown in the page is that figure, marked lead and moved first;
    otherwise it comes first on its own, with what the metadata says about it."""
    for index, photo in enumerate(inline):
        if any(same_picture(lead.refs[0], ref) for ref in photo.refs):
            photo.lead = True
            if photo.split.caption is None and photo.split.credit is None:
                photo.split = lead.split
            return [photo, *inline[:index], *inline[index + 1 :]]
    return [lead, *inline]


def page_photos(
    tree: HtmlElement,
    meta: MetaTags,
    objects: list[dict[str, Any]],
    base: str | None,
    context: ReadContext,
) -> list[RawPhoto]:
    """Every photo the page shows, once each (same picture, or same caption and credit)."""
    inline = inline_photos(tree)
    articles = jsonld.articles(objects)
    lead = lead_photo(meta, articles[0] if articles else None, objects)
    if lead is not None and furniture_address(absolute(lead.refs[0], base)):
        lead = None  # the site's logo or icon shared as the page's picture
    sites = site_keys([meta.first("og:site_name", "application-name")], base)
    ordered = _merge_lead(lead, inline) if lead is not None else inline
    # where each photo stood, read before anything else looks at the tree
    places = around_photos(
        tree, [found.node for found in ordered], [found.split.caption for found in ordered]
    )
    photos: list[RawPhoto] = []
    for found, around in zip(ordered, places, strict=True):
        raw = _raw(found, base, context, around)
        raw.caption = without_counter(raw.caption)
        described = raw.caption is not None or raw.credit is not None
        if furniture_address(raw.source_url, described) or not_a_photo(raw):
            continue
        raw.photographer = photographer_or_none(raw.photographer, sites)
        twin = next((p for p in photos if _same_photo(p, raw)), None)
        if twin is None:
            photos.append(raw)
            continue
        # the same picture shown twice (a gallery and its overlay, a figure and its
        # caption block): one photo, with whatever either showed
        twin.caption = twin.caption or raw.caption
        if twin.credit is None and raw.credit is not None:
            twin.credit, twin.photographer, twin.agency = raw.credit, raw.photographer, raw.agency
            twin.rule = raw.rule
        twin.data = twin.data or raw.data
    return photos


def _same_photo(a: RawPhoto, b: RawPhoto) -> bool:
    """The same caption (credits not contradicting), or the same picture without a caption."""
    if a.caption is not None and a.caption == b.caption:
        return a.credit is None or b.credit is None or a.credit == b.credit
    if same_picture(a.source_url, b.source_url):
        return a.caption is None or b.caption is None
    return False
