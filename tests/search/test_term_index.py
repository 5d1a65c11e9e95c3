"""The compact terms index writes Whoosh's terms file byte for byte, and it reads back."""

from __future__ import annotations

import random
from io import BytesIO

import pytest
from whoosh.filedb.filetables import OrderedHashReader, OrderedHashWriter
from whoosh.filedb.structfile import StructFile

from archive_app.search import term_index


@pytest.mark.parametrize("count", [0, 1, 300, 20_000])
def test_a_terms_file_is_whooshs_byte_for_byte(count: int) -> None:
    chooser = random.Random(count)
    words = {
        f"{chooser.choice('abcdefghij')}{chooser.randrange(10**6)}".encode() for _ in range(count)
    }
    keys = sorted(words)
    files = []
    for compact in (False, True):
        stream = BytesIO()
        dbfile = StructFile(stream)
        dbfile.close = lambda: None  # keep the bytes readable after the writer's close
        writer = OrderedHashWriter(dbfile)
        if compact:
            term_index.compact(type("FieldWriter", (), {"_tindex": writer})())
            assert type(writer) is term_index.CompactOrderedHashWriter
        for number, key in enumerate(keys):
            writer.add(key, b"info-%d" % number)
        writer.close()
        files.append(stream.getvalue())
    assert files[0] == files[1]
    reader = OrderedHashReader(StructFile(BytesIO(files[1])), len(files[1]))
    for key in keys[:: max(1, count // 50)]:
        assert reader[key] == b"info-%d" % keys.index(key)
    if keys:
        assert reader.closest_key(keys[-1]) == keys[-1]
    assert b"nope" not in reader


def test_a_writer_that_filed_terms_already_is_left_alone() -> None:
    writer = OrderedHashWriter(StructFile(BytesIO()))
    writer.add(b"banjir", b"x")
    term_index.compact(type("FieldWriter", (), {"_tindex": writer})())
    assert type(writer) is OrderedHashWriter


def test_keys_must_still_increase() -> None:
    writer = OrderedHashWriter(StructFile(BytesIO()))
    term_index.compact(type("FieldWriter", (), {"_tindex": writer})())
    writer.add(b"desa", b"x")
    with pytest.raises(ValueError, match="Keys must increase"):
        writer.add(b"banjir", b"y")
