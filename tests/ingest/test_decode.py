"""Decoding text: a few bad bytes in UTF-8 are replaced and said, never a whole file garbled."""

from __future__ import annotations

from pathlib import Path

import ftfy

from archive_app.ingest.decode import decode_text, repair_mojibake
from archive_app.ingest.extract import extract_file
from archive_app.usecases.archive import Archive

# six bytes no UTF-8 text holds, spread over the file (a bad sector, a careless editor)
_BAD_AT = (300, 800, 1300, 1800, 2300, 2800)


def _damaged(data: bytes) -> bytes:
    damaged = bytearray(data)
    for offset in _BAD_AT:
        damaged[offset] = 0xFF if offset % 2 else 0x9D
    return bytes(damaged)


def test_utf8_with_six_bad_bytes_stays_utf8_with_those_bytes_replaced(seed_file: Path) -> None:
    original = seed_file.read_bytes().decode("utf-8")
    notes: list[str] = []
    text = decode_text(_damaged(seed_file.read_bytes()), notes)
    # before: the whole file read as Mac Roman ("17 Mei 2024 ‚Äì 03:50"), the date lost
    assert "Jumat, 17 Mei 2024 – 03:50 WIB" in text
    assert text.count("\ufffd") == 6
    assert len(text) == len(original)
    assert sum(a != b for a, b in zip(text, original, strict=True)) == 6
    line = original[: len(_damaged(seed_file.read_bytes())[:300].decode("utf-8"))].count("\n") + 1
    assert notes == [
        f"6 bytes were not valid UTF-8 (the first on line {line}, at byte "
        "offset 300); they were replaced by �"
    ]


def test_the_article_keeps_its_date_and_is_flagged_for_review(seed_file: Path) -> None:
    [item] = extract_file("berita.txt", _damaged(seed_file.read_bytes())).items
    assert item.record is not None
    assert item.record.published == "2024-05-17T03:50:00+07:00"
    assert [flag.kind for flag in item.record.review] == ["encoding"]
    assert item.record.review[0].message.startswith("6 bytes were not valid UTF-8")
    assert item.record.review[0].message in item.warnings


def test_the_import_report_names_the_file_and_the_bytes(
    archive: Archive, tmp_path: Path, seed_file: Path
) -> None:
    damaged = tmp_path / "berita.txt"
    damaged.write_bytes(_damaged(seed_file.read_bytes()))
    report = archive.import_paths([damaged])
    assert len(report.added) == 1
    [warning] = [w for w in report.warnings if "UTF-8" in w.message]
    assert warning.path == str(damaged)
    assert warning.message.startswith("6 bytes were not valid UTF-8 (the first on line")


def test_only_the_table_rows_holding_a_bad_byte_are_flagged() -> None:
    table = (
        "judul,isi\n"
        "Banjir di Gresik,Air naik satu meter – warga mengungsi ke balai desa.\n"
        "Gempa di Bali,Warga berhamburan keluar rumah "
    ).encode() + b"\xff\n"
    items = list(extract_file("berita.csv", table).items)
    assert [bool(i.record and i.record.review) for i in items] == [False, True]
    assert items[1].record is not None and "\ufffd" in " ".join(items[1].record.body)


def test_a_legacy_windows_1252_file_is_still_read_as_windows_1252(seed_file: Path) -> None:
    # no valid UTF-8 sequence at all: not UTF-8 with bad bytes, but a Windows-1252 text
    original = seed_file.read_text(encoding="utf-8")
    notes: list[str] = []
    assert decode_text(original.encode("cp1252"), notes) == original
    assert notes == []


def test_mojibake_is_repaired_wherever_it_stands_and_clean_text_is_left_alone() -> None:
    clean = "Air naik “satu meter” – warga mengungsi.\n"
    filler = "Banjir di Gresik merendam sepuluh desa hari ini.\n" * 2000
    broken = "Berita â€“ Jakarta, kata â€œdiaâ€\x9d.\n"
    text = decode_text((filler + clean + filler + broken).encode("utf-8"))
    assert text.endswith("Berita – Jakarta, kata “dia”.\n")
    assert clean in text
    assert decode_text((filler + clean).encode("utf-8")) == filler + clean


def test_a_saved_page_in_utf8_with_a_few_bad_bytes_stays_utf8(seed_file: Path) -> None:
    paragraphs = seed_file.read_text(encoding="utf-8").split("\n\n")
    page = (
        '<html><head><meta charset="utf-8"><title>Gaungkan World Water Forum 2024</title>'
        "</head><body><article><h1>Gaungkan World Water Forum 2024</h1>"
        + "".join(f"<p>{p}</p>" for p in paragraphs[3:])
        + "</article></body></html>"
    )
    data = bytearray(page.encode("utf-8"))
    at = page.encode("utf-8").index(b"Kegiatan yang diikuti") + 3
    data[at] = 0xFF
    [item] = extract_file("berita.html", bytes(data)).items
    assert item.record is not None
    body = "\n".join(item.record.body)
    # before: the page read as Windows-1252, every dash and quote turned to "â€“"
    assert "â€" not in body and "Keg\ufffdatan yang diikuti" in body
    assert [flag.kind for flag in item.record.review] == ["encoding"]


def test_a_long_file_with_one_garbled_word_is_repaired_as_a_whole_file_repair_would() -> None:
    # only the stretches around non-ASCII text are repaired (a 10,000-row file cost a second
    # and more per file before); the result is exactly what repairing the whole text gives
    filler = "Banjir di Gresik merendam sepuluh desa hari ini.\n" * 3000
    rows = [
        filler,
        "Air naik “satu meter” – warga mengungsi.\n",
        "Berita â€“ Jakarta, kata â€œdiaâ€\x9d.\n",
        filler,
        "CafÃ© di Bandung Ã  la carte\n",
        "東京 – ok\n",
    ]
    text = "".join(rows)
    repaired = repair_mojibake(text)
    assert repaired == ftfy.fix_encoding(text)
    assert "Berita – Jakarta, kata “dia”." in repaired
    assert "Café di Bandung" in repaired
    assert "Air naik “satu meter” – warga mengungsi." in repaired
    assert repaired.count("Banjir di Gresik") == 6000


def test_text_holding_the_sub_control_is_repaired_the_whole_way() -> None:
    # ASCII SUB (0x1a) changes which code pages the repair tries, wherever it stands
    text = "Berita â€“ Jakarta\n" + "x" * 50 + "\x1a\n"
    assert repair_mojibake(text) == ftfy.fix_encoding(text)


def test_garbled_words_close_together_or_at_the_ends_are_repaired_as_a_whole_repair_would() -> None:
    # the stretches around non-ASCII runs merge when the runs stand up to two contexts apart:
    # words 1, 16, 17 and 40 characters apart, and at the very start and end of the text
    text = (
        "â€œAwal"
        + "".join(f"{'x' * gap} CafÃ© â€“ {gap}" for gap in (1, 15, 16, 17, 40))
        + " kata â€œdiaâ€\x9d"
    )
    repaired = repair_mojibake(text)
    assert repaired == ftfy.fix_encoding(text)
    assert repaired.startswith("“Awal") and repaired.endswith("kata “dia”")
    assert repaired.count("Café – ") == 5
