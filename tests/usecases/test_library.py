"""The library folder: layout, default location, pragmas, and the one-writer lock."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from archive_app.domain.errors import LibraryFormatError, LibraryLockedError, LibraryNotFoundError
from archive_app.storage.library_folder import ENV_VAR, default_library_path
from archive_app.usecases.archive import Archive


@pytest.mark.sqlite_only("a folder library's layout: catalogue.sqlite, originals/, media/")
def test_open_creates_the_folder_design_md_draws(library_path: Path) -> None:
    with Archive.open(library_path):
        names = {p.name for p in library_path.iterdir()}
    assert {"catalogue.sqlite", "originals", "media", "index", "library.lock"} <= names
    assert (library_path / "media" / "thumbs").is_dir()


@pytest.mark.sqlite_only("the pragmas of the catalogue file")
def test_catalogue_uses_wal_and_foreign_keys(library_path: Path) -> None:
    with Archive.open(library_path):
        connection = sqlite3.connect(library_path / "catalogue.sqlite")
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        connection.close()
        # foreign keys are a per-connection pragma: check the engine's own connections
    with Archive.open(library_path) as archive, archive._engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_default_library_follows_the_environment(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv(ENV_VAR, str(tmp_path / "chosen"))
    assert default_library_path() == tmp_path / "chosen"
    monkeypatch.delenv(ENV_VAR)
    default = default_library_path()
    assert default.name == "Library" and "Arsip" in default.parts


def test_a_second_writer_is_refused_with_a_clear_message(library_path: Path) -> None:
    with Archive.open(library_path) as first, pytest.raises(LibraryLockedError) as refused:
        Archive.open(library_path)
    # a team library is named by its address, not by this desktop's folder for it
    assert (first.team_name or str(library_path)) in str(refused.value)
    assert "another Arsip process" in str(refused.value)
    # the lock is released on close: a new writer may open it now
    Archive.open(library_path).close()


def test_readers_may_open_while_a_writer_holds_the_lock(library_path: Path) -> None:
    with Archive.open(library_path), Archive.open(library_path, readonly=True) as reader:
        assert reader.count() == 0


def test_a_second_process_gets_a_one_line_message(library_path: Path, seed_file: Path) -> None:
    with Archive.open(library_path):
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "archive_app",
                "--library",
                str(library_path),
                "import",
                str(seed_file),
            ],
            capture_output=True,
            text=True,
            timeout=120,
        )
    assert result.returncode == 1
    assert "another Arsip process" in result.stderr
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_reading_a_missing_library_says_so(tmp_path: Path) -> None:
    with pytest.raises(LibraryNotFoundError, match="no Arsip library"):
        Archive.open(tmp_path / "nowhere", readonly=True)


def test_a_folder_of_other_files_is_not_taken_over(tmp_path: Path) -> None:
    (tmp_path / "thesis.docx").write_text("my work")
    with pytest.raises(LibraryFormatError, match="other files"):
        Archive.open(tmp_path)
    assert not (tmp_path / "catalogue.sqlite").exists()
