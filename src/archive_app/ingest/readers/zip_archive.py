"""Zip files: every member that is a file to import, with a resolver over the zip's others.

Each member goes back through detection and the readers (extract.py), so a CSV or a saved page
in a zip is read exactly as on disk; a zip in a zip is followed to extract.py's depth limit.
Members that must not be read (paths leaving the zip, encryption, bombs) are report lines.
"""

from __future__ import annotations

import io
import logging
import posixpath
import zipfile
from collections.abc import Iterator

from archive_app.domain.errors import ReadError
from archive_app.ingest.context import ReadContext
from archive_app.ingest.raw import Member, RawFailure
from archive_app.ingest.zipfiles.members import (
    Refused,
    is_metadata,
    is_page_companion,
    member_path,
    read_member,
    zip_resolver,
)
from archive_app.ingest.zipfiles.safety import (
    Budget,
    declared_problem,
    member_problem,
    unsafe_path,
)

log = logging.getLogger(__name__)


def _open(data: bytes) -> zipfile.ZipFile:
    try:
        return zipfile.ZipFile(io.BytesIO(data))
    except zipfile.LargeZipFile as error:
        raise ReadError(f"the zip file is too large to open ({error})") from error
    except (zipfile.BadZipFile, EOFError, OSError, ValueError) as error:
        raise ReadError(
            f"damaged zip file: its table of contents cannot be read ({error})"
        ) from error


def _refusal(info: zipfile.ZipInfo) -> str | None:
    why = unsafe_path(info.filename)
    if why is not None:
        return f"refused: {why}"
    return member_problem(info)


def read_zip(data: bytes, context: ReadContext | None = None) -> Iterator[Member | RawFailure]:
    """The zip's files in their stored order, each with its path in the zip."""
    archive = _open(data)
    infos = [i for i in archive.infolist() if not i.is_dir()]
    if (problem := declared_problem(infos)) is not None:
        raise ReadError(problem)
    # unsafe paths are reported before anything is skipped: ".." looks hidden, but it is not
    files = [
        i for i in infos if unsafe_path(i.filename) is not None or not is_metadata(member_path(i))
    ]
    by_path = {
        posixpath.normpath(member_path(i)): i for i in files if unsafe_path(i.filename) is None
    }
    names = frozenset(by_path)
    budget = Budget()
    for info in files:
        path = member_path(info)
        refusal = _refusal(info)
        if refusal is not None:
            yield RawFailure("file", refusal, path)
            continue
        if is_page_companion(posixpath.normpath(path), names):
            continue  # read by its page, as one of its photos
        try:
            payload = read_member(archive, info, budget)
        except Refused as error:
            yield RawFailure("file", str(error), path)
            if error.final:
                return
            continue
        folder = posixpath.dirname(posixpath.normpath(path))
        yield Member(path, payload, zip_resolver(archive, by_path, folder, budget, _refusal))
