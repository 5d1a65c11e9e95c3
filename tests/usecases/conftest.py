"""Use-case tests on both kinds of library: a folder (SQLite) and a team catalogue (PostgreSQL,
with this desktop's index in a temporary user data folder)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from archive_app.usecases.archive import Archive


@pytest.fixture(params=["sqlite", "postgresql"])
def library_target(
    request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> str:
    """What --library names: a new folder, or the address of a fresh team catalogue."""
    if request.param == "sqlite":
        return str(tmp_path / "lib")
    if (marker := request.node.get_closest_marker("sqlite_only")) is not None:
        pytest.skip(f"SQLite only: {marker.args[0]}")
    # platformdirs puts this desktop's part of a team library under XDG_DATA_HOME
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "desktop"))
    return str(request.getfixturevalue("migrated_postgres"))


@pytest.fixture
def archive(library_target: str) -> Iterator[Archive]:
    with Archive.open(library_target) as opened:
        yield opened
