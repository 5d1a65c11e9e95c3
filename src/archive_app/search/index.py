"""The Whoosh index on disk: write documents, search them, list what it holds, rebuild it."""

from __future__ import annotations

import json
import logging
import shutil
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from whoosh import index as whoosh_index
from whoosh.searching import Searcher

from archive_app.core.model import IndexDocument
from archive_app.search.query import parse_query
from archive_app.search.schema import SCHEMA_VERSION, build_schema
from archive_app.search.snippets import snippet_highlighter, split_snippets

log = logging.getLogger(__name__)
STAMP = "arsip-index.json"


@dataclass(frozen=True, slots=True)
class RawHit:
    id: int
    score: float
    snippets: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class RawResults:
    total: int
    hits: tuple[RawHit, ...]


def _local_datetime(value: str | None) -> datetime | None:
    """The date as the article printed it (its own wall clock), for date queries and facets."""
    if not value:
        return None
    try:
        return datetime.fromisoformat(value).replace(tzinfo=None)
    except ValueError:
        return None


def _fields(doc: IndexDocument) -> dict[str, Any]:
    fields: dict[str, Any] = {
        "id": str(doc.id), "version": doc.version, "title": doc.title, "body": doc.body,
        "people": "\n".join(doc.people), "caption": doc.captions,
    }
    if doc.place:
        fields["place"] = doc.place
    if doc.site:
        fields["site"] = doc.site
    if doc.language:
        fields["lang"] = doc.language
    moment = _local_datetime(doc.date)
    if moment is not None:
        fields["date"] = moment
    return fields


class FullTextIndex:
    """One index folder; searchers are shared and refreshed after writes."""

    def __init__(self, folder: Path, *, readonly: bool = False) -> None:
        self.folder = folder
        self.readonly = readonly
        self._lock = threading.Lock()
        self._searcher: Searcher | None = None
        self._written = False  # set after our own commits: Searcher.refresh() can miss deletions
        self._index = self._open_or_create()

    @property
    def stale_schema(self) -> bool:
        """True when the index was built with another schema and must be rebuilt."""
        try:
            stamp = json.loads((self.folder / STAMP).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return True
        return bool(stamp.get("schema") != SCHEMA_VERSION)

    def _open_or_create(self) -> Any:
        if whoosh_index.exists_in(str(self.folder)) and not (
            self.stale_schema and not self.readonly
        ):
            return whoosh_index.open_dir(str(self.folder), readonly=self.readonly)
        if self.readonly:
            self.folder.mkdir(parents=True, exist_ok=True)
            if not whoosh_index.exists_in(str(self.folder)):
                return None
            return whoosh_index.open_dir(str(self.folder), readonly=True)
        return self._create(self.folder)

    @staticmethod
    def _create(folder: Path) -> Any:
        folder.mkdir(parents=True, exist_ok=True)
        created = whoosh_index.create_in(str(folder), build_schema())
        (folder / STAMP).write_text(json.dumps({"schema": SCHEMA_VERSION}), encoding="utf-8")
        return created

    def close(self) -> None:
        with self._lock:
            if self._searcher is not None:
                self._searcher.close()
                self._searcher = None
            if self._index is not None:
                self._index.close()

    def _current_searcher(self) -> Searcher:
        with self._lock:
            if self._searcher is None or self._written:
                # the old searcher is not closed here: a search on another thread may still be
                # reading it; it closes its files when the last reference goes
                self._searcher = self._index.searcher()
                self._written = False
            else:
                self._searcher = self._searcher.refresh()  # picks up other processes' commits
            return self._searcher

    def write(self, docs: Iterable[IndexDocument], new_ids: frozenset[int] = frozenset()) -> int:
        """Add or replace documents in one commit; ids in `new_ids` skip the delete lookup."""
        count = 0
        writer = self._index.writer(limitmb=128)
        try:
            for doc in docs:
                if doc.id in new_ids:
                    writer.add_document(**_fields(doc))
                else:
                    writer.update_document(**_fields(doc))
                count += 1
        except BaseException:
            writer.cancel()
            raise
        writer.commit()
        self._written = True
        return count

    def delete(self, ids: Iterable[int]) -> None:
        writer = self._index.writer()
        for article_id in ids:
            writer.delete_by_term("id", str(article_id))
        writer.commit()
        self._written = True

    def versions(self) -> dict[int, int]:
        """Every article id the index holds and the version it was indexed at."""
        if self._index is None:
            return {}
        searcher = self._current_searcher()
        return {int(f["id"]): int(f.get("version", 0)) for f in searcher.all_stored_fields()}

    def doc_count(self) -> int:
        return 0 if self._index is None else int(self._index.doc_count())

    def search(
        self, text: str, limit: int, offset: int,
        bodies: Callable[[list[int]], dict[int, str]],
    ) -> RawResults:
        """Top hits by BM25F with the total, and snippets for the hits on this page only."""
        if self._index is None:
            parse_query(text, build_schema())
            return RawResults(0, ())
        searcher = self._current_searcher()
        query = parse_query(text, searcher.schema)
        results = searcher.search(query, limit=offset + limit, terms=True)
        results.highlighter = snippet_highlighter()
        page = list(results)[offset : offset + limit]
        texts = bodies([int(hit["id"]) for hit in page])
        hits = tuple(
            RawHit(
                int(hit["id"]), float(hit.score),
                split_snippets(hit.highlights("body", text=texts.get(int(hit["id"]), ""), top=3)),
            )
            for hit in page
        )
        return RawResults(len(results), hits)

    def rebuild(
        self, docs: Iterable[IndexDocument], progress: Callable[[int], None] | None = None
    ) -> int:
        """Build a fresh index beside this one, then swap it in: no half-built index is seen."""
        staging = self.folder.with_name(self.folder.name + ".rebuild")
        shutil.rmtree(staging, ignore_errors=True)
        fresh = self._create(staging)
        writer = fresh.writer(limitmb=256)
        count = 0
        try:
            for doc in docs:
                writer.add_document(**_fields(doc))
                count += 1
                if progress is not None and count % 500 == 0:
                    progress(count)
        except BaseException:
            writer.cancel()
            fresh.close()
            shutil.rmtree(staging, ignore_errors=True)
            raise
        writer.commit()
        fresh.close()
        self.close()
        retired = self.folder.with_name(self.folder.name + ".old")
        shutil.rmtree(retired, ignore_errors=True)
        if self.folder.exists():
            self.folder.rename(retired)
        staging.rename(self.folder)
        shutil.rmtree(retired, ignore_errors=True)
        self._index = whoosh_index.open_dir(str(self.folder))
        self._written = True
        return count
