"""The terms file's hash index kept in two arrays per bucket while a segment is written.

Whoosh's OrderedHashWriter remembers every term it writes as a (hash, position) tuple in one
of 256 lists until the file closes: about 120 bytes a term, most of what a merge holds (a
segment of 100,000 articles has some 550,000 terms: ~65 MB). Here each bucket is two arrays
(4 + 8 bytes a term); at the close each bucket becomes Whoosh's tuples in turn, so the tables
written are byte for byte Whoosh's.
"""

from __future__ import annotations

from array import array
from typing import Any

from whoosh.filedb.filetables import HashWriter, OrderedHashWriter
from whoosh.filedb.filetables import _lengths as _LENGTHS

BUCKETS = 256


class CompactOrderedHashWriter(OrderedHashWriter):  # type: ignore[misc]
    """OrderedHashWriter whose buckets are (hashes, positions) arrays (see the module)."""

    # (hashes, positions) per bucket while terms come; Whoosh's tuples while one is written
    buckets: list[Any]
    lastkey: bytes

    def add(self, key: bytes, value: bytes) -> None:
        """OrderedHashWriter.add and HashWriter.add (whoosh/filedb/filetables.py), restated
        to file the hash and position in the bucket's arrays."""
        if key <= self.lastkey:
            raise ValueError(f"Keys must increase: {self.lastkey!r}..{key!r}")
        dbfile = self.dbfile
        pos = dbfile.tell()
        self.index.append(pos)
        dbfile.write(_LENGTHS.pack(len(key), len(value)))
        dbfile.write(key)
        dbfile.write(value)
        hashed = self.hashfn(key)
        hashes, positions = self.buckets[hashed & 255]
        hashes.append(hashed)
        positions.append(pos)
        self.lastkey = key

    def _write_hashes(self) -> None:
        """Whoosh's tables, one bucket's tuples at a time."""
        compact = self.buckets
        try:
            for number, (hashes, positions) in enumerate(compact):
                self.buckets = [list(zip(hashes, positions, strict=True))]
                HashWriter._write_hashes(self)
                compact[number] = (array("I"), array("q"))  # written: let it go
        finally:
            self.buckets = compact


def compact(fieldwriter: Any) -> None:
    """Give a Whoosh field writer that has written no term yet the compact terms index."""
    index: Any = getattr(fieldwriter, "_tindex", None)
    if type(index) is not OrderedHashWriter or any(index.buckets):
        return  # another writer, or terms already filed: left as Whoosh made it
    index.__class__ = CompactOrderedHashWriter
    index.buckets = [(array("I"), array("q")) for _ in range(BUCKETS)]
