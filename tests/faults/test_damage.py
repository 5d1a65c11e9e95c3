"""Damage cases: a catalogue with flipped bytes or cut short, index files deleted, an original
deleted or changed. Each ends, after its designed remedy, with `check` clean, search finding
every article, and a JSON Lines export equal to a clean import's.

The exports are compared without the article ids, the import, creation and change timestamps
(`imported_at`, `created_at`, `modified_at`, history's `when`) and the provenance rows of kind
"duplicate" (importing files again records where an article was seen again: news, not loss);
same-story links are compared by the linked article's URL and title. See tests/damage.py.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from tests.damage import (
    build,
    copy_library,
    export_records,
    flip_middle_page,
    sources,
    truncate_half,
)
from tests.faults.conftest import FaultRecorder

from archive_app.cli import main
from archive_app.storage.library_folder import LibraryLayout
from archive_app.usecases import autobackup
from archive_app.usecases.archive import Archive


@pytest.fixture(scope="module")
def clean(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[dict[str, Any]]]:
    """A clean import of 58 articles, opened once more by a writer since (so it has its
    automatic backup), and its export."""
    root = build(tmp_path_factory.mktemp("clean") / "library")
    with Archive.open(root):
        pass
    return root, _comparable(export_records(root))


def _comparable(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    for record in records:
        for version in record.get("archive", {}).get("versions", []):
            version["provenance"] = [
                p for p in version.get("provenance", []) if p.get("kind") != "duplicate"
            ]
    return records


def _verify(library: Path, expected: list[dict[str, Any]], *, fixity: bool = False) -> None:
    with Archive.open(library, readonly=True) as archive:
        report = archive.check()
        assert report.ok, report
        if fixity:
            assert archive.fixity().ok
        ids = archive.article_ids("added")
        assert sorted(archive.matching_ids("")) == sorted(ids)
        assert archive.search('"world water forum"').total == 1
        assert archive.counts("").total == len(ids) == len(expected)
    assert _comparable(export_records(library)) == expected


def _reimport(library: Path) -> None:
    with Archive.open(library) as archive:
        archive.import_paths(sources())


CATALOGUE_CASES: list[tuple[str, Callable[[Path], object], str]] = [
    ("flipped bytes in the middle of the catalogue", flip_middle_page, "repair"),
    ("flipped bytes in the middle of the catalogue", flip_middle_page, "backup"),
    ("catalogue cut at half its size", truncate_half, "repair"),
    ("catalogue cut at half its size", truncate_half, "backup"),
]


@pytest.mark.sqlite_only("damages catalogue.sqlite and mends it by repair or a folder backup")
@pytest.mark.parametrize(
    ("case", "damage", "remedy"),
    [
        pytest.param(*c, marks=[pytest.mark.faults_slow] if c[2] == "repair" else [])
        for c in CATALOGUE_CASES
    ],
)
def test_a_damaged_catalogue_is_mended(
    clean: tuple[Path, list[dict[str, Any]]],
    tmp_path: Path,
    fault_case: FaultRecorder,
    case: str,
    damage: Callable[[Path], object],
    remedy: str,
) -> None:
    library = copy_library(clean[0], tmp_path / "lib")
    damage(library / "catalogue.sqlite")
    assert main(["--library", str(library), "check"]) == 1
    if remedy == "repair":
        report = Archive.repair(library)
        assert report.damaged_copy and Path(report.damaged_copy).is_file()
        _reimport(library)  # brings back what could not be read
        outcome = (
            f"check exit 1 names the damage; repair saved {report.articles} of 58 "
            f"articles, importing the files again restored the rest"
        )
    else:
        latest = autobackup.newest(LibraryLayout(library))
        assert latest is not None
        report = Archive.repair(library, from_backup=latest)
        outcome = "check exit 1 names the damage; repair --from-backup (automatic) restored all"
    _verify(library, clean[1])
    fault_case(
        f"{case} ({'repair + import again' if remedy == 'repair' else 'automatic backup'})",
        outcome,
        True,
    )


@pytest.mark.parametrize(
    ("case", "damage"),
    [
        ("one index segment deleted", lambda index: next(index.glob("*.seg")).unlink()),
        ("the whole index folder deleted", shutil.rmtree),
    ],
)
def test_deleted_index_files_are_rebuilt_when_a_writer_opens(
    clean: tuple[Path, list[dict[str, Any]]],
    tmp_path: Path,
    fault_case: FaultRecorder,
    case: str,
    damage: Callable[[Path], object],
) -> None:
    library = copy_library(clean[0], tmp_path / "lib")
    damage(library / "index")
    assert main(["--library", str(library), "check"]) == 1
    # the next writer (here a librarian creating a collection) rebuilds the index first
    assert main(["--library", str(library), "collection", "create", "Diperiksa"]) == 0
    _verify(library, clean[1])
    fault_case(
        case, "check exit 1 (index missing or unreadable); rebuilt on the next writer's open", True
    )


def _delete(path: Path) -> None:
    path.unlink()


def _change(path: Path) -> None:
    path.chmod(0o644)
    path.write_bytes(path.read_bytes().replace(b"Kominfo", b"KOMINFO"))


@pytest.mark.sqlite_only(
    "an original deleted or changed in the folder: a team library's are in its catalogue"
)
@pytest.mark.parametrize(
    ("case", "damage"),
    [
        ("an original deleted", _delete),
        ("an original changed", _change),
    ],
)
def test_an_original_is_put_back_by_importing_it_again(
    clean: tuple[Path, list[dict[str, Any]]],
    tmp_path: Path,
    fault_case: FaultRecorder,
    case: str,
    damage: Callable[[Path], None],
) -> None:
    library = copy_library(clean[0], tmp_path / "lib")
    original = next((library / "originals").rglob("*.txt"))  # the seed page dump
    damage(original)
    assert main(["--library", str(library), "check", "--fixity"]) == 1
    _reimport(library)
    _verify(library, clean[1], fixity=True)
    fault_case(
        f"{case} (import the same file again)",
        "check --fixity exit 1 names it; importing the file again put it back",
        True,
    )


@pytest.mark.sqlite_only("an original deleted from the folder, put back from a folder backup")
@pytest.mark.faults_slow
@pytest.mark.parametrize(
    ("case", "damage"),
    [
        ("an original deleted", _delete),
        ("an original changed", _change),
    ],
)
def test_an_original_is_put_back_by_restoring_a_backup(
    clean: tuple[Path, list[dict[str, Any]]],
    tmp_path: Path,
    fault_case: FaultRecorder,
    case: str,
    damage: Callable[[Path], None],
) -> None:
    library = copy_library(clean[0], tmp_path / "lib")
    with Archive.open(library, readonly=True) as archive:
        archive.backup(tmp_path / "library.zip")
    damage(next((library / "originals").rglob("*.txt")))
    assert main(["--library", str(library), "check", "--fixity"]) == 1
    restored = tmp_path / "restored"
    assert Archive.restore(tmp_path / "library.zip", restored) == 58
    _verify(restored, clean[1], fixity=True)
    fault_case(
        f"{case} (restore a backup)",
        "check --fixity exit 1 names it; the restored library is whole",
        True,
    )
