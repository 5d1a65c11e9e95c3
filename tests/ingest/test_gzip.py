"""Gzipped files: unpacked as a stream, a bomb refused by its ratio before it fills memory."""

from __future__ import annotations

import gzip
import tracemalloc
import zlib

import pytest

from archive_app.domain.errors import ReadError
from archive_app.ingest.detect import detect, gunzip


def gzip_bomb(unpacked: int) -> bytes:
    """`unpacked` zero bytes gzipped (about a thousandth of that), made without holding them."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)
    block = bytes(1 << 20)
    parts = [packer.compress(block) for _ in range(unpacked >> 20)]
    return b"".join([*parts, packer.flush()])


def test_a_gzip_bomb_is_refused_by_its_ratio_without_being_inflated() -> None:
    bomb = gzip_bomb(128 * 1024**2)
    tracemalloc.start()
    try:
        with pytest.raises(ReadError) as refused:
            detect("berita.txt.gz", bomb)
        _now, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    # before: all 128 MB were inflated, then the file called "empty"
    assert str(refused.value).startswith(
        "gzip bomb refused: it would unpack to more than 200 times its compressed size"
    )
    assert peak < 48 * 1024**2


def test_real_gzipped_text_unpacks_whole() -> None:
    text = "".join(
        f"Baris {i}: banjir di Gresik, air naik {i % 7} meter.\n" for i in range(400_000)
    ).encode()
    assert len(text) > 16 * 1024**2
    assert gunzip(gzip.compress(text)) == text


def test_a_truncated_gzip_says_so() -> None:
    packed = gzip.compress(b"Judul\n\nIsi berita yang cukup panjang.\n" * 100)
    with pytest.raises(ReadError, match="truncated gzip file"):
        gunzip(packed[: len(packed) // 2])
