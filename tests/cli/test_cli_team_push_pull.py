"""`archive-app team push` and `team pull` on the test cluster: the summaries, and the one-line
refusals of a team catalogue holding articles and of a folder holding files."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.conftest import corpus_path

from archive_app.cli import main

# the folder side must stay a folder: --backend postgresql would make it a team catalogue too
pytestmark = pytest.mark.sqlite_only("push and pull copy between a folder and a team library")


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def _one_line(err: str) -> str:
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    return lines[0]


@pytest.fixture
def mine(tmp_path: Path, seed_file: Path, capsys: pytest.CaptureFixture[str]) -> str:
    folder = str(tmp_path / "mine")
    photo = corpus_path("photos", "exifr", "Bush-dog.jpg")
    code, _, _ = _run(capsys, "--library", folder, "import", str(seed_file), str(photo))
    assert code == 0
    return folder


def test_push_pull_print_what_they_copied_and_refuse_in_one_line(
    mine: str,
    migrated_postgres: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "desktop"))
    code, out, _ = _run(capsys, "team", "push", mine, migrated_postgres)
    assert code == 0
    assert "pushed 2 articles into " in out and "2 originals, 1 photo," in out
    assert "search index: built on this desktop" in out
    code, out, _ = _run(capsys, "--library", migrated_postgres, "search", '"world water forum"')
    assert code == 0 and "World Water Forum" in out

    # a second push would mix two libraries' articles: refused, saying how many are there
    code, _, err = _run(capsys, "team", "push", mine, migrated_postgres)
    assert code == 1
    line = _one_line(err)
    assert "holds 2 articles already" in line and "--merge" in line
    code, out, _ = _run(capsys, "team", "push", mine, migrated_postgres, "--merge")
    assert code == 0 and "pushed 0 articles" in out and "2 articles were there already" in out

    offline = tmp_path / "offline"
    code, out, _ = _run(capsys, "team", "pull", migrated_postgres, str(offline))
    assert code == 0
    assert f"pulled 2 articles into {offline}: 2 originals, 1 photo," in out
    code, out, _ = _run(capsys, "--library", str(offline), "check")
    assert code == 0, out
    code, out, _ = _run(capsys, "--library", str(offline), "search", '"world water forum"')
    assert code == 0 and "World Water Forum" in out

    # pull makes a new library: a folder holding anything is refused, and left as it was
    code, _, err = _run(capsys, "team", "pull", migrated_postgres, str(offline))
    assert code == 1
    line = _one_line(err)
    assert str(offline) in line and "not empty" in line
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "todo.txt").write_text("bring the scans\n")
    code, _, err = _run(capsys, "team", "pull", migrated_postgres, str(notes))
    assert code == 1 and "not empty" in _one_line(err)
    assert [p.name for p in notes.iterdir()] == ["todo.txt"]


def test_push_and_pull_refuse_the_wrong_kind_of_library(
    mine: str, migrated_postgres: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = _run(capsys, "team", "push", mine, str(tmp_path / "other"))
    assert code == 1 and "is a folder library" in _one_line(err)
    code, _, err = _run(capsys, "team", "push", migrated_postgres, migrated_postgres)
    assert code == 1 and "is a team library: push copies a folder library" in _one_line(err)
    code, _, err = _run(capsys, "team", "pull", mine, str(tmp_path / "copy"))
    assert code == 1 and "is a folder library" in _one_line(err)
    assert not (tmp_path / "copy").exists()
    code, _, err = _run(capsys, "team", "push", str(tmp_path / "nowhere"), migrated_postgres)
    assert code == 1 and "there is no Arsip library" in _one_line(err)
