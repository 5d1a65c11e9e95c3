"""The `archive-app` command: the CLI, with the window opened on demand for `gui`."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from archive_app import cli


def import_core_first() -> None:
    """Load the catalogue's and the index's modules before Qt: PySide6 puts its own
    `__import__` in front of every later import (for its `__feature__` switches), which makes
    their hundreds of modules cost 50-100 ms more when they come after it. The window opens a
    library before its first paint, so it needs them anyway."""
    import archive_app.usecases.archive  # noqa: F401


def open_window(library: str | None, backup: Path | None = None) -> int:
    """Open the window on a library (with Restore asking about `backup` when given); Qt is
    loaded only when the window is wanted."""
    import_core_first()
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
