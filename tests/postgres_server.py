"""A throwaway PostgreSQL cluster for the test run: started on first use, one database per test."""

from __future__ import annotations

import itertools
import os
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field

import pytest
from benchmarks.pg_cluster import Cluster, ClusterError, NotInstalled, start_cluster

# The superuser initdb makes; tests connect as it over TCP on 127.0.0.1 with trust auth.
SUPERUSER = "arsip_test"
# A role that must give a password (scram-sha-256): the wrong-password tests log in as it.
PASSWORD_ROLE = "arsip_secret"
PASSWORD = "right-horse-battery"
TEMPLATE = "arsip_template"
PREFIX = "arsip-pg-"
# Written before initdb's own lines so the password role is never let in on trust.
HBA = f"""\
local all all trust
host all {PASSWORD_ROLE} 127.0.0.1/32 scram-sha-256
host all all 127.0.0.1/32 trust
"""


@dataclass
class PostgresServer:
    """The suite's running cluster: its address, and databases made and dropped for tests."""

    cluster: Cluster
    _names: Iterator[int] = field(default_factory=itertools.count)
    template_ready: bool = False

    @property
    def host(self) -> str:
        return self.cluster.host

    @property
    def port(self) -> int:
        return self.cluster.port

    def url(self, database: str, user: str = SUPERUSER) -> str:
        """The address Arsip takes (no password: trust auth, or PGPASSWORD/.pgpass)."""
        return self.cluster.url(database, user)

    def sqlalchemy_url(self, database: str) -> str:
        return f"postgresql+psycopg://{SUPERUSER}@{self.host}:{self.port}/{database}"

    def admin(self, sql: str) -> None:
        """Run one statement outside a transaction (CREATE/DROP DATABASE need that)."""
        self.cluster.admin(sql)

    def new_database(self, template: str = "template0") -> str:
        name = f"arsip_t{os.getpid()}_{next(self._names)}"
        self.cluster.create_database(name, template)
        return name

    def new_login(self, stem: str) -> str:
        """A new database user who may log in, named stem_<random>: roles are the cluster's,
        so the name is one no other test of the run takes."""
        name = f"{stem}_{uuid.uuid4().hex[:12]}"
        self.admin(f"CREATE ROLE {name} LOGIN")
        return name

    def drop_database(self, name: str) -> None:
        self.admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def ensure_template(self) -> str:
        """The template database at the schema head (migrated on first use); its name."""
        if not self.template_ready:
            from archive_app.db.engine import migrate
            from archive_app.db.team_engine import create_team_engine, parse_team_address
            from archive_app.storage.library_location import TeamLocation

            self.cluster.create_database(TEMPLATE, "template0")
            location = TeamLocation(self.url(TEMPLATE), "test")
            engine = create_team_engine(parse_team_address(location))
            migrate(engine)
            engine.dispose()  # a template must have no connections when it is copied
            self.template_ready = True
        return TEMPLATE


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    """Start a cluster in a temporary folder on a port of its own; stop and delete it after
    (and the clusters of earlier runs that were killed before they could)."""
    try:
        cluster = start_cluster(SUPERUSER, PREFIX, hba=HBA)
    except NotInstalled:
        pytest.skip("PostgreSQL is not installed (`make test` installs postgresql-15)")
    except ClusterError as error:
        pytest.fail(str(error))
    try:
        cluster.admin(f"CREATE ROLE {PASSWORD_ROLE} LOGIN PASSWORD '{PASSWORD}'")
        yield PostgresServer(cluster)
    finally:
        cluster.remove()


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
