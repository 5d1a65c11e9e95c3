"""A throwaway PostgreSQL cluster in a temporary folder: the one starter of the test suite's,
the team benchmark's and the team screenshots' clusters.

bench_team.py imports it by its plain name (benchmarks import one another so); the tests and
scripts/screenshots, run from the repository root, import it as benchmarks.pg_cluster.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import psycopg

# The cluster is deleted at the end: durability would only time the disk (and slow every
# CREATE DATABASE and commit), never protect anything.
FAST = ("fsync=off", "synchronous_commit=off", "full_page_writes=off")
# Each cluster's folder names the process that made it, so a later start can tell a cluster
# abandoned by a killed run (its process gone) from one a running process still uses.
RUNNER = "runner.pid"
HOST = "127.0.0.1"


class ClusterError(Exception):
    """The cluster could not be started; the message says why."""


class NotInstalled(ClusterError):
    """No PostgreSQL server programs on this machine."""


def programs() -> Path | None:
    """The newest installed server's programs (Debian keeps them off PATH)."""
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"), key=lambda p: p.parts[-3])
    if found:
        return found[-1].parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def _owner() -> str | None:
    # initdb and the server refuse to run as root (CI runs as root): they run as postgres then
    return "postgres" if os.geteuid() == 0 else None


def _run(command: list[str], owner: str | None, cwd: Path) -> None:
    # run from the cluster's folder: a checkout under /root is closed to the postgres user
    if owner is not None:
        command = ["runuser", "-u", owner, "--", *command]
    subprocess.run(command, check=True, capture_output=True, text=True, cwd=cwd)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return int(probe.getsockname()[1])


@dataclass(frozen=True, slots=True)
class Cluster:
    """A running cluster on 127.0.0.1: its superuser connects without a password (trust)."""

    programs: Path
    root: Path
    port: int
    superuser: str
    owner: str | None
    host: str = HOST

    @property
    def data(self) -> Path:
        return self.root / "data"

    def url(self, database: str, user: str | None = None) -> str:
        """The address Arsip takes (no password: trust auth, or PGPASSWORD/.pgpass)."""
        return f"postgresql://{user or self.superuser}@{self.host}:{self.port}/{database}"

    def connect(
        self, database: str = "postgres", autocommit: bool = False
    ) -> psycopg.Connection[Any]:
        """A psycopg connection as the superuser (a context manager that closes it)."""
        import psycopg  # the driver only when a connection is asked for

        return psycopg.connect(
            host=self.host,
            port=self.port,
            user=self.superuser,
            dbname=database,
            autocommit=autocommit,
        )

    def admin(self, sql: str) -> None:
        """Run one statement outside a transaction (CREATE/DROP DATABASE need that)."""
        with self.connect(autocommit=True) as connection:
            connection.execute(sql.encode())  # the caller's own SQL, never a user's

    def create_database(self, name: str, template: str = "template1") -> str:
        """CREATE DATABASE name (a copy of template); its address."""
        self.admin(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
        return self.url(name)

    def pg_ctl(self, action: str, *options: str) -> None:
        """pg_ctl ACTION on this cluster's data folder, as the user the server runs as."""
        command = [str(self.programs / "pg_ctl"), action, "-D", str(self.data), *options]
        _run(command, self.owner, self.root)

    def remove(self) -> None:
        """Stop the server (ending its sessions) and delete the folder."""
        with contextlib.suppress(subprocess.CalledProcessError):
            self.pg_ctl("stop", "-m", "fast")
        shutil.rmtree(self.root, ignore_errors=True)


def start_cluster(
    superuser: str, prefix: str, *, hba: str | None = None, settings: Iterable[str] = ()
) -> Cluster:
    """initdb in a new temporary folder named prefix..., start on a free port and return it;
    abandoned clusters of the same prefix are removed first. hba replaces pg_hba.conf (else
    initdb's: trust for every local connection); settings are extra `name=value` options."""
    found = programs()
    if found is None:
        raise NotInstalled("PostgreSQL is not installed (apt-get install postgresql-15)")
    owner = _owner()
    _remove_abandoned(found, prefix, owner)
    root = Path(tempfile.mkdtemp(prefix=prefix))
    (root / RUNNER).write_text(str(os.getpid()))
    if owner is not None:
        shutil.chown(root, owner)
    cluster = Cluster(found, root, _free_port(), superuser, owner)
    initdb = [str(found / "initdb"), "-D", str(cluster.data), "-U", superuser, "-A", "trust"]
    options = [f"-p {cluster.port}", f"-k {root}", f"-c listen_addresses={HOST}"]
    options += [f"-c {setting}" for setting in (*FAST, *settings)]
    try:
        _run([*initdb, "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"], owner, root)
        if hba is not None:
            (cluster.data / "pg_hba.conf").write_text(hba)
        cluster.pg_ctl("start", "-w", "-l", str(root / "log"), "-o", " ".join(options))
    except subprocess.CalledProcessError as error:
        shutil.rmtree(root, ignore_errors=True)
        raise ClusterError(
            f"could not start PostgreSQL in {root}: {error.stderr.strip()}"
        ) from None
    return cluster


@contextlib.contextmanager
def throwaway_cluster(
    superuser: str, prefix: str, *, hba: str | None = None, settings: Iterable[str] = ()
) -> Iterator[Cluster]:
    """start_cluster(...) for a script, yield it; stop it and delete its folder however the
    block ends. A cluster that cannot start ends the script with the reason."""
    try:
        cluster = start_cluster(superuser, prefix, hba=hba, settings=settings)
    except ClusterError as error:
        raise SystemExit(str(error)) from None
    try:
        yield cluster
    finally:
        cluster.remove()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process: alive
        return True
    return True


def _remove_abandoned(found: Path, prefix: str, owner: str | None) -> None:
    """Stop and delete the clusters of runs that were killed before they could; a running
    process's cluster is left alone."""
    for marker in Path(tempfile.gettempdir()).glob(f"{prefix}*/{RUNNER}"):
        root = marker.parent
        try:
            runner = int(marker.read_text())
        except (OSError, ValueError):
            continue
        if runner == os.getpid() or _alive(runner):
            continue
        stop = [str(found / "pg_ctl"), "stop", "-D", str(root / "data"), "-m", "immediate"]
        with contextlib.suppress(subprocess.CalledProcessError, OSError):
            _run(stop, owner, root)
        shutil.rmtree(root, ignore_errors=True)
