"""Big imports index in a process of their own; the catalogue and the index still agree."""

from __future__ import annotations

import csv
from pathlib import Path

from archive_app.core.archive import BACKGROUND_BATCH, Archive
from archive_app.core.model import IndexDocument
from archive_app.search.background import BackgroundWriter


def test_a_big_import_is_indexed_by_a_second_process(tmp_path: Path) -> None:
    table = tmp_path / "big.csv"
    with table.open("w", newline="", encoding="utf-8") as stream:
        writer = csv.writer(stream)
        writer.writerow(["judul", "isi_berita", "url"])
        for n in range(BACKGROUND_BATCH + 100):
            writer.writerow([f"Judul nomor {n}", f"Banjir melanda desa nomor {n} kemarin.",
                             f"https://example.com/{n}"])
    with Archive.open(tmp_path / "lib") as archive:
        report = archive.import_paths([table])
        assert len(report.added) == BACKGROUND_BATCH + 100 and not report.warnings
        assert archive.counts("banjir").total == BACKGROUND_BATCH + 100
        assert archive.search('"desa nomor 7"').total == 1
        assert archive.check().ok


def test_a_failing_indexing_process_is_reported_not_waited_for(tmp_path: Path) -> None:
    blocker = tmp_path / "index"
    blocker.write_text("a file where the index folder should be")
    writer = BackgroundWriter(blocker)
    writer.submit([IndexDocument(1, 1, "t", ("b",), (), None, None, None, "id")], {1})
    problems = writer.finish()
    assert problems and "ended early" in problems[0]
