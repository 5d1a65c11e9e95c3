"""The archive-app command as a person runs it: reports, JSON, exit codes, one-line errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from tests.conftest import CORPUS, GOLD, library_made

from archive_app.cli import main


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """The real entry point in a child process, as a shell would run it."""
    return subprocess.run(
        [sys.executable, "-m", "archive_app", *args],
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
    )


def test_import_search_show_export_round(
    tmp_path: Path, seed_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    library = str(tmp_path / "lib")
    assert main(["--library", library, "import", str(seed_file)]) == 0
    out = capsys.readouterr().out
    assert f"{seed_file}: 1 added" in out and "1 added, 0 updated" in out

    assert main(["--library", library, "import", str(seed_file)]) == 0
    assert "0 added" in capsys.readouterr().out

    assert main(["--library", library, "search", '"world water forum"', "--json"]) == 0
    found = json.loads(capsys.readouterr().out)
    assert found["total"] == 1
    hit = found["hits"][0]
    assert set(hit) == {"id", "title", "published", "site", "score", "snippets"}
    assert hit["published"] == "2024-05-17T03:50:00+07:00" and hit["site"] == "jpnn.com"

    assert main(["--library", library, "show", str(hit["id"]), "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown.pop("row_version") == 1  # what an edit passes back (edit --expect-version)
    output = tmp_path / "out.jsonl"
    assert main(["--library", library, "export", "--format", "jsonl", "--output", str(output)]) == 0
    exported = [json.loads(line) for line in output.read_text(encoding="utf-8").splitlines()]
    assert exported[0].pop("archive")["format"] == "arsip-record"  # the lossless state
    assert exported == [shown]
    gold = json.loads((GOLD / "seed.json").read_text(encoding="utf-8"))[0]
    for key in gold:
        if key != "source":
            assert shown[key] == gold[key], key
    for key in ("id", "url", "photos", "tags", "source", "provenance"):
        assert key in shown
    assert set(shown["source"]) >= {"file", "sha256", "locator", "format", "imported_at"}
    assert shown["provenance"] == [shown["source"]]

    assert main(["--library", library, "show", str(hit["id"])]) == 0
    text = capsys.readouterr().out
    assert "Yessy Artada (editor)" in text and "Bali" in text


def test_stats_check_and_reindex(
    tmp_path: Path, seed_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    library = str(tmp_path / "lib")
    main(["--library", library, "import", str(seed_file)])
    capsys.readouterr()
    assert main(["--library", library, "stats", "--json"]) == 0
    stats = json.loads(capsys.readouterr().out)
    assert stats["articles"] == 1 and stats["indexed"] == 1 and stats["by_site"] == {"jpnn.com": 1}
    assert main(["--library", library, "check"]) == 0
    assert "OK" in capsys.readouterr().out
    for path in (tmp_path / "lib" / "index").iterdir():  # lose the index entirely
        path.unlink()
    assert main(["--library", library, "check"]) == 1
    assert main(["--library", library, "reindex"]) == 0
    assert "reindexed 1 articles" in capsys.readouterr().out
    assert main(["--library", library, "check", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["ok"] is True


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["show", "999"], "there is no article 999"),
        (["search", '"unclosed'], "quote is not closed"),
        (["search", "writer:x"], "unknown field"),
    ],
)
def test_errors_are_one_line_and_non_zero(
    tmp_path: Path, seed_file: Path, args: list[str], message: str
) -> None:
    library = str(tmp_path / "lib")
    run("--library", library, "import", str(seed_file))
    result = run("--library", library, *args)
    assert result.returncode != 0
    assert message in result.stderr
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_library_from_the_environment(tmp_path: Path, seed_file: Path) -> None:
    import os

    env = dict(os.environ, ARCHIVE_APP_LIBRARY=str(tmp_path / "env-lib"))
    assert run("import", str(seed_file), env=env).returncode == 0
    result = run("search", "kominfo", "--json", env=env)
    assert json.loads(result.stdout)["total"] == 1
    assert library_made(tmp_path / "env-lib")


def test_search_on_a_missing_library_is_a_clear_error(tmp_path: Path) -> None:
    result = run("--library", str(tmp_path / "none"), "search", "x")
    assert result.returncode == 1 and "no Arsip library" in result.stderr


@pytest.mark.corpus
def test_the_corpus_import_reports_duplicates_by_url(
    corpus_library: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--library", str(corpus_library), "search", '"world water forum"']) == 0
    out = capsys.readouterr().out
    assert "1. [1] Gaungkan World Water Forum 2024" in out
    assert main(["--library", str(corpus_library), "stats", "--json"]) == 0
    stats = json.loads(capsys.readouterr().out)
    # 4,699 rows: every unique article once; repeated URLs are versions, not new articles
    assert 3000 < stats["articles"] < 3400
    assert stats["versions"] > stats["articles"]


def test_the_import_report_can_be_saved_as_csv(tmp_path: Path, seed_file: Path) -> None:
    import csv

    empty = tmp_path / "empty.txt"
    empty.write_text("")
    report = tmp_path / "report.csv"
    assert (
        main(
            [
                "--library",
                str(tmp_path / "lib"),
                "import",
                str(seed_file),
                str(empty),
                "--report-csv",
                str(report),
            ]
        )
        == 0
    )
    rows = list(csv.DictReader(report.open(encoding="utf-8")))
    assert [(r["outcome"], Path(r["file"]).name) for r in rows] == [
        ("failed", "empty.txt"),
        ("added", seed_file.name),
    ]
    assert rows[0]["message"] == "the file is empty"


def test_an_import_of_web_archives_prints_the_report_and_no_library_warnings(
    tmp_path: Path,
) -> None:
    """The warcio test archives make trafilatura and warcio log their own warnings; the
    report already says what became of each record, so stderr stays empty."""
    folder = CORPUS / "warc" / "warcio"
    assert any(folder.glob("*.warc*"))
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "archive_app",
            "--library",
            str(tmp_path / "lib"),
            "import",
            str(folder),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert "not an article: the site's home page" in done.stdout
    assert "trafilatura" not in done.stderr and "warcio" not in done.stderr
    assert done.stderr.strip() == ""
