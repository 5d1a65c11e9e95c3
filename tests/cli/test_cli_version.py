"""`archive-app --version` names Arsip's version and the libraries it runs on, one a line."""

from __future__ import annotations

import platform
from importlib import metadata

import pytest

from archive_app import __version__
from archive_app.cli import main


def test_version_lists_what_arsip_runs_on(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["--version"])
    assert stopped.value.code == 0
    assert capsys.readouterr().out.splitlines() == [
        f"archive-app {__version__}",
        f"Python {platform.python_version()}",
        f"PySide6 {metadata.version('PySide6-Essentials')}",
        f"Whoosh {metadata.version('whoosh-reloaded')}",
        f"SQLAlchemy {metadata.version('SQLAlchemy')}",
    ]
