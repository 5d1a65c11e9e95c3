"""`archive-app team status|upgrade|grant|revoke|members|push|pull|prune-files`: a team
library's catalogue on its PostgreSQL server, who may do what on it, copies between it and a
folder library, and the files no article uses any more."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

# as db/team_roles.ROLES, written out: the parser loads none of the core
ROLE_NAMES = ("reader", "cataloguer", "admin")

if TYPE_CHECKING:
    from archive_app.domain.progress import Progress
    from archive_app.usecases.team_library import TeamFacts
    from archive_app.usecases.team_transfer import TransferSummary


def cmd_team_status(args: argparse.Namespace) -> int:
    # imported here: SQLAlchemy's PostgreSQL driver only when a team command runs
    from archive_app.usecases import team_library

    _print(team_library.describe(args.library))
    return 0


def cmd_team_upgrade(args: argparse.Namespace) -> int:
    from archive_app.usecases import team_library

    _print(team_library.upgrade(args.library))
    return 0


def cmd_team_grant(args: argparse.Namespace) -> int:
    from archive_app.usecases import team_members

    print(team_members.grant(args.library, args.user, args.role))
    return 0


def cmd_team_revoke(args: argparse.Namespace) -> int:
    from archive_app.usecases import team_members

    print(team_members.revoke(args.library, args.user))
    return 0


def cmd_team_members(args: argparse.Namespace) -> int:
    from archive_app.usecases import team_members

    found = team_members.members(args.library)
    if not found:
        print("no one holds a role on this team library yet (archive-app team grant USER ROLE)")
    width = max((len(member.user) for member in found), default=0)
    for member in found:
        print(f"{member.user:<{width}}  {member.role}")
    return 0


def cmd_team_push(args: argparse.Namespace) -> int:
    from archive_app.usecases import team_transfer
    from archive_app.usecases.archive import Archive

    summary = team_transfer.push(
        Archive.open, args.local, args.address, merge=args.merge, progress=_progress("pushing")
    )
    _print_transfer("pushed", summary, args.address)
    return 0


def cmd_team_pull(args: argparse.Namespace) -> int:
    from archive_app.usecases import team_transfer
    from archive_app.usecases.archive import Archive

    summary = team_transfer.pull(
        Archive.open, args.address, args.folder, progress=_progress("pulling")
    )
    _print_transfer("pulled", summary, args.folder)
    return 0


def cmd_team_prune_files(args: argparse.Namespace) -> int:
    from archive_app.cli.library import open_library

    with open_library(args, write=args.apply, mend_index=False, catch_up=False) as archive:
        found = archive.unused_files(remove=args.apply)
    size = f"{found.bytes / 1e6:,.1f} MB"
    files = (
        f"{_count(len(found.originals), 'original')} and "
        f"{_count(len(found.photos), 'photo file')} no article uses"
    )
    if found.removed:
        print(f"removed {files} ({_count(found.blobs, 'stored file')}, {size})")
    elif found.files or found.blobs:
        for path in (*found.originals, *found.photos):
            print(path)
        print(f"{files} ({_count(found.blobs, 'stored file')}, {size}): add --apply to remove them")
    else:
        print("every original and photo file in the team catalogue is used by an article")
    return 0


def _progress(verb: str) -> Callable[[Progress], None]:
    """A line on standard error redrawn in place as batches commit; silent off a terminal."""
    interactive = sys.stderr.isatty()

    def show(progress: Progress) -> None:
        if interactive:
            end = "\n" if progress.done == progress.total else ""
            print(
                f"\r{verb}: {progress.done} of {progress.total} articles",
                end=end,
                file=sys.stderr,
                flush=True,
            )

    return show


def _print_transfer(verb: str, summary: TransferSummary, library: str) -> None:
    print(
        f"{verb} {_count(summary.articles, 'article')} into {summary.target}: "
        f"{_count(len(summary.originals), 'original')}, "
        f"{_count(len(summary.photos), 'photo')}, "
        f"{_count(summary.history, 'history entry', 'history entries')}"
    )
    if summary.already_there:
        print(f"{summary.already_there} articles were there already and were left as they are")
    if summary.lacking:
        print(
            f"{summary.lacking} originals or photos the source names are missing from it "
            "and were not copied (run check on the source)"
        )
    if summary.index_problems:
        print(
            f"the search index was not updated for some articles "
            f"({summary.index_problems[0]}): run archive-app --library {library} reindex"
        )
    else:
        print("search index: built on this desktop")


def _count(n: int, one: str, many: str | None = None) -> str:
    return f"{n} {one if n == 1 else many or one + 's'}"


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
    grant = team.add_parser(
        "grant",
        help="give a database user a role: reader (search, read, export), cataloguer (also "
        "change the catalogue) or admin (also upgrade it and grant roles)",
    )
    grant.add_argument("user", metavar="USER", help="the PostgreSQL user (it must exist)")
    grant.add_argument("role", choices=ROLE_NAMES, metavar="ROLE", help=" | ".join(ROLE_NAMES))
    grant.set_defaults(run=cmd_team_grant)
    revoke = team.add_parser("revoke", help="take a database user's role away")
    revoke.add_argument("user", metavar="USER", help="the PostgreSQL user")
    revoke.set_defaults(run=cmd_team_revoke)
    members = team.add_parser("members", help="the users holding a role, and their roles")
    members.set_defaults(run=cmd_team_members)
    push = team.add_parser(
        "push",
        help="copy a folder library into a team catalogue, losslessly (records, versions, "
        "history, collections, photos, originals); its index on this desktop is built",
    )
    push.add_argument("local", metavar="LOCAL_LIBRARY", help="the folder library to copy")
    push.add_argument(
        "address", metavar="ADDRESS", help="the team library: postgresql://user@host/database"
    )
    push.add_argument(
        "--merge",
        action="store_true",
        help="push into a team catalogue that holds articles already (an interrupted push "
        "goes on: the articles there are skipped)",
    )
    push.set_defaults(run=cmd_team_push)
    pull = team.add_parser(
        "pull",
        help="make a new folder library from a team catalogue, for offline work (its index "
        "is built)",
    )
    pull.add_argument(
        "address", metavar="ADDRESS", help="the team library: postgresql://user@host/database"
    )
    pull.add_argument("folder", metavar="FOLDER", help="a new or empty folder")
    pull.set_defaults(run=cmd_team_pull)
    prune = team.add_parser(
        "prune-files",
        help="list the originals and photo files no article uses any more (left by deleted "
        "articles and replaced photos); --apply takes them out of the team catalogue",
    )
    prune.add_argument(
        "--apply",
        action="store_true",
        help="remove them (safe while other desktops import and edit: it waits for a moment "
        "no one writes, up to a minute)",
    )
    prune.set_defaults(run=cmd_team_prune_files)
