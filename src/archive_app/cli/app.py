"""The `archive-app` command line: the parser of every command, and `main`, which runs one."""

from __future__ import annotations

import argparse
import io
import logging
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from archive_app import APP_NAME
from archive_app.cli import (
    authorities,
    cataloguing,
    desktop,
    evaluating,
    exporting,
    importing,
    reading,
    safety,
    selftest,
    team,
)
from archive_app.cli.version import VersionAction
from archive_app.domain.errors import ArchiveError
from archive_app.storage.diskspace import is_disk_full
from archive_app.storage.library_folder import ENV_VAR

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


def _add_gui(sub: Any) -> None:
    p = sub.add_parser("gui", help="open the window (the default)")
    p.add_argument(
        "backup",
        nargs="?",
        type=Path,
        metavar="BACKUP",
        help="an Arsip backup file: the window opens Restore with it (what a double-click "
        "on a backup runs)",
    )
    p.set_defaults(run=cmd_gui)


# in the order `archive-app --help` lists the commands
_COMMANDS: tuple[Callable[[Any], None], ...] = (
    importing.add_import,
    reading.add_search,
    reading.add_show,
    exporting.add_export,
    exporting.add_cite,
    reading.add_stats,
    safety.add_check,
    safety.add_reindex,
    safety.add_repair,
    evaluating.add_eval,
    cataloguing.add_edit,
    cataloguing.add_bulk,
    cataloguing.add_replace,
    cataloguing.add_undo_redo,
    cataloguing.add_history,
    cataloguing.add_collection,
    authorities.add_people,
    authorities.add_place,
    safety.add_backup,
    safety.add_restore,
    selftest.add_selftest,
    team.add_team,
    desktop.add_desktop,
    _add_gui,
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="archive-app",
        description=f"{APP_NAME}: an offline archive of news articles.",
        epilog=f"The library defaults to the user data folder; {ENV_VAR} or --library choose "
        "another. With no command, the window opens.",
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
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for add in _COMMANDS:
        add(sub)
    return parser


QUIET_LIBRARIES = ("trafilatura", "htmldate", "courlan", "justext", "warcio")


def main(
    argv: Sequence[str] | None = None,
    open_window: WindowOpener | None = None,
    check_window: selftest.WindowCheck | None = None,
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
