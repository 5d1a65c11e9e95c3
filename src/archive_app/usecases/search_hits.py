"""Search hits with their articles' titles, dates and sites, whichever search found them."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol

from archive_app.domain.model import ArticleSummary, SearchHit


class FoundHit(Protocol):
    """What the index and the team catalogue's full-text search both return for a hit."""

    @property
    def id(self) -> int: ...

    @property
    def score(self) -> float: ...

    @property
    def snippets(self) -> tuple[str, ...]: ...


def named_hits(
    found: Sequence[FoundHit], summaries: Callable[[Sequence[int]], list[ArticleSummary]]
) -> tuple[SearchHit, ...]:
    """The hits in their order with the catalogue's rows; a hit whose article is gone since
    the search found it (deleted meanwhile) is left out rather than shown without a title."""
    rows = {s.id: s for s in summaries([hit.id for hit in found])}
    return tuple(
        SearchHit(
            hit.id,
            hit.score,
            rows[hit.id].title,
            rows[hit.id].published,
            rows[hit.id].site,
            hit.snippets,
        )
        for hit in found
        if hit.id in rows
    )
