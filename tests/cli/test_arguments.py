"""Article id lists read one way by every command: commas, spaces and ranges; one clear error."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from archive_app.cli import main
from archive_app.cli.arguments import id_list, parse_ids
from archive_app.domain.errors import ArchiveError


@pytest.mark.parametrize(
    ("text", "ids"),
    [
        ("1,2,3", [1, 2, 3]),
        ("1, 2, 3", [1, 2, 3]),
        ("1 2 3", [1, 2, 3]),
        (" 4\t5\n6 ", [4, 5, 6]),
        ("1,2,5-9", [1, 2, 5, 6, 7, 8, 9]),
        ("7-7", [7]),
        ("3,1,3", [3, 1, 3]),  # the order given, repeats kept
        ("1,,2,", [1, 2]),
        ("", []),
        (",", []),
    ],
)
def test_accepted_forms(text: str, ids: list[int]) -> None:
    assert parse_ids(text) == ids


@pytest.mark.parametrize(("text", "bad"), [("1,two", "two"), ("1 2x", "2x"), ("9-5", "9-5")])
def test_the_error_names_the_bad_part(text: str, bad: str) -> None:
    with pytest.raises(ArchiveError) as raised:
        parse_ids(text)
    assert str(raised.value) == (
        f"{bad!r} is not an article id: give article ids separated by commas or spaces, "
        "e.g. 1,2,5-9"
    )


def test_the_export_argument_wants_each_id_once_and_at_least_one() -> None:
    assert id_list("2,1,2 1-3") == [2, 1, 3]
    with pytest.raises(argparse.ArgumentTypeError, match="give at least one article id"):
        id_list(" , ")
    with pytest.raises(argparse.ArgumentTypeError, match="'x' is not an article id"):
        id_list("1,x")


def test_every_command_reads_ids_the_same_way(
    tmp_path: Path, seed_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    library = str(tmp_path / "lib")
    assert main(["--library", library, "import", str(seed_file)]) == 0
    capsys.readouterr()
    assert main(["--library", library, "bulk", "add", "tags", "banjir", "--ids", "1-1"]) == 0
    assert "(1 articles changed)" in capsys.readouterr().out
    assert main(["--library", library, "collection", "add", "Air", "--ids", "1 1-1"]) == 0
    capsys.readouterr()
    assert main(["--library", library, "bulk", "add", "tags", "x", "--ids", "1,one"]) == 1
    assert capsys.readouterr().err == (
        "archive-app: 'one' is not an article id: give article ids separated by commas or "
        "spaces, e.g. 1,2,5-9\n"
    )
    with pytest.raises(SystemExit) as usage:
        main(["--library", library, "export", "--ids", "1,one"])
    assert usage.value.code == 2
    assert "argument --ids: 'one' is not an article id" in capsys.readouterr().err
