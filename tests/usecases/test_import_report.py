"""The import report streamed to a file: every item there exactly once, a screenful in memory."""

from __future__ import annotations

import csv
import errno
import io
import json
import os
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from archive_app.cli import main
from archive_app.domain import import_report
from archive_app.domain.import_report import ImportItem, ImportReport
from archive_app.usecases import import_journal
from archive_app.usecases.archive import Archive
from archive_app.usecases.import_journal import ReportFile
from archive_app.usecases.report_csv import write_report_csv


@pytest.fixture
def small_keep(monkeypatch: pytest.MonkeyPatch) -> None:
    """Hold 3 items of each kind in memory, so that most are read back from the file."""
    monkeypatch.setattr(import_report, "KEEP", dict.fromkeys(import_report.KINDS, 3))


def _lines(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def _row(number: int) -> dict[str, str]:
    return {
        "judul": f"Banjir rendam desa nomor {number} di Gresik",
        "isi_berita": f"GRESIK -- Banjir merendam desa nomor {number} pada Selasa pagi.\n"
        f"Warga desa {number} mengungsi ke balai desa.",
        "tanggal_publikasi": "10 Jun 2025 22:00",
        "url": f"https://news.example.co.id/berita/{number}/banjir",
    }


def _rows_file(path: Path, rows: list[dict[str, str]]) -> Path:
    path.write_text(
        "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows), encoding="utf-8"
    )
    return path


def _import_mixed(archive: Archive, tmp_path: Path) -> ImportReport:
    """40 new articles, 10 duplicates of them, a broken row, and a file that is missing."""
    rows = [_row(n) for n in range(40)] + [_row(n) for n in range(10)]
    path = _rows_file(tmp_path / "berita.jsonl", rows)
    with path.open("a", encoding="utf-8") as stream:
        stream.write("{ not json\n")
    return archive.import_paths([path, tmp_path / "gone.jsonl"])


def test_a_streamed_report_lists_every_item_once_and_its_totals_match(
    archive: Archive, tmp_path: Path, small_keep: None
) -> None:
    report = _import_mixed(archive, tmp_path)
    assert (len(report.added), len(report.duplicates), len(report.failed)) == (40, 10, 2)
    assert len(report.added.kept) == 3 and not report.added.complete  # a screenful held
    assert report.path is not None
    lines = _lines(Path(report.path))
    summary = lines.pop()
    assert summary["kind"] == "summary" and summary["counts"] == report.counts()
    assert summary["batch_id"] == report.batch_id
    by_kind = Counter(line["kind"] for line in lines)
    assert by_kind == {"added": 40, "duplicates": 10, "failed": 2}
    added_ids = [line["article_id"] for line in lines if line["kind"] == "added"]
    assert sorted(added_ids) == sorted(archive.article_ids()) and len(set(added_ids)) == 40
    # the report reads the rest back from the file: the same items, in the same order
    assert [item.article_id for item in report.added] == added_ids
    assert report.added[0] == report.added.kept[0] and report.added[39].article_id == added_ids[39]
    same = "same URL and text as an article already in the library"
    assert report.duplicates.reasons == {same: 10}
    assert {Path(item.path).name for item in report.failed} == {"berita.jsonl", "gone.jsonl"}


def test_the_report_file_lies_in_the_librarys_logs_and_old_ones_are_pruned(
    archive: Archive, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(import_journal, "KEEP_REPORTS", 3)
    paths = []
    for number in range(5):
        report = archive.import_paths([_rows_file(tmp_path / f"b{number}.jsonl", [_row(number)])])
        assert report.path is not None
        paths.append(Path(report.path))
    folder = archive.path / "logs" / "imports"
    assert all(path.parent == folder for path in paths)
    assert sorted(folder.iterdir()) == paths[-3:]


def test_the_cli_json_and_csv_reports_still_list_every_item(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], small_keep: None
) -> None:
    rows = [_row(n) for n in range(25)] + [_row(3)]
    source = _rows_file(tmp_path / "berita.jsonl", rows)
    library, csv_path = str(tmp_path / "lib"), tmp_path / "report.csv"
    assert main(["--library", library, "import", str(source), "--json"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert len(printed["added"]) == 25 and len(printed["duplicates"]) == 1
    assert printed["counts"] == {
        "files": 1,
        "added": 25,
        "duplicates": 1,
        "updated": 0,
        "failed": 0,
        "warnings": 0,
    }
    assert set(printed["added"][0]) == {"path", "locator", "article_id", "title", "message"}
    assert Path(printed["report_file"]).is_file()
    again = _rows_file(tmp_path / "again.jsonl", rows)
    assert main(["--library", library, "import", str(again), "--report-csv", str(csv_path)]) == 0
    out = capsys.readouterr().out
    assert "26 × same URL and text as an article already in the library" in out
    assert "is listed in" in out
    with csv_path.open(encoding="utf-8") as stream:
        assert Counter(row["outcome"] for row in csv.DictReader(stream)) == {"duplicate": 26}


def test_a_report_made_in_memory_keeps_every_item(small_keep: None) -> None:
    items = [ImportItem("a.jsonl", f"row {n}", n) for n in range(10)]
    report = ImportReport(files=1, added=items)
    assert report.added == items and report.added.complete and len(report.added) == 10
    stream = io.StringIO()
    assert write_report_csv(report, stream) == 10


def test_a_full_disk_keeps_what_the_file_could_not_take_and_loses_nothing(
    tmp_path: Path, small_keep: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Past the first 1,000 lines every write fails: the file keeps only whole lines, and the
    report still gives every item exactly once, in order."""
    real_write = os.write
    written = {"bytes": 0}

    def write_until_full(fd: int, data: Any) -> int:
        if written["bytes"] > 60_000:
            # part of the data reaches the disk before it is full
            real_write(fd, bytes(data[:37]))
            raise OSError(errno.ENOSPC, "No space left on device")
        count = real_write(fd, data)
        written["bytes"] += count
        return count

    monkeypatch.setattr(import_journal.os, "write", write_until_full)
    report = ImportReport(batch_id=7)
    sink = ReportFile(tmp_path / "report.jsonl")
    report.stream_to(sink, str(sink.path))
    expected: dict[str, list[ImportItem]] = {kind: [] for kind in import_report.KINDS}
    for number in range(5_000):
        kind = import_report.KINDS[number % 3]
        item = ImportItem("big.jsonl", f"row {number}", number, f"judul {number}")
        getattr(report, kind).append(item)
        expected[kind].append(item)
    report.finish()
    for kind, items in expected.items():
        assert list(getattr(report, kind)) == items
        assert len(getattr(report, kind)) == len(items)
    lines = sink.path.read_bytes().splitlines(keepends=True)
    assert lines and all(line.endswith(b"}\n") for line in lines)  # no line cut short
    on_disk = [json.loads(line)["article_id"] for line in lines]
    assert 0 < len(on_disk) < 5_000 and on_disk == list(range(len(on_disk)))
