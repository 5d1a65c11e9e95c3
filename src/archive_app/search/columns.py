"""Per-generation arrays read from the index's columns: the cheap sets behind filters and facets."""

from __future__ import annotations

import bisect
import threading
from array import array
from collections.abc import Callable
from functools import cached_property
from typing import Any, TypeVar

FACET_SEPARATOR = "\x1f"
T = TypeVar("T")
RANGES_KEPT = 32  # date ranges whose documents are kept, per generation of the index


class Columns:
    """Column values by document number for one generation of the index (read through a reader
    of their own, under a lock, so the threads searching that generation can share them)."""

    def __init__(self, reader: Any) -> None:
        self._reader = reader
        self._lock = threading.Lock()
        # (first day, last day) -> documents dated then, the latest asked for
        self._ranges: dict[tuple[int, int], set[int]] = {}
        # sort -> (documents in that order, each document's place in it)
        self._orders: dict[str, tuple[array[int], array[int]]] = {}

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

    def _shared(self, name: str, convert: Callable[[Any], T]) -> list[T]:
        """A column's values converted, each distinct value once (a site's name is one
        string for all its articles, not one per article)."""
        seen: dict[Any, T] = {}
        out: list[T] = []
        for value in self._read(name):
            try:
                out.append(seen[value])
            except KeyError:
                seen[value] = converted = convert(value)
                out.append(converted)
        return out

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
        """Document numbers dated from `first_day` to `last_day` (YYYYMMDD, inclusive): a set
        kept for the next query of the same dates, so not to be changed."""
        key = (first_day, last_day)
        found = self._ranges.get(key)
        if found is None:
            values, order = self._days_sorted
            low = bisect.bisect_left(values, max(first_day, 1))
            high = bisect.bisect_right(values, last_day)
            found = set(order[low:high])
            if len(self._ranges) >= RANGES_KEPT:
                self._ranges.pop(next(iter(self._ranges)), None)
            self._ranges[key] = found
        return found

    @cached_property
    def deleted(self) -> frozenset[int]:
        """The numbers of deleted documents (their columns still hold values)."""
        found: set[int] = set()
        with self._lock:
            for leaf, base in self._reader.leaf_readers():
                if leaf.has_deletions():
                    live = set(leaf.all_doc_ids())
                    found.update(base + d for d in range(leaf.doc_count_all()) if d not in live)
        return frozenset(found)

    def order(self, sort: str) -> tuple[array[int], array[int]]:
        """Every document in the order of a sort ("newest", "oldest", "title") as Whoosh's
        sorting collector gives them (ties by document number), and each document's place in
        that order."""
        found = self._orders.get(sort)
        if found is None:
            found = self._orders[sort] = _order(self._sort_keys(sort))
        return found

    def _sort_keys(self, sort: str) -> list[Any]:
        if sort == "title":
            return [v or b"" for v in self._read("title_sort")]
        dated = [int(v or 0) for v in self._read("dated")]
        when = [int(v or 0) for v in self._read("when")]
        # dated articles first, then by instant: one integer key (an instant is well below 2^63)
        if sort == "newest":
            return [-(d << 64) - w for d, w in zip(dated, when, strict=True)]
        return [-(d << 64) + w for d, w in zip(dated, when, strict=True)]

    @cached_property
    def months(self) -> array[int]:
        """The month of each document as YYYYMM (0 when undated)."""
        return array("I", (day // 100 for day in self.days))

    @cached_property
    def sites(self) -> list[str]:
        return self._shared("site", _text)

    @cached_property
    def languages(self) -> list[str]:
        return self._shared("lang", _text)

    @cached_property
    def places(self) -> list[str]:
        return self._shared("place_facet", _text)

    @cached_property
    def people(self) -> list[tuple[str, ...]]:
        return self._shared("people_facet", _many)

    @cached_property
    def tags(self) -> list[tuple[str, ...]]:
        return self._shared("tag_facet", _many)

    @cached_property
    def reviews(self) -> list[tuple[str, ...]]:
        return self._shared("review_facet", _many)

    def warm(self) -> None:
        """Read every column now (in the background after an index change)."""
        for name in (
            "article_ids",
            "days",
            "months",
            "sites",
            "languages",
            "places",
            "people",
            "tags",
            "reviews",
        ):
            getattr(self, name)
        _ = self._days_sorted
        self.order("newest")


def _order(keys: list[Any]) -> tuple[array[int], array[int]]:
    ordered = array("I", sorted(range(len(keys)), key=keys.__getitem__))  # stable: ties in order
    places = array("I", bytes(4 * len(keys)))
    for place, docnum in enumerate(ordered):
        places[docnum] = place
    return ordered, places


def _text(value: Any) -> str:
    if isinstance(value, bytes):
        return value.decode("utf-8")
    return str(value) if value else ""


def _many(value: Any) -> tuple[str, ...]:
    text = _text(value)
    return tuple(v for v in text.split(FACET_SEPARATOR) if v) if text else ()
