"""Open the library for one command: the only place the CLI opens an Archive."""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Iterator
from typing import TYPE_CHECKING

from archive_app.cli.textout import leftovers_line
from archive_app.domain.errors import ArchiveError

if TYPE_CHECKING:
    from archive_app.usecases.archive import Archive


@contextlib.contextmanager
def open_library(
    args: argparse.Namespace,
    *,
    write: bool,
    mend_index: bool = True,
    catch_up: bool = True,
    index_only: bool = False,
) -> Iterator[Archive]:
    """The library `--library` names, closed when the command is done.

    A writer first says whose lock it took over, then rebuilds a damaged or missing index
    (`mend_index`; reindex does that itself) or indexes what an interrupted import left
    unindexed (`catch_up`; import says that in its own report). A reader changes nothing.
    A writer whose role on a team library is reader is refused in one line, unless the
    command writes only this desktop's index (`index_only`: reindex).
    """
    # imported here, as in every command: building the parser loads none of the core
    from archive_app.usecases.archive import Archive

    with Archive.open(args.library, readonly=not write) as archive:
        if write and archive.readonly_reason is not None and not index_only:
            raise ArchiveError(archive.readonly_reason)  # a team reader: nothing is changed
        if write:
            _prepare(archive, mend_index=mend_index, catch_up=catch_up)
        yield archive


def processes() -> int:
    """How many processes an index rebuild may use: two at most, to leave the machine usable."""
    return min(2, os.cpu_count() or 1)


def _prepare(archive: Archive, *, mend_index: bool, catch_up: bool) -> None:
    if archive.lock_note:
        print(f"archive-app: note: {archive.lock_note}", file=sys.stderr)
    if mend_index and archive.index_needs_rebuild:
        damage = archive.index_damage
        print(
            f"the search index is damaged ({damage}): rebuilding it from the catalogue first…"
            if damage
            else "the search index is missing, unreadable or from "
            "another version of Arsip: rebuilding it first…",
            file=sys.stderr,
        )
        archive.reindex(processes=processes())
    elif catch_up:
        leftovers = archive.catch_up_index()
        if leftovers:
            print(f"archive-app: {leftovers_line(leftovers)}", file=sys.stderr)
