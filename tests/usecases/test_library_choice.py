"""Choosing a library: one that must be there already is never made, a new one needs a folder
of its own, and a team library's address is kept as written."""

from __future__ import annotations

from pathlib import Path

import pytest

from archive_app.domain.errors import LibraryFormatError, LibraryNotFoundError
from archive_app.usecases.archive import Archive
from archive_app.usecases.library_choice import (
    library_key,
    names_library,
    require_existing,
    require_new_place,
    still_there,
)

TEAM = "postgresql://ana@db.example.org/newsroom"


def test_a_library_that_vanished_is_refused_naming_it_and_not_made(tmp_path: Path) -> None:
    gone = tmp_path / "gone"
    with pytest.raises(LibraryNotFoundError, match=f"{gone} is not there any more"):
        require_existing(gone)
    assert not gone.exists()
    assert not still_there(str(gone))


def test_a_folder_that_is_no_library_is_refused_and_left_alone(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine")
    with pytest.raises(LibraryFormatError, match="is not an Arsip library"):
        require_existing(tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]


def test_a_library_and_a_team_address_pass(tmp_path: Path) -> None:
    Archive.open(tmp_path / "lib").close()
    assert require_existing(tmp_path / "lib") == tmp_path / "lib"
    assert still_there(str(tmp_path / "lib"))
    assert require_existing(TEAM) == TEAM  # as written: a Path would fold its "//"
    marked = tmp_path / "team"
    marked.mkdir()
    (marked / ".arsip-team").write_text(TEAM + "\n")
    assert still_there(str(marked))


def test_a_new_library_needs_a_folder_without_other_files(tmp_path: Path) -> None:
    papers = tmp_path / "papers"
    papers.mkdir()
    for name in ("a.odt", "b.odt", "c.odt", "d.odt"):
        (papers / name).write_text("x")
    with pytest.raises(LibraryFormatError, match=r"already holds other files \(a.odt, b.odt, c"):
        require_new_place(papers)
    assert require_new_place(tmp_path / "fresh") == tmp_path / "fresh"
    Archive.open(tmp_path / "lib").close()
    assert require_new_place(tmp_path / "lib") == tmp_path / "lib"  # a library there opens


def test_the_open_library_is_known_by_any_spelling_and_kept_absolute(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert library_key(Path("lib"), None) == str(tmp_path / "lib")
    assert library_key(tmp_path / "team", TEAM) == TEAM
    assert names_library(tmp_path / "x" / ".." / "lib", tmp_path / "lib", None)
    assert names_library(TEAM, tmp_path / "team", TEAM)
    assert not names_library(tmp_path / "other", tmp_path / "lib", None)


def test_a_folder_naming_the_open_team_library_is_that_library(tmp_path: Path) -> None:
    # File ▸ Open on the folder that holds the team library's .arsip-team: "open already",
    # not a second opening refused by this window's own writer lock
    shared = tmp_path / "shared"
    shared.mkdir()
    (shared / ".arsip-team").write_text(f"# the newsroom's server\n{TEAM}\n", encoding="utf-8")
    desktop = tmp_path / "desktop-part"
    assert names_library(shared, desktop, TEAM)
    assert names_library(shared / ".." / "shared", desktop, TEAM)
    other = tmp_path / "other"
    other.mkdir()
    (other / ".arsip-team").write_text("postgresql://ana@db.example.org/archive\n")
    assert not names_library(other, desktop, TEAM)
    assert not names_library(tmp_path / "folder-library", desktop, TEAM)
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / ".arsip-team").write_text("not an address\n")
    assert not names_library(broken, desktop, TEAM)
