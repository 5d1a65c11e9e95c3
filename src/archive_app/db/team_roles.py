"""PostgreSQL roles of a team catalogue: three group roles (reader, cataloguer, admin) and who
holds them, and whether the connected user may write."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from sqlalchemy import Connection, Engine, text

from archive_app.db.engine import current_revision
from archive_app.db.team_engine import TeamPermissionError
from archive_app.domain.errors import ArchiveError, LibraryFormatError

T = TypeVar("T")

ROLES = ("reader", "cataloguer", "admin")
"""From least to most: reader reads; cataloguer also changes the catalogue; admin also
migrates it and grants the roles."""

# PostgreSQL truncates identifiers longer than this (NAMEDATALEN - 1)
_MAX_NAME = 63

# What each group role may do on the catalogue's tables and sequences (and its schema and
# database). Granted again on every `team grant`, so tables a later migration adds are
# covered too; the default privileges cover tables the granting user creates afterwards.
_TABLES = {
    "reader": "SELECT",
    "cataloguer": "SELECT, INSERT, UPDATE, DELETE",
    "admin": "ALL PRIVILEGES",
}
_SEQUENCES = {"reader": "SELECT", "cataloguer": "USAGE, SELECT, UPDATE", "admin": "ALL PRIVILEGES"}
_SCHEMA = {"reader": "USAGE", "cataloguer": "USAGE", "admin": "USAGE, CREATE"}
_DATABASE = {"reader": "CONNECT", "cataloguer": "CONNECT", "admin": "CONNECT, CREATE, TEMPORARY"}


@dataclass(frozen=True, slots=True)
class Member:
    """A database user holding one of the catalogue's group roles."""

    user: str
    role: str  # one of ROLES


def group_role(database: str, role: str) -> str:
    """The group role's name for `role` on the catalogue in `database`, e.g. arsip_news_reader
    (letters, digits and _ only, within PostgreSQL's 63 characters)."""
    suffix = f"_{role}"
    stem = re.sub(r"[^a-z0-9_]", "_", database.lower())
    return f"arsip_{stem}"[: _MAX_NAME - len(suffix)] + suffix


def current_user(connection: Connection) -> str:
    return str(connection.exec_driver_sql("SELECT current_user").scalar_one())


def current_database(connection: Connection) -> str:
    return str(connection.exec_driver_sql("SELECT current_database()").scalar_one())


def user_exists(connection: Connection, user: str) -> bool:
    found = connection.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :u"), {"u": user})
    return found.first() is not None


def may_manage(connection: Connection, database: str) -> bool:
    """True when the connected user may create the group roles and grant them: a superuser,
    a user with CREATEROLE, or one holding the admin group role with its admin option."""
    row = connection.execute(
        text("SELECT rolsuper OR rolcreaterole FROM pg_roles WHERE rolname = current_user")
    ).first()
    if row is not None and row[0]:
        return True
    admin = group_role(database, "admin")
    if not user_exists(connection, admin):
        return False
    held = connection.execute(
        text("SELECT pg_has_role(current_user, :r, 'MEMBER WITH ADMIN OPTION')"), {"r": admin}
    )
    return bool(held.scalar_one())


def grant(connection: Connection, database: str, user: str, role: str) -> None:
    """Make the three group roles when missing, give them their privileges, and give `user`
    exactly `role` (any other of the three is taken away). An admin gets the admin option on
    all three, so they can grant them in turn."""
    refresh = _owns_catalogue(connection)
    made = [each for each in ROLES if _make_group(connection, group_role(database, each))]
    if refresh:
        _hand_over(connection, group_role(database, "admin"))
    # an admin by membership gave nothing to the admin group: it holds what it has from it
    # (PostgreSQL refuses grant options given back to their grantor)
    given_by_group = _admin_by_membership(connection, group_role(database, "admin"))
    for each in ROLES:
        if (refresh or each in made) and not (each == "admin" and given_by_group):
            _give_privileges(connection, database, each)
    revoke(connection, database, user)
    q = connection.dialect.identifier_preparer.quote_identifier
    option = " WITH ADMIN OPTION" if role == "admin" else ""
    if role == "admin":
        names = ", ".join(q(group_role(database, each)) for each in ROLES)
        connection.exec_driver_sql(f"GRANT {names} TO {q(user)}{option}")
    else:
        connection.exec_driver_sql(f"GRANT {q(group_role(database, role))} TO {q(user)}")


