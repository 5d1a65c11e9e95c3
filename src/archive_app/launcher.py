"""The `archive-app` command: the CLI, with the window opened on demand for `gui`."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from archive_app import cli


def open_window(library: str | None, backup: Path | None = None) -> int:
    """Open the window on a library (with Restore asking about `backup` when given); Qt is
    loaded only when the window is wanted. The catalogue's and the index's modules (about a
    second) load on a worker once the window shows (gui/shell/library_opening.py)."""
    from archive_app.gui.shell.app import run_gui

    return int(run_gui(library, restore=backup))


def check_window(library: Path, scratch: Path, screenshot: Path | None) -> None:
    """The self-test's look at the window, offscreen whatever the desktop (a bundle's check
    runs on servers and in CI with no display)."""
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from archive_app.gui.shell.selftest_window import check_window as check

    check(library, scratch, screenshot)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of `archive-app` and `python -m archive_app`."""
    return cli.main(argv, open_window=open_window, check_window=check_window)
