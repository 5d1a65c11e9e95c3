"""`team grant|revoke|members` on a real server: roles made on demand, a reader who searches,
reads and exports but whose writes are refused naming the role, and one line for someone
without the right."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from tests.cli.conftest import RunCli, one_line
from tests.postgres_server import PostgresServer


@pytest.fixture
def desktop(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    # this desktop's index of a team library goes under XDG_DATA_HOME
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "desktop"))
    return tmp_path


def test_a_reader_searches_reads_and_exports_and_is_refused_writes_naming_the_role(
    postgres_server: PostgresServer,
    migrated_postgres: str,
    seed_file: Path,
    desktop: Path,
    run_cli: RunCli,
) -> None:
    database = migrated_postgres.rsplit("/", 1)[1]
    code, out, err = run_cli("--library", migrated_postgres, "import", str(seed_file))
    assert code == 0 and "1 added" in out, err
    reader = postgres_server.new_login("rita")
    code, out, err = run_cli("--library", migrated_postgres, "team", "grant", reader, "reader")
    assert code == 0 and f"{reader} is now reader" in out, err
    code, out, _ = run_cli("--library", migrated_postgres, "team", "members")
    assert code == 0 and out.split() == [reader, "reader"]

    as_reader = postgres_server.url(database, user=reader)
    # a desktop of their own: its index is built from the catalogue the reader may read
    (desktop / "desktop").rename(desktop / "importer")
    code, out, err = run_cli("--library", as_reader, "reindex")
    assert code == 0 and "reindexed 1 articles" in out, err
    code, out, err = run_cli("--library", as_reader, "search", '"world water forum"')
    assert code == 0 and "World Water Forum" in out, err
    code, out, err = run_cli("--library", as_reader, "show", "1")
    assert code == 0 and "World Water Forum" in out, err
    target = desktop / "out.jsonl"
    code, _, err = run_cli("--library", as_reader, "export", "--output", str(target))
    assert code == 0, err
    assert "World Water Forum" in json.loads(target.read_text().splitlines()[0])["title"]

    code, _, err = run_cli("--library", as_reader, "edit", "1", "--set", "title=Changed")
    line = one_line(err)
    assert code == 1 and "your role on this team library is reader" in line
    code, _, err = run_cli("--library", as_reader, "import", str(seed_file))
    assert code == 1 and "your role on this team library is reader" in one_line(err)
    code, out, _ = run_cli("--library", migrated_postgres, "show", "1")
    assert "Changed" not in out  # nothing was written

    # revoked, the reader reads nothing any more (one line, no traceback)
    code, out, _ = run_cli("--library", migrated_postgres, "team", "revoke", reader)
    assert code == 0 and f"{reader} is no longer reader" in out
    code, _, err = run_cli("--library", as_reader, "show", "1")
    assert code == 1 and "may not do this (permission denied" in one_line(err)


def test_a_cataloguer_edits_and_an_admin_grants_in_turn(
    postgres_server: PostgresServer,
    migrated_postgres: str,
    seed_file: Path,
    desktop: Path,
    run_cli: RunCli,
) -> None:
    database = migrated_postgres.rsplit("/", 1)[1]
    code, _, err = run_cli("--library", migrated_postgres, "import", str(seed_file))
    assert code == 0, err
    admin, cataloguer = postgres_server.new_login("ana"), postgres_server.new_login("cato")
    code, _, err = run_cli("--library", migrated_postgres, "team", "grant", admin, "admin")
    assert code == 0, err
    as_admin = postgres_server.url(database, user=admin)
    # the admin (no superuser, no CREATEROLE) grants the cataloguer role in turn
    code, out, err = run_cli("--library", as_admin, "team", "grant", cataloguer, "cataloguer")
    assert code == 0 and f"{cataloguer} is now cataloguer" in out, err
    code, out, _ = run_cli("--library", as_admin, "team", "members")
    listed = sorted(line.split() for line in out.splitlines())
    assert listed == sorted([[admin, "admin"], [cataloguer, "cataloguer"]])

    as_cataloguer = postgres_server.url(database, user=cataloguer)
    code, _, err = run_cli(
        "--library", as_cataloguer, "edit", "1", "--set", "title=Forum air dunia"
    )
    assert code == 0, err
    code, out, _ = run_cli("--library", migrated_postgres, "show", "1")
    assert "Forum air dunia" in out

    # an admin made reader again keeps no part of the admin's rights
    code, out, err = run_cli("--library", migrated_postgres, "team", "grant", admin, "reader")
    assert code == 0 and f"{admin} is now reader" in out, err
    code, out, _ = run_cli("--library", migrated_postgres, "team", "members")
    listed = sorted(line.split() for line in out.splitlines())
    assert listed == sorted([[admin, "reader"], [cataloguer, "cataloguer"]])
    code, _, err = run_cli("--library", as_admin, "team", "grant", cataloguer, "reader")
    assert code == 1 and f"user {admin} may not manage roles" in one_line(err)

    # a cataloguer may not grant: one line naming who tried and what it takes
    code, _, err = run_cli("--library", as_cataloguer, "team", "grant", cataloguer, "admin")
    line = one_line(err)
    assert code == 1 and f"user {cataloguer} may not manage roles" in line
    assert "administrator" in line


def test_grant_names_a_missing_user_and_refuses_a_folder_library(
    migrated_postgres: str, desktop: Path, run_cli: RunCli
) -> None:
    code, _, err = run_cli("--library", migrated_postgres, "team", "grant", "nobody", "reader")
    assert code == 1 and "there is no database user nobody" in one_line(err)
    folder = str(desktop / "lib")
    code, _, err = run_cli("--library", folder, "team", "grant", "nobody", "reader")
    assert code == 1 and "team grant works on team libraries only" in one_line(err)
    code, _, err = run_cli("--library", folder, "team", "members")
    assert code == 1 and "team members works on team libraries only" in one_line(err)


def test_an_admin_upgrades_an_older_catalogue_and_readers_still_read_it(
    postgres_server: PostgresServer,
    postgres_database: str,
    desktop: Path,
    run_cli: RunCli,
) -> None:
    from archive_app.db.engine import HEAD_REVISION, migrate
    from archive_app.db.team_engine import create_team_engine, parse_team_address
    from archive_app.storage.library_location import TeamLocation

    engine = create_team_engine(parse_team_address(TeamLocation(postgres_database, "test")))
    migrate(engine, "0001")  # a catalogue an older Arsip built (as its owner, the superuser)
    engine.dispose()
    database = postgres_database.rsplit("/", 1)[1]
    admin, reader = postgres_server.new_login("ana"), postgres_server.new_login("rita")
    for user, role in ((admin, "admin"), (reader, "reader")):
        code, _, err = run_cli("--library", postgres_database, "team", "grant", user, role)
        assert code == 0, err

    # an admin who is no superuser upgrades it: the tables are the admin group's
    code, out, err = run_cli("--library", postgres_server.url(database, admin), "team", "upgrade")
    assert code == 0 and f"{HEAD_REVISION} (this Arsip's)" in out, err
    # tables the upgrade added are readable by the reader too (the group's default privileges)
    code, out, err = run_cli("--library", postgres_server.url(database, reader), "team", "status")
    assert code == 0 and "articles:     0" in out, err
    code, out, err = run_cli("--library", postgres_server.url(database, reader), "stats")
    assert code == 0, err
