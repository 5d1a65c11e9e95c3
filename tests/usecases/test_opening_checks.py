"""A writer opened with check_later (the window): ready to read at once, its catalogue check
and daily backup run on the writer lane before any write, damage found then refuses writes."""

from __future__ import annotations

import hashlib
import shutil
import threading
from pathlib import Path

import pytest
from tests.damage import build, copy_library, flip_page_of
from tests.slow_check import make_check_slow

from archive_app.domain.errors import CatalogueDamagedError
from archive_app.domain.progress import CancelToken
from archive_app.storage.library_folder import LibraryLayout
from archive_app.usecases import autobackup
from archive_app.usecases.archive import Archive
from archive_app.usecases.opening import ChecksStopped, automatic_backup

pytestmark = pytest.mark.sqlite_only(
    "SQLite's check of the catalogue file and the daily backup into the folder, which a writer "
    "runs on opening a folder library only"
)


@pytest.fixture(scope="module")
def small_library(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(tmp_path_factory.mktemp("small") / "library")


@pytest.fixture
def library(small_library: Path, tmp_path: Path) -> Path:
    copied = copy_library(small_library, tmp_path / "lib")
    shutil.rmtree(copied / "backups", ignore_errors=True)  # the daily backup is due
    return copied


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_damage_found_after_opening_refuses_every_write_with_the_words_opening_uses(
    library: Path,
) -> None:
    catalogue = library / "catalogue.sqlite"
    flip_page_of(catalogue, "articles")
    with pytest.raises(CatalogueDamagedError) as refused:
        Archive.open(library)  # what a writer opened the usual way says
    before = _digest(catalogue)
    archive = Archive.open(library, check_later=True)  # opens: the check has not run yet
    try:
        with pytest.raises(CatalogueDamagedError) as found:
            archive.settle_checks()
        assert str(found.value) == str(refused.value)
        for write in (
            lambda: archive.save_search("floods", "banjir"),
            lambda: archive.create_collection("Banjir"),
            lambda: archive.delete_articles([1]),
        ):
            with pytest.raises(CatalogueDamagedError, match="is damaged"):
                write()
        with pytest.raises(CatalogueDamagedError):
            archive.settle_checks()  # asked again, the same answer
    finally:
        archive.close()
    assert _digest(catalogue) == before  # nothing was written to it
    assert autobackup.newest(LibraryLayout(library)) is None  # and it was not backed up


def test_a_write_waits_for_the_check_and_backup_opening_left_for_later(
    library: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    gate, order = threading.Event(), []

    def slow_backup(*args: object) -> None:
        order.append("backup started")
        assert gate.wait(10)
        automatic_backup(*args)  # type: ignore[arg-type]
        order.append("backup made")

    monkeypatch.setattr("archive_app.usecases.opening.automatic_backup", slow_backup)
    archive = Archive.open(library, check_later=True)
    try:
        assert archive.count() == 58  # readable at once, before any check
        assert autobackup.newest(archive.layout) is None
        checks = threading.Thread(target=archive.settle_checks)
        checks.start()
        for _ in range(1000):  # until the backup has started (10 s at most)
            if order:
                break
            threading.Event().wait(0.01)
        writer = threading.Thread(
            target=lambda: [archive.save_search("floods", "banjir"), order.append("written")]
        )
        writer.start()
        writer.join(0.3)
        assert writer.is_alive() and order == ["backup started"]  # the write waits
        assert [s.name for s in archive.saved_searches()] == []  # reads do not
        gate.set()
        checks.join(10)
        writer.join(10)
        assert order == ["backup started", "backup made", "written"]
        assert autobackup.newest(archive.layout) is not None
        archive.settle_checks()  # nothing left: returns at once
    finally:
        gate.set()
        archive.close()


def test_the_first_write_runs_the_checks_when_nothing_settled_them(library: Path) -> None:
    archive = Archive.open(library, check_later=True)
    try:
        assert autobackup.newest(archive.layout) is None
        archive.save_search("floods", "banjir")
        assert autobackup.newest(archive.layout) is not None
    finally:
        archive.close()


def test_a_cancelled_backup_keeps_nothing_and_the_next_opening_makes_it(library: Path) -> None:
    token = CancelToken()
    token.cancel()
    archive = Archive.open(library, check_later=True)
    try:
        archive.settle_checks(token)  # the check ran; the backup stopped at once
        assert autobackup.newest(archive.layout) is None
        assert not any((library / "backups").glob(".*"))  # no half-made copy left
        archive.save_search("floods", "banjir")  # writes go on
    finally:
        archive.close()
    with Archive.open(library):
        assert autobackup.newest(LibraryLayout(library)) is not None


def test_a_stopped_catalogue_check_leaves_the_checks_for_the_next_write(library: Path) -> None:
    make_check_slow(library / "catalogue.sqlite")
    token, outcome = CancelToken(), []

    def settle() -> None:
        try:
            archive.settle_checks(token)
        except ChecksStopped as stopped:
            outcome.append(stopped)

    archive = Archive.open(library, check_later=True)
    try:
        checks = threading.Thread(target=settle)
        checks.start()
        token.cancel()  # the window closing while SQLite checks the catalogue
        checks.join(20)
        assert not checks.is_alive()
        assert len(outcome) == 1 and "was stopped" in str(outcome[0])
        assert autobackup.newest(archive.layout) is None  # nothing after the check ran
        archive.save_search("floods", "banjir")  # writes go on: the check runs first, whole
        assert autobackup.newest(archive.layout) is not None
    finally:
        archive.close()
    with Archive.open(library) as reopened:
        assert reopened.check().ok
