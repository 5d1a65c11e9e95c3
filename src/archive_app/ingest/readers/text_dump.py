"""Plain-text page dumps (.txt): one article per file, headline first; a folder's own notes
(README, LICENSE, a list of addresses) are reported as what they are."""

from __future__ import annotations

from collections.abc import Iterator

from archive_app.ingest.context import ReadContext
from archive_app.ingest.decode import decode_text
from archive_app.ingest.notes import note_kind
from archive_app.ingest.raw import RawArticle, RawFailure

FORMAT = "text"


def read_text_dump(
    data: bytes, context: ReadContext | None = None
) -> Iterator[RawArticle | RawFailure]:
    """The whole file is one article laid out as a page: headline, date, caption, body."""
    text = decode_text(data, context.notes if context else None)
    kind = note_kind(context.name if context is not None else "", text)
    if kind is not None:
        yield RawFailure("file", f"not an article: {kind}")
        return
    yield RawArticle(locator="file", text=text, layout="page")
