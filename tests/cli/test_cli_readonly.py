"""A library on a read-only disk or share: writers are told so in one line, readers still work."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from tests.readonly import read_only

from archive_app.cli import main


@pytest.fixture
def library(tmp_path: Path, seed_file: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    root = tmp_path / "lib"
    assert main(["--library", str(root), "import", str(seed_file)]) == 0
    capsys.readouterr()
    return root


@pytest.mark.parametrize(
    "command",
    [
        ["import", "SEED"],
        ["reindex"],
        ["edit", "1", "--set", "title=Judul baru"],
    ],
)
def test_writing_to_a_read_only_library_is_refused_in_one_line(
    library: Path, seed_file: Path, command: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    argv = [str(seed_file) if part == "SEED" else part for part in command]
    with read_only(library):
        # before: "unexpected error: PermissionError: … library.lock", exit 70
        assert main(["--library", str(library), *argv]) == 1
    err = capsys.readouterr().err
    if (team := library / ".arsip-team").is_file():  # --backend postgresql
        # not "copy the library": only this desktop's folder for it is read-only
        address = team.read_text(encoding="utf-8").strip()
        start = f"archive-app: this desktop's folder for the team library {address}, "
        end = " is read-only (Arsip keeps its search index there); ask for write permission "
        assert err.startswith(start) and end in err and err.count("\n") == 1
        return
    assert err == (
        f"archive-app: the library {library} is read-only (Arsip cannot write "
        "there); copy it to a folder you can write to, or ask for write "
        "permission: search, show, export and check still work on it\n"
    )


def test_reading_a_read_only_library_still_works(
    library: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    output = tmp_path / "out.jsonl"
    with read_only(library):
        # before: "unexpected error: OperationalError: unable to open database file", exit 70
        assert main(["--library", str(library), "search", "world water forum", "--json"]) == 0
        assert json.loads(capsys.readouterr().out)["total"] == 1
        assert main(["--library", str(library), "show", "1"]) == 0
        assert "Yessy Artada (editor)" in capsys.readouterr().out
        assert main(["--library", str(library), "export", "--output", str(output)]) == 0
        assert main(["--library", str(library), "check"]) == 0
        assert main(["--library", str(library), "stats"]) == 0
    assert len(output.read_text(encoding="utf-8").splitlines()) == 1
    assert capsys.readouterr().err.startswith("exported 1 article")
