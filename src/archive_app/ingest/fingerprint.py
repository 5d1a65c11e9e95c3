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


def simhash(paragraphs: list[str]) -> int | None:
    """A 64-bit SimHash over three-word shingles of the body; None for very short texts."""
    words = _WORD.findall(" ".join(paragraphs).lower())
    if len(words) < 12:
        return None
    weights = [0] * BITS
    for i in range(len(words) - 2):
        shingle = " ".join(words[i : i + 3]).encode("utf-8")
        value = int.from_bytes(hashlib.blake2b(shingle, digest_size=8).digest(), "big")
        for bit in range(BITS):
            weights[bit] += 1 if value >> bit & 1 else -1
    fingerprint = sum(1 << bit for bit in range(BITS) if weights[bit] > 0)
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
