"""Per-generation arrays read from the index's columns: the cheap sets behind filters and facets."""

from __future__ import annotations

import bisect
import threading
from functools import cached_property
from typing import Any

FACET_SEPARATOR = "\x1f"


class Columns:
    """Column values by document number for one generation of the index (read through a reader
    of their own, under a lock, so the threads searching that generation can share them)."""

    def __init__(self, reader: Any) -> None:
        self._reader = reader
        self._lock = threading.Lock()

    def _read(self, name: str) -> list[Any]:
        # segment by segment: Whoosh's multi-segment column skips a segment none of whose
        # documents has the column (a photo record alone has no site), shifting the rest
        values: list[Any] = []
        with self._lock:
            for leaf, _base in self._reader.leaf_readers():
                if leaf.has_column(name):
                    values.extend(leaf.column_reader(name, translate=True))
                else:
                    values.extend([None] * leaf.doc_count_all())
        return values

    @cached_property
    def article_ids(self) -> list[int]:
        return [int(v) if v else 0 for v in self._read("id")]

    @cached_property
    def days(self) -> list[int]:
        return [int(v or 0) for v in self._read("day")]

    @cached_property
    def _days_sorted(self) -> tuple[list[int], list[int]]:
        order = sorted(range(len(self.days)), key=self.days.__getitem__)
        return [self.days[i] for i in order], order

    def docs_between(self, first_day: int, last_day: int) -> set[int]:
        """Document numbers dated from `first_day` to `last_day` (YYYYMMDD, inclusive)."""
        values, order = self._days_sorted
        low = bisect.bisect_left(values, max(first_day, 1))
        high = bisect.bisect_right(values, last_day)
        return set(order[low:high])

    @cached_property
    def sites(self) -> list[str]:
        return [_text(v) for v in self._read("site")]

    @cached_property
    def languages(self) -> list[str]:
        return [_text(v) for v in self._read("lang")]

    @cached_property
    def places(self) -> list[str]:
        return [_text(v) for v in self._read("place_facet")]

    @cached_property
    def people(self) -> list[tuple[str, ...]]:
        return [_many(v) for v in self._read("people_facet")]

    @cached_property
    def tags(self) -> list[tuple[str, ...]]:
        return [_many(v) for v in self._read("tag_facet")]

    @cached_property
    def reviews(self) -> list[tuple[str, ...]]:
        return [_many(v) for v in self._read("review_facet")]

    def warm(self) -> None:
        """Read every column now (in the background after an index change)."""
        for name in (
            "article_ids",
            "days",
            "sites",
            "languages",
            "places",
            "people",
            "tags",
            "reviews",
        ):
            getattr(self, name)
        _ = self._days_sorted


def _text(value: Any) -> str:
    if isinstance(value, bytes):
        return value.decode("utf-8")
    return str(value) if value else ""


def _many(value: Any) -> tuple[str, ...]:
    text = _text(value)
    return tuple(v for v in text.split(FACET_SEPARATOR) if v) if text else ()
