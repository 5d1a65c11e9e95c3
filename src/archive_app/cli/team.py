"""`archive-app team status|upgrade`: a team library's catalogue on its PostgreSQL server."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from archive_app.usecases.team_library import TeamFacts


def cmd_team_status(args: argparse.Namespace) -> int:
    # imported here: SQLAlchemy's PostgreSQL driver only when a team command runs
    from archive_app.usecases import team_library

    _print(team_library.describe(args.library))
    return 0


def cmd_team_upgrade(args: argparse.Namespace) -> int:
    from archive_app.usecases import team_library

    _print(team_library.upgrade(args.library))
    return 0


def _print(facts: TeamFacts) -> None:
    if facts.schema_revision is None:
        schema = "no catalogue yet (run `archive-app --library ADDRESS team upgrade`)"
    elif facts.schema_revision == facts.arsip_revision:
        schema = f"{facts.schema_revision} (this Arsip's)"
    else:
        schema = f"{facts.schema_revision} (this Arsip knows up to {facts.arsip_revision})"
    print(f"team library: {facts.address}")
    print(f"server:       PostgreSQL {facts.server}, logged in as {facts.user}")
    print(f"schema:       {schema}")
    if facts.articles is not None:
        print(f"articles:     {facts.articles}")


def add_team(p: argparse.ArgumentParser) -> None:
    p.description = (
        "Commands on the team library --library names: a postgresql://user@host/"
        "database address (no password: libpq's ~/.pgpass, service file or PG* variables give "
        "it) or a folder holding a .arsip-team file with that address."
    )
    team = p.add_subparsers(dest="team_command", metavar="TEAM_COMMAND", required=True)
    status = team.add_parser("status", help="the server, the login and the catalogue's schema")
    status.set_defaults(run=cmd_team_status)
    upgrade = team.add_parser(
        "upgrade",
        help="build the catalogue in an empty database, or upgrade it to this Arsip's schema "
        "(one desktop at a time: the others wait)",
    )
    upgrade.set_defaults(run=cmd_team_upgrade)
