"""Connect to a team catalogue on PostgreSQL: the address checked, libpq's credentials, one line
for a server that cannot be reached or refuses the login."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, create_engine, event

from archive_app.domain.errors import ArchiveError, LibraryFormatError
from archive_app.storage.library_location import TeamLocation

CONNECT_TIMEOUT = 10
"""Seconds before an unreachable server is reported (libpq would otherwise wait for TCP's own
timeout, minutes), unless the address sets connect_timeout itself."""

PGPASS_ADVICE = (
    "Arsip keeps no passwords: put it in ~/.pgpass (or a PGSERVICE service file, or "
    "PGPASSWORD) and leave it out of the address"
)


class TeamConnectionError(ArchiveError):
    """The team catalogue's server cannot be reached, or refused the login."""


class TeamPermissionError(ArchiveError):
    """The server refused a statement to this database user (its role lacks the right)."""


@dataclass(frozen=True, slots=True)
class TeamAddress:
    """A checked address: libpq's parameters (never a password) and a short name for messages."""

    params: Mapping[str, str]
    origin: str

    @property
    def key(self) -> str:
        """The same for every address of one catalogue (whoever logs in): names this
        desktop's folder for it."""
        where = [self.params.get(k, "") for k in ("service", "host", "port", "dbname")]
        return hashlib.sha256("\x1f".join(where).encode()).hexdigest()[:16]

    @property
    def display(self) -> str:
        host = self.params.get("host") or self.params.get("service") or "localhost"
        port = f":{self.params['port']}" if self.params.get("port") else ""
        user = f"{self.params['user']}@" if self.params.get("user") else ""
        return f"{user}{host}{port}/{self.params.get('dbname', '')}"


def parse_team_address(location: TeamLocation) -> TeamAddress:
    """libpq's reading of the address; refuses one holding a password, naming where it is."""
    from psycopg import ProgrammingError
    from psycopg.conninfo import conninfo_to_dict

    try:
        params = conninfo_to_dict(location.address)
    except ProgrammingError as error:
        # libpq's reason ("invalid URI query parameter", "missing "=" after ...") is one line
        reason = " ".join(str(error).split())
        raise LibraryFormatError(
            f"{location.origin}: not a PostgreSQL address ({reason})"
        ) from None
    if params.get("password"):
        # the address is not repeated: it holds the password
        raise LibraryFormatError(
            f"{location.origin}: the team library's address holds a password; {PGPASS_ADVICE}"
        )
    return TeamAddress({key: str(value) for key, value in params.items()}, location.origin)


def create_team_engine(address: TeamAddress, *, readonly: bool = False) -> Engine:
    """An engine on the team catalogue. TLS settings (sslmode, sslrootcert...) and service
    names pass through to libpq as written; libpq finds the password itself."""
    params: dict[str, Any] = {"connect_timeout": CONNECT_TIMEOUT, **address.params}
    params.setdefault("application_name", "Arsip")
    if readonly:
        # the server itself refuses writes from a reader, whatever a bug might try
        params["options"] = params.get("options", "") + " -c default_transaction_read_only=on"
    engine = create_engine(
        "postgresql+psycopg://",
        connect_args=params,
        pool_pre_ping=True,  # a desktop outlives a server restart or a network loss
    )
    event.listen(engine, "handle_error", _one_line_errors(address))
    return engine


def connection_problem(error: BaseException, address: TeamAddress) -> str | None:
    """One line saying why the server could not be used, for a failed login or connection;
    None for any other error (a mistake in SQL, a constraint)."""
    from psycopg import OperationalError

    original = getattr(error, "orig", None) or error
    if not isinstance(original, OperationalError):
        return None
    lines = [line.strip() for line in str(original).splitlines() if line.strip()]
    reason = (lines or ["no reason given"])[0]
    if original.sqlstate in _ENDED:
        # mid-transaction: the server rolled it back, so nothing of it was kept
        return (
            f"the team library {address.display}: the server ended the connection ({reason}); "
            "the change under way was not saved, try again"
        )
    if original.sqlstate not in _CONNECTING:
        return None
    user = address.params.get("user", "")
    if "password authentication failed" in reason:
        return (
            f"the team library {address.display}: the server refused the password for user "
            f"{user}; correct it in ~/.pgpass (or PGPASSFILE, PGPASSWORD)"
        )
    if "no password supplied" in reason:
        return (
            f"the team library {address.display} asks a password for user {user} and none was "
            f"found; {PGPASS_ADVICE}"
        )
    return f"cannot reach the team library {address.display}: {reason}"


# None: psycopg found no SQLSTATE (the connection never opened); 08: connection exceptions;
# 28: invalid authorization; 3D000: no such database; 53300: too many connections
_CONNECTING = {None, "08000", "08001", "08004", "08006", "28000", "28P01", "3D000", "53300"}
# 57P01 admin_shutdown, 57P02 crash_shutdown, 57P03 cannot_connect_now: the server stopped or
# restarted (by an administrator, a crash, a failover) while this desktop was connected
_ENDED = {"57P01", "57P02", "57P03"}


def permission_problem(error: BaseException, address: TeamAddress) -> str | None:
    """One line for a statement the server refused this login (SQLSTATE 42501), else None."""
    from psycopg import errors

    original = getattr(error, "orig", None) or error
    if not isinstance(original, errors.InsufficientPrivilege):
        return None
    reason = " ".join(str(original).split("\n", 1)[0].split())
    user = address.params.get("user", "this login")
    return (
        f"the team library {address.display}: user {user} may not do this ({reason}); "
        "ask the library's administrator for the role it needs"
    )


def _one_line_errors(address: TeamAddress) -> Any:
    def handle(context: Any) -> None:
        error = context.original_exception
        problem = connection_problem(error, address)
        if problem is not None:
            raise TeamConnectionError(problem) from None
        problem = permission_problem(error, address)
        if problem is not None:
            raise TeamPermissionError(problem) from None

    return handle
