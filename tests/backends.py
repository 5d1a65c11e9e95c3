"""`pytest --backend postgresql`: every library a test opens by folder becomes a team catalogue."""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.postgres_server import SUPERUSER, PostgresServer
from tests.team_folders import CHILD_PREFIX, PORT_ENV, ROOT_ENV, FolderToTeam, copy_database

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


@pytest.fixture(scope="session", autouse=True)
def _team_backend(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[TestCatalogues | None]:
    """On --backend postgresql: wrap the one function that resolves a library to open
    (usecases.opening.library_layout, under Archive.open, the CLI and the window), in this
    process and in the Python processes it starts (tests/team_site/sitecustomize.py), and give
    the run a user data folder of its own for each desktop's part of a team library."""
    if not on_postgresql(request.config):
        yield None
        return
    from archive_app.usecases import archive, opening

    server: PostgresServer = request.getfixturevalue("postgres_server")
    server.ensure_template()
    catalogues = TestCatalogues(server)
    root = tmp_path_factory.getbasetemp()
    switch = FolderToTeam(catalogues.new, root)
    library_layout = switch.wrap(opening)
    site = str(Path(__file__).parent / "team_site")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("XDG_DATA_HOME", str(tmp_path_factory.mktemp("desktop")))
        patch.delenv("ARCHIVE_APP_LIBRARY", raising=False)
        patch.setenv(PORT_ENV, str(server.port))
        patch.setenv(ROOT_ENV, str(root))
        patch.setenv(
            "PYTHONPATH", os.pathsep.join(filter(None, [site, os.environ.get("PYTHONPATH")]))
        )
        patch.setattr(opening, "library_layout", library_layout)
        patch.setattr(archive, "library_layout", library_layout)
        yield catalogues


class TestCatalogues:
    """The team catalogues made for folders during the run, to drop after each test."""

    __test__ = False  # not a test class

    def __init__(self, server: PostgresServer) -> None:
        self.server = server
        self.made: list[str] = []
        self.names = itertools.count()

    def new(self, source: str) -> str:
        name = f"arsip_t{os.getpid()}_f{len(self.made)}_{next(self.names)}"
        copy_database(self.server.port, name, source)
        self.made.append(name)
        return self.server.url(name)

    def drop_since(self, count: int) -> None:
        """Drop those made after the first `count`, and any a child process made."""
        import psycopg

        names = self.made[count:]
        del self.made[count:]
        with psycopg.connect(
            host=self.server.host, port=self.server.port, user=SUPERUSER, dbname="postgres"
        ) as connection:
            rows = connection.execute(
                "SELECT datname FROM pg_database WHERE datname LIKE %s", (CHILD_PREFIX + "%",)
            )
            names += [row[0] for row in rows]
        for name in names:
            self.server.drop_database(name)


@pytest.fixture(autouse=True)
def _drop_test_catalogues(_team_backend: TestCatalogues | None) -> Iterator[None]:
    """The team catalogues a test made are dropped after it (the cluster stays small)."""
    if _team_backend is None:
        yield
        return
    before = len(_team_backend.made)
    yield
    _team_backend.drop_since(before)
