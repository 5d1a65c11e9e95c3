"""What the sidebar catalogue shows, read off the GUI thread: collections, smart ones, tags."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol

from archive_app.core.errors import ArchiveError
from archive_app.core.model import CollectionInfo, SavedSearch

log = logging.getLogger(__name__)


class CatalogueSource(Protocol):
    """What the catalogue needs from the Archive facade."""

    def collections(self) -> list[CollectionInfo]: ...

    def tags(self) -> list[tuple[str, int]]: ...

    def saved_searches(self) -> list[SavedSearch]: ...

    def matching_ids(self, query: str, within: Sequence[str] = ...) -> list[int]: ...


@dataclass(frozen=True, slots=True)
class SmartCollection:
    """A saved search listed as a collection: its count is how many articles it finds now."""

    search: SavedSearch
    count: int | None  # None: the query no longer runs (the message is logged)


@dataclass(slots=True)
class CatalogueData:
    collections: list[CollectionInfo] = field(default_factory=list)
    smart: list[SmartCollection] = field(default_factory=list)
    tags: list[tuple[str, int]] = field(default_factory=list)


def _count(source: CatalogueSource, search: SavedSearch) -> int | None:
    try:
        return len(source.matching_ids(search.query))
    except ArchiveError as error:
        log.info("saved search %r does not run: %s", search.name, error)
        return None


def load_catalogue(source: CatalogueSource) -> CatalogueData:
    """Everything at once, each saved search counted again (so the counts stay current)."""
    smart = [SmartCollection(s, _count(source, s)) for s in source.saved_searches()]
    return CatalogueData(source.collections(), smart, source.tags())
