"""File names that are not UTF-8: imported, and printed, stored and reported as `\\xNN`."""

from __future__ import annotations

import csv
import json
import os
from pathlib import Path

import pytest

from archive_app.cli import main


def bad_name(folder: Path, stem: bytes, data: bytes) -> Path:
    """A file whose name holds the byte 0xFF (valid on Linux, not UTF-8)."""
    raw = os.fsencode(folder) + b"/" + stem + b"-\xff.txt"
    try:
        with open(raw, "wb") as stream:
            stream.write(data)
    except OSError as error:  # macOS and Windows file systems refuse such names
        pytest.skip(f"this file system refuses a name that is not UTF-8 ({error})")
    return Path(os.fsdecode(raw))


def test_a_file_name_that_is_not_utf8_imports_and_prints(
    tmp_path: Path, seed_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    bad_name(folder, b"berita", seed_file.read_bytes())
    bad_name(folder, b"kosong", b"")
    library = str(tmp_path / "lib")
    report_csv = Path(os.fsdecode(os.fsencode(tmp_path) + b"/laporan-\xff.csv"))
    # before: the article failed to store (UnicodeEncodeError), then the report could not be
    # printed: "unexpected error", exit 70
    assert main(["--library", library, "import", str(folder), "--report-csv", str(report_csv)]) == 0
    out, err = capsys.readouterr()
    assert f"report rows to {tmp_path}/laporan-\\xff.csv" in err
    assert f"{folder}/berita-\\xff.txt: 1 added" in out
    assert f"{folder}/kosong-\\xff.txt: the file is empty" in out
    with report_csv.open(encoding="utf-8", newline="") as stream:
        rows = {row["file"]: row["outcome"] for row in csv.DictReader(stream)}
    assert rows == {f"{folder}/berita-\\xff.txt": "added", f"{folder}/kosong-\\xff.txt": "failed"}

    assert main(["--library", library, "show", "1", "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["source"]["file"] == "berita-\\xff.txt"
    assert main(["--library", library, "check"]) == 0


def test_a_missing_path_that_is_not_utf8_is_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = os.fsdecode(os.fsencode(tmp_path) + b"/hilang-\xff.txt")
    assert main(["--library", str(tmp_path / "lib"), "import", missing]) == 1
    assert f"{tmp_path}/hilang-\\xff.txt: no such file or folder" in capsys.readouterr().out
