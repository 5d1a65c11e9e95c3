"""How an import batches files: chunks share a savepoint and a flush, groups share a commit."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

from archive_app.db.import_unit import ChunkRows, FileOutcome, ImportUnit
from archive_app.ingest.sources import SourceFile
from archive_app.storage import originals

CHECK_EVERY = 100  # records between cancel checks and progress reports
SETTLE_EVERY = 500  # records between flushes that let the session's objects go
CHUNK_FILES = 50  # files that share a savepoint and a flush
# a transaction holds files until one of these is reached
GROUP_RECORDS = 1000
GROUP_FILES = 500
GROUP_SECONDS = 10.0


@dataclass(slots=True)
class Entry:
    """One file of a chunk: what it did and what it wrote outside the catalogue."""

    source: SourceFile
    outcome: FileOutcome
    staged: originals.Staged | None = None
    media: list[Path] = field(default_factory=list)  # photo files first written by this file


@dataclass(slots=True)
class Chunk:
    """Files stored under one savepoint and written by one flush.

    A savepoint and a flush per file cost about 2 ms each, most of a page dump's import; a
    chunk shares them among up to CHUNK_FILES files. If anything in a chunk fails, the chunk
    is undone and its files are stored again one at a time, so a bad file still takes only its
    own records with it.
    """

    rows: ChunkRows
    entries: list[Entry] = field(default_factory=list)
    records: int = 0  # articles added or updated

    def full(self) -> bool:
        return len(self.entries) >= CHUNK_FILES or self.records >= SETTLE_EVERY


@dataclass(slots=True)
class Group:
    """Chunks stored in one transaction: small files commit together (a commit and its fsync
    per file dominated folders of page dumps)."""

    unit: ImportUnit
    started: float
    chunk: Chunk | None = None
    outcomes: list[tuple[SourceFile, FileOutcome]] = field(default_factory=list)
    written: list[Path] = field(default_factory=list)  # originals and photos new in the group
    # originals written under temporary names: made durable together just before the commit
    staged: list[originals.Staged] = field(default_factory=list)
    records: int = 0
    # the sentence hashes of the articles added in the group: linked to the same stories at
    # the commit
    fingerprints: dict[int, list[int]] = field(default_factory=dict)
    placed: dict[int, tuple[FileOutcome, str]] = field(default_factory=dict)

    def full(self) -> bool:
        return (
            self.records >= GROUP_RECORDS
            or len(self.outcomes) >= GROUP_FILES
            or time.monotonic() - self.started > GROUP_SECONDS
        )


def discard_files(entries: list[Entry]) -> None:
    """Remove the originals staged and the photo files written by these files."""
    for entry in entries:
        if entry.staged is not None:
            originals.discard([entry.staged])
        for written in entry.media:
            written.unlink(missing_ok=True)
