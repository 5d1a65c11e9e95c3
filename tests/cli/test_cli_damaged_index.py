"""A search index with a segment missing: readers say so in one line, a writer rebuilds it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from archive_app.cli import main
from archive_app.usecases.archive import Archive


@pytest.fixture
def damaged(tmp_path: Path, seed_file: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    library = tmp_path / "lib"
    assert main(["--library", str(library), "import", str(seed_file)]) == 0
    segments = list((library / "index").glob("*.seg"))
    assert segments
    for segment in segments:
        segment.unlink()
    capsys.readouterr()
    return library


# a mark on the fixture is not applied: it goes on the test
@pytest.mark.sqlite_only(
    "a folder library's reader says its index is damaged; a team library's search answers "
    "from the catalogue and rebuilds it (test_cli_team_new_desktop.py)"
)
def test_a_reader_says_the_index_is_damaged_in_one_line(
    damaged: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # before: "unexpected error: FileNotFoundError: … MAIN_….seg", exit 70
    assert main(["--library", str(damaged), "search", "world water forum"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert err.startswith(
        f"archive-app: the search index in {damaged / 'index'} is damaged "
        "(a part of it is missing: MAIN_"
    )
    assert err.endswith("run `archive-app reindex` to rebuild it from the catalogue\n")
    assert main(["--library", str(damaged), "stats"]) == 0
    assert "Indexed        0" in capsys.readouterr().out
    assert main(["--library", str(damaged), "check"]) == 1
    assert "index problem: the search index is damaged" in capsys.readouterr().out


def test_a_writer_rebuilds_a_damaged_index_first(
    damaged: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = tmp_path / "gempa.txt"
    other.write_text(
        "Gempa di Bali\n\nGempa mengguncang Bali pagi ini, warga berhamburan.\n", encoding="utf-8"
    )
    # before: the import went on, and every index write failed with FileNotFoundError
    assert main(["--library", str(damaged), "import", str(other)]) == 0
    out, err = capsys.readouterr()
    assert "the search index is damaged (a part of it is missing: MAIN_" in err
    assert "rebuilding it from the catalogue first" in err
    assert "Warnings" not in out
    assert main(["--library", str(damaged), "search", "world water forum OR gempa", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["total"] == 2
    assert main(["--library", str(damaged), "check"]) == 0


def test_the_window_repairs_a_damaged_index_on_opening(damaged: Path) -> None:
    with Archive.open(damaged) as archive:  # as the window opens it
        assert archive.index_damage is not None
        repair = archive.repair_index_in_background()
        assert repair is not None
        repair.join(120)
        assert archive.search("world water forum").total == 1
        assert archive.check().ok and archive.index_damage is None
