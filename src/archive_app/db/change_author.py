"""Who a change set is recorded as: a team catalogue's database login, else this computer's user."""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.orm import Session


def database_user(session: Session) -> str | None:
    """The login of a team catalogue's connection, or None for a folder library (SQLite).

    session_user rather than current_user: it is the person who logged in, even while a
    statement runs under a group role (migrate sets the catalogue's owning group)."""
    if session.get_bind().dialect.name != "postgresql":
        return None
    return str(session.execute(text("SELECT session_user")).scalar_one())


def author(session: Session, os_user: str) -> str:
    """The name a change set made in `session` carries: on a team library the database user
    (the OS user of a shared desktop says nothing about who changed the catalogue)."""
    return database_user(session) or os_user
