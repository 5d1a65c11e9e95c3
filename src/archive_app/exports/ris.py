"""RIS (TY  - NEWS), the tagged format EndNote, Zotero and reference managers import."""

from __future__ import annotations

import re
from collections.abc import Iterable

from archive_app.domain.model import ArticleDetail
from archive_app.domain.record_json import TextSink
from archive_app.exports import record_fields as fields
from archive_app.exports.keys import citation_key

_SPACE = re.compile(r"\s+")


def _name(name: str) -> str:
    parts = fields.split_name(name)
    return f"{parts.family}, {parts.given}" if parts.given else parts.family


def _ris_date(date: fields.DateValue) -> str:
    """RIS dates are YYYY/MM/DD/ with empty parts left blank."""
    month = f"{date.month:02d}" if date.month else ""
    day = f"{date.day:02d}" if date.day else ""
    return f"{date.year:04d}/{month}/{day}/"


def ris_tags(detail: ArticleDetail) -> list[tuple[str, str]]:
    """The (tag, value) lines of one reference.

    AU holds the writers (authors and reporters), A2 the editors (RIS's secondary authors),
    T2 the newspaper; photographers, which RIS has no tag for, go into a note (N1) — except
    in a photo record (TY  - ART), whose photographer is its author.
    """
    record = detail.record
    kind = "ART" if fields.is_photo(detail) else "NEWS"  # RIS has no photograph type
    tags = [("TY", kind), ("ID", citation_key(detail)), ("TI", record.title)]
    tags += [("AU", _name(n)) for n in fields.creators(detail)]
    tags += [("A2", _name(n)) for n in fields.names(record, "editor")]
    publication = fields.publication(record)
    if publication:
        tags.append(("T2", publication))
    issued = fields.published(record)
    if issued:
        tags += [("PY", f"{issued.year:04d}"), ("DA", _ris_date(issued))]
    if record.url:
        tags.append(("UR", record.url))
    seen = fields.accessed(detail)
    if seen:
        tags.append(("Y2", _ris_date(seen)))
    if record.language:
        tags.append(("LA", record.language))
    summary = fields.abstract(record)
    if summary:
        tags.append(("AB", summary))
    tags += [("KW", word) for word in fields.subjects(detail)]
    photographers = fields.contributors(detail)
    if photographers:
        tags.append(("N1", "Photographs: " + "; ".join(photographers)))
    tags.append(("DB", "Arsip"))
    return [(tag, _SPACE.sub(" ", value).strip()) for tag, value in tags]


def write_ris(stream: TextSink, details: Iterable[ArticleDetail]) -> int:
    """References in RIS's "TAG  - value" lines, CRLF ends as the specification asks."""
    count = 0
    for detail in details:
        for tag, value in ris_tags(detail):
            stream.write(f"{tag}  - {value}\r\n")
        stream.write("ER  - \r\n\r\n")
        count += 1
    return count
