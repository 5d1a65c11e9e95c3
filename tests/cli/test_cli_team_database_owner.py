"""The README's way to start a team library: a database owned by a user with CREATEROLE (not a
superuser), who builds the catalogue and grants the roles (the real test cluster)."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest
from tests.postgres_server import PostgresServer

from archive_app.cli import main


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_the_databases_owner_with_createrole_builds_the_catalogue_and_grants_roles(
    postgres_server: PostgresServer,
    seed_file: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    stem = uuid.uuid4().hex[:10]
    owner, reader, database = f"ana_{stem}", f"budi_{stem}", f"newsroom_{stem}"
    postgres_server.admin(f"CREATE ROLE {owner} LOGIN CREATEROLE")
    postgres_server.admin(f"CREATE ROLE {reader} LOGIN")
    postgres_server.admin(f"CREATE DATABASE {database} OWNER {owner}")
    try:
        address = postgres_server.url(database, user=owner)
        monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "ana"))
        code, out, err = _run(capsys, "--library", address, "team", "upgrade")
        assert code == 0 and "articles:     0" in out, err
        code, out, err = _run(capsys, "--library", address, "import", str(seed_file))
        assert code == 0, err
        # PostgreSQL 15 gives no one CREATE on the public schema: the catalogue's tables
        # handed to the admin group must not be refused for it
        code, out, err = _run(capsys, "--library", address, "team", "grant", reader, "reader")
        assert code == 0 and f"{reader} is now reader" in out, err
        code, out, err = _run(capsys, "--library", address, "team", "members")
        assert code == 0 and out.split() == [owner, "admin", reader, "reader"], out

        monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "budi"))
        as_reader = postgres_server.url(database, user=reader)
        code, out, err = _run(capsys, "--library", as_reader, "search", '"world water forum"')
        assert code == 0 and "World Water Forum" in out, err
        # the owner, now admin through the group that owns the tables, still upgrades it
        monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "ana"))
        code, out, err = _run(capsys, "--library", address, "team", "upgrade")
        assert code == 0, err
    finally:
        postgres_server.drop_database(database)
