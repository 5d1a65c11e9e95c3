"""`archive-app export` in every format and `archive-app cite`, as a person runs them."""

from __future__ import annotations

import csv
import io
import json
import re
import zipfile
from pathlib import Path

import pytest

from archive_app.cli import main
from archive_app.domain.model import ArticleDetail
from archive_app.exports.formats import FORMATS
from archive_app.usecases.archive import Archive


def _run(library: Path, *args: str) -> int:
    return main(["--library", str(library), *args])


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_every_format_to_a_file(
    fmt: str, export_library: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / f"export{FORMATS[fmt].suffix}"
    assert _run(export_library, "export", "--format", fmt, "--output", str(target)) == 0
    assert capsys.readouterr().err == f"exported 4 articles to {target}\n"
    assert target.is_dir() if fmt == "html" else target.is_file()
    assert [p.name for p in tmp_path.iterdir()] == [target.name]  # no temporary left


def test_jsonl_is_unchanged(
    export_library: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--format jsonl still writes exactly what the facade's own JSON Lines export writes."""
    expected = io.StringIO()
    with Archive.open(export_library, readonly=True) as archive:
        archive.export_jsonl(expected)
    assert _run(export_library, "export") == 0  # jsonl to standard output is the default
    assert capsys.readouterr().out == expected.getvalue()
    target = tmp_path / "all.jsonl"
    assert _run(export_library, "export", "--format", "jsonl", "--output", str(target)) == 0
    assert target.read_text(encoding="utf-8") == expected.getvalue()


def test_a_selection_by_ids(
    export_library: Path, details: dict[str, ArticleDetail], capsys: pytest.CaptureFixture[str]
) -> None:
    chosen = f"{details['row'].id},{details['seed'].id}"
    assert _run(export_library, "export", "--format", "csl-json", "--ids", chosen) == 0
    items = json.loads(capsys.readouterr().out)
    assert [i["custom"]["arsip-id"] for i in items] == [details["row"].id, details["seed"].id]


def test_a_search_result(
    export_library: Path, details: dict[str, ArticleDetail], capsys: pytest.CaptureFixture[str]
) -> None:
    assert _run(export_library, "export", "--format", "ris", "--query", '"world water forum"') == 0
    out = capsys.readouterr().out
    assert out.count("TY  - NEWS") == 1 and "T2  - JPNN.com" in out


def test_csv_columns_and_bom(
    export_library: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "table.csv"
    assert (
        _run(
            export_library,
            "export",
            "--format",
            "csv",
            "--columns",
            "title,people,url",
            "--bom",
            "--output",
            str(target),
        )
        == 0
    )
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbftitle,people,url\r\n")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert len(rows) == 4
    assert {"title": "BUSH", "people": "Duane A. Laverty (photographer)", "url": ""} in rows


def test_html_and_zip_to_files(export_library: Path, tmp_path: Path) -> None:
    assert (
        _run(export_library, "export", "--format", "html", "--output", str(tmp_path / "site")) == 0
    )
    assert (tmp_path / "site" / "index.html").is_file()
    assert (
        _run(export_library, "export", "--format", "html", "--output", str(tmp_path / "site")) == 0
    )  # an earlier export is replaced
    assert (
        _run(
            export_library,
            "export",
            "--format",
            "originals-zip",
            "--ids",
            "1",
            "--output",
            str(tmp_path / "o.zip"),
        )
        == 0
    )
    with zipfile.ZipFile(tmp_path / "o.zip") as archive:
        assert "manifest.json" in archive.namelist()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--ids", "1,999"], "no article with id 999; nothing was written"),
        (["--query", "zzzznothing"], "no articles match 'zzzznothing'; nothing was written"),
        (["--format", "ris", "--columns", "title"], "--columns applies to --format csv only"),
        (["--format", "csv", "--columns", "title,colour"], "unknown CSV column colour"),
        (["--format", "html"], "--format html writes a folder; give --output"),
        (["--format", "originals-zip"], "writes a binary file; give --output"),
        (["--query", "title:("], "archive-app: "),
    ],
)
def test_clear_one_line_errors(
    args: list[str], message: str, export_library: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _run(export_library, "export", *args) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    err = captured.err.strip()
    assert message in err and "\n" not in err and err.startswith("archive-app: ")


def test_bad_ids_are_a_usage_error(
    export_library: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as raised:
        _run(export_library, "export", "--ids", "1,two")
    assert raised.value.code == 2
    assert "give article ids separated by commas" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        _run(export_library, "export", "--ids", "1", "--query", "banjir")


@pytest.mark.sqlite_only(
    "deletes an original from the library folder: a team library reads it from its catalogue"
)
def test_problems_are_warned_about_and_exit_1(
    export_library: Path,
    tmp_path: Path,
    details: dict[str, ArticleDetail],
    capsys: pytest.CaptureFixture[str],
) -> None:
    import shutil

    library = tmp_path / "copy"
    shutil.copytree(export_library, library)
    source = details["seed"].source
    assert source is not None and source.original_path is not None
    (library / source.original_path).unlink()
    target = tmp_path / "o.zip"
    assert _run(library, "export", "--format", "originals-zip", "--output", str(target)) == 1
    err = capsys.readouterr().err
    assert "archive-app: warning: the original jpnn-world-water-forum-2024.txt" in err
    assert target.is_file()  # written all the same, with the manifest saying what is missing


def test_cite(
    export_library: Path, details: dict[str, ArticleDetail], capsys: pytest.CaptureFixture[str]
) -> None:
    seed = str(details["seed"].id)
    title = "Gaungkan World Water Forum 2024, Kominfo Gandeng Humas Kementerian"
    assert _run(export_library, "cite", seed) == 0
    assert capsys.readouterr().out == f"Artada, Y. (2024, May 17). {title}. JPNN.com.\n"
    assert _run(export_library, "cite", seed, "--style", "chicago", "--html") == 0
    assert capsys.readouterr().out == (
        f"Artada, Yessy. “{title}.” <i>JPNN.com</i>, May 17, 2024.\n"
    )
    assert _run(export_library, "cite", "999") == 1
    assert "there is no article 999" in capsys.readouterr().err


def test_a_collection(
    export_library: Path,
    details: dict[str, ArticleDetail],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    import shutil

    library = tmp_path / "copy"
    shutil.copytree(export_library, library)
    with Archive.open(library) as archive:
        archive.bulk(
            [details["photo"].id, details["seed"].id], "add", "collections", "Pilihan/2024"
        )
        archive.create_collection("Kosong")
    assert _run(library, "export", "--format", "bibtex", "--collection", "Pilihan/2024") == 0
    out = capsys.readouterr().out
    assert len(re.findall(r"^@\w+\{", out, re.MULTILINE)) == 2 and "JPNN.com" in out
    assert _run(library, "export", "--collection", "Kosong") == 1
    assert "the collection 'Kosong' is empty" in capsys.readouterr().err
    assert _run(library, "export", "--collection", "Nowhere") == 1
    assert "there is no collection 'Nowhere'" in capsys.readouterr().err
