"""Answering searches from the team catalogue's full-text search while this desktop's index is
built (a new desktop, or an index rebuilt), instead of from an index that holds too little."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from archive_app.db import team_fulltext
from archive_app.db.sessions import Sessions
from archive_app.domain.model import ArticleSummary, IndexStatus, SearchCounts, SearchPage
from archive_app.domain.query_tree import And, Node
from archive_app.search.index import FullTextIndex
from archive_app.usecases.search_hits import named_hits


class CatalogueSearch:
    """The team catalogue's answer, asked only while `building()` says the index is built."""

    def __init__(
        self,
        sessions: Sessions,
        index: FullTextIndex,
        status: Callable[[], IndexStatus],
        count: Callable[[], int],
    ) -> None:
        self._sessions = sessions
        self._index = index
        self._status = status
        self._count = count
        # an index made empty beside an empty catalogue is whole: what others add later, it
        # follows through the change log, as any desktop does; it is not being built
        self._whole_at_opening = index.recreated and count() == 0

    def building(self) -> tuple[int, int] | None:
        """(articles indexed, of how many) while this desktop's index is being built or cannot
        be read yet (a command that only reads, on a new desktop); None when the index answers.
        An index that merely follows a few changes answers itself: only one that was made
        empty (new, of another schema, damaged) and not yet filled is being built."""
        index = self._index
        unreadable = index.readonly and (
            index.missing or index.stale_schema or index.damage is not None
        )
        if not (unreadable or index.recreated) or self._whole_at_opening:
            return None
        total = self._count()
        if total == 0:  # an empty catalogue: the empty index is complete
            return None
        status = self._status()
        if status.indexing and status.total:
            return status.done, status.total
        return (0 if unreadable else index.doc_count()), total

    def search(
        self,
        query: str,
        node: Node,
        sort: str,
        limit: int,
        offset: int,
        summaries: Callable[[Sequence[int]], list[ArticleSummary]],
        built: tuple[int, int],
    ) -> SearchPage:
        with self._sessions() as session:
            page = team_fulltext.search(
                session, _asked(node), sort=sort, limit=limit, offset=offset
            )
        return SearchPage(
            query,
            page.total,
            named_hits(page.hits, summaries),
            sort=sort,
            from_catalogue=True,
            index_built=built,
            unanswered=page.unanswered,
        )

    def counts(self, query: str, node: Node) -> SearchCounts:
        """The exact total; no facets or months (the window's facet lists wait for the index)."""
        ids = self.matching_ids(node)
        return SearchCounts(query, len(ids), {}, [])

    def matching_ids(self, node: Node) -> list[int]:
        with self._sessions() as session:
            ids, _unanswered = team_fulltext.matching_ids(session, _asked(node))
        return ids


def _asked(node: Node) -> Node | None:
    # an empty query (a browse) parses to an empty And: every article
    return None if isinstance(node, And) and not node.operands else node


def catalogue_search(
    team: bool,
    sessions: Sessions,
    index: FullTextIndex,
    status: Callable[[], IndexStatus],
    count: Callable[[], int],
) -> CatalogueSearch | None:
    """The fallback for a team library; None for a folder library, whose index is its own."""
    return CatalogueSearch(sessions, index, status, count) if team else None
