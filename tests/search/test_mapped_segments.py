"""Compound segments are read from their memory map in place, and read correctly."""

from __future__ import annotations

import io

from whoosh.filedb import compound

from archive_app.search.mapped_segments import MappedBufferFile
from archive_app.search.patches import install_patches


def test_compound_segments_open_their_parts_without_copying_them() -> None:
    install_patches()  # what opening an index does
    assert compound.BufferFile is MappedBufferFile
    data = bytearray(b"header\nsecond line\n" + bytes(range(256)))
    part = MappedBufferFile(memoryview(data)[7:], name="part")
    assert part.readline() == b"second line\n"
    assert part.get(0, 6) == b"second"
    part.seek(-2, io.SEEK_END)
    assert part.read(5) == bytes([254, 255])
    data[7] = ord("S")  # the part is a view of the map, not a private copy
    part.seek(0)
    assert part.read(6) == b"Second"
