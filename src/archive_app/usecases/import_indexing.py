"""What a big import's indexing process reads: the articles the import committed, by id.

The process (search/background.py) is spawned with `catalogue_feed` and the catalogue's path
(or a team library's address); it opens the catalogue read-only (SQLite in WAL mode lets it
read beside the importer's writes) and builds each article's index document itself, so the
importer only sends ids.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from archive_app.db import index_feed
from archive_app.db.catalogues import catalogue_engine
from archive_app.db.engine import session_factory
from archive_app.domain.model import IndexDocument
from archive_app.search.background import BackgroundWriter, Feed


def catalogue_feed(catalogue: str) -> Feed:
    """A reader of index documents by article id from the catalogue at `catalogue` (a path,
    or a team library's address)."""
    sessions = session_factory(catalogue_engine(catalogue, readonly=True))

    def read(ids: Sequence[int]) -> list[IndexDocument]:
        with sessions() as session:
            return list(index_feed.index_documents(session, ids))

    return read


def indexing_process(index: Path, catalogue: str) -> BackgroundWriter:
    """An indexing process for a big import into the library with this index and catalogue."""
    return BackgroundWriter(index, catalogue_feed, catalogue)
