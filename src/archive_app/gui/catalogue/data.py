"""What the sidebar catalogue shows, read off the GUI thread: collections, smart ones, tags."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol

from archive_app.domain.errors import ArchiveError
from archive_app.domain.model import CollectionInfo, SavedSearch, SearchCounts
from archive_app.domain.query import REVIEW_ANY

log = logging.getLogger(__name__)


class CatalogueSource(Protocol):
    """What the catalogue needs from the Archive facade."""

    def collections(self) -> list[CollectionInfo]: ...

    def tags(self) -> list[tuple[str, int]]: ...

    def saved_searches(self) -> list[SavedSearch]: ...

    def matching_ids(self, query: str, within: Sequence[str] = ...) -> list[int]: ...

    def counts(self, query: str, within: Sequence[str] = ...) -> SearchCounts: ...


@dataclass(frozen=True, slots=True)
class SmartCollection:
    """A saved search listed as a collection: its count is how many articles it finds now."""

    search: SavedSearch
    count: int | None  # None: the query no longer runs (the message is logged)


@dataclass(frozen=True, slots=True)
class ReviewCounts:
    """The "Needs review" smart collection: articles with any flag, and articles per kind."""

    total: int
    kinds: list[tuple[str, int]]


@dataclass(slots=True)
class CatalogueData:
    collections: list[CollectionInfo] = field(default_factory=list)
    smart: list[SmartCollection] = field(default_factory=list)
    tags: list[tuple[str, int]] = field(default_factory=list)
    review: ReviewCounts | None = None  # None: not counted (the index cannot answer yet)


def _count(source: CatalogueSource, search: SavedSearch) -> int | None:
    try:
        return len(source.matching_ids(search.query))
    except ArchiveError as error:
        log.info("saved search %r does not run: %s", search.name, error)
        return None


def review_counts(source: CatalogueSource) -> ReviewCounts | None:
    """What the importer was unsure of, counted by the index (one pass over the flagged)."""
    try:
        counts = source.counts(f"review:{REVIEW_ANY}")
    except ArchiveError as error:
        log.info("review flags not counted: %s", error)
        return None
    return ReviewCounts(counts.total, list(counts.facets.get("review", [])))


def load_catalogue(source: CatalogueSource) -> CatalogueData:
    """Everything at once, each saved search counted again (so the counts stay current)."""
    smart = [SmartCollection(s, _count(source, s)) for s in source.saved_searches()]
    return CatalogueData(source.collections(), smart, source.tags(), review_counts(source))
