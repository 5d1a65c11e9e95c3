"""The index folder on disk: open it checked, create it, swap a rebuilt one in, mark it behind."""

from __future__ import annotations

import json
import logging
import shutil
from pathlib import Path
from typing import Any

from whoosh import index as whoosh_index

from archive_app.search.patches import install_patches
from archive_app.search.schema import SCHEMA_VERSION, build_schema

log = logging.getLogger(__name__)
STAMP = "arsip-index.json"
# present while the index may lack something the catalogue committed (a write failed): the next
# writer to open the library compares the two and catches up
BEHIND = "arsip-behind"


def stale_schema(folder: Path) -> bool:
    """True when the index in `folder` was built with another schema and must be rebuilt."""
    try:
        stamp = json.loads((folder / STAMP).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return True
    return bool(stamp.get("schema") != SCHEMA_VERSION)


def holds_index(folder: Path) -> bool:
    """Whether `folder` holds a Whoosh index (of any schema)."""
    install_patches()
    return bool(whoosh_index.exists_in(str(folder)))


def open_checked(folder: Path, readonly: bool) -> tuple[Any, str | None]:
    """The index in `folder`, or None and what is wrong with it. A segment file gone (a
    cleaning tool, a copy cut short) would otherwise fail every search and every write."""
    install_patches()
    try:
        opened = whoosh_index.open_dir(str(folder), readonly=readonly)
        present = set(opened.storage.list())
        missing = sorted(
            name
            for name in (
                segment.make_filename(".seg")
                for segment in opened._segments()
                if segment.is_compound()
            )
            if name not in present
        )
        missing += sorted(
            segment.segment_id()
            for segment in opened._segments()
            if not segment.is_compound() and not segment.list_files(opened.storage)
        )
    except Exception as error:  # a table of contents Whoosh cannot read
        return None, f"it cannot be read: {error}"
    if missing:
        opened.close()
        shown = ", ".join(missing[:3]) + (" …" if len(missing) > 3 else "")
        return None, f"a part of it is missing: {shown}"
    return opened, None


def readable(opened: Any) -> bool:
    """Every segment the index lists can be opened (a writer checks this on opening)."""
    try:
        opened.reader().close()
    except (OSError, ValueError, KeyError) as error:
        log.warning("the index cannot be read (%s): it is rebuilt", error)
        return False
    return True


def create_empty(folder: Path) -> Any:
    """A new empty index in `folder` (whatever was there is removed), stamped with the schema."""
    install_patches()
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    created = whoosh_index.create_in(str(folder), build_schema())
    (folder / STAMP).write_text(json.dumps({"schema": SCHEMA_VERSION}), encoding="utf-8")
    return created


def staging_folder(folder: Path) -> Path:
    """Where a rebuild writes the new index before it is swapped in."""
    return folder.with_name(folder.name + ".rebuild")


def swap_in(folder: Path) -> Any:
    """Put the rebuilt index (in the staging folder) in the place of the one in `folder`, and
    open it. Killed between the two renames, `recover_interrupted_rebuild` puts the old back."""
    retired = folder.with_name(folder.name + ".old")
    shutil.rmtree(retired, ignore_errors=True)
    if folder.exists():
        folder.rename(retired)
    staging_folder(folder).rename(folder)
    shutil.rmtree(retired, ignore_errors=True)
    install_patches()
    return whoosh_index.open_dir(str(folder))


def mark_behind(folder: Path) -> None:
    """Note that the index in `folder` may lack what the catalogue committed (a write failed,
    a writer was killed): the next writer to open the library compares the two."""
    try:
        if folder.is_dir():
            (folder / BEHIND).touch()
    except OSError as error:  # a full disk may refuse even this: the counts then differ
        log.info("could not note that the index is behind (%s)", error)


def recover_interrupted_rebuild(folder: Path) -> None:
    """A rebuild killed part-way leaves its staging folder (removed: half built), or, killed
    between its two renames, the old index under another name (put back). Only a writer
    holding the library's lock may call this."""
    staging = staging_folder(folder)
    retired = folder.with_name(folder.name + ".old")
    if not folder.exists() and retired.is_dir():
        retired.rename(folder)
    for leftover in (staging, retired):
        if leftover.exists():
            log.info("removing %s, left by an interrupted rebuild of the index", leftover)
            shutil.rmtree(leftover, ignore_errors=True)
