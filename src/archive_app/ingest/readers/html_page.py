"""Saved web pages (.html/.htm): the article's text, metadata and photos, or why it is none."""

from __future__ import annotations

import copy
from collections.abc import Iterator

from lxml.html import HtmlElement

from archive_app.ingest.context import ReadContext
from archive_app.ingest.decode import repair_mojibake
from archive_app.ingest.html import jsonld
from archive_app.ingest.html.before_title import drop_before_title
from archive_app.ingest.html.body import EXTRACTOR, extract_body
from archive_app.ingest.html.bylines import byline_lines, byline_people, site_keys
from archive_app.ingest.html.credit_lines import credit_lines
from archive_app.ingest.html.listing import listing_page
from archive_app.ingest.html.meta import read_meta
from archive_app.ingest.html.metadata import PageMetadata, read_metadata
from archive_app.ingest.html.page import parse_page
from archive_app.ingest.html.photos import page_photos
from archive_app.ingest.html.site_page import site_page
from archive_app.ingest.html.teasers import drop_teasers
from archive_app.ingest.notes import note_kind
from archive_app.ingest.raw import RawArticle, RawFailure

FORMAT = "html"


def _web_address(member: str | None) -> str | None:
    """The address a page was captured from, when the reader was given one."""
    return member if member and member.startswith(("http://", "https://")) else None


def _take_credits(body: list[str], tree: HtmlElement, metadata: PageMetadata) -> list[str]:
    """The body without the byline printed at its head and the credit lines closing it;
    the people they name go to the metadata (a byline's only when the markup named nobody)."""
    body, byline_names = byline_lines(body, tree, metadata.byline)
    sites = site_keys([metadata.site_name], metadata.url)
    if byline_names and not metadata.authors:
        found = byline_people(byline_names, sites)
        metadata.authors = found.people
        metadata.agency = metadata.agency or found.agency
    body, credits = credit_lines(body, sites)
    metadata.agency = metadata.agency or credits.agency
    for role, names in credits.people.items():
        if role == "author":  # "writing by": the story's writer, beside its byline
            metadata.authors += [n for n in names if n not in metadata.authors]
        else:
            metadata.roles[role] = list(dict.fromkeys([*metadata.roles.get(role, []), *names]))
    return body


def read_html(data: bytes, context: ReadContext | None = None) -> Iterator[RawArticle | RawFailure]:
    """One saved page is one article; a list of article links is reported, not imported."""
    context = context or ReadContext("page.html")
    notes = note_kind(context.name, "")  # a README.html beside a folder's files
    if notes is not None:
        yield RawFailure("file", f"not an article: {notes}")
        return
    page = parse_page(data, context.notes)
    tree = page.tree
    meta = read_meta(tree)
    objects = jsonld.objects(tree)
    articles = jsonld.articles(objects)
    metadata = read_metadata(tree, meta, objects, page.saved_from)
    photos = page_photos(tree, meta, objects, metadata.url, context)
    # trafilatura prunes the tree it reads; the original stays for the listing test
    body = extract_body(copy.deepcopy(tree), page.text, metadata.url)
    body = drop_teasers(drop_before_title(body, tree, metadata.title), tree)
    listing = listing_page(tree, body, has_article_schema=bool(articles))
    if listing is not None:
        yield RawFailure(
            "file", f"not an article: the page is a list of {len(listing.links)} article links"
        )
        return
    # a web archive's capture address stands in for a page that names none
    address = metadata.url or _web_address(context.member)
    other = site_page(tree, meta, objects, address, body)
    if other is not None:
        yield RawFailure("file", f"not an article: {other}")
        return
    body = _take_credits(body, tree, metadata)
    columns = metadata.columns()
    if "title" in columns:
        columns["title"] = repair_mojibake(columns["title"])
    for photo in photos:
        photo.caption = repair_mojibake(photo.caption) if photo.caption else None
        # repaired as the body is, so the two still match when the photo is placed
        photo.follows = tuple(repair_mojibake(text) for text in photo.follows)
        photo.precedes = tuple(repair_mojibake(text) for text in photo.precedes)
    # pages decoded right can still carry text mis-decoded upstream ("BeritaÂ â€“ Jakarta")
    yield RawArticle(
        locator="file",
        text=repair_mojibake("\n".join(body)),
        columns=columns,
        layout="body",
        photos=photos,
        keywords=metadata.keywords,
        extractor=EXTRACTOR,
        format=FORMAT,
    )
