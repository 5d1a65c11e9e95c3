"""Web archives (WARC, ARC, compressed or not): every captured HTML page becomes an article.

Two passes: the first classifies every record and notes where it starts; the second reads each
page with the saved-page reader, its images found among the archive's own image captures. A
revisit record (the crawler saw the page again, unchanged) is handed on as another capture of
that page. A record that is not a page (truncated, malformed, redirect, error, other media) is
a report line of its own, so one bad record never costs the rest of the archive.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import PurePosixPath
from urllib.parse import urlsplit

from archive_app.domain.errors import ReadError
from archive_app.ingest.context import ReadContext
from archive_app.ingest.raw import RawArticle, RawFailure
from archive_app.ingest.readers import html_page
from archive_app.ingest.webarchive.captures import Capture
from archive_app.ingest.webarchive.payload import read_payload
from archive_app.ingest.webarchive.records import DAMAGE, record_at
from archive_app.ingest.webarchive.resolver import ArchiveImages
from archive_app.ingest.webarchive.scan import scan_archive

log = logging.getLogger(__name__)


def read_web_archive(
    data: bytes, context: ReadContext | None = None
) -> Iterator[RawArticle | RawFailure]:
    """The pages of a web archive, then a line for every record that is not one."""
    scan = scan_archive(data)
    images = ArchiveImages(scan.buffer, scan.captures)
    # inside a zip, the capture is addressed below the archive's own path in the zip
    outer = context.member if context is not None else None
    if all(c.kind == "skip" for c in scan.captures):
        yield RawFailure(
            "file",
            f"the web archive holds no captured pages or images ({_record_count(scan.captures)})",
        )
        return
    for capture in scan.captures:
        if capture.kind == "page":
            yield from _page(scan.buffer, capture, images, outer)
        elif capture.kind == "revisit":
            yield _revisit(capture, outer)
        elif capture.kind == "redirect":
            yield _failure(capture, f"a redirect to {capture.location}, not a page", outer)
        elif capture.kind == "failure":
            yield _failure(capture, capture.reason or "not a page", outer)
    for capture in images.unused():
        yield _failure(
            capture,
            f"an image ({capture.content_type}) that no imported page "
            "shows; not imported on its own",
            outer,
        )


def _record_count(captures: list[Capture]) -> str:
    if not captures:
        return "no records at all"
    return f"{len(captures):,} records of crawler bookkeeping only"


def _member(capture: Capture, outer: str | None) -> str | None:
    """The capture's target URI, below the archive's path when it came in a zip."""
    if not capture.uri:
        return outer
    return f"{outer}/{capture.uri}" if outer else capture.uri


def _failure(capture: Capture, reason: str, outer: str | None = None) -> RawFailure:
    return RawFailure(f"record {capture.number}", reason, _member(capture, outer))


def _revisit(capture: Capture, outer: str | None) -> RawArticle:
    """Another capture of a page archived before: its address and when it was seen again;
    the importer records it on the article with that address."""
    columns = {"url": capture.uri}
    if capture.captured:
        columns["captured"] = capture.captured
    return RawArticle(
        f"record {capture.number}", "", columns, member=_member(capture, outer), revisit=True
    )


def _page_name(uri: str) -> str:
    """A file name for the page, as its URL would save it ("index.html" for a folder)."""
    path = urlsplit(uri).path
    name = PurePosixPath(path).name if path and not path.endswith("/") else ""
    return name or "index.html"


def _page(
    buffer: bytes, capture: Capture, images: ArchiveImages, outer: str | None
) -> Iterator[RawArticle | RawFailure]:
    try:
        payload = read_payload(record_at(buffer, capture.offset))
    except DAMAGE as error:
        yield _failure(capture, f"the page's content cannot be decoded ({error})", outer)
        return
    if not payload.strip():
        yield _failure(capture, "the captured page is empty", outer)
        return
    fetched: set[str] = set()
    context = ReadContext(
        _page_name(capture.uri), None, capture.uri, images.resolver(capture.uri, fetched)
    )
    locator = f"record {capture.number}"
    try:
        # looked up at call time: the page reader is its own module, replaceable in tests
        found = list(html_page.read_html(payload, context))
    except ReadError as error:
        yield _failure(capture, str(error), outer)
        return
    except Exception as error:  # one unreadable page must not end the archive
        log.exception("page %s in a web archive could not be read", capture.uri)
        yield _failure(
            capture, f"the page could not be read ({type(error).__name__}: {error})", outer
        )
        return
    for item in found:
        if isinstance(item, RawFailure):
            yield RawFailure(locator, item.reason, _member(capture, outer))
            continue
        images.used |= fetched
        yield _as_capture(item, capture, locator, _member(capture, outer))


def _as_capture(
    article: RawArticle, capture: Capture, locator: str, member: str | None
) -> RawArticle:
    """The page's article, placed in the archive: its capture URL (unless the page names its
    canonical address) and capture time; the crawl date is never taken for the publication."""
    columns = dict(article.columns)
    if not columns.get("url"):
        columns["url"] = capture.uri
    if capture.captured:
        columns["captured"] = capture.captured
    article.columns = columns
    article.locator = locator
    article.member = member
    return article
