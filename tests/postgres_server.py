"""A throwaway PostgreSQL cluster for the test run: started on first use, one database per test."""

from __future__ import annotations

import contextlib
import itertools
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

# The superuser initdb makes; tests connect as it over TCP on 127.0.0.1 with trust auth.
SUPERUSER = "arsip_test"
# A role that must give a password (scram-sha-256): the wrong-password tests log in as it.
PASSWORD_ROLE = "arsip_secret"
PASSWORD = "right-horse-battery"
TEMPLATE = "arsip_template"
PREFIX = "arsip-pg-"
RUNNER = "pytest.pid"  # the test run that owns a cluster's folder
# Written before initdb's own lines so the password role is never let in on trust.
HBA = f"""\
local all all trust
host all {PASSWORD_ROLE} 127.0.0.1/32 scram-sha-256
host all all 127.0.0.1/32 trust
"""
# Durability is of no use in a cluster deleted at the end: these make each CREATE DATABASE
# and commit cheap.
FAST = ("fsync=off", "synchronous_commit=off", "full_page_writes=off")


def _bin_dir() -> Path | None:
    """The newest installed server's programs (Debian keeps them off PATH)."""
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"), key=lambda p: p.parts[-3])
    if found:
        return found[-1].parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class PostgresServer:
    """A running cluster: its address, and databases made and dropped for tests."""

    port: int
    host: str = "127.0.0.1"
    _names: Iterator[int] = field(default_factory=itertools.count)
    template_ready: bool = False

    def url(self, database: str, user: str = SUPERUSER) -> str:
        """The address Arsip takes (no password: trust auth, or PGPASSWORD/.pgpass)."""
        return f"postgresql://{user}@{self.host}:{self.port}/{database}"

    def sqlalchemy_url(self, database: str) -> str:
        return f"postgresql+psycopg://{SUPERUSER}@{self.host}:{self.port}/{database}"

    def admin(self, sql: str) -> None:
        """Run one statement outside a transaction (CREATE/DROP DATABASE need that)."""
        import psycopg

        with psycopg.connect(
            host=self.host, port=self.port, user=SUPERUSER, dbname="postgres", autocommit=True
        ) as connection:
            connection.execute(sql)  # type: ignore[arg-type]  # test-made SQL, no user input

    def new_database(self, template: str = "template0") -> str:
        name = f"arsip_t{os.getpid()}_{next(self._names)}"
        self.admin(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
        return name

    def drop_database(self, name: str) -> None:
        self.admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def ensure_template(self) -> str:
        """The template database at the schema head (migrated on first use); its name."""
        if not self.template_ready:
            from archive_app.db.engine import migrate
            from archive_app.db.team_engine import create_team_engine, parse_team_address
            from archive_app.storage.library_location import TeamLocation

            self.admin(f'CREATE DATABASE "{TEMPLATE}" TEMPLATE template0')
            location = TeamLocation(self.url(TEMPLATE), "test")
            engine = create_team_engine(parse_team_address(location))
            migrate(engine)
            engine.dispose()  # a template must have no connections when it is copied
            self.template_ready = True
        return TEMPLATE


def _run(command: list[str], owner: str | None, cwd: Path) -> None:
    # initdb and the server refuse to run as root (CI runs as root): they run as postgres,
    # from a folder of theirs (a checkout under /root is closed to them)
    if owner is not None:
        command = ["runuser", "-u", owner, "--", *command]
    subprocess.run(command, check=True, capture_output=True, text=True, cwd=cwd)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process: alive
        return True
    return True


def _stop_abandoned(bin_dir: Path, owner: str | None) -> None:
    """Stop and delete the clusters of test runs that were killed before they could (each
    folder names the pytest process that made it); a running suite's cluster is left alone."""
    for marker in Path(tempfile.gettempdir()).glob(f"{PREFIX}*/{RUNNER}"):
        root = marker.parent
        try:
            runner = int(marker.read_text())
        except (OSError, ValueError):
            continue
        if runner == os.getpid() or _alive(runner):
            continue
        with contextlib.suppress(subprocess.CalledProcessError, OSError):
            _run(
                [str(bin_dir / "pg_ctl"), "stop", "-D", str(root / "data"), "-m", "immediate"],
                owner,
                root,
            )
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    """Start a cluster in a temporary folder on a port of its own; stop and delete it after."""
    bin_dir = _bin_dir()
    if bin_dir is None:
        pytest.skip("PostgreSQL is not installed (`make test` installs postgresql-15)")
    owner = "postgres" if os.geteuid() == 0 else None
    _stop_abandoned(bin_dir, owner)
    root = Path(tempfile.mkdtemp(prefix=PREFIX))
    (root / RUNNER).write_text(str(os.getpid()))
    data = root / "data"
    if owner is not None:
        shutil.chown(root, owner)
    port = _free_port()
    try:
        initdb = [str(bin_dir / "initdb"), "-D", str(data), "-U", SUPERUSER, "-A", "trust"]
        _run([*initdb, "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"], owner, root)
        hba = data / "pg_hba.conf"
        hba.write_text(HBA)
        settings = [f"-c {setting}" for setting in FAST]
        options = " ".join([f"-p {port}", f"-k {root}", "-c listen_addresses=127.0.0.1", *settings])
        start = [str(bin_dir / "pg_ctl"), "start", "-w", "-D", str(data), "-l", str(root / "log")]
        _run([*start, "-o", options], owner, root)
    except subprocess.CalledProcessError as error:
        shutil.rmtree(root, ignore_errors=True)
        pytest.fail(f"could not start PostgreSQL in {root}: {error.stderr.strip()}")
    server = PostgresServer(port)
    try:
        server.admin(f"CREATE ROLE {PASSWORD_ROLE} LOGIN PASSWORD '{PASSWORD}'")
        yield server
    finally:
        with contextlib.suppress(subprocess.CalledProcessError):
            _run([str(bin_dir / "pg_ctl"), "stop", "-D", str(data), "-m", "fast"], owner, root)
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture
def postgres_database(postgres_server: PostgresServer) -> Iterator[str]:
    """An empty database of its own for one test; its address (postgresql://...)."""
    name = postgres_server.new_database()
    yield postgres_server.url(name)
    postgres_server.drop_database(name)


@pytest.fixture
def migrated_postgres(postgres_server: PostgresServer) -> Iterator[str]:
    """A team catalogue at the schema head, fresh for one test (copied from a template migrated
    once per run: CREATE DATABASE ... TEMPLATE is a file copy, far quicker than migrating)."""
    name = postgres_server.new_database(postgres_server.ensure_template())
    yield postgres_server.url(name)
    postgres_server.drop_database(name)
