"""The `archive-app` command line: the parser of every command, and `main`, which runs one."""

from __future__ import annotations

import argparse
import io
import logging
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, cast

from archive_app import APP_NAME, LIBRARY_ENV_VAR
from archive_app.cli.subcommands import Subcommands
from archive_app.cli.version import VersionAction
from archive_app.domain.errors import ArchiveError

if TYPE_CHECKING:
    from archive_app.cli.selftest import WindowCheck

Command = Callable[[argparse.Namespace], int]
# (library, a backup file to restore) -> exit code
WindowOpener = Callable[[str | None, Path | None], int]


def cmd_gui(args: argparse.Namespace) -> int:
    # the CLI sits beside the window, not over it: the launcher hands it the way to open one
    open_window: WindowOpener | None = getattr(args, "open_window", None)
    if open_window is None:
        raise ArchiveError("this command line was started without the window; run `archive-app`")
    backup: Path | None = getattr(args, "backup", None)
    if backup is not None and not backup.is_file():
        # the desktop's menu entry passes a double-clicked file here: say which, and why
        why = "no such file" if not backup.exists() else "not a file"
        raise ArchiveError(f"{backup}: {why}; give an Arsip backup file to restore")
    return open_window(args.library, backup)


def add_gui(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "backup",
        nargs="?",
        type=Path,
        metavar="BACKUP",
        help="an Arsip backup file: the window opens Restore with it (what a double-click "
        "on a backup runs)",
    )
    p.set_defaults(run=cmd_gui)


# (command, its line in `archive-app --help`, "module:function" adding its arguments), in the
# order --help lists them. Only the chosen command's module is imported, when it is chosen:
# each brings the core with it (SQLAlchemy, Whoosh, the readers...), which `--version`,
# `--help` and the window's launch would otherwise pay for before anything else (about a
# second of CPU)
COMMANDS: tuple[tuple[str, str, str], ...] = (
    ("import", "import files or folders", "importing:add_import"),
    ("search", "search the library", "reading:add_search"),
    ("show", "show one article's catalogue record", "reading:add_show"),
    ("export", "export articles (all, some, or a search result)", "exporting:add_export"),
    ("cite", "print an article's citation (APA or Chicago)", "exporting:add_cite"),
    ("stats", "counts about the library", "reading:add_stats"),
    ("check", "compare the catalogue with the index and the originals", "safety:add_check"),
    ("reindex", "rebuild the search index from the catalogue", "safety:add_reindex"),
    (
        "repair",
        "save what a damaged catalogue still holds into a new one, "
        "or go back to an automatic backup",
        "safety:add_repair",
    ),
    ("eval", "score extraction against a gold file, field by field", "evaluating:add_eval"),
    ("edit", "edit fields of one article", "cataloguing:add_edit"),
    ("bulk", "change many articles as one undo step", "cataloguing:add_bulk"),
    ("replace", "find and replace within a field, previewed first", "cataloguing:add_replace"),
    ("undo", "undo the last change", "cataloguing:add_undo_redo"),
    ("redo", "redo what undo undid", "cataloguing:add_undo_redo"),
    ("history", "every change made to an article", "cataloguing:add_history"),
    (
        "collection",
        "list, create, or add articles to collections",
        "cataloguing:add_collection",
    ),
    ("people", "the people authority: list, merge, split, sign-off", "authorities:add_people"),
    ("place", "places: list them, or group a spelling under a place", "authorities:add_place"),
    ("backup", "back the library up into one file", "safety:add_backup"),
    ("restore", "restore a backup into a new folder", "safety:add_restore"),
    (
        "selftest",
        "check this installation: import the built-in sample articles into a temporary "
        "library, search, read, export and cite them, and show them in the window offscreen",
        "selftest:add_selftest",
    ),
    (
        "team",
        "a team library on PostgreSQL: its status, build/upgrade its catalogue, members' roles, "
        "push/pull to and from a folder library",
        "team:add_team",
    ),
    (
        "desktop",
        "add Arsip to the desktop menu of the current user, or remove it",
        "desktop:add_desktop",
    ),
    ("gui", "open the window (the default)", "app:add_gui"),
)


def build_parser(*, every_command: bool = False) -> argparse.ArgumentParser:
    """The parser of `archive-app`; a command's own arguments are added when it is parsed,
    or all at once with `every_command` (what the README's test reads)."""
    parser = argparse.ArgumentParser(
        prog="archive-app",
        description=f"{APP_NAME}: an offline archive of news articles.",
        epilog=f"The library defaults to the user data folder; {LIBRARY_ENV_VAR} or --library "
        "choose another. With no command, the window opens.",
    )
    parser.add_argument(
        "--library",
        metavar="PATH",
        help="the library folder to use, or a team library's postgresql://user@host/database",
    )
    parser.add_argument("--version", action=VersionAction)
    parser.add_argument(
        "--debug",
        action="store_true",
        help="show tracebacks on errors and the extraction libraries' warnings",
    )
    sub = cast(
        Subcommands, parser.add_subparsers(action=Subcommands, dest="command", metavar="COMMAND")
    )
    for name, text, where in COMMANDS:
        sub.add_command(name, text, where)
    if every_command:
        for name, _text, _where in COMMANDS:
            sub.fill(name)
    return parser


QUIET_LIBRARIES = ("trafilatura", "htmldate", "courlan", "justext", "warcio")


def main(
    argv: Sequence[str] | None = None,
    open_window: WindowOpener | None = None,
    check_window: WindowCheck | None = None,
) -> int:
    """Run one command; `open_window` opens the window for `gui`, `check_window` checks it for
    `selftest` (the launcher passes both)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    args.open_window = open_window
    args.check_window = check_window
    for stream in (sys.stdout, sys.stderr):
        # a path the file system gave with bytes that are not UTF-8 prints as "\udcff"
        # rather than ending the command with UnicodeEncodeError
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="backslashreplace")
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    # The extraction libraries' own warnings ("discarding data: None", "Replacing spaces in
    # invalid WARC-Target-URI") repeat in their words what the import report says of the
    # file; --debug shows them.
    for library in QUIET_LIBRARIES:
        logging.getLogger(library).setLevel(logging.WARNING if args.debug else logging.ERROR)
    run: Command = getattr(args, "run", cmd_gui)
    try:
        return run(args)
    except ArchiveError as error:
        print(f"archive-app: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("archive-app: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as error:  # the promise: a one-line message, never a traceback
        if args.debug:
            raise
        # imported here: only an unexpected error needs it
        from archive_app.storage.diskspace import is_disk_full

        if is_disk_full(error):
            print(
                f"archive-app: the disk is full ({error}); free some space and try again",
                file=sys.stderr,
            )
            return 1
        print(
            f"archive-app: unexpected error: {type(error).__name__}: {error} "
            "(run with --debug for details)",
            file=sys.stderr,
        )
        return 70
