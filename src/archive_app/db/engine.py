"""Open the catalogue database: SQLite pragmas (WAL, foreign keys) and schema migrations."""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

from archive_app.domain.errors import LibraryFormatError

if TYPE_CHECKING:
    from alembic.config import Config

log = logging.getLogger(__name__)
MIGRATIONS = Path(__file__).with_name("migrations")
# The advisory lock's key on a team catalogue: any number, the same in every Arsip ("Arsip" in
# ASCII), so every desktop's migration waits for the one in progress.
MIGRATION_LOCK = 0x4172736970


def _newest_migration() -> str:
    """The newest revision as the files in migrations/versions name it (each begins with its
    revision, 0008_review_and_occurrences.py; a test holds this to alembic's own answer)."""
    return max(p.name.split("_", 1)[0] for p in (MIGRATIONS / "versions").glob("[0-9]*_*.py"))


# A catalogue already at the head opens without loading alembic and its scripts: 0.1-0.3 s of
# every window's and command's start. Read from the folder, a migration added later is never
# mistaken for the head.
HEAD_REVISION = _newest_migration()


def _alembic_config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def head_revision() -> str:
    """The newest schema revision this version of Arsip knows, as alembic finds it."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(_alembic_config()).get_current_head()
    assert head is not None
    return head


def _on_connect(readonly: bool) -> Any:
    def configure(dbapi_connection: Any, _record: Any) -> None:
        # the sqlite3 module's own transaction handling breaks SAVEPOINT; SQLAlchemy issues
        # BEGIN itself instead (the "begin" listener below), as its documentation advises
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA busy_timeout = 30000")
        if not readonly:
            cursor.execute("PRAGMA journal_mode = WAL")
            cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.close()

    return configure


def readonly_uri(path: Path) -> str:
    """The SQLite URI that reads the catalogue without ever writing to it."""
    uri = f"file:{path}?mode=ro"
    shared_memory = path.with_name(path.name + "-shm")
    if not os.access(path.parent, os.W_OK) and not shared_memory.exists():
        # On a read-only disk or share SQLite cannot make the shared-memory file a WAL
        # reader needs, and refuses to open: nobody can write there either, so the file is
        # read as it stands.
        uri += "&immutable=1"
    return uri


def create_catalogue_engine(path: Path, *, readonly: bool = False) -> Engine:
    """An engine on catalogue.sqlite; read-only engines never write, even the WAL mode."""
    url = f"sqlite:///{readonly_uri(path)}&uri=true" if readonly else f"sqlite:///{path}"
    engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30})
    event.listen(engine, "connect", _on_connect(readonly))
    event.listen(engine, "begin", _begin)
    return engine


def _begin(connection: Any) -> None:
    connection.exec_driver_sql("BEGIN")


def current_revision(engine: Engine) -> str | None:
    """The catalogue's schema revision (None before the first migration)."""
    with engine.connect() as connection:
        return _revision(connection)


def _revision(connection: Connection) -> str | None:
    if connection.dialect.name == "sqlite":  # the catalogue file's own table list: no alembic
        versioned = connection.exec_driver_sql(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'"
        ).first()
    else:
        versioned = connection.exec_driver_sql(
            "SELECT to_regclass('alembic_version') IS NOT NULL"
        ).scalar()
    rows = (
        connection.exec_driver_sql("SELECT version_num FROM alembic_version").all()
        if versioned
        else []
    )
    if len(rows) <= 1:
        return str(rows[0][0]) if rows else None
    from alembic.runtime.migration import MigrationContext

    return MigrationContext.configure(connection).get_current_revision()  # it explains


def migrate(engine: Engine, target: str = "head") -> None:
    """Bring the schema up to `target`; refuse a library written by a newer Arsip.

    On PostgreSQL the check and the upgrade run under an advisory lock held to the end of the
    transaction: two desktops opening a team catalogue at once never migrate it both, the
    second finds it at the head when the first has committed.
    """
    if current_revision(engine) == HEAD_REVISION and target == "head":
        return
    with engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({MIGRATION_LOCK})")
            _as_catalogue_owner(connection)
        _upgrade(connection, _revision(connection), target)


def _as_catalogue_owner(connection: Connection) -> None:
    """Migrate as the role owning the catalogue when this user is a member of it (a team's
    admin group, `team grant`): only an owner may alter its tables, and the tables a
    migration adds are then the group's too, so any other admin can migrate next time."""
    owner = connection.exec_driver_sql(
        "SELECT tableowner FROM pg_tables WHERE schemaname = current_schema() "
        "AND tablename = 'alembic_version' AND tableowner <> current_user "
        "AND pg_has_role(current_user, tableowner, 'MEMBER')"
    ).scalar()
    if owner is not None:
        quoted = connection.dialect.identifier_preparer.quote_identifier(str(owner))
        connection.exec_driver_sql(f"SET LOCAL ROLE {quoted}")  # to the transaction's end


def _upgrade(connection: Connection, current: str | None, target: str) -> None:
    from alembic import command
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(_alembic_config())
    if current is not None and current not in {rev.revision for rev in script.walk_revisions()}:
        raise LibraryFormatError(
            f"the catalogue has schema revision {current}, which this version of Arsip does "
            f"not know (it knows up to {HEAD_REVISION}); it was written by a newer Arsip: "
            "update Arsip on this computer to write to it"
        )
    if current == script.get_current_head() and target == "head":
        return
    log.info("migrating catalogue from %s to %s", current, target)
    config = _alembic_config()
    config.attributes["connection"] = connection
    command.upgrade(config, target)


def session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)
