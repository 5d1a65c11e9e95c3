"""Shared fixtures of the command-line tests: a command run as a person types it, on a desktop
of their own, and the one line an error must be."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

# archive-app ARGS... -> its exit code, what it printed, what it said on stderr
RunCli = Callable[..., tuple[int, str, str]]
# the same on the desktop whose user data folder is the first argument
OnDesktop = Callable[..., tuple[int, str, str]]


@pytest.fixture
def run_cli(capsys: pytest.CaptureFixture[str]) -> RunCli:
    """`archive-app ARGS...` run in this process: exit code, standard output, standard error."""
    from archive_app.cli import main

    def run(*args: str) -> tuple[int, str, str]:
        code = main(list(args))
        out, err = capsys.readouterr()
        return code, out, err

    return run


@pytest.fixture
def on_desktop(run_cli: RunCli, monkeypatch: pytest.MonkeyPatch) -> OnDesktop:
    """A command on the desktop whose user data folder is `desk` (where its index of a team
    library lives): two folders are two desktops of one team library."""

    def run(desk: Path, *args: str) -> tuple[int, str, str]:
        monkeypatch.setenv("XDG_DATA_HOME", str(desk))
        return run_cli(*args)

    return run


def one_line(err: str) -> str:
    """An error as the command line must give it: one line, no traceback; that line."""
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    return lines[0]