def revoke(connection: Connection, database: str, user: str) -> list[str]:
    """Take every one of the catalogue's group roles from `user`; the roles it held."""
    q = connection.dialect.identifier_preparer.quote_identifier
    # every group it is in, not only the highest: an admin is in all three
    held = [role for name, role in _memberships(connection, database) if name == user]
    for role in held:
        connection.exec_driver_sql(f"REVOKE {q(group_role(database, role))} FROM {q(user)}")
    return held


def members(connection: Connection, database: str) -> list[Member]:
    """Every user holding a group role of this catalogue, by name; the highest role each."""
    highest: dict[str, str] = {}
    for user, role in _memberships(connection, database):
        if ROLES.index(role) >= ROLES.index(highest.get(user, "reader")):
            highest[user] = role
    return [Member(user, role) for user, role in highest.items()]


def _memberships(connection: Connection, database: str) -> list[tuple[str, str]]:
    """(user, role) for each membership in the catalogue's group roles, by user."""
    groups = {group_role(database, role): role for role in ROLES}
    rows = connection.execute(
        text(
            "SELECT u.rolname, g.rolname FROM pg_auth_members m "
            "JOIN pg_roles u ON u.oid = m.member JOIN pg_roles g ON g.oid = m.roleid "
            "WHERE g.rolname = ANY(:groups) ORDER BY u.rolname"
        ),
        {"groups": list(groups)},
    ).all()
    return [(str(user), groups[str(group)]) for user, group in rows]


def grant_role(engine: Engine, display: str, user: str, role: str) -> None:
    """`grant`, checked first: refused in one line to someone who may not manage roles, for
    a user the server does not know, or before the catalogue is built."""
    _managing(engine, display, user, lambda c, database: grant(c, database, user, role))


def revoke_roles(engine: Engine, display: str, user: str) -> list[str]:
    """`revoke`, checked as grant_role is; the roles `user` held."""
    return _managing(engine, display, user, lambda c, database: revoke(c, database, user))


def list_members(engine: Engine) -> list[Member]:
    with engine.connect() as connection:
        return members(connection, current_database(connection))


def _managing(engine: Engine, display: str, user: str, run: Callable[[Connection, str], T]) -> T:
    if current_revision(engine) is None:
        raise LibraryFormatError(
            f"the team library {display} has no catalogue yet: run "
            "`archive-app --library ADDRESS team upgrade` first"
        )
    with engine.begin() as connection:
        me = current_user(connection)
        database = current_database(connection)
        if not may_manage(connection, database):
            raise _refused(me, display)
        if not user_exists(connection, user):
            raise ArchiveError(
                f"there is no database user {user} on the server of {display}: create it "
                f"first (CREATE ROLE {user} LOGIN), then grant it a role"
            )
        try:
            return run(connection, database)
        except TeamPermissionError:
            # the check above passed but the server still refused (a right taken away
            # meanwhile, or a catalogue table owned by someone else): the same one line
            raise _refused(me, display) from None


def _refused(me: str, display: str) -> ArchiveError:
    return ArchiveError(
        f"user {me} may not manage roles on the team library {display}: that takes its "
        "administrator (the admin role) or a PostgreSQL user with CREATEROLE"
    )


def may_write(engine: Engine) -> bool:
    """The connected user may change articles (insert and update them): a cataloguer, an
    admin or the catalogue's owner; False for a reader (SELECT only). True for a database
    with no catalogue yet: building one is for whoever may (the server says otherwise)."""
    if current_revision(engine) is None:
        return True
    with engine.connect() as connection:
        row = connection.exec_driver_sql(
            "SELECT has_table_privilege('articles', 'INSERT') "
            "AND has_table_privilege('articles', 'UPDATE')"
        ).scalar_one()
    return bool(row)


