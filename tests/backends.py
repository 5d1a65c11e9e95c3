"""`pytest --backend postgresql`: every library a test opens by folder becomes a team catalogue."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.postgres_server import PostgresServer

BACKENDS = ("sqlite", "postgresql")
ENV = "ARSIP_TEST_BACKEND"  # the same choice for a run started by make or CI
# The parametrised fixtures of tests/db and tests/usecases: on PostgreSQL their "sqlite" case
# would be a second PostgreSQL run of the same test, so it is left out.
BOTH_WAYS = ("library_target", "sessions")


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--backend",
        choices=BACKENDS,
        default=os.environ.get(ENV) or "sqlite",
        help="postgresql: every library a test opens by folder path is a fresh team catalogue "
        "on the test cluster (a .arsip-team file in that folder); sqlite_only tests skip",
    )


def on_postgresql(config: pytest.Config) -> bool:
    return bool(config.getoption("backend") == "postgresql")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if not on_postgresql(config):
        return
    kept: list[pytest.Item] = []
    dropped: list[pytest.Item] = []
    for item in items:
        params = getattr(getattr(item, "callspec", None), "params", {})
        if any(params.get(name) == "sqlite" for name in BOTH_WAYS):
            dropped.append(item)
            continue
        if (marker := item.get_closest_marker("sqlite_only")) is not None:
            item.add_marker(pytest.mark.skip(reason=f"SQLite only: {marker.args[0]}"))
        kept.append(item)
    if dropped:
        config.hook.pytest_deselected(items=dropped)
        items[:] = kept


class FolderToTeam:
    """Turns a library folder about to be made into a team library: a fresh catalogue copied
    from the migrated template, its address written in the folder's .arsip-team, so the
    product's own opening (and a reopening, even by a child process) finds the team library.
    This desktop's folder for it is linked to the test's folder."""

    def __init__(self, server: PostgresServer, temp_root: Path) -> None:
        self.server = server
        self.temp_root = temp_root.resolve()
        self.made: list[str] = []  # databases, in the order they were made

    def convert(self, path: str | Path | None, *, readonly: bool) -> None:
        from archive_app.db.team_engine import parse_team_address
        from archive_app.storage.library_folder import default_library_path
        from archive_app.storage.library_location import (
            TEAM_FILE,
            TeamLocation,
            is_team_address,
            team_folder,
        )

        if path is not None and is_team_address(str(path)):
            return
        folder = Path(path).expanduser() if path else default_library_path()
        if readonly or not folder.resolve().is_relative_to(self.temp_root):
            return  # nothing to read there: the product says so, as for a folder
        if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
            return  # an existing library, or a folder the product must refuse
        name = self.server.new_database(self.server.ensure_template())
        self.made.append(name)
        folder.mkdir(parents=True, exist_ok=True)
        address = self.server.url(name)
        (folder / TEAM_FILE).write_text(address + "\n", encoding="utf-8")
        # this desktop's part of the team library (index, lock, originals) is the folder
        # itself, so a test that looks in <folder>/index finds this desktop's index there
        key = parse_team_address(TeamLocation(address, "test")).key
        desktop = team_folder(key)
        desktop.parent.mkdir(parents=True, exist_ok=True)
        desktop.symlink_to(folder.resolve(), target_is_directory=True)


@pytest.fixture(scope="session", autouse=True)
def _team_backend(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[FolderToTeam | None]:
    """On --backend postgresql: wrap the one function that resolves a library to open
    (usecases.opening.library_layout, under Archive.open, the CLI and the window) and give the
    run a user data folder of its own for each desktop's part of a team library."""
    if not on_postgresql(request.config):
        yield None
        return
    from archive_app.usecases import archive, opening

    server: PostgresServer = request.getfixturevalue("postgres_server")
    switch = FolderToTeam(server, tmp_path_factory.getbasetemp())
    original = opening.library_layout

    def library_layout(path: str | Path | None, *, readonly: bool) -> object:
        switch.convert(path, readonly=readonly)
        return original(path, readonly=readonly)

    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("XDG_DATA_HOME", str(tmp_path_factory.mktemp("desktop")))
        patch.delenv("ARCHIVE_APP_LIBRARY", raising=False)
        patch.setattr(opening, "library_layout", library_layout)
        patch.setattr(archive, "library_layout", library_layout)
        yield switch


@pytest.fixture(autouse=True)
def _drop_test_catalogues(_team_backend: FolderToTeam | None) -> Iterator[None]:
    """The team catalogues a test made are dropped after it (the cluster stays small)."""
    if _team_backend is None:
        yield
        return
    before = len(_team_backend.made)
    yield
    made = _team_backend.made[before:]
    del _team_backend.made[before:]
    for name in made:
        _team_backend.server.drop_database(name)
