"""Faster reading of Whoosh's posting blocks: word places packed in one string, jumps by bisection.

Whoosh (codec/whoosh3.py) pickles each block of postings as (ids, weights, values). Values of
variable size, like the word places of Arsip's text fields, go in as a tuple of byte strings,
one per posting, which must all be unpickled whenever a search reads the block's ids. Packed
as [offsets, one string] instead, a block unpickles as fast as a block without places, and a
posting's value is cut from the string only when a phrase check asks for it. A block written
either way reads back (the packed form is a list, Whoosh's a tuple), so a segment written by a
process without these patches stays readable.

A decoded block is kept (BlockCache) for the next search that reads it.

Jumping to a document within a block bisects the block's ids instead of stepping through them
one call at a time, the ids are rebuilt from their gaps in C, and a block's length and info are
read from one slice of the segment rather than a call per byte through its file object.
"""

from __future__ import annotations

import io
import pickle
import sys
import threading
import zlib
from array import array
from bisect import bisect_left
from collections import OrderedDict
from collections.abc import Callable
from itertools import accumulate
from typing import Any

from whoosh.codec import whoosh3
from whoosh.matching import ReadTooFar, binary
from whoosh.system import _INT_SIZE, unpack_int

from archive_app.search.fields import WordPositions

_SWAP = sys.byteorder == "big"


class PackedValues:
    """A block's values as one string and where each starts (the last entry is its end)."""

    __slots__ = ("_blob", "_offsets")

    def __init__(self, offsets: bytes, blob: bytes) -> None:
        self._offsets = array("I")
        self._offsets.frombytes(offsets)
        if _SWAP:
            self._offsets.byteswap()
        self._blob = blob

    def __len__(self) -> int:
        return len(self._offsets) - 1

    def __getitem__(self, i: int) -> bytes:
        offsets = self._offsets
        return self._blob[offsets[i] : offsets[i + 1]]


def pack_values(values: list[bytes]) -> list[bytes]:
    """The packed form of a block's values: [offsets as 32-bit integers, the values joined]."""
    offsets = array("I", accumulate(map(len, values), initial=0))
    if _SWAP:
        offsets.byteswap()
    return [offsets.tobytes(), b"".join(values)]


_original_mini_values: Callable[[Any], Any] = whoosh3.W3PostingsWriter._mini_values
_original_read_values: Callable[[Any], None] = whoosh3.W3LeafMatcher._read_values


def _mini_values(self: Any) -> Any:
    if isinstance(self._format, WordPositions):
        return pack_values(self._values)
    return _original_mini_values(self)


def _read_values(self: Any) -> None:
    if self._data is None:
        self._read_data()
    values = self._data[2]
    if isinstance(values, list):
        self._values = PackedValues(values[0], values[1])
    else:
        _original_read_values(self)


_Key = tuple[bytes, int, bool]  # a block as stored, its compression, whether its ids are bytes


