"""A throwaway PostgreSQL cluster for the team library screenshots, deleted when they are taken."""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

SUPERUSER = "arsip_admin"
# local connections only, on a port of its own: trust is enough for a cluster that lives
# for one run and holds nothing but a few corpus articles
HBA = "local all all trust\nhost all all 127.0.0.1/32 trust\n"


@dataclass(frozen=True)
class Cluster:
    """A running cluster: addresses on it and roles made on it."""

    port: int

    def address(self, database: str, user: str = SUPERUSER) -> str:
        """What --library takes (no password: trust on 127.0.0.1)."""
        return f"postgresql://{user}@127.0.0.1:{self.port}/{database}"

    def admin(self, sql: str) -> None:
        """Run one statement as the superuser outside a transaction (CREATE DATABASE)."""
        import psycopg

        with psycopg.connect(
            host="127.0.0.1", port=self.port, user=SUPERUSER, dbname="postgres", autocommit=True
        ) as connection:
            connection.execute(sql.encode())  # this script's own SQL, never a user's


def _bin_dir() -> Path:
    """The newest installed server's programs (Debian keeps them off PATH)."""
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"), key=lambda p: p.parts[-3])
    if found:
        return found[-1].parent
    if initdb := shutil.which("initdb"):
        return Path(initdb).parent
    raise SystemExit("the team screenshots need PostgreSQL (make system-libs-test installs it)")


def _run(command: list[str], owner: str | None, cwd: Path) -> None:
    # initdb and the server refuse to run as root (CI runs as root): they run as postgres
    if owner is not None:
        command = ["runuser", "-u", owner, "--", *command]
    subprocess.run(command, check=True, capture_output=True, text=True, cwd=cwd)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextlib.contextmanager
def throwaway_cluster() -> Iterator[Cluster]:
    """Start a cluster in a temporary folder; stop and delete it afterwards."""
    bin_dir = _bin_dir()
    owner = "postgres" if os.geteuid() == 0 else None
    root = Path(tempfile.mkdtemp(prefix="arsip-shots-pg-"))
    data = root / "data"
    if owner is not None:
        shutil.chown(root, owner)
    port = _free_port()
    try:
        initdb = [str(bin_dir / "initdb"), "-D", str(data), "-U", SUPERUSER, "-A", "trust"]
        _run([*initdb, "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"], owner, root)
        (data / "pg_hba.conf").write_text(HBA)
        options = f"-p {port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off"
        start = [str(bin_dir / "pg_ctl"), "start", "-w", "-D", str(data), "-l", str(root / "log")]
        _run([*start, "-o", options], owner, root)
    except subprocess.CalledProcessError as error:
        shutil.rmtree(root, ignore_errors=True)
        raise SystemExit(f"could not start PostgreSQL in {root}: {error.stderr.strip()}") from None
    try:
        yield Cluster(port)
    finally:
        with contextlib.suppress(subprocess.CalledProcessError):
            _run([str(bin_dir / "pg_ctl"), "stop", "-D", str(data), "-m", "fast"], owner, root)
        shutil.rmtree(root, ignore_errors=True)
