"""A damaged catalogue is found, named in one line, never backed up, and can be repaired."""

from __future__ import annotations

import hashlib
import json
import os
import re
import stat
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from tests.damage import build, copy_library, flip_middle_page, flip_page_of, truncate_half

from archive_app.cli import main
from archive_app.domain.errors import ArchiveError, CatalogueDamagedError
from archive_app.storage.library_folder import LibraryLayout
from archive_app.usecases import autobackup
from archive_app.usecases.archive import Archive
from archive_app.usecases.backup import BackupError

pytestmark = pytest.mark.sqlite_only(
    "damage to the pages of the catalogue file, its repair and its copies (a team catalogue's "
    "storage is the PostgreSQL server's)"
)


@pytest.fixture(scope="module")
def small_library(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """58 articles from a page dump, wire stories, a table and a photo (built once)."""
    return build(tmp_path_factory.mktemp("small") / "library")


@pytest.fixture
def library(small_library: Path, tmp_path: Path) -> Path:
    return copy_library(small_library, tmp_path / "lib")


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "archive_app", *args], capture_output=True, text=True, timeout=300
    )


def one_line(result: subprocess.CompletedProcess[str]) -> str:
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr and "unexpected error" not in result.stderr
    return lines[0]


def test_check_finds_bytes_flipped_in_the_middle_of_the_catalogue(
    library: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    flip_middle_page(library / "catalogue.sqlite")
    with Archive.open(library, readonly=True) as archive:
        report = archive.check()
    assert report.catalogue_error and not report.ok
    # SQLite's words: the page when its check can walk past it ("On tree page 95 cell 1: …"),
    # else its own verdict (the middle page is a row page of articles since schema 0009 added
    # a title index, and checking that index against the rows stops at the damaged page)
    assert "page" in report.catalogue_error or "malformed" in report.catalogue_error
    for args in (["check"], ["check", "--fixity"]):
        assert main(["--library", str(library), *args]) == 1
        out, err = capsys.readouterr()
        assert "the catalogue is damaged" in out and "agree" not in out
        assert "repair" in err and "reindex" not in err


def test_a_writer_refuses_a_damaged_catalogue_with_one_line_saying_what_to_do(
    library: Path,
) -> None:
    flip_page_of(library / "catalogue.sqlite", "articles")
    with pytest.raises(CatalogueDamagedError) as raised:
        Archive.open(library)
    message = str(raised.value)
    assert "\n" not in message and str(library) in message
    assert "is damaged (SQLite reports '" in message and "repair" in message


@pytest.mark.parametrize(
    ("damage", "command"),
    [
        *[
            (truncate_half, c)
            for c in (["search", "banjir"], ["stats"], ["export"], ["import"], ["check"])
        ],
        # flipped bytes in one page: only what reads that page meets them (a writer checks first)
        *[(flip_middle_page, c) for c in (["export"], ["import"], ["check"])],
    ],
)
def test_every_command_meets_damage_with_one_line(
    small_library: Path, tmp_path: Path, damage: object, command: list[str]
) -> None:
    library = copy_library(small_library, tmp_path / "lib")
    damage(library / "catalogue.sqlite")  # type: ignore[operator]
    args = [*command, str(tmp_path)] if command[0] == "import" else command
    result = run("--library", str(library), *args)
    assert result.returncode == 1
    if command == ["check"]:
        assert "the catalogue is damaged" in result.stdout or "is damaged" in result.stderr
        return
    line = one_line(result)
    assert f"the catalogue of the library {library} is damaged" in line
    assert "repair" in line


def test_backup_refuses_a_damaged_catalogue_and_writes_nothing(
    library: Path, tmp_path: Path
) -> None:
    flip_page_of(library / "catalogue.sqlite", "articles")
    with (
        Archive.open(library, readonly=True) as archive,
        pytest.raises(BackupError, match=r"no backup was written: the catalogue .* is damaged"),
    ):
        archive.backup(tmp_path / "out" / "backup.zip")
    out = tmp_path / "out"
    assert not out.exists() or list(out.iterdir()) == []  # no backup, no temporary left


def test_restore_refuses_a_backup_holding_a_damaged_catalogue(
    library: Path, tmp_path: Path
) -> None:
    backup = tmp_path / "good.zip"
    with Archive.open(library, readonly=True) as archive:
        archive.backup(backup)
    # an old backup made before Arsip checked: the damage is in it, its checksum matches
    damaged = tmp_path / "damaged.zip"
    catalogue = tmp_path / "catalogue.sqlite"
    with zipfile.ZipFile(backup) as source:
        catalogue.write_bytes(source.read("catalogue.sqlite"))
        flip_page_of(catalogue, "articles")
        manifest = json.loads(source.read("manifest.json"))
        for entry in manifest["files"]:
            if entry["path"] == "catalogue.sqlite":
                entry["sha256"] = hashlib.sha256(catalogue.read_bytes()).hexdigest()
        with zipfile.ZipFile(damaged, "w") as out:
            for item in source.infolist():
                if item.filename == "catalogue.sqlite":
                    out.writestr(item, catalogue.read_bytes())
                elif item.filename == "manifest.json":
                    out.writestr(item, json.dumps(manifest))
                else:
                    out.writestr(item, source.read(item))
    with pytest.raises(BackupError, match="holds a damaged catalogue"):
        Archive.restore(damaged, tmp_path / "restored")
    assert not (tmp_path / "restored").exists()


def test_backups_follow_the_library_files_mode(library: Path, tmp_path: Path) -> None:
    os.chmod(library / "catalogue.sqlite", 0o644)
    with Archive.open(library, readonly=True) as archive:
        archive.backup(tmp_path / "backup.zip")
    assert stat.S_IMODE((tmp_path / "backup.zip").stat().st_mode) == 0o644


def test_repair_saves_every_readable_row_keeps_the_damaged_file_and_rebuilds_the_index(
    library: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with Archive.open(library, readonly=True) as archive:
        before = archive.count()
    page = flip_page_of(library / "catalogue.sqlite", "article_versions")
    damaged_bytes = (library / "catalogue.sqlite").read_bytes()
    assert main(["--library", str(library), "repair"]) == 0
    out = capsys.readouterr().out
    assert "the damaged catalogue is kept as" in out and "article_versions" in out
    kept = list((library / "damaged").glob("catalogue-*.sqlite"))
    assert len(kept) == 1 and kept[0].read_bytes() == damaged_bytes, page
    with Archive.open(library) as archive:
        report = archive.check()
        assert report.ok, report
        after = archive.count()
        assert archive.counts("").total == after
        assert set(archive.matching_ids("")) == set(archive.article_ids())
    assert 0 < after < before  # the articles whose versions were on that page are left out
    lost = before - after
    assert f"{lost:,} articles were left out" in out


def test_repair_can_go_back_to_the_automatic_backup(library: Path) -> None:
    with Archive.open(library):
        pass  # a writer's open makes the first automatic backup of a library with articles
    latest = autobackup.newest(LibraryLayout(library))
    assert latest is not None
    with Archive.open(library, readonly=True) as archive:
        before = [archive.record(i) for i in archive.article_ids("added")]
    truncate_half(library / "catalogue.sqlite")
    with pytest.raises(CatalogueDamagedError, match=re.escape(f"repair --from-backup {latest}")):
        Archive.open(library)
    report = Archive.repair(library, from_backup=latest)
    assert report.source == str(latest) and report.articles == len(before)
    with Archive.open(library, readonly=True) as archive:
        assert [archive.record(i) for i in archive.article_ids("added")] == before
        assert archive.check().ok


def test_repair_refuses_a_sound_catalogue(library: Path) -> None:
    with pytest.raises(ArchiveError, match="is sound"):
        Archive.repair(library)
    assert not (library / "damaged").exists()


def test_repair_keeps_an_article_a_librarian_worked_on_when_its_provenance_is_lost(
    library: Path,
) -> None:
    with Archive.open(library) as archive:
        archive.edit(1, {"note": "diperiksa"})
        seed_title = archive.article(1).record.title
    flip_page_of(library / "catalogue.sqlite", "provenance")  # the first rows' provenance
    report = Archive.repair(library)
    left_out = {article_id for article_id, _title in report.incomplete_articles}
    assert left_out and 1 not in left_out  # the others come back whole by importing again
    with Archive.open(library, readonly=True) as archive:
        kept = archive.article(1)
        assert kept.record.title == seed_title and kept.note == "diperiksa"
