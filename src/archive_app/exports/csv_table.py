"""CSV with chosen columns, one row per article, that opens cleanly in a spreadsheet."""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable, Sequence

from archive_app.domain.errors import ExportError
from archive_app.domain.model import ArticleDetail
from archive_app.domain.record_json import TextSink
from archive_app.exports import citations
from archive_app.exports import record_fields as fields

Cell = Callable[[ArticleDetail], object]


def _people(detail: ArticleDetail) -> str:
    return "; ".join(f"{p.name} ({p.role})" for p in detail.record.people)


def _captions(detail: ArticleDetail) -> str:
    record = detail.record
    return "; ".join(
        " — ".join(x for x in (p.caption, fields.credit_text(record, p)) if x)
        for p in record.photos
    )


def _source(attribute: str) -> Cell:
    return lambda d: getattr(d.source, attribute, None) if d.source else None


# column name -> value; the names are also the header, which Arsip's own table reader
# understands (title, published, site, url, body...), so an export can be imported again
COLUMNS: dict[str, Cell] = {
    "id": lambda d: d.id,
    "title": lambda d: d.record.title,
    "subtitle": lambda d: d.record.subtitle,
    "published": lambda d: d.record.published,
    "updated": lambda d: d.record.updated,
    "site": lambda d: d.record.site,
    "publication": lambda d: fields.publication(d.record),
    "dateline_place": lambda d: d.record.dateline_place,
    "people": _people,
    "authors": lambda d: "; ".join(fields.creators(d)),
    "editors": lambda d: "; ".join(fields.names(d.record, "editor")),
    "photographers": lambda d: "; ".join(fields.names(d.record, "photographer")),
    "language": lambda d: d.record.language,
    "url": lambda d: d.record.url,
    "signoff": lambda d: "/".join(d.record.signoff),
    "agency": lambda d: d.record.agency,
    "keywords": lambda d: "; ".join(d.record.keywords),
    "tags": lambda d: "; ".join(d.tags),
    "collections": lambda d: "; ".join(d.collections),
    "note": lambda d: d.note,
    "captions": _captions,
    "photos": lambda d: len(d.record.photos),
    "related": lambda d: "; ".join(link.title for link in d.record.related),
    "abstract": lambda d: fields.abstract(d.record),
    "body": lambda d: "\n\n".join(d.record.body),
    "versions": lambda d: d.versions,
    "source_file": _source("file"),
    "source_sha256": _source("sha256"),
    "imported_at": _source("imported_at"),
    "review": lambda d: "; ".join(f"{f.kind}: {f.message}" for f in d.record.review),
    "apa": lambda d: citations.cite(d, "apa"),
    "chicago": lambda d: citations.cite(d, "chicago"),
}
DEFAULT_COLUMNS = (
    "id",
    "title",
    "published",
    "site",
    "dateline_place",
    "people",
    "language",
    "url",
)
# A cell starting with one of these is run as a formula by spreadsheets (OWASP's CSV
# injection advice): a leading apostrophe makes it text and is hidden when shown.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def parse_columns(text: str) -> tuple[str, ...]:
    """ "title,published,url" -> the column names, refusing unknown ones with the full list."""
    chosen = tuple(name.strip() for name in text.split(",") if name.strip())
    unknown = [name for name in chosen if name not in COLUMNS]
    if unknown or not chosen:
        raise ExportError(
            f"unknown CSV column {', '.join(unknown) or '(none given)'}; "
            f"choose from {', '.join(COLUMNS)}"
        )
    return chosen


def safe_cell(value: object) -> str:
    """The cell text, escaped when a spreadsheet would read it as a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def write_csv(
    stream: TextSink,
    details: Iterable[ArticleDetail],
    columns: Sequence[str] = DEFAULT_COLUMNS,
    *,
    bom: bool = False,
) -> int:
    """A header and one row per article (CRLF line ends, every cell quoted where needed)."""
    cells = [COLUMNS[name] for name in parse_columns(",".join(columns))]
    if bom:
        stream.write("\ufeff")  # lets Excel recognise UTF-8 on double-click
    writer = csv.writer(stream, lineterminator="\r\n")
    writer.writerow(columns)
    count = 0
    for detail in details:
        writer.writerow([safe_cell(cell(detail)) for cell in cells])
        count += 1
    return count
