"""Turning a library folder about to be made into a team catalogue (`--backend postgresql`)."""

# Loaded by tests/backends.py and, in a child process of such a run, by
# tests/team_site/sitecustomize.py: it imports nothing of pytest or of Arsip until a library
# is opened, so a child's start-up (which some tests measure) stays as it is.

from __future__ import annotations

import itertools
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

PORT_ENV = "ARSIP_TEST_TEAM_PORT"  # the test cluster's port, for child processes
ROOT_ENV = "ARSIP_TEST_TEAM_ROOT"  # only folders under it (pytest's temporary root) turn
SUPERUSER = "arsip_test"
TEMPLATE = "arsip_template"
CHILD_PREFIX = "arsip_c"  # databases made by child processes: the run drops them after each test


class FolderToTeam:
    """Turns a library folder about to be made into a team library: a fresh catalogue copied
    from the migrated template, its address written in the folder's .arsip-team, so the
    product's own opening (and a reopening, even by a child process) finds the team library.
    This desktop's folder for it is linked to the test's folder."""

    def __init__(self, new_database: Callable[[str], str], temp_root: Path) -> None:
        self.new_database = new_database  # a copy of the database named; its address
        self.temp_root = temp_root.resolve()

    def convert(self, path: str | Path | None, *, readonly: bool) -> None:
        from archive_app.db.team_engine import parse_team_address
        from archive_app.domain.errors import LibraryFormatError
        from archive_app.storage.library_folder import default_library_path
        from archive_app.storage.library_location import (
            TEAM_FILE,
            TeamLocation,
            is_team_address,
            team_folder,
            team_location,
        )

        if path is not None and is_team_address(str(path)):
            return
        folder = Path(path).expanduser() if path else default_library_path()
        if not folder.resolve().is_relative_to(self.temp_root):
            return
        marker = folder / TEAM_FILE
        if marker.is_file():
            # a folder copied (shutil.copytree) from one this run turned: the copy is a
            # library of its own, as a copied folder library is, so its catalogue is copied too.
            # The file is read as the product reads it (# comments, blank lines); one it
            # refuses is left to the product to report
            try:
                named = team_location(folder)
            except LibraryFormatError:
                return
            if named is None:
                return
            address = named.address
            desktop = team_folder(parse_team_address(TeamLocation(address, "test")).key)
            if desktop.is_symlink() and desktop.resolve() != folder.resolve():
                self._link(folder, self.new_database(address.rsplit("/", 1)[1]))
            return
        if readonly:
            return  # nothing to read there: the product says so, as for a folder
        if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
            return  # an existing library, or a folder the product must refuse
        folder.mkdir(parents=True, exist_ok=True)
        self._link(folder, self.new_database(TEMPLATE))

    def _link(self, folder: Path, address: str) -> None:
        from archive_app.db.team_engine import parse_team_address
        from archive_app.storage.library_location import TEAM_FILE, TeamLocation, team_folder

        (folder / TEAM_FILE).write_text(address + "\n", encoding="utf-8")
        # this desktop's part of the team library (index, lock, originals) is the folder
        # itself, so a test that looks in <folder>/index finds this desktop's index there
        desktop = team_folder(parse_team_address(TeamLocation(address, "test")).key)
        desktop.parent.mkdir(parents=True, exist_ok=True)
        desktop.symlink_to(folder.resolve(), target_is_directory=True)

    def wrap(self, opening: Any) -> Callable[..., Any]:
        """usecases.opening.library_layout (what Archive.open resolves a library with),
        turning the folder first."""
        original = opening.library_layout

        def library_layout(path: str | Path | None, *, readonly: bool) -> Any:
            self.convert(path, readonly=readonly)
            return original(path, readonly=readonly)

        return library_layout


def copy_database(port: int | str, name: str, source: str) -> None:
    """CREATE DATABASE name as a copy of source (no one may be connected to a source)."""
    import psycopg

    with psycopg.connect(
        host="127.0.0.1", port=port, user=SUPERUSER, dbname="postgres", autocommit=True
    ) as connection:
        if source != TEMPLATE:
            connection.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s",
                (source,),
            )
        connection.execute(f'CREATE DATABASE "{name}" TEMPLATE "{source}"')


def _child_database(port: str) -> Callable[[str], str]:
    names = itertools.count()

    def new_database(source: str) -> str:
        name = f"{CHILD_PREFIX}{os.getpid()}_{next(names)}"
        copy_database(port, name, source)
        return f"postgresql://{SUPERUSER}@127.0.0.1:{port}/{name}"

    return new_database


class _PatchOpening:
    """A meta path finder that, once archive_app.usecases.opening has run, replaces its
    library_layout (before archive.py takes the name from it)."""

    def __init__(self, switch: FolderToTeam) -> None:
        self.switch = switch

    def find_spec(self, name: str, path: Any, target: Any = None) -> Any:
        if name != "archive_app.usecases.opening":
            return None
        sys.meta_path.remove(self)
        from importlib.util import find_spec

        spec = find_spec(name)
        if spec is None or spec.loader is None:
            return spec
        run = spec.loader.exec_module
        switch = self.switch

        def exec_module(module: Any) -> None:
            run(module)
            module.library_layout = switch.wrap(module)

        spec.loader.exec_module = exec_module  # type: ignore[method-assign]
        return spec


def install_in_child() -> None:
    """In a child process of a `--backend postgresql` run: turn folders as the run does."""
    port, root = os.environ.get(PORT_ENV), os.environ.get(ROOT_ENV)
    if port and root:
        sys.meta_path.insert(0, _PatchOpening(FolderToTeam(_child_database(port), Path(root))))
