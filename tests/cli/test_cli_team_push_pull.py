"""`archive-app team push` and `team pull` on the test cluster: the summaries, and the one-line
refusals of a team catalogue holding articles and of a folder holding files."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.cli.conftest import RunCli, one_line
from tests.conftest import corpus_path

# the folder side must stay a folder: --backend postgresql would make it a team catalogue too
pytestmark = pytest.mark.sqlite_only("push and pull copy between a folder and a team library")


@pytest.fixture
def mine(tmp_path: Path, seed_file: Path, run_cli: RunCli) -> str:
    folder = str(tmp_path / "mine")
    photo = corpus_path("photos", "exifr", "Bush-dog.jpg")
    code, _, _ = run_cli("--library", folder, "import", str(seed_file), str(photo))
    assert code == 0
    return folder


def test_push_pull_print_what_they_copied_and_refuse_in_one_line(
    mine: str,
    migrated_postgres: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    run_cli: RunCli,
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "desktop"))
    code, out, _ = run_cli("team", "push", mine, migrated_postgres)
    assert code == 0
    assert "pushed 2 articles into " in out and "2 originals, 1 photo," in out
    assert "search index: built on this desktop" in out
    code, out, _ = run_cli("--library", migrated_postgres, "search", '"world water forum"')
    assert code == 0 and "World Water Forum" in out

    # a second push would mix two libraries' articles: refused, saying how many are there
    code, _, err = run_cli("team", "push", mine, migrated_postgres)
    assert code == 1
    line = one_line(err)
    assert "holds 2 articles already" in line and "--merge" in line
    code, out, _ = run_cli("team", "push", mine, migrated_postgres, "--merge")
    assert code == 0 and "pushed 0 articles" in out and "2 articles were there already" in out

    offline = tmp_path / "offline"
    code, out, _ = run_cli("team", "pull", migrated_postgres, str(offline))
    assert code == 0
    assert f"pulled 2 articles into {offline}: 2 originals, 1 photo," in out
    code, out, _ = run_cli("--library", str(offline), "check")
    assert code == 0, out
    code, out, _ = run_cli("--library", str(offline), "search", '"world water forum"')
    assert code == 0 and "World Water Forum" in out

    # pull makes a new library: a folder holding anything is refused, and left as it was
    code, _, err = run_cli("team", "pull", migrated_postgres, str(offline))
    assert code == 1
    line = one_line(err)
    assert str(offline) in line and "not empty" in line
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "todo.txt").write_text("bring the scans\n")
    code, _, err = run_cli("team", "pull", migrated_postgres, str(notes))
    assert code == 1 and "not empty" in one_line(err)
    assert [p.name for p in notes.iterdir()] == ["todo.txt"]


def test_push_and_pull_refuse_the_wrong_kind_of_library(
    mine: str, migrated_postgres: str, tmp_path: Path, run_cli: RunCli
) -> None:
    code, _, err = run_cli("team", "push", mine, str(tmp_path / "other"))
    assert code == 1 and "is a folder library" in one_line(err)
    code, _, err = run_cli("team", "push", migrated_postgres, migrated_postgres)
    assert code == 1 and "is a team library: push copies a folder library" in one_line(err)
    code, _, err = run_cli("team", "pull", mine, str(tmp_path / "copy"))
    assert code == 1 and "is a folder library" in one_line(err)
    assert not (tmp_path / "copy").exists()
    code, _, err = run_cli("team", "push", str(tmp_path / "nowhere"), migrated_postgres)
    assert code == 1 and "there is no Arsip library" in one_line(err)
