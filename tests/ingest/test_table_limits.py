"""Tables that would exhaust the reader: refused with a reason, the rest of the file kept."""

from __future__ import annotations

import pytest

from archive_app.domain.errors import ReadError
from archive_app.ingest.extract import extract_file

DEEP = 100_000


def test_json_nested_100000_deep_is_refused_with_its_reason() -> None:
    # before: a RecursionError traceback in the log and "could not be imported (RecursionError…)"
    for document in ("[" * DEEP + "]" * DEEP, '{"a":' * DEEP + "1" + "}" * DEEP):
        with pytest.raises(ReadError, match="nested too deeply"):
            list(extract_file("berita.json", document.encode()).items)


def test_one_deep_line_of_json_lines_fails_alone() -> None:
    good = '{"judul": "Banjir di Gresik", "isi": "Air naik satu meter di sepuluh desa."}'
    lines = "\n".join([good, '{"isi": ' + "[" * DEEP + "]" * DEEP + "}", good]).encode()
    items = list(extract_file("berita.jsonl", lines).items)
    assert [item.failure for item in items] == [None, "not valid JSON (nested too deeply)", None]
