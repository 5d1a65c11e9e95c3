"""A record's payload as the server meant it: de-chunked and decoded (gzip, deflate, brotli)."""

from __future__ import annotations

from typing import Any

import brotli  # type: ignore[import-untyped]
from warcio.bufferedreaders import ChunkedDataReader  # type: ignore[import-untyped]

from archive_app.ingest.bombs import MAX_UNPACKED

# What warcio decodes itself; "identity" and an empty header mean no encoding at all.
_WARCIO_ENCODINGS = frozenset({"gzip", "x-gzip", "deflate"})
_PLAIN = frozenset({"", "identity", "none"})
# brotli output is taken in steps of this size, so a bomb is stopped before it fills memory
_STEP = 1 << 20


class UndecodablePayload(ValueError):
    """The payload's content encoding is unknown, or its compressed data is damaged."""


def content_encoding(record: Any) -> str:
    """The HTTP Content-Encoding of a response record, lower-cased ("" for none)."""
    headers = record.http_headers
    if headers is None:
        return ""
    return str(headers.get_header("Content-Encoding") or "").strip().lower()


def read_payload(record: Any, limit: int | None = None) -> bytes:
    """The record's payload, decoded; at most `limit` + 1 bytes when a limit is given (so a
    caller can tell "too big" from "just fits"). UndecodablePayload when it cannot be read.

    warcio decodes gzip and deflate; its own brotli hook sets an attribute that the brotli
    package's decoder no longer has, so brotli is decoded here, in bounded steps.
    """
    encoding = content_encoding(record)
    if encoding in _PLAIN or encoding in _WARCIO_ENCODINGS:
        stream = record.content_stream()
        data: bytes = stream.read() if limit is None else stream.read(limit + 1)
        return data
    if encoding != "br":
        raise UndecodablePayload(
            f"its content is compressed as {encoding!r}, which Arsip cannot decode"
        )
    chunked = (record.http_headers.get_header("Transfer-Encoding") or "").lower() == "chunked"
    raw: bytes = (ChunkedDataReader(record.raw_stream) if chunked else record.raw_stream).read()
    return unbrotli(raw, MAX_UNPACKED if limit is None else limit + 1)


def unbrotli(data: bytes, limit: int) -> bytes:
    """Brotli data decoded, up to `limit` bytes. A payload the crawler stored decoded while
    keeping the header is returned as it is, as warcio does for gzip."""
    decoder = brotli.Decompressor()
    out = bytearray()
    try:
        out += decoder.process(data, output_buffer_limit=_STEP)
        while not decoder.can_accept_more_data() and len(out) < limit:
            out += decoder.process(b"", output_buffer_limit=_STEP)
    except brotli.error as error:
        if not out:
            return data  # not brotli at all: stored decoded
        raise UndecodablePayload(f"its brotli-compressed content is damaged ({error})") from error
    if len(out) >= limit:
        return bytes(out[:limit])
    if not decoder.is_finished():
        raise UndecodablePayload("its brotli-compressed content ends before its end marker")
    return bytes(out)
