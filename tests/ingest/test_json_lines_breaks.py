"""JSON Lines are decoded and split a line at a time where decode_text().splitlines() split
them: same rows, same line numbers, for plain UTF-8 and for text decoded or repaired whole."""

from __future__ import annotations

import random

from archive_app.ingest.decode import decode_text
from archive_app.ingest.extract import extract_file
from archive_app.ingest.text_lines import decode_lines, lines_of

BREAKS = ["\n", "\r", "\r\n", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029"]


def test_lines_break_where_splitlines_does() -> None:
    pieces = ["a", "bc", " ", "é", "\U0001f600", *BREAKS, "\n\r", "\r\r\n"]
    chooser = random.Random(16)
    for _ in range(5000):
        text = "".join(chooser.choice(pieces) for _ in range(chooser.randint(0, 12)))
        assert list(lines_of(text)) == text.splitlines(), repr(text)


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


def test_lines_decoded_from_bytes_are_those_of_the_whole_text() -> None:
    pieces = ["a", "bc", " ", "é", "“", "\U0001f600", *BREAKS, "\n\r", "\r\r\n", "\n\n"]
    chooser = random.Random(7)
    for _ in range(5000):
        text = "x" + "".join(chooser.choice(pieces) for _ in range(chooser.randint(0, 14)))
        data = text.encode("utf-8")
        assert list(decode_lines(data)) == decode_text(data).splitlines(), repr(text)


def test_files_decoded_otherwise_give_the_same_lines() -> None:
    files = [
        "Berita\u00a0\u2013 Jakarta\r\nbaris dua\n".encode("utf-8").decode("cp1252").encode(),
        "\ufeffjudul\nisi\u2028lagi\n".encode("utf-8"),  # a byte order mark
        "Caf\xe9 di Bandung\nbaris\n".encode("cp1252"),  # not UTF-8
        "judul\nisi\n".encode("utf-16"),
        b"judul \xff rusak\n" + "na\u00efve \u00e9t\u00e9\n".encode() * 20,  # a bad byte
    ]
    for data in files:
        notes: list[str] = []
        whole_notes: list[str] = []
        assert list(decode_lines(data, notes)) == decode_text(data, whole_notes).splitlines()
        assert notes == whole_notes