def _owns_catalogue(connection: Connection) -> bool:
    """A superuser or the owner of the catalogue's tables: the one who can give the group
    roles their privileges (an admin by membership grants the roles, which have them)."""
    row = connection.exec_driver_sql(
        "SELECT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) "
        "OR pg_has_role(current_user, (SELECT tableowner FROM pg_tables "
        "WHERE schemaname = 'public' AND tablename = 'articles'), 'USAGE')"
    ).scalar_one()
    return bool(row)


def _make_group(connection: Connection, name: str) -> bool:
    """Create the group role when missing; True when it was made."""
    if user_exists(connection, name):
        return False
    q = connection.dialect.identifier_preparer.quote_identifier
    connection.exec_driver_sql(f"CREATE ROLE {q(name)} NOLOGIN")
    return True


def _admin_by_membership(connection: Connection, admin: str) -> bool:
    row = connection.execute(
        text(
            "SELECT NOT rolsuper AND pg_has_role(current_user, :r, 'MEMBER') "
            "FROM pg_roles WHERE rolname = current_user"
        ),
        {"r": admin},
    ).scalar_one()
    return bool(row)


def _hand_over(connection: Connection, admin: str) -> None:
    """Make the admin group the owner of the catalogue's tables and free-standing sequences:
    only an owner may alter a table, so an admin can then migrate (engine.migrate sets its
    role to the owner's). A non-superuser giving it away must be a member of the group."""
    q = connection.dialect.identifier_preparer.quote_identifier
    me_super = connection.exec_driver_sql(
        "SELECT rolsuper FROM pg_roles WHERE rolname = current_user"
    ).scalar_one()
    member = connection.execute(
        text("SELECT pg_has_role(current_user, :r, 'MEMBER')"), {"r": admin}
    ).scalar_one()
    if not me_super and not member:
        connection.exec_driver_sql(f"GRANT {q(admin)} TO CURRENT_USER")
    # a new owner needs CREATE on the schema (PostgreSQL 15 gives PUBLIC none on public): the
    # database's owner who built the catalogue gives it, or handing over is refused
    connection.exec_driver_sql(f"GRANT {_SCHEMA['admin']} ON SCHEMA public TO {q(admin)}")
    owned = connection.execute(
        text(
            "SELECT c.relname, c.relkind FROM pg_class c "
            "JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'S') "
            "AND pg_get_userbyid(c.relowner) <> :admin "
            # a sequence behind a column follows its table (and refuses to be given alone)
            "AND NOT (c.relkind = 'S' AND EXISTS (SELECT 1 FROM pg_depend d "
            "WHERE d.objid = c.oid AND d.deptype IN ('a', 'i')))"
        ),
        {"admin": admin},
    ).all()
    kinds = {"r": "TABLE", "p": "TABLE", "v": "VIEW", "m": "MATERIALIZED VIEW", "S": "SEQUENCE"}
    for name, kind in owned:
        connection.exec_driver_sql(
            f"ALTER {kinds[str(kind)]} public.{q(str(name))} OWNER TO {q(admin)}"
        )


def _give_privileges(connection: Connection, database: str, role: str) -> None:
    q = connection.dialect.identifier_preparer.quote_identifier
    name = q(group_role(database, role))
    # an admin passes on what it holds (grant option): it may grant the roles their rights
    option = " WITH GRANT OPTION" if role == "admin" else ""
    connection.exec_driver_sql(
        f"GRANT {_DATABASE[role]} ON DATABASE {q(database)} TO {name}{option}"
    )
    schema = "SCHEMA public"
    connection.exec_driver_sql(f"GRANT {_SCHEMA[role]} ON {schema} TO {name}{option}")
    connection.exec_driver_sql(f"GRANT {_TABLES[role]} ON ALL TABLES IN {schema} TO {name}{option}")
    connection.exec_driver_sql(
        f"GRANT {_SEQUENCES[role]} ON ALL SEQUENCES IN {schema} TO {name}{option}"
    )
    # tables a later migration adds are made by the admin group (the owner): theirs apply
    owner = q(group_role(database, "admin"))
    defaults = f"ALTER DEFAULT PRIVILEGES FOR ROLE {owner} IN {schema} GRANT"
    connection.exec_driver_sql(f"{defaults} {_TABLES[role]} ON TABLES TO {name}{option}")
    connection.exec_driver_sql(f"{defaults} {_SEQUENCES[role]} ON SEQUENCES TO {name}{option}")
