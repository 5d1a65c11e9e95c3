"""kill -9 of a command's process group at chosen moments (issue 12's kill points).

Each case then re-runs the command or simply opens the library, and ends with: `check` clean,
search finding what was imported, no process of the killed command alive (by pid and start
time), the lock free, nothing half-written, and a JSON Lines export equal to a clean import's
(ignoring only the times of import: see kit.VARYING_KEYS).
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from tests.faults import kit
from tests.faults.conftest import FaultRecorder

pytestmark = [pytest.mark.faults_slow, pytest.mark.usefixtures("linux_processes")]

# a big import (2 MB and more): its own indexing process from the first commit on
BIG = (2000, 8)
# a small one: indexed in the import's own process, once, at the end
SMALL = (1000, 4)


@pytest.fixture
def linux_processes() -> None:
    kit.needs_proc()


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("kill-points")


@pytest.fixture(scope="module")
def big_corpus(base: Path) -> Path:
    kit.write_corpus(base / "big", *BIG)
    return base / "big"


@pytest.fixture(scope="module")
def small_corpus(base: Path) -> Path:
    kit.write_corpus(base / "small", *SMALL, first=50_000)
    return base / "small"


def _clean(corpus: Path, library: Path) -> tuple[Path, list[dict[str, Any]]]:
    result = kit.run(library, "import", str(corpus))
    assert result.returncode == 0, result.stderr
    return library, kit.exported(library)


@pytest.fixture(scope="module")
def clean_big(big_corpus: Path, base: Path) -> tuple[Path, list[dict[str, Any]]]:
    """The big corpus imported in one go, and its export."""
    return _clean(big_corpus, base / "clean-big")


@pytest.fixture(scope="module")
def clean_small(small_corpus: Path, base: Path) -> tuple[Path, list[dict[str, Any]]]:
    return _clean(small_corpus, base / "clean-small")


def _settled(
    running: kit.Running, library: Path, expected: list[dict[str, Any]], articles: int, first: int
) -> None:
    """What every case ends with (the recovery already run)."""
    left = running.leftovers()
    assert left == [], f"processes of the killed command still alive: {left}"
    assert kit.lock_is_free(library)
    report = kit.check(library)
    assert report["ok"], report
    assert report["articles"] == articles
    assert kit.search_total(library, f"nomor{first}") == 1
    assert kit.search_total(library, f"nomor{first + articles - 1}") == 1
    assert kit.stray_files(library) == []
    assert kit.unreferenced_originals(library) == []
    assert kit.exported(library) == expected


def _kill_import(
    corpus: Path, library: Path, tmp_path: Path, moment: Callable[[], bool], what: str
) -> tuple[kit.Running, int]:
    running = kit.start(library, "import", str(corpus), workdir=tmp_path)
    running.wait_for(moment, what)
    running.kill()
    return running, kit.articles_in_catalogue(library)


def _import_again(library: Path, corpus: Path) -> str:
    result = kit.run(library, "import", str(corpus))
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    return result.stdout


def test_killed_early_in_an_import(
    big_corpus: Path,
    clean_big: tuple[Path, list[dict[str, Any]]],
    tmp_path: Path,
    fault_case: FaultRecorder,
) -> None:
    library = tmp_path / "library"
    # the moment: the import has begun (its batch is recorded) and committed no article yet
    running, stored = _kill_import(
        big_corpus,
        library,
        tmp_path,
        lambda: bool(kit.batches(library)),
        "the import's batch was recorded",
    )
    assert stored == 0, "killed too late: articles were already committed"
    _import_again(library, big_corpus)
    _settled(running, library, clean_big[1], BIG[0], 0)
    fault_case(
        "import killed early (batch begun, nothing committed)",
        "import again: all 2,000 added; check clean; export equal",
        True,
    )


def test_killed_mid_import(
    big_corpus: Path,
    clean_big: tuple[Path, list[dict[str, Any]]],
    tmp_path: Path,
    fault_case: FaultRecorder,
) -> None:
    library = tmp_path / "library"
    running, stored = _kill_import(
        big_corpus,
        library,
        tmp_path,
        lambda: kit.articles_in_catalogue(library) >= BIG[0] // 2,
        "half the articles were committed",
    )
    unindexed = len(kit.check(library)["missing_from_index"])
    out = _import_again(library, big_corpus)
    if unindexed:
        assert f"indexed {unindexed:,} articles left over from an interrupted import" in out
    _settled(running, library, clean_big[1], BIG[0], 0)
    fault_case(
        "import killed mid-way (half committed)",
        f"{stored:,} committed, {unindexed:,} of them unindexed; import again: "
        "duplicates skipped, the rest added, leftovers indexed; export equal",
        True,
    )


def test_killed_during_the_final_index_commit(
    small_corpus: Path,
    clean_small: tuple[Path, list[dict[str, Any]]],
    tmp_path: Path,
    fault_case: FaultRecorder,
) -> None:
    library = tmp_path / "library"
    before: set[str] = set()

    def writing_the_index() -> bool:
        """Every article committed, and the index writer has begun its segment."""
        if not before:
            before.update(kit.index_files(library) or {"-"})
        return kit.articles_in_catalogue(library) == SMALL[0] and any(
            n.startswith("MAIN_") and n != "MAIN_WRITELOCK"
            for n in kit.index_files(library) - before
        )

    running, stored = _kill_import(
        small_corpus, library, tmp_path, writing_the_index, "the final index write began"
    )
    missing = len(kit.check(library)["missing_from_index"])
    assert missing > 0, "killed too late: the index had been committed"
    # simply opening the library with a writer (a command with nothing to do) catches up
    opened = kit.run(library, "undo")
    assert opened.returncode == 0, opened.stderr
    assert f"indexed {missing:,} articles left over" in opened.stderr
    _settled(running, library, clean_small[1], SMALL[0], 50_000)
    fault_case(
        "import killed during its final index commit (small import, in-process index)",
        f"{stored:,} committed, {missing:,} unindexed; opening with a writer indexed "
        "them; export equal",
        True,
    )


def test_killed_after_the_catalogue_finished_before_the_index_caught_up(
    big_corpus: Path,
    clean_big: tuple[Path, list[dict[str, Any]]],
    tmp_path: Path,
    fault_case: FaultRecorder,
) -> None:
    library = tmp_path / "library"
    running, stored = _kill_import(
        big_corpus,
        library,
        tmp_path,
        lambda: kit.articles_in_catalogue(library) == BIG[0],
        "every article was committed",
    )
    missing = len(kit.check(library)["missing_from_index"])
    # simply opening the library in the window: it catches up in the background
    window = kit.start(library, "gui", workdir=tmp_path / "window")
    window.wait_for(lambda: kit.check(library)["ok"], "the window caught the index up")
    window.kill()
    assert window.leftovers() == []
    _settled(running, library, clean_big[1], BIG[0], 0)
    fault_case(
        "import killed after the catalogue finished, before the index caught up",
        f"{missing:,} of {stored:,} unindexed; opening the window indexed them; export equal",
        True,
    )


@pytest.fixture
def clean_copy(clean_big: tuple[Path, list[dict[str, Any]]], tmp_path: Path) -> Path:
    target = tmp_path / "library"
    shutil.copytree(clean_big[0], target)
    return target


def test_killed_during_reindex(
    clean_copy: Path,
    clean_big: tuple[Path, list[dict[str, Any]]],
    tmp_path: Path,
    fault_case: FaultRecorder,
) -> None:
    running = kit.start(clean_copy, "reindex", workdir=tmp_path)
    staging = clean_copy / "index.rebuild"
    running.wait_for(
        lambda: staging.is_dir() and len(running.look()) >= 3,
        "reindex's workers were writing the new index",
    )
    running.kill()
    # the old index served on: a reader finds everything before any repair
    assert kit.check(clean_copy)["ok"]
    opened = kit.run(clean_copy, "undo")  # a writer opens it: the half-built index goes
    assert opened.returncode == 0, opened.stderr
    assert not staging.exists()
    _settled(running, clean_copy, clean_big[1], BIG[0], 0)
    fault_case(
        "reindex killed while its workers wrote",
        "old index kept serving; the staging folder removed on the next open",
        True,
    )


def _growing(folder: Path, pattern: str) -> Callable[[], bool]:
    """A hidden temporary file beside the target has received data."""
    return lambda: any(p.stat().st_size > 0 for p in folder.glob(pattern) if p.is_file())


def test_killed_during_backup(
    clean_copy: Path,
    clean_big: tuple[Path, list[dict[str, Any]]],
    tmp_path: Path,
    fault_case: FaultRecorder,
) -> None:
    target = tmp_path / "backups" / "arsip.zip"
    target.parent.mkdir()
    running = kit.start(clean_copy, "backup", str(target), workdir=tmp_path)
    running.wait_for(_growing(target.parent, ".arsip.zip.*"), "the backup file was being written")
    running.kill()
    assert not target.exists()  # nothing that looks like a backup
    again = kit.run(clean_copy, "backup", str(target))
    assert again.returncode == 0, again.stderr
    restored = tmp_path / "restored"
    assert kit.run(clean_copy, "restore", str(target), str(restored)).returncode == 0
    assert kit.exported(restored) == clean_big[1]
    # the killed backup's hidden temporaries are noted in the library: the next writer that
    # opens it removes them
    assert kit.run(clean_copy, "undo").returncode == 0
    assert sorted(p.name for p in target.parent.iterdir()) == [target.name]
    _settled(running, clean_copy, clean_big[1], BIG[0], 0)
    fault_case(
        "backup killed while writing the zip",
        "no backup file; a new backup restores to an equal export; the next writer "
        "removed the killed one's temporaries",
        True,
    )


def test_killed_during_export(
    clean_copy: Path,
    clean_big: tuple[Path, list[dict[str, Any]]],
    tmp_path: Path,
    fault_case: FaultRecorder,
) -> None:
    target = tmp_path / "out" / "arsip.jsonl"
    target.parent.mkdir()
    running = kit.start(
        clean_copy, "export", "--format", "jsonl", "--output", str(target), workdir=tmp_path
    )
    running.wait_for(_growing(target.parent, ".arsip.jsonl.*.part"), "the export was written")
    running.kill()
    assert not target.exists()
    again = kit.run(clean_copy, "export", "--format", "jsonl", "--output", str(target))
    assert again.returncode == 0, again.stderr
    assert kit.run(clean_copy, "undo").returncode == 0  # a writer removes the .part left
    assert sorted(p.name for p in target.parent.iterdir()) == [target.name]
    _settled(running, clean_copy, clean_big[1], BIG[0], 0)
    lines = target.read_text(encoding="utf-8").count("\n")
    fault_case(
        "export killed while writing",
        f"no file at the target; export again: "
        f"{lines:,} records; the next writer removed the killed one's .part",
        lines == BIG[0],
    )
