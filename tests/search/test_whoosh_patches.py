"""Arsip's patches to Whoosh still fit the Whoosh installed: the private parts they restate or
call are there, with the shape they were written against, and installing them is explicit."""

from __future__ import annotations

import importlib
import inspect
import os
import subprocess
import sys
from importlib import metadata
from pathlib import Path

import pytest
from whoosh.filedb import compound

import archive_app
from archive_app.search.mapped_segments import MappedBufferFile
from archive_app.search.patches import RELIED_ON, WHOOSH_VERSION, install_patches


@pytest.mark.parametrize("where", sorted(RELIED_ON), ids=lambda w: ".".join(p for p in w if p))
def test_each_private_part_of_whoosh_relied_on_keeps_its_shape(where: tuple[str, str, str]) -> None:
    module_name, class_name, attribute = where
    owner = importlib.import_module(module_name)
    if class_name:
        owner = getattr(owner, class_name)
    assert hasattr(owner, attribute), f"Whoosh no longer has {'.'.join(where)}"
    recorded = RELIED_ON[where]
    if recorded is not None:
        assert str(inspect.signature(getattr(owner, attribute))) == recorded


def test_the_installed_whoosh_is_the_version_the_patches_were_written_against() -> None:
    assert metadata.version("whoosh-reloaded") == WHOOSH_VERSION
    pyproject = (Path(__file__).parents[2] / "pyproject.toml").read_text(encoding="utf-8")
    assert f'"whoosh-reloaded=={WHOOSH_VERSION}"' in pyproject


def test_installing_the_patches_twice_changes_nothing() -> None:
    install_patches()
    install_patches()
    assert compound.BufferFile is MappedBufferFile


def _run(code: str, *args: str) -> str:
    """What `code` prints in a fresh interpreter importing this package."""
    source = str(Path(archive_app.__file__).parents[1])
    done = subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONPATH": source},
    )
    return done.stdout.strip()


def test_importing_the_search_package_patches_nothing() -> None:
    """Only opening an index installs them (checked in a fresh interpreter)."""
    code = (
        "import archive_app.search.index, archive_app.usecases.archive\n"
        "from whoosh.filedb import compound\n"
        "print(compound.BufferFile.__module__)"
    )
    assert _run(code) == "whoosh.filedb.structfile"


def test_opening_an_index_installs_them(tmp_path: Path) -> None:
    code = (
        "import sys; from pathlib import Path\n"
        "from archive_app.search.index import FullTextIndex\n"
        "from whoosh.filedb import compound\n"
        "FullTextIndex(Path(sys.argv[1])).close()\n"
        "print(compound.BufferFile.__name__)"
    )
    assert _run(code, str(tmp_path / "index")) == "MappedBufferFile"
