"""The `archive-app` command: the CLI, with the window opened on demand for `gui`."""

from __future__ import annotations

from collections.abc import Sequence

from archive_app import cli


def open_window(library: str | None) -> int:
    """Open the window on a library; Qt is loaded only when the window is wanted."""
    from archive_app.gui.shell.app import run_gui

    return int(run_gui(library))


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of `archive-app` and `python -m archive_app`."""
    return cli.main(argv, open_window=open_window)
