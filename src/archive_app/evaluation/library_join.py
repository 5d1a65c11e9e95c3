"""Import a gold set's source files into a fresh library and find each gold record's article.

This scores what a librarian would find in the catalogue: rows that repeat another article are
joined to that article through its provenance (every place it was seen), and each gold record
is compared with the version its own file gave (the same URL may hold another text a day later).
"""

from __future__ import annotations

import hashlib
import re
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from archive_app.domain.model import ImportReport
from archive_app.evaluation.gold import GoldRecord, resolve_source
from archive_app.evaluation.join import WHOLE_FILE, Joined
from archive_app.ingest.dedupe import url_key
from archive_app.usecases.archive import Archive

_NUMBERED = re.compile(r"^(row|line|item|record)\s+(\d+)$", re.IGNORECASE)


@dataclass(slots=True)
class _Place:
    """Where the library says an article was seen: its id and the version found there."""

    article_id: int
    version: int | None
    where: str
    url: str | None = None


@dataclass(slots=True)
class _Library:
    """The places of every article, by the SHA-256 of the file and the locator in it."""

    by_file: dict[str, dict[str, _Place]] = field(default_factory=dict)
    failures: dict[tuple[str, str], str] = field(default_factory=dict)


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        while block := stream.read(1 << 20):
            digest.update(block)
    return digest.hexdigest()


def _places(archive: Archive, report: ImportReport) -> _Library:
    library = _Library()
    for article_id, place in archive.occurrences():
        where = f"{place.member} {place.locator}" if place.member else place.locator
        library.by_file.setdefault(place.sha256, {}).setdefault(
            where, _Place(article_id, place.version, where)
        )
    for item in report.failed:
        library.failures[(Path(item.path).name, item.locator)] = item.message
    return library


def _alternatives(key: str) -> Iterable[str]:
    """The key itself, then the same number under the other nouns readers use."""
    yield key
    numbered = _NUMBERED.match(key)
    if numbered:
        for noun in ("row", "line", "item", "record"):
            if noun != numbered.group(1).lower():
                yield f"{noun} {numbered.group(2)}"


def _by_url(archive: Archive, places: dict[str, _Place], key: str) -> _Place | None:
    wanted = url_key(key)
    for place in places.values():
        if place.url is None and place.version is not None:
            place.url = archive.version_record(place.article_id, place.version).url or ""
        if place.url and url_key(place.url) == wanted:
            return place
    return None


def join_in_library(
    gold_path: Path, records: list[GoldRecord], corpus: Path | None = None
) -> list[Joined]:
    """Each gold record with the record its article's version holds, in gold order."""
    paths = {g.file: resolve_source(gold_path, g.file, corpus) for g in records}
    present = {name: path for name, path in paths.items() if path.is_file()}
    hashes = {name: _sha256(path) for name, path in present.items()}
    joined: list[Joined] = []
    with (
        tempfile.TemporaryDirectory(prefix="arsip-eval-") as folder,
        Archive.open(Path(folder) / "library") as archive,
    ):
        report = archive.import_paths(sorted(set(present.values())))
        library = _places(archive, report)
        for gold in records:
            if gold.file not in present:
                joined.append(
                    Joined(gold, None, problem=f"source file not found: {paths[gold.file]}")
                )
                continue
            own = library.by_file.get(hashes[gold.file], {})
            key = gold.key.strip()
            found: _Place | None = None
            if key == WHOLE_FILE:
                found = own.get("file") or (next(iter(own.values())) if len(own) == 1 else None)
            elif "://" in key:
                # the gold file's own line first: the next day's file may hold another text
                found = _by_url(archive, own, key) or next(
                    (
                        p
                        for name, sha in hashes.items()
                        if name != gold.file
                        for p in [_by_url(archive, library.by_file.get(sha, {}), key)]
                        if p
                    ),
                    None,
                )
            else:
                found = next((own[k] for k in _alternatives(key) if k in own), None)
            if found is None or found.version is None:
                reason = library.failures.get((present[gold.file].name, key)) or next(
                    (
                        m
                        for (name, where), m in library.failures.items()
                        if name == present[gold.file].name and where == "file"
                    ),
                    None,
                )
                joined.append(
                    Joined(
                        gold,
                        None,
                        problem=(
                            f"the import reported: {reason}"
                            if reason
                            else f"no article in the library was found at {key}"
                        ),
                    )
                )
                continue
            record = archive.version_record(found.article_id, found.version)
            joined.append(Joined(gold, record, found.where, warnings=list(record.warnings)))
    return joined
