"""JSON Lines are split lazily where str.splitlines() splits them: same rows, same line numbers."""

from __future__ import annotations

import random

from archive_app.ingest.extract import extract_file
from archive_app.ingest.readers.tables import _lines

BREAKS = ["\n", "\r", "\r\n", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029"]


def test_lines_break_where_splitlines_does() -> None:
    pieces = ["a", "bc", " ", "é", "\U0001f600", *BREAKS, "\n\r", "\r\r\n"]
    chooser = random.Random(16)
    for _ in range(5000):
        text = "".join(chooser.choice(pieces) for _ in range(chooser.randint(0, 12)))
        assert list(_lines(text)) == text.splitlines(), repr(text)


def test_rows_keep_their_line_numbers_across_every_kind_of_break() -> None:
    # (U+0085 is left out: the mojibake repair reads it as Windows-1252's ellipsis first)
    breaks = [b for b in BREAKS if b != "\x85"]
    row = '{{"judul": "Banjir di desa {n}", "isi": "Air naik satu meter di desa {n}."}}'
    text = "".join(row.format(n=n) + brk for n, brk in enumerate(breaks))
    items = list(extract_file("berita.jsonl", text.encode("utf-8")).items)
    assert [item.locator for item in items] == [f"line {n + 1}" for n in range(len(breaks))]
    assert [item.record.title for item in items if item.record] == [
        f"Banjir di desa {n}" for n in range(len(breaks))
    ]
