"""The Whoosh index of one library: open it, write and delete documents, rebuild it, search it."""

from __future__ import annotations

import logging
import shutil
from collections.abc import Callable, Iterable
from functools import partial
from pathlib import Path
from typing import Any, NoReturn

from archive_app.domain.errors import ArchiveError
from archive_app.domain.model import IndexDocument
from archive_app.domain.query import Node
from archive_app.search import index_folder
from archive_app.search.compile import compile_query
from archive_app.search.index_folder import BEHIND, mark_behind
from archive_app.search.querying import (
    Prepared,
    RawCounts,
    RawPage,
    TextsFor,
    facet_counts,
    matching_docnums,
    prepare,
    search_page,
)
from archive_app.search.searchers import Searchers
from archive_app.search.workers import build_serially
from archive_app.search.writing import IndexBatch, delete_documents

log = logging.getLogger(__name__)


class IndexUnavailable(ArchiveError):
    """The index cannot be searched until it is rebuilt."""


class FullTextIndex:
    """One index folder; each thread searches with its own searcher, renewed after writes."""

    def __init__(self, folder: Path, *, readonly: bool = False) -> None:
        self.folder = folder
        self.readonly = readonly
        self.recreated = False  # True when an old index was replaced by an empty one on open
        # what is wrong with the index found on open ("a part of it is missing: …"), if anything
        self.damage: str | None = None
        self._index = self._open_or_create()
        self._searchers = Searchers(self._index)

    @property
    def stale_schema(self) -> bool:
        """True when the index was built with another schema and must be rebuilt."""
        return index_folder.stale_schema(self.folder)

    @property
    def missing(self) -> bool:
        """True when the folder holds no index at all (deleted, or never written)."""
        return not (self.folder.is_dir() and index_folder.holds_index(self.folder))

    def _open_or_create(self) -> Any:
        if index_folder.holds_index(self.folder) and not self.stale_schema:
            opened, self.damage = index_folder.open_checked(self.folder, self.readonly)
            if opened is not None and (self.readonly or index_folder.readable(opened)):
                return opened
            if opened is not None:  # a writer found a segment it cannot read
                opened.close()
                self.damage = "a part of it cannot be read"
            log.warning("the search index in %s is damaged: %s", self.folder, self.damage)
        if self.readonly:
            return None  # searches say the index must be rebuilt; check() reports it
        # an index from another schema, a damaged one (a segment file gone) or none at all
        # starts empty and must be refilled (nothing to refill in a new library)
        self.recreated = True
        return index_folder.create_empty(self.folder)

    @property
    def behind(self) -> bool:
        """Whether a write failed since the index last caught up with the catalogue."""
        return (self.folder / BEHIND).exists()

    def mark_behind(self) -> None:
        """Remember that a write failed, so the next writer to open the library catches up."""
        mark_behind(self.folder)

    def caught_up(self) -> None:
        """The index holds what the catalogue does again."""
        (self.folder / BEHIND).unlink(missing_ok=True)

    def close(self) -> None:
        if self._index is not None:
            self._index.close()

    # -- writing -------------------------------------------------------------------------

    def write(self, docs: Iterable[IndexDocument], new_ids: frozenset[int] = frozenset()) -> int:
        """Add or replace documents in one commit; ids in `new_ids` skip the delete lookup."""
        batch = self.batch()
        try:
            count = batch.add(docs, new_ids)
        except BaseException:
            batch.cancel()
            raise
        batch.commit()
        return count

    def batch(self, leave: frozenset[str] = frozenset()) -> IndexBatch:
        """A writer kept open over several additions, committed once (one segment); its
        commit merges no segment whose id is in `leave`."""
        return IndexBatch(self._index, self._searchers.changed, self.mark_behind, leave)

    def segment_ids(self) -> frozenset[str]:
        """The ids of the index's segments as last committed."""
        return frozenset(segment.segment_id() for segment in self._index._segments())

    def changed_elsewhere(self) -> None:
        """Another process wrote this index: open new searchers next time."""
        self._searchers.changed()

    def delete(self, ids: Iterable[int]) -> None:
        try:
            delete_documents(self._index, ids)
        except BaseException:
            self.mark_behind()
            raise
        self._searchers.changed()

    def rebuild(
        self, docs: Iterable[IndexDocument], progress: Callable[[int], None] | None = None
    ) -> int:
        """Build a fresh index of these documents beside this one, then swap it in (in this
        process: `rebuild_by` with workers.build_in_parallel reads and writes in several)."""
        return self.rebuild_by(partial(build_serially, docs=docs, progress=progress))

    def rebuild_by(self, build: Callable[[Path], int]) -> int:
        """Build a fresh index beside this one, then swap it in: no half-built index is seen.
        `build` fills the empty index in the folder it is given and returns how many articles
        it wrote; if it fails, the old index is left as it was and nothing half built."""
        staging = index_folder.staging_folder(self.folder)
        index_folder.create_empty(staging).close()
        try:
            count = build(staging)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
        self.close()
        self._index = index_folder.swap_in(self.folder)
        self._searchers = Searchers(self._index)
        self.damage = None
        return count

    # -- what it holds ---------------------------------------------------------------------

    def versions(self) -> dict[int, int]:
        """Every article id the index holds and the version it was indexed at."""
        if self._index is None:
            return {}
        searcher, _columns = self._searchers.current()
        return {int(f["id"]): int(f.get("version", 0)) for f in searcher.all_stored_fields()}

    def doc_count(self) -> int:
        return 0 if self._index is None else int(self._index.doc_count())

    def warm(self) -> None:
        """Load the facet columns now, so the first counts after a change come quickly."""
        if self._index is not None:
            self._searchers.current()[1].warm()

    # -- searching -----------------------------------------------------------------------

    def _prepare(self, node: Node) -> Prepared:
        if self._index is None:
            self._unavailable()
        searcher, columns = self._searchers.current()
        return prepare(searcher, columns, node)

    def _unavailable(self) -> NoReturn:
        """A read-only library whose index is missing or from another version cannot answer;
        saying so beats an empty result that looks like "no articles match"."""
        if self.damage:
            raise IndexUnavailable(
                f"the search index in {self.folder} is damaged ({self.damage}); run "
                "`archive-app reindex` to rebuild it from the catalogue"
            )
        what = "is missing" if self.missing else "was built by another version of Arsip"
        raise IndexUnavailable(
            f"the search index in {self.folder} {what}; run `archive-app reindex` (or open the "
            "library in the window) to rebuild it"
        )

    def search(
        self,
        node: Node,
        *,
        sort: str,
        limit: int,
        offset: int,
        texts: TextsFor,
        query_text: str = "",
    ) -> RawPage:
        """A page of hits, best first (or by date or title), with snippets for that page only.

        The total is exact when it costs nothing extra; `counts` gives it exactly otherwise.
        """
        if self._index is None:
            compile_query(node)  # still report mistakes in the query
        prepared = self._prepare(node)
        return search_page(
            prepared, sort=sort, limit=limit, offset=offset, texts=texts, query_text=query_text
        )

    def matching_ids(self, node: Node, texts: TextsFor) -> list[int]:
        """Every matching article id (unranked), phrases verified on the text."""
        prepared = self._prepare(node)
        article_ids = prepared.columns.article_ids
        return [article_ids[d] for d in matching_docnums(prepared, texts)]

    def counts(self, node: Node, texts: TextsFor) -> RawCounts:
        """The exact total and facet counts over the whole result set, and hits per month."""
        prepared = self._prepare(node)
        return facet_counts(prepared.columns, matching_docnums(prepared, texts))