class BlockCache:
    """Decoded posting blocks, the most recently read, shared by every searcher of the
    process, keyed by the block's bytes as stored: the blocks of common words are read again
    by most searches, and a key that is the content itself cannot name another segment's
    block (segment names are random, but a seeded random makes them repeat). Up to `limit`
    bytes (stored and decoded, about) are kept."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.size = 0
        self._blocks: OrderedDict[_Key, tuple[Any, Any, Any, int]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: _Key) -> tuple[Any, Any, Any, int] | None:
        with self._lock:
            found = self._blocks.get(key)
            if found is not None:
                self._blocks.move_to_end(key)
            return found

    def put(self, key: _Key, block: tuple[Any, Any, Any, int]) -> None:
        with self._lock:
            if key in self._blocks:
                return
            self._blocks[key] = block
            self.size += len(key[0]) + block[3]
            while self.size > self.limit and self._blocks:
                dropped_key, dropped = self._blocks.popitem(last=False)
                self.size -= len(dropped_key[0]) + dropped[3]

    def clear(self) -> None:
        with self._lock:
            self._blocks.clear()
            self.size = 0


BLOCKS = BlockCache(64 << 20)


def _read_data(self: Any) -> None:
    # Whoosh's own decompresses and unpickles the block every time it is visited; here a
    # block is decoded once (its ids rebuilt from their gaps too) and kept in BLOCKS
    stored = self._postfile.get(self._dataoffset, self._nextoffset - self._dataoffset)
    key = (stored, self._compression, bool(self._byteids))  # how the bytes are read, too
    block = BLOCKS.get(key)
    if block is None:
        data = zlib.decompress(stored) if self._compression else stored
        ids, weights, values = pickle.loads(data)
        if not self._byteids:
            ids = tuple(accumulate(ids))
        block = (ids, weights, values, len(data))
        BLOCKS.put(key, block)
    self._data = block


def _read_ids(self: Any) -> None:
    if self._data is None:
        self._read_data()
    self._ids = self._data[0]


_HEAD = 96  # bytes read for a block's length and info (its pickled info takes about 40)


def _goto(self: Any, position: int) -> None:
    # Whoosh's own reads the block's length and its pickled info through the file object,
    # a call in Python per pickle opcode; here both come from one slice of the segment
    self._data = self._ids = self._weights = self._values = None
    self._i = 0
    length, info, self._dataoffset = _info(self._postfile, position)
    if length < 0:  # the last block of the term
        self._lastblock = True
        length = -length
    self._nextoffset = position + _INT_SIZE + length
    (
        self._blocklength,
        self._maxid,
        self._maxweight,
        self._compression,
        shortest,
        longest,
    ) = info
    self._minlength = whoosh3.byte_to_length(shortest)
    self._maxlength = whoosh3.byte_to_length(longest)


_HEADS_KEPT = 1 << 13  # block heads kept per postings file (some 3 MB) before all are dropped


def _info(postfile: Any, position: int) -> tuple[int, tuple[Any, ...], int]:
    """A block's length (negative for the term's last), its info, and where its data starts;
    kept with the segment's postings file (one reader's, so one thread's): a common word's
    blocks are visited by most searches, and unpickling their heads again cost a tenth of a
    2-3 word search."""
    heads: dict[int, tuple[int, tuple[Any, ...], int]] | None = getattr(
        postfile, "_arsip_heads", None
    )
    if heads is None or len(heads) >= _HEADS_KEPT:
        heads = postfile._arsip_heads = {}
    found = heads.get(position)
    if found is None:
        found = heads[position] = _read_info(postfile, position)
    return found


def _read_info(postfile: Any, position: int) -> tuple[int, tuple[Any, ...], int]:
    head = postfile.get(position, _HEAD)
    (length,) = unpack_int(head[:_INT_SIZE])
    stream = io.BytesIO(head)
    stream.seek(_INT_SIZE)
    try:
        info = pickle.load(stream)
    except (EOFError, pickle.UnpicklingError):  # an info longer than the slice read
        stream = io.BytesIO(postfile.get(position, _INT_SIZE + abs(length)))
        stream.seek(_INT_SIZE)
        info = pickle.load(stream)
    return length, info, position + stream.tell()


def blocks_of(self: Any) -> tuple[list[int], list[int]]:
    """Where each block of the matcher's term starts and its last document, read once per
    term and kept with the segment's postings file (one reader's, so one thread's)."""
    postfile = self._postfile
    kept: dict[int, tuple[list[int], list[int]]] | None = getattr(postfile, "_arsip_blocks", None)
    if kept is None:
        kept = {}
        postfile._arsip_blocks = kept
    found = kept.get(self._baseoffset)
    if found is None:
        starts: list[int] = []
        last_ids: list[int] = []
        position = self._baseoffset
        while True:
            length, info, _data = _info(postfile, position)
            starts.append(position)
            last_ids.append(info[1])
            if length < 0:
                break
            position += _INT_SIZE + length
        found = kept[self._baseoffset] = (starts, last_ids)
    return found


def _skip_to(self: Any, targetid: Any) -> None:
    # Whoosh's own steps through the block one posting at a time
    if not self.is_active():
        raise ReadTooFar
    if targetid <= self.id():
        return
    if targetid > self._maxid:
        # the next blocks by their headers; past two, by the term's list of blocks
        for _step in range(2):
            self._next_block()
            if not self.is_active() or targetid <= self._maxid:
                break
        else:
            starts, last_ids = blocks_of(self)
            block = bisect_left(last_ids, targetid)
            if block == len(last_ids):  # past the last document of the term
                self._atend = True
                return
            self._goto(starts[block])
        if not self.is_active():
            return
    if self._ids is None:
        self._read_ids()
    # the target is at most the block's last id, so it is found within the block
    self._i = bisect_left(self._ids, targetid, self._i)


def _and_maybe_skip_to(self: Any, id: int) -> bool:
    # Whoosh's moves the optional matcher to `id`, not to where the required one landed (past
    # `id` when `id` is not among its documents): the optional part of the score is then lost
    # for that document. An intersection leaps with skip_to, so a word's other forms stopped
    # counting for some documents once Whoosh had turned their union into an AndMaybe.
    if not self.a.is_active():
        raise ReadTooFar
    moved_a = self.a.skip_to(id)
    moved_b = False
    if self.a.is_active() and self.b.is_active():
        moved_b = self.b.skip_to(self.a.id())
    return bool(moved_a or moved_b)


PATCHED = {
    (whoosh3.W3PostingsWriter, "_mini_values"): _mini_values,
    (whoosh3.W3LeafMatcher, "_read_values"): _read_values,
    (whoosh3.W3LeafMatcher, "_read_data"): _read_data,
    (whoosh3.W3LeafMatcher, "_read_ids"): _read_ids,
    (whoosh3.W3LeafMatcher, "skip_to"): _skip_to,
    (whoosh3.W3LeafMatcher, "_goto"): _goto,
    (binary.AndMaybeMatcher, "skip_to"): _and_maybe_skip_to,
}


def install() -> None:
    """Put the functions above in place of Whoosh's (patches.install_patches calls this)."""
    for (owner, name), function in PATCHED.items():
        setattr(owner, name, function)
