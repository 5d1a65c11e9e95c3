"""Saved web pages (.html/.htm): the article's text, metadata and photos, or why it is none."""

from __future__ import annotations

import copy
from collections.abc import Iterator

from archive_app.ingest.context import ReadContext
from archive_app.ingest.decode import repair_mojibake
from archive_app.ingest.html import jsonld
from archive_app.ingest.html.before_title import drop_before_title
from archive_app.ingest.html.body import EXTRACTOR, extract_body
from archive_app.ingest.html.listing import listing_page
from archive_app.ingest.html.meta import read_meta
from archive_app.ingest.html.metadata import read_metadata
from archive_app.ingest.html.page import parse_page
from archive_app.ingest.html.photos import page_photos
from archive_app.ingest.raw import RawArticle, RawFailure

FORMAT = "html"


def read_html(data: bytes, context: ReadContext | None = None) -> Iterator[RawArticle | RawFailure]:
    """One saved page is one article; a list of article links is reported, not imported."""
    context = context or ReadContext("page.html")
    page = parse_page(data, context.notes)
    tree = page.tree
    meta = read_meta(tree)
    objects = jsonld.objects(tree)
    articles = jsonld.articles(objects)
    metadata = read_metadata(tree, meta, objects, page.saved_from)
    photos = page_photos(tree, meta, objects, metadata.url, context)
    # trafilatura prunes the tree it reads; the original stays for the listing test
    body = extract_body(copy.deepcopy(tree), page.text, metadata.url)
    body = drop_before_title(body, tree, metadata.title)
    listing = listing_page(tree, body, has_article_schema=bool(articles))
    if listing is not None:
        yield RawFailure("file", "not an article: the page is a list of "
                                 f"{len(listing.links)} article links")
        return
    columns = metadata.columns()
    if "title" in columns:
        columns["title"] = repair_mojibake(columns["title"])
    for photo in photos:
        photo.caption = repair_mojibake(photo.caption) if photo.caption else None
        # repaired as the body is, so the two still match when the photo is placed
        photo.follows = tuple(repair_mojibake(text) for text in photo.follows)
        photo.precedes = tuple(repair_mojibake(text) for text in photo.precedes)
    # pages decoded right can still carry text mis-decoded upstream ("BeritaÂ â€“ Jakarta")
    yield RawArticle(locator="file", text=repair_mojibake("\n".join(body)), columns=columns,
                     layout="body", photos=photos, keywords=metadata.keywords,
                     extractor=EXTRACTOR, format=FORMAT)
