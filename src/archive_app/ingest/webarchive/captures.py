"""What one archive record holds: a page, an image, a redirect, or a reason it is not imported."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin

from archive_app.ingest.webarchive.payload import UndecodablePayload, read_payload

PAGE_TYPES = frozenset({"text/html", "application/xhtml+xml"})
# crawler bookkeeping, never content: skipped without a report line
_BOOKKEEPING = frozenset({"warcinfo", "request", "metadata"})
_PEEK = 512


@dataclass(frozen=True, slots=True)
class Capture:
    """One record of the archive as the first pass saw it.

    `kind` is "page", "image", "redirect", "revisit" (another capture of a page archived
    before), "skip" (bookkeeping) or "failure" (with `reason`); `offset` is where the record
    starts, so the second pass can read it again.
    """

    number: int
    kind: str
    uri: str
    offset: int
    captured: str | None = None
    content_type: str = ""
    reason: str | None = None
    location: str | None = None


def _media_type(value: str | None) -> str:
    return (value or "").split(";")[0].strip().lower()


def _length_problem(record: Any) -> str | None:
    """Why the record's declared length cannot be trusted, or None."""
    declared = record.rec_headers.get_header("Content-Length")
    if declared is None:
        return None if record.format == "arc" else "it has no Content-Length"
    try:
        if int(declared) >= 0:
            return None
    except ValueError:
        pass
    return f"its length field {declared!r} is not a byte count"


def sniff_page(head: bytes) -> bool:
    """Whether a payload without a content type opens like an HTML page."""
    start = head.lstrip()[:64].lower()
    return start.startswith((b"<!doctype html", b"<html", b"<head", b"<body"))


def classify(record: Any, number: int, offset: int) -> Capture:
    """Sort a record (its headers read, its payload not yet) into what the reader does."""
    kind = record.rec_type
    uri = record.rec_headers.get_header("WARC-Target-URI") or ""
    captured = record.rec_headers.get_header("WARC-Date")

    def failure(reason: str) -> Capture:
        return Capture(number, "failure", uri, offset, captured, reason=reason)

    if kind in _BOOKKEEPING or (kind == "resource" and uri.startswith("metadata:")):
        return Capture(number, "skip", uri, offset, captured)
    if kind == "revisit":
        return _revisit(record, number, uri, offset, captured)
    if kind == "continuation":
        return failure(
            "a continuation record (one part of a capture split across records); "
            "Arsip does not join split captures"
        )
    if kind not in ("response", "resource", "conversion"):
        return failure(f"a {kind!r} record, not a capture of a page")
    if uri.startswith("dns:"):
        return Capture(number, "skip", uri, offset, captured)
    if (problem := _length_problem(record)) is not None:
        return failure(f"malformed record: {problem}")
    if kind == "response":
        headers = record.http_headers
        if headers is None or not headers.get_statuscode():
            return failure("malformed record: no HTTP response in it")
        status = headers.get_statuscode()
        media = _media_type(headers.get_header("Content-Type"))
        if status.startswith("3") and headers.get_header("Location"):
            target = urljoin(uri, headers.get_header("Location").strip())
            return Capture(number, "redirect", uri, offset, captured, media, location=target)
        if status != "200":
            return failure(f"an HTTP {status} response, not a page{_status_words(headers)}")
    else:
        media = _media_type(record.rec_headers.get_header("Content-Type"))
    if media in PAGE_TYPES:
        return Capture(number, "page", uri, offset, captured, media)
    if media.startswith("image/"):
        return Capture(number, "image", uri, offset, captured, media)
    if not media:
        try:
            if sniff_page(read_payload(record, _PEEK)[:_PEEK]):
                return Capture(number, "page", uri, offset, captured, "text/html")
        except UndecodablePayload as error:
            return failure(f"the capture cannot be read: {error}")
    return failure(f"not a web page ({media or 'no content type'})")


def _revisit(record: Any, number: int, uri: str, offset: int, captured: str | None) -> Capture:
    """A revisit: the crawler saw the same content again and stored no copy. Another capture
    of a page, unless its headers say it revisited something else (an image, a feed)."""
    media = _media_type(
        record.http_headers.get_header("Content-Type") if record.http_headers is not None else None
    )
    if media and media not in PAGE_TYPES:
        earlier = record.rec_headers.get_header("WARC-Refers-To-Date")
        when = f" of {earlier}" if earlier else ""
        return Capture(
            number,
            "failure",
            uri,
            offset,
            captured,
            media,
            reason=(f"a revisit of an earlier capture{when} that is not a page ({media})"),
        )
    return Capture(number, "revisit", uri, offset, captured, media or "text/html")


def _status_words(headers: Any) -> str:
    words = (headers.statusline or "").split(" ", 1)
    return f" ({words[1]})" if len(words) > 1 and words[1].strip() else ""
