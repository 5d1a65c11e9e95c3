"""Originals and photos as files on this disk; a team library's fetched into a local cache."""

from __future__ import annotations

import hashlib
import logging
import os
import re
import tempfile
from collections.abc import Iterable
from pathlib import Path

from archive_app.db import blob_store
from archive_app.db.blob_pruning import UnusedFiles, find_unused, prune_unused
from archive_app.db.sessions import Sessions
from archive_app.domain.errors import ArchiveError
from archive_app.usecases.backup import FixityReport, check_fixity, sha256_file

log = logging.getLogger(__name__)

# what the catalogue names an original or a photo by: originals/ab/<sha256>.ext, media/ab/...
_STORED = re.compile(r"^(?:originals|media)/[0-9a-f]{2}/(?P<sha>[0-9a-f]{64})(?:\.[A-Za-z0-9.]*)?$")
_THUMBNAIL = re.compile(r"^media/thumbs/[0-9a-f]{2}/[0-9a-f]{64}\.jpg$")
_FETCHING = ".fetching-"  # a cache file being written, not yet checked


def _inside(root: Path, relative: str) -> Path | None:
    """The file if it is there and inside the library (a path climbing out is never followed)."""
    base = root.resolve()
    path = (base / relative).resolve()
    return path if path.is_relative_to(base) and path.is_file() else None


def sha256_named(relative: str) -> str | None:
    """The SHA-256 a library path names (None for a thumbnail or anything else)."""
    match = _STORED.match(relative)
    return match.group("sha") if match else None


class LibraryFiles:
    """Where to read a file the catalogue names (`relative` to the library).

    A folder library's files are in its folder. A team library's are blobs in its catalogue
    (db/blob_store.py); this desktop's team folder is a read-through cache of them, at the same
    relative paths: a cached file is used when its bytes still hash to its name, otherwise it
    is fetched again, so the cache can be deleted at any time with nothing lost.
    """

    def __init__(self, root: Path, sessions: Sessions | None) -> None:
        self.root = root
        self._sessions = sessions  # the team catalogue's; None for a folder library

    @property
    def team(self) -> bool:
        return self._sessions is not None

    def path(self, relative: str | None) -> Path | None:
        """The file on this disk, fetched first when the cache lacks it or holds other bytes;
        None when there is none (or the catalogue's copy is damaged: fixity names it)."""
        if not relative:
            return None
        sha256 = sha256_named(relative) if self._sessions is not None else None
        if sha256 is None:  # a folder library's file, or a derived one (a thumbnail)
            found = _inside(self.root, relative)
            if found is None and self._sessions is not None and _THUMBNAIL.match(relative):
                return self._thumbnail(relative)
            return found
        target = self.root / relative
        try:
            if target.is_file() and sha256_file(target) == sha256:
                return target
        except OSError as error:  # unreadable: fetched again over it
            log.info("cache file %s unreadable (%s): fetching it again", target, error)
        return self._fetch(sha256, target)

    def _thumbnail(self, relative: str) -> Path | None:
        """Make a team library's thumbnail in this desktop's cache from its photo (derived,
        so it is not a blob); None when the photo is not there."""
        from archive_app.media.thumbnails import make_thumbnail  # Pillow: only when needed
        from archive_app.storage import originals

        assert self._sessions is not None
        with self._sessions() as session:
            photo = blob_store.photo_of_thumbnail(session, relative)
        source = self.path(photo)
        if source is None:
            return None
        originals.store(self.root, relative, make_thumbnail(source.read_bytes()))
        return self.root / relative

    def _fetch(self, sha256: str, target: Path) -> Path | None:
        assert self._sessions is not None
        with self._sessions() as session:
            info = blob_store.blob_info(session, sha256)
            if info is None:
                return None
            target.parent.mkdir(parents=True, exist_ok=True)
            handle, temp_name = tempfile.mkstemp(dir=target.parent, prefix=_FETCHING)
            temp = Path(temp_name)
            try:
                digest = hashlib.sha256()
                with os.fdopen(handle, "wb") as stream:
                    for chunk in blob_store.read_chunks(session, info):
                        digest.update(chunk)
                        stream.write(chunk)
                if digest.hexdigest() != sha256:
                    log.warning("the team catalogue's copy of %s is damaged", target.name)
                    temp.unlink()
                    return None
                os.replace(temp, target)  # whole and checked, or not there at all
            except BaseException:
                temp.unlink(missing_ok=True)
                raise
        return target

    def missing(self, paths: Iterable[str]) -> list[str]:
        """The files of `paths` that are not in the library (for a team: no blob)."""
        listed = list(paths)
        if self._sessions is None:
            return [p for p in listed if not (self.root / p).is_file()]
        by_sha = {sha256_named(p) or p: p for p in listed}
        with self._sessions() as session:
            absent = blob_store.missing_blobs(session, by_sha)
        return [p for p in listed if (sha256_named(p) or p) in absent]

    def fixity(self, paths: Iterable[str]) -> FixityReport:
        """Re-hash every file against the SHA-256 in its name: a team library's blobs in the
        catalogue, streamed chunk by chunk (not this desktop's cache, which is only a copy)."""
        if self._sessions is None:
            return check_fixity(self.root, list(paths))
        report = FixityReport()
        with self._sessions() as session:
            for relative in paths:
                report.checked += 1
                sha256 = sha256_named(relative)
                problem = "missing" if sha256 is None else blob_store.verify(session, sha256)
                if problem == "missing":
                    report.missing.append(relative)
                elif problem == "changed":
                    report.changed.append(relative)
        return report

    def unused(self, *, remove: bool) -> UnusedFiles:
        """A team library's originals and photo files no article uses any more (left by
        deleted articles and replaced photos), with their blobs; taken out of the catalogue
        when `remove`, and out of this desktop's cache (other desktops' caches are only
        copies, never read again)."""
        if self._sessions is None:
            raise ArchiveError(
                f"{self.root} is a folder library: its originals and photos are files in its "
                "folder, not in a team catalogue"
            )
        with self._sessions() as session:
            found = prune_unused(session) if remove else find_unused(session)
        if found.removed:
            for relative in (*found.originals, *found.photos, *found.thumbnails):
                cached = self.root / relative
                if cached.resolve().is_relative_to(self.root.resolve()):
                    cached.unlink(missing_ok=True)
        return found
