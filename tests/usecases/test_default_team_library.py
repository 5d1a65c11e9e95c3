"""The default library (no --library, no ARCHIVE_APP_LIBRARY) may be a team library too."""

from __future__ import annotations

from pathlib import Path

import pytest

from archive_app.storage.library_folder import ENV_VAR
from archive_app.storage.library_location import TEAM_FILE, team_location

TEAM = "postgresql://ana@db.example.org/newsroom"


def test_the_user_data_folders_library_holding_a_team_file_is_that_team_library(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(ENV_VAR, raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    default = tmp_path / "Arsip" / "Library"
    assert team_location(None) is None  # no library there yet: a folder library is made
    default.mkdir(parents=True)
    assert team_location(None) is None
    (default / TEAM_FILE).write_text(TEAM + "\n", encoding="utf-8")
    found = team_location(None)
    assert found is not None and found.address == TEAM
    assert found.origin == str(default / TEAM_FILE)  # where a wrong address is to be corrected
    # the environment still chooses first
    monkeypatch.setenv(ENV_VAR, "postgresql://ana@db.example.org/archive")
    chosen = team_location(None)
    assert chosen is not None and chosen.address == "postgresql://ana@db.example.org/archive"
    monkeypatch.setenv(ENV_VAR, str(tmp_path / "folder"))
    assert team_location(None) is None
