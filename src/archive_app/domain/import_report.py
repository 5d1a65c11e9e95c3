"""An import's report: every item counted, a screenful held in memory, all of them in a file.

An import of a million articles would otherwise hold a million items (hundreds of MB) until it
ends. Each kind of item (added, duplicates, updated, failed, warnings) is a `ReportItems`: it
counts every item, keeps the first few thousand in memory (what a person can scroll), and hands
every item to the report's sink, which writes it to the report file in the library's logs.
Iterating the items reads them back from that file once more of them came than were kept.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Protocol, overload

KINDS = ("added", "duplicates", "updated", "failed", "warnings")
# items of each kind held in memory: failures, warnings and new versions are what a person
# reads one by one; added articles and duplicates are counted, and listed in the report file
KEEP = {
    "added": 1_000,
    "duplicates": 1_000,
    "updated": 10_000,
    "failed": 10_000,
    "warnings": 10_000,
}


@dataclass(frozen=True, slots=True)
class ImportItem:
    """One article (or file) in an import report: where it came from and what happened."""

    path: str
    locator: str
    article_id: int | None = None
    title: str = ""
    message: str = ""


class ItemSink(Protocol):
    """Where a report's items go as they come (the report file), and how they come back."""

    def write(self, kind: str, item: ImportItem) -> None: ...

    def read(self, kind: str) -> Iterator[ImportItem]:
        """Every item of this kind written so far, in order."""
        ...

    def close(self, summary: dict[str, object]) -> None:
        """The report is complete: write its totals (the items can still be read)."""
        ...


class ReportItems:
    """The items of one kind: every one counted, the first `keep` held, all given to the sink.

    Behaves as a read-only list for its readers (len, truth, iteration, indexing); without a
    sink (a report made in memory) it keeps every item.
    """

    __slots__ = ("_count", "_keep", "_sink", "kept", "kind", "reasons")

    def __init__(
        self, kind: str, items: Iterable[ImportItem] = (), keep: int | None = None
    ) -> None:
        self.kind = kind
        self.kept: list[ImportItem] = []  # the first items, in order
        # how many items carried each message (duplicates: why each was not added)
        self.reasons: Counter[str] = Counter()
        self._count = 0
        self._keep = KEEP.get(kind, 1_000) if keep is None else keep
        self._sink: ItemSink | None = None
        self.extend(items)

    def stream_to(self, sink: ItemSink) -> None:
        """From now on hold only the first `keep` items; those held so far go to the sink."""
        for item in self.kept:
            sink.write(self.kind, item)
        self._sink = sink
        del self.kept[self._keep :]

    def append(self, item: ImportItem) -> None:
        self._count += 1
        if self.kind == "duplicates":
            self.reasons[item.message] += 1
        if self._sink is None:
            self.kept.append(item)
            return
        self._sink.write(self.kind, item)
        if len(self.kept) < self._keep:
            self.kept.append(item)

    def extend(self, items: Iterable[ImportItem]) -> None:
        for item in items:
            self.append(item)

    @property
    def complete(self) -> bool:
        """Whether every item is held in memory (`kept`)."""
        return len(self.kept) == self._count

    def __len__(self) -> int:
        return self._count

    def __bool__(self) -> bool:
        return self._count > 0

    def __iter__(self) -> Iterator[ImportItem]:
        if self.complete or self._sink is None:
            return iter(self.kept)
        return self._sink.read(self.kind)

    @overload
    def __getitem__(self, index: int) -> ImportItem: ...

    @overload
    def __getitem__(self, index: slice) -> list[ImportItem]: ...

    def __getitem__(self, index: int | slice) -> ImportItem | list[ImportItem]:
        if isinstance(index, slice) or self.complete:
            return list(self)[index] if not self.complete else self.kept[index]
        if 0 <= index < len(self.kept):
            return self.kept[index]
        return list(self)[index]

    def __eq__(self, other: object) -> bool:
        if isinstance(other, ReportItems):
            return self.kind == other.kind and list(self) == list(other)
        if isinstance(other, list):
            return list(self) == other
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]  # mutable, like a list

    def __repr__(self) -> str:
        return f"ReportItems({self.kind!r}, {self._count:,} items, {len(self.kept):,} held)"


def _items(kind: str) -> ReportItems:
    return ReportItems(kind)


@dataclass(slots=True)
class ImportReport:
    """What an import did: added, duplicates, new versions, failures with reasons, warnings.

    Lists given to the constructor become `ReportItems`; `stream_to` sends every item to a
    sink from then on, holding only a screenful of each kind.
    """

    batch_id: int | None = None
    files: int = 0
    added: ReportItems = field(default_factory=lambda: _items("added"))
    duplicates: ReportItems = field(default_factory=lambda: _items("duplicates"))
    updated: ReportItems = field(default_factory=lambda: _items("updated"))
    failed: ReportItems = field(default_factory=lambda: _items("failed"))
    warnings: ReportItems = field(default_factory=lambda: _items("warnings"))
    cancelled: bool = False
    seconds: float = 0.0
    # articles an earlier, interrupted import (or edit) committed to the catalogue but not to
    # the index, indexed by this import before it began
    indexed_leftovers: int = 0
    # why the import stopped before its last file (a full disk), in one line; None otherwise
    stopped: str | None = None
    # the report file that lists every item (in the library's logs), when there is one
    path: str | None = None
    sink: ItemSink | None = field(default=None, repr=False, compare=False)

    def __post_init__(self) -> None:
        for kind in KINDS:
            value = getattr(self, kind)
            if not isinstance(value, ReportItems):  # a plain list of items
                setattr(self, kind, ReportItems(kind, value))

    def kinds(self) -> Iterator[tuple[str, ReportItems]]:
        for kind in KINDS:
            yield kind, getattr(self, kind)

    def stream_to(self, sink: ItemSink, path: str | None = None) -> None:
        """Send every item to `sink` from now on (those held so far first)."""
        for _kind, items in self.kinds():
            items.stream_to(sink)
        self.sink, self.path = sink, path

    def finish(self) -> None:
        """The import has ended: the report file gets its totals."""
        if self.sink is not None:
            self.sink.close(self.summary())

    def counts(self) -> dict[str, int]:
        return {"files": self.files} | {kind: len(items) for kind, items in self.kinds()}

    def summary(self) -> dict[str, object]:
        """Everything but the items: what a report file ends with."""
        return {
            "batch_id": self.batch_id,
            "counts": self.counts(),
            "cancelled": self.cancelled,
            "seconds": round(self.seconds, 3),
            "indexed_leftovers": self.indexed_leftovers,
            "stopped": self.stopped,
        }
