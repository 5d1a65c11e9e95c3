"""`archive-app selftest`: the built-in samples through import, search, read, export, window."""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

# (library, a scratch folder for settings, where to save the window's picture) -> raises
# SelftestFailure; the launcher hands it over, as the CLI does not import the window
WindowCheck = Callable[[Path, Path, Path | None], None]
WINDOW = "open the window offscreen: a search and an article"


def cmd_selftest(args: argparse.Namespace) -> int:
    # imported here: the parser of every command loads none of the core
    from archive_app.usecases.selftest import Outcome, headless_checks, problem_of

    check_window: WindowCheck | None = getattr(args, "check_window", None)
    screenshot: Path | None = args.screenshot.resolve() if args.screenshot else None
    with tempfile.TemporaryDirectory(prefix="arsip-selftest-") as scratch:
        library = Path(scratch) / "library"
        outcomes = headless_checks(library)
        if all(outcome.problem is None for outcome in outcomes):
            if check_window is None:
                outcomes.append(Outcome(WINDOW, "this command line was started without Qt"))
            else:
                run = check_window
                outcomes.append(
                    Outcome(WINDOW, problem_of(lambda: run(library, Path(scratch), screenshot)))
                )
    for outcome in outcomes:
        if args.verbose or outcome.problem is not None:
            print(f"{outcome.name}: {outcome.problem or 'ok'}")
    failed = [outcome for outcome in outcomes if outcome.problem is not None]
    if failed:
        print(f"selftest failed: {len(failed)} of {len(outcomes)} checks", file=sys.stderr)
        return 1
    print("ok")
    return 0


def add_selftest(p: argparse.ArgumentParser) -> None:
    p.add_argument("--verbose", "-v", action="store_true", help="name every check as it passes")
    p.add_argument(
        "--screenshot", type=Path, metavar="PNG", help="save the window's picture to this file"
    )
    p.set_defaults(run=cmd_selftest)
