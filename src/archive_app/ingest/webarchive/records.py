"""Low-level record access over warcio: a quiet iterator, damage recovery, reading one record."""

from __future__ import annotations

import io
import logging
import re
import zlib
from collections.abc import Iterator
from typing import Any

from warcio.archiveiterator import ArchiveIterator  # type: ignore[import-untyped]
from warcio.exceptions import ArchiveLoadFailed  # type: ignore[import-untyped]
from warcio.statusandheaders import (  # type: ignore[import-untyped]
    StatusAndHeadersParserException,
)

from archive_app.domain.errors import ReadError
from archive_app.ingest.bombs import inflation_problem

log = logging.getLogger(__name__)

# What warcio (and the gzip and header parsers under it) raise on a damaged record.
DAMAGE = (
    ArchiveLoadFailed,
    StatusAndHeadersParserException,
    ValueError,
    LookupError,
    EOFError,
    OSError,
    zlib.error,
)
# warcio's header parser trips over its own None on some cut or garbled headers
PARSE_DAMAGE = (*DAMAGE, AttributeError, TypeError)
GZIP_MAGIC = b"\x1f\x8b\x08"
# Where an uncompressed record can start: a WARC version line, or an ARC header line
# ("http://host/path 1.2.3.4 20080430204825 text/html 680").
_RECORD_START = re.compile(
    rb"(?m)^(?:WARC/\d\.\d+\r?$|[a-z][a-z0-9+.-]*:\S+ \S+ \d{14}\d* \S+ -?\w+\r?$)"
)


class QuietIterator(ArchiveIterator):  # type: ignore[misc]
    """warcio's iterator, counting misaligned records instead of printing to stderr.

    warcio writes "Record not followed by newline" straight to sys.stderr; a library must not,
    and the reader needs the count to report the record whose length was wrong.
    """

    def _consume_blanklines(self) -> tuple[bytes | None, int]:
        empty_size = 0
        first_line = True
        while True:
            line: bytes = self.reader.readline()
            if not line:
                return None, empty_size
            stripped = line.rstrip()
            if not stripped or first_line:
                empty_size += len(line)
                if stripped:
                    # a record's declared length did not end at a record boundary
                    self.err_count += 1
                    log.debug("web archive record not followed by a blank line: %r", line[:40])
                first_line = False
                continue
            return line, empty_size


def iterate_from(buffer: bytes, offset: int) -> QuietIterator:
    """An iterator over the records of `buffer` starting at byte `offset`."""
    stream = io.BytesIO(buffer)
    stream.seek(offset)
    return QuietIterator(stream, arc2warc=True)


def record_at(buffer: bytes, offset: int) -> Any:
    """The record that starts at `offset` (as found by a first pass over the same buffer)."""
    return next(iter(iterate_from(buffer, offset)))


def next_record_start(buffer: bytes, after: int) -> int | None:
    """Where the next record begins after a damaged one, or None when none follows."""
    if buffer[:2] == GZIP_MAGIC[:2]:
        position = buffer.find(GZIP_MAGIC, after + 1)
        while position != -1:
            head = gzip_head(buffer[position : position + 65536])
            if head and _RECORD_START.match(head):
                return position
            position = buffer.find(GZIP_MAGIC, position + 1)
        return None
    match = _RECORD_START.search(buffer, after + 1)
    return match.start() if match else None


def gzip_head(data: bytes) -> bytes:
    """The first bytes a (possibly cut) gzip member decompresses to; empty when damaged."""
    try:
        return zlib.decompressobj(wbits=31).decompress(data, 256)
    except zlib.error:
        return b""


def gunzip_members(data: bytes) -> tuple[bytes, str | None]:
    """Every gzip member of `data` decompressed and joined, as far as the data is sound; and
    why it stopped early, when it did. A damaged tail loses only what comes after it."""
    out = io.BytesIO()
    rest = data
    while rest[:2] == GZIP_MAGIC[:2]:
        member = zlib.decompressobj(wbits=31)
        try:
            for chunk in _chunks(member, rest):
                out.write(chunk)
                problem = inflation_problem(
                    "web archive", out.tell(), len(data) - len(member.unconsumed_tail)
                )
                if problem is not None:
                    raise ReadError(problem)
        except zlib.error as error:
            return out.getvalue(), f"the compressed data is damaged ({error})"
        if not member.eof:
            return out.getvalue(), "the compressed data ends in the middle of a record"
        rest = member.unused_data
    return out.getvalue(), None


def _chunks(member: Any, data: bytes) -> Iterator[bytes]:
    """Decompress in bounded steps, so a bomb is stopped before it fills memory."""
    view = data
    while True:
        chunk: bytes = member.decompress(view, 1 << 20)
        if chunk:
            yield chunk
        view = member.unconsumed_tail
        if member.eof or (not view and not chunk):
            return
