"""Plain-text page dumps (.txt): one article per file, headline first."""

from __future__ import annotations

from collections.abc import Iterator

from archive_app.ingest.context import ReadContext
from archive_app.ingest.decode import decode_text
from archive_app.ingest.raw import RawArticle, RawFailure

FORMAT = "text"


def read_text_dump(
    data: bytes, context: ReadContext | None = None
) -> Iterator[RawArticle | RawFailure]:
    """The whole file is one article laid out as a page: headline, date, caption, body."""
    text = decode_text(data, context.notes if context else None)
    yield RawArticle(locator="file", text=text, layout="page")
