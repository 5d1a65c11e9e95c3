"""The first pass over a web archive: every record classified, with the offset to read it back.

Nothing is kept but the offsets, so an archive of many pages costs little memory; pages and
their images are read again, one at a time, by the second pass.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from warcio.exceptions import ArchiveLoadFailed  # type: ignore[import-untyped]

from archive_app.ingest.webarchive.captures import Capture, classify
from archive_app.ingest.webarchive.records import (
    DAMAGE,
    GZIP_MAGIC,
    PARSE_DAMAGE,
    QuietIterator,
    gunzip_members,
    gzip_head,
    iterate_from,
    next_record_start,
)

_TARGET = re.compile(rb"WARC-Target-URI:[ \t]*<?([^\s>]+)", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Scan:
    """The captures of an archive and the bytes their offsets point into (the archive itself,
    or its decompressed text when its gzip members do not line up with its records)."""

    buffer: bytes
    captures: list[Capture]


class _Damaged(Exception):
    """A record that cannot be parsed or read; carries warcio's error."""

    def __init__(self, error: BaseException) -> None:
        super().__init__(str(error))
        self.error = error


class _Misaligned(Exception):
    """The gzip members do not start at record boundaries: read the archive as one stream."""


def scan_archive(data: bytes) -> Scan:
    """Classify every record of a WARC or ARC file, compressed or not."""
    try:
        return Scan(data, _walk(data))
    except _Misaligned:
        buffer, problem = gunzip_members(data)
        captures = _walk(buffer)
        if problem is not None:
            number = captures[-1].number + 1 if captures else 1
            captures.append(
                Capture(
                    number,
                    "failure",
                    "",
                    len(buffer),
                    reason=f"the rest of the archive cannot be read: {problem}",
                )
            )
        return Scan(buffer, captures)


def _incomplete(record: Any, iterator: QuietIterator, errors_before: int) -> str | None:
    """Why a record read to its end is not whole, or None when it is."""
    left = getattr(record.raw_stream, "limit", 0)
    if left > 0:
        return f"truncated record: the archive ends {left:,} bytes before the record does"
    if iterator.err_count > errors_before:
        return (
            "truncated or damaged record: its declared length does not end where the "
            "next record begins"
        )
    return None


def _walk(buffer: bytes) -> list[Capture]:
    """Every record in order; after a damaged one, reading resumes at the next record start."""
    captures: list[Capture] = []
    gzipped = buffer[:2] == GZIP_MAGIC[:2]
    start, number = 0, 0
    while True:
        iterator = iterate_from(buffer, start)
        records = iter(iterator)
        where, uri = start, ""
        try:
            while True:
                where = iterator.offset
                try:
                    record = next(records)
                except StopIteration:
                    break
                except PARSE_DAMAGE as error:
                    number, uri = number + 1, ""
                    raise _Damaged(error) from error
                number += 1
                uri = record.rec_headers.get_header("WARC-Target-URI") or ""
                try:
                    captures.append(_capture(record, iterator, number))
                except DAMAGE as error:
                    raise _Damaged(error) from error
        except _Damaged as damaged:
            cause = damaged.error
            if gzipped and isinstance(cause, ArchiveLoadFailed):
                raise _Misaligned from cause
            resume = next_record_start(buffer, where)
            rest = (
                "the reading resumes at the next record"
                if resume is not None
                else "nothing after it can be read"
            )
            captures.append(
                Capture(
                    number,
                    "failure",
                    uri,
                    where,
                    reason=(f"malformed record at byte {where:,} ({_describe(cause)}); {rest}"),
                )
            )
            if resume is None:
                return captures
            start = resume
            continue
        tail = _unread_tail(buffer, iterator.offset, number + 1)
        return [*captures, tail] if tail is not None else captures


def _capture(record: Any, iterator: QuietIterator, number: int) -> Capture:
    """Classify one record, then read it to its end to learn whether it is whole."""
    capture = classify(record, number, iterator.offset)
    errors_before = iterator.err_count
    iterator.read_to_end()
    if capture.kind == "skip":
        return capture
    why = _incomplete(record, iterator, errors_before)
    if why is None:
        return capture
    return Capture(
        capture.number,
        "failure",
        capture.uri,
        capture.offset,
        capture.captured,
        capture.content_type,
        why,
    )


def _unread_tail(buffer: bytes, end: int, number: int) -> Capture | None:
    """A record cut so early that warcio saw no record at all (a gzip member cut before its
    first full block): the bytes after the last whole record, reported rather than dropped."""
    if not buffer[end:].strip(b"\r\n\x00 "):
        return None
    head = (
        gzip_head(buffer[end : end + 65536])
        if buffer[end : end + 2] == GZIP_MAGIC[:2]
        else buffer[end : end + 4096]
    )
    uri = _TARGET.search(head)
    return Capture(
        number,
        "failure",
        uri.group(1).decode("utf-8", "replace") if uri else "",
        end,
        reason=f"truncated record: the archive ends {len(buffer) - end:,} bytes "
        "into a record that cannot be read",
    )


def _describe(error: BaseException) -> str:
    text = " ".join(str(error).split())
    return f"{type(error).__name__}: {text[:160]}" if text else type(error).__name__
