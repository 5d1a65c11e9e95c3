"""A Whoosh field that takes terms Arsip has already analysed, with the places of its words."""

from __future__ import annotations

import sys
from array import array
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from typing import Any, NamedTuple

from whoosh.fields import TEXT
from whoosh.formats import Positions

from archive_app.search.analysis import index_analyzer

NO_POSITIONS = b"\x00"  # a stem or a pair: no word stands there as written
_NARROW, _WIDE = b"\x02", b"\x04"  # places in 16 or 32 bits, little-endian
_SWAP = sys.byteorder == "big"


class Positioned(NamedTuple):
    """A field's prepared terms and the places of its words as written (word -> places in
    increasing order), as `analysis.positioned_terms` gives them."""

    terms: list[str]
    positions: Mapping[str, list[int]]


def encode_positions(places: Sequence[int] | None) -> bytes:
    """The places of a word in one document, as a posting's value."""
    if not places:
        return NO_POSITIONS
    packed = array("H" if places[-1] < 0x10000 else "I", places)
    if _SWAP:
        packed.byteswap()
    return (_NARROW if packed.typecode == "H" else _WIDE) + packed.tobytes()


def decode_positions(value: bytes) -> array[int]:
    """The places `encode_positions` packed (empty for a stem or a pair)."""
    packed = array("H" if value[:1] == _NARROW else "I")
    if len(value) > 1:
        packed.frombytes(value[1:])
        if _SWAP:
            packed.byteswap()
    return packed


class WordPositions(Positions):  # type: ignore[misc]
    """Whoosh's Positions format with Arsip's values: a byte of width, then the places as an
    array, packed and read back in C (Whoosh's own pickles a list of gaps per posting). The
    frequency is not in the value: the posting's weight carries it (a stem counts the words it
    stands for, with no place of its own)."""

    def encode(self, poslist: Sequence[int]) -> bytes:
        return encode_positions(poslist)

    def decode_positions(self, valuestring: bytes) -> list[int]:
        return list(decode_positions(valuestring))

    def decode_frequency(self, valuestring: bytes) -> int:
        return len(decode_positions(valuestring))

    def decode_weight(self, valuestring: bytes) -> float:
        return float(self.decode_frequency(valuestring) * self.field_boost)


class PreparedTerms(TEXT):  # type: ignore[misc]
    """Postings for a list of prepared terms, with the places of the words as written.

    Whoosh would split the terms again and count them token by token in Python; Counter does
    the same in C. The class is stored in the index schema, so it stays importable and holds
    no state beyond its boost.
    """

    def __init__(self, field_boost: float = 1.0) -> None:
        super().__init__(analyzer=index_analyzer(), phrase=False, field_boost=field_boost)
        self.format = WordPositions(field_boost=field_boost)

    def index(self, value: Any, **kwargs: Any) -> Iterator[tuple[bytes, int, float, bytes]]:
        positions: Mapping[str, list[int]] = {}
        if isinstance(value, Positioned):
            value, positions = value
        elif isinstance(value, str):  # a query-time or legacy caller: split on spaces
            value = value.split()
        boost = self.format.field_boost
        places = positions.get
        for term, freq in Counter(value).items():
            yield term.encode("utf-8"), freq, freq * boost, encode_positions(places(term))

    def postings(
        self, value: Positioned, boost: float
    ) -> tuple[int, list[bytes], list[Any], list[bytes]]:
        """What `index` yields, as lists (the writer files them a document at a time): the
        field's length, each term's text, weight (times the document's `boost`) and value."""
        terms, positions = value
        counts = Counter(terms)
        texts = list(counts)
        scale = self.format.field_boost
        if scale == 1.0 and boost == 1.0:
            weights: list[Any] = list(counts.values())  # stored as 32-bit floats all the same
        else:
            weights = [freq * scale * boost for freq in counts.values()]
        places = positions.get
        if _SWAP:
            values = [encode_positions(places(term)) for term in texts]
        else:  # encode_positions, inline: a call less per posting
            values = [
                (
                    _NARROW + array("H", found).tobytes()
                    if found[-1] < 0x10000
                    else _WIDE + array("I", found).tobytes()
                )
                if (found := places(term))
                else NO_POSITIONS
                for term in texts
            ]
        return len(terms), [term.encode("utf-8") for term in texts], weights, values
