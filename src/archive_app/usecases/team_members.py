"""Who may do what on a team library: grant, revoke and list its members' roles (reader,
cataloguer, admin), refused in one line to someone without the right."""

from __future__ import annotations

from pathlib import Path

from archive_app.db import team_roles
from archive_app.db.team_catalogue import open_team_engine
from archive_app.db.team_roles import ROLES, Member
from archive_app.domain.errors import ArchiveError, LibraryFormatError
from archive_app.storage.library_location import TeamLocation, team_location

__all__ = ["ROLES", "Member", "grant", "members", "revoke"]


def grant(path: str | Path | None, user: str, role: str) -> str:
    """Give `user` the role `role` on the team library (its group roles made when missing);
    a line saying what was done."""
    if role not in ROLES:
        raise ArchiveError(f"no role {role!r}: choose one of {', '.join(ROLES)}")
    engine, display = open_team_engine(_require_team(path, "team grant"), readonly=False)
    try:
        team_roles.grant_role(engine, display, user, role)
    finally:
        engine.dispose()
    return f"{user} is now {role} on the team library {display}"


def revoke(path: str | Path | None, user: str) -> str:
    """Take the team library's roles from `user`; a line saying what was taken."""
    engine, display = open_team_engine(_require_team(path, "team revoke"), readonly=False)
    try:
        held = team_roles.revoke_roles(engine, display, user)
    finally:
        engine.dispose()
    if not held:
        return f"{user} held no role on the team library {display}"
    return f"{user} is no longer {' or '.join(held)} on the team library {display}"


def members(path: str | Path | None) -> list[Member]:
    """Every user holding a role on the team library, with the highest role each holds."""
    engine, _display = open_team_engine(_require_team(path, "team members"), readonly=True)
    try:
        return team_roles.list_members(engine)
    finally:
        engine.dispose()


def _require_team(path: str | Path | None, what: str) -> TeamLocation:
    location = team_location(path)
    if location is None:
        raise LibraryFormatError(
            f"{path or 'the default library'} is a folder library: {what} works on team "
            "libraries only"
        )
    return location
