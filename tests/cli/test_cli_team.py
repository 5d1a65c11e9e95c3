"""`--library postgresql://...` and a folder's .arsip-team open a team library on a real server;
credentials come from libpq (never the address), and a failed connection is one line."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text
from tests.cli.conftest import RunCli, one_line
from tests.postgres_server import PASSWORD, PASSWORD_ROLE, PostgresServer

from archive_app.db.engine import HEAD_REVISION
from archive_app.db.team_engine import create_team_engine, parse_team_address
from archive_app.storage.library_location import TeamLocation


def test_upgrade_builds_the_catalogue_and_status_describes_it(
    postgres_database: str, run_cli: RunCli
) -> None:
    code, out, _ = run_cli("--library", postgres_database, "team", "status")
    assert code == 0 and "no catalogue yet" in out
    code, out, _ = run_cli("--library", postgres_database, "team", "upgrade")
    assert code == 0
    assert f"schema:       {HEAD_REVISION} (this Arsip's)" in out
    assert "articles:     0" in out
    code, out, _ = run_cli("--library", postgres_database, "team", "status")
    assert code == 0 and "PostgreSQL 15" in out and f"{HEAD_REVISION} (this Arsip's)" in out


def test_a_folder_with_an_arsip_team_file_opens_the_team_library(
    migrated_postgres: str, tmp_path: Path, run_cli: RunCli
) -> None:
    folder = tmp_path / "Newsroom"
    folder.mkdir()
    (folder / ".arsip-team").write_text(f"# the newsroom's server\n{migrated_postgres}\n")
    code, out, _ = run_cli("--library", str(folder), "team", "status")
    assert code == 0
    assert migrated_postgres.removeprefix("postgresql://") in out
    assert "articles:     0" in out


def test_a_team_file_without_an_address_is_named_with_the_reason(
    tmp_path: Path, run_cli: RunCli
) -> None:
    (tmp_path / ".arsip-team").write_text("newsroom.example.org\n")
    code, _, err = run_cli("--library", str(tmp_path), "team", "status")
    assert code == 1
    line = one_line(err)
    assert str(tmp_path / ".arsip-team") in line and "postgresql://" in line


def test_an_address_with_a_password_is_refused_without_repeating_it(
    run_cli: RunCli,
) -> None:
    address = "postgresql://ana:s3cret-word@db.example.org/newsroom"
    for command in (["team", "status"], ["search", "banjir"]):
        code, _, err = run_cli("--library", address, *command)
        assert code == 1
        line = one_line(err)
        assert ".pgpass" in line and "s3cret-word" not in line


def _grant_reading(server: PostgresServer, database: str) -> None:
    engine = create_team_engine(parse_team_address(TeamLocation(server.url(database), "test")))
    with engine.begin() as connection:
        connection.execute(text(f"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {PASSWORD_ROLE}"))
    engine.dispose()


def test_libpqs_password_file_and_environment_give_the_password(
    postgres_server: PostgresServer,
    migrated_postgres: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    run_cli: RunCli,
) -> None:
    database = migrated_postgres.rsplit("/", 1)[1]
    address = postgres_server.url(database, user=PASSWORD_ROLE)
    monkeypatch.delenv("PGPASSWORD", raising=False)
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "none"))
    code, _, err = run_cli("--library", address, "team", "status")
    assert code == 1
    assert "asks a password for user arsip_secret and none was found" in one_line(err)

    pgpass = tmp_path / "pgpass"
    pgpass.write_text(f"127.0.0.1:{postgres_server.port}:*:{PASSWORD_ROLE}:{PASSWORD}\n")
    pgpass.chmod(0o600)  # libpq ignores a password file others can read
    monkeypatch.setenv("PGPASSFILE", str(pgpass))
    code, _, err = run_cli("--library", address, "team", "status")
    assert code == 1  # logged in, but the role may not read the catalogue yet
    assert f"user {PASSWORD_ROLE} may not do this (permission denied" in one_line(err)
    _grant_reading(postgres_server, database)
    code, out, err = run_cli("--library", address, "team", "status")
    assert code == 0 and f"logged in as {PASSWORD_ROLE}" in out, err

    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "none"))
    monkeypatch.setenv("PGPASSWORD", "wrong-horse")
    code, _, err = run_cli("--library", address, "team", "status")
    assert code == 1
    line = one_line(err)
    assert "refused the password for user arsip_secret" in line and "wrong-horse" not in line


def test_a_server_that_is_not_there_is_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, run_cli: RunCli
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    address = f"postgresql://ana@127.0.0.1:{port}/x"
    for command in (["team", "status"], ["search", "banjir"], ["import", str(tmp_path)]):
        code, _, err = run_cli("--library", address, *command)
        assert code == 1, command
        line = one_line(err)
        assert line.startswith(f"archive-app: cannot reach the team library ana@127.0.0.1:{port}/x")
        assert "refused" in line


@pytest.fixture
def silent_server() -> Iterator[int]:
    """A port that takes connections and never answers (a server hung, a firewall's black
    hole): only the connect timeout ends the wait."""
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(8)
        yield listener.getsockname()[1]


def test_a_server_that_never_answers_times_out_in_one_line(
    silent_server: int, run_cli: RunCli
) -> None:
    address = f"postgresql://ana@127.0.0.1:{silent_server}/x?connect_timeout=1"
    code, _, err = run_cli("--library", address, "team", "status")
    assert code == 1
    line = one_line(err)
    assert "cannot reach the team library" in line and "timeout" in line


def test_tls_settings_pass_through_to_libpq(migrated_postgres: str, run_cli: RunCli) -> None:
    # the test cluster has no certificate: libpq, asked for TLS, says so
    code, _, err = run_cli("--library", f"{migrated_postgres}?sslmode=require", "team", "status")
    assert code == 1
    assert "SSL" in one_line(err)


def test_a_catalogue_from_a_newer_arsip_is_refused_naming_both_versions(
    migrated_postgres: str, run_cli: RunCli
) -> None:
    engine = create_team_engine(parse_team_address(TeamLocation(migrated_postgres, "test")))
    with engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    engine.dispose()
    code, _, err = run_cli("--library", migrated_postgres, "team", "upgrade")
    assert code == 1
    line = one_line(err)
    assert "revision 9999" in line and f"knows up to {HEAD_REVISION}" in line
    code, out, _ = run_cli("--library", migrated_postgres, "team", "status")
    assert code == 0 and f"9999 (this Arsip knows up to {HEAD_REVISION})" in out


def test_commands_work_on_a_team_library_and_make_no_folder_named_after_it(
    migrated_postgres: str,
    tmp_path: Path,
    seed_file: Path,
    monkeypatch: pytest.MonkeyPatch,
    run_cli: RunCli,
) -> None:
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "desktop"))
    code, out, _ = run_cli("--library", migrated_postgres, "import", str(seed_file))
    assert code == 0 and "1 added" in out
    code, out, _ = run_cli("--library", migrated_postgres, "search", '"world water forum"')
    assert code == 0 and "World Water Forum" in out
    code, out, _ = run_cli("--library", migrated_postgres, "backup", str(tmp_path / "b.zip"))
    assert code == 0 and "backed up 1 articles" in out
    code, out, _ = run_cli("restore", str(tmp_path / "b.zip"), str(tmp_path / "restored"))
    assert code == 0 and "restored 1 articles" in out
    code, out, _ = run_cli("--library", str(tmp_path / "restored"), "search", "forum")
    assert code == 0 and "World Water Forum" in out
    code, _, err = run_cli("--library", migrated_postgres, "repair")
    assert code == 1 and "folder libraries only" in one_line(err)
    assert list(work.iterdir()) == []  # no folder named "postgresql:" was made
    # this desktop's part of the library (its index) is in its user data folder
    assert (tmp_path / "desktop" / "Arsip" / "Team").is_dir()
