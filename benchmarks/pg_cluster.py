"""A throwaway PostgreSQL cluster for a benchmark: made in a temporary folder, deleted after."""

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

SUPERUSER = "arsip_bench"
PREFIX = "arsip-bench-pg-"
# the cluster is deleted at the end: durability would only time the disk, not Arsip
FAST = ("fsync=off", "synchronous_commit=off", "full_page_writes=off")


def bin_dir() -> Path | None:
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


@dataclass(frozen=True, slots=True)
class Cluster:
    """A running cluster: trust auth on 127.0.0.1, its superuser SUPERUSER."""

    programs: Path
    root: Path
    port: int
    owner: str | None  # initdb and the server refuse root: they run as postgres then

    @property
    def data(self) -> Path:
        return self.root / "data"

    def url(self, database: str) -> str:
        """The address Arsip takes (no password: the cluster trusts 127.0.0.1)."""
        return f"postgresql://{SUPERUSER}@127.0.0.1:{self.port}/{database}"

    def _run(self, *command: str) -> None:
        argv = [str(self.programs / command[0]), *command[1:]]
        if self.owner is not None:
            argv = ["runuser", "-u", self.owner, "--", *argv]
        subprocess.run(argv, check=True, capture_output=True, text=True, cwd=self.root)

    def start(self) -> None:
        options = " ".join(
            [f"-p {self.port}", f"-k {self.root}", "-c listen_addresses=127.0.0.1"]
            + [f"-c {setting}" for setting in FAST]
            + ["-c max_connections=200"]
        )
        log = str(self.root / "log")
        self._run("pg_ctl", "start", "-w", "-D", str(self.data), "-l", log, "-o", options)

    def stop(self) -> None:
        self._run("pg_ctl", "stop", "-D", str(self.data), "-m", "fast")

    def create_database(self, name: str) -> str:
        """CREATE DATABASE name; its address."""
        import psycopg

        with psycopg.connect(
            host="127.0.0.1", port=self.port, user=SUPERUSER, dbname="postgres", autocommit=True
        ) as connection:
            connection.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)


@contextlib.contextmanager
def throwaway_cluster() -> Iterator[Cluster]:
    """initdb, start on a free port, yield; stop and delete the folder however it ends."""
    programs = bin_dir()
    if programs is None:
        raise SystemExit("PostgreSQL is not installed (apt-get install postgresql-15)")
    owner = "postgres" if os.geteuid() == 0 else None
    root = Path(tempfile.mkdtemp(prefix=PREFIX))
    if owner is not None:
        shutil.chown(root, owner)
    cluster = Cluster(programs, root, _free_port(), owner)
    try:
        cluster._run(
            "initdb",
            "-D",
            str(cluster.data),
            "-U",
            SUPERUSER,
            "-A",
            "trust",
            "-E",
            "UTF8",
            "--locale=C.UTF-8",
            "--no-sync",
        )
        cluster.start()
    except subprocess.CalledProcessError as error:
        shutil.rmtree(root, ignore_errors=True)
        raise SystemExit(f"could not start PostgreSQL in {root}: {error.stderr.strip()}") from None
    try:
        yield cluster
    finally:
        with contextlib.suppress(subprocess.CalledProcessError):
            cluster.stop()
        shutil.rmtree(root, ignore_errors=True)
