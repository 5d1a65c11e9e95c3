"""SimHash fingerprints of article text: near-identical copies (syndication) share most bits."""

from __future__ import annotations

import hashlib
import re

BITS = 64
# Two texts whose fingerprints differ in at most NEAR bits share at least one of NEAR + 1
# bands (pigeonhole), so only articles sharing a band need comparing. Six bands of ten or
# eleven bits keep the candidates to about 0.3% of a library.
NEAR = 5
BAND_SIZES = (11, 11, 11, 11, 10, 10)
_WORD = re.compile(r"\w+")


_LANE = 20  # bits per counter: up to a million shingles per article
# each byte value spread into 8 counters, one per bit: adding these integers counts every bit
# of every shingle hash in a handful of big-integer additions instead of a 64-step loop
_SPREAD = tuple(sum(((value >> bit) & 1) << (_LANE * bit) for bit in range(8))
                for value in range(256))


def simhash(paragraphs: list[str]) -> int | None:
    """A 64-bit SimHash over three-word shingles of the body; None for very short texts."""
    words = _WORD.findall(" ".join(paragraphs).lower())
    if len(words) < 12:
        return None
    counts = [0] * 8  # one accumulator per byte of the hash, 8 counters in each
    shingles = 0
    for i in range(len(words) - 2):
        digest = hashlib.blake2b(" ".join(words[i : i + 3]).encode("utf-8"),
                                 digest_size=8).digest()
        for byte_index, value in enumerate(digest):
            counts[byte_index] += _SPREAD[value]
        shingles += 1
    fingerprint = 0
    mask = (1 << _LANE) - 1
    for byte_index, accumulated in enumerate(counts):
        for bit in range(8):
            if ((accumulated >> (_LANE * bit)) & mask) * 2 > shingles:
                # big-endian digest: byte 0 holds the most significant bits
                fingerprint |= 1 << ((7 - byte_index) * 8 + bit)
    # SQLite integers are signed 64-bit
    return fingerprint - (1 << BITS) if fingerprint >= 1 << (BITS - 1) else fingerprint


def bands(fingerprint: int) -> list[int]:
    unsigned = fingerprint % (1 << BITS)
    values, shift = [], 0
    for size in BAND_SIZES:
        values.append((unsigned >> shift) & ((1 << size) - 1))
        shift += size
    return values


def distance(first: int, second: int) -> int:
    return ((first ^ second) % (1 << BITS)).bit_count()


def similarity(first: int, second: int) -> float:
    return 1.0 - distance(first, second) / BITS
