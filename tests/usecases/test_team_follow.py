"""Two desktops on one team catalogue: each one's own index follows the other's changes through
the catalogue's change log (on opening, when asked, and by itself on NOTIFY wake-ups)."""

from __future__ import annotations

import csv
import json
import shutil
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from archive_app.usecases import team_follow
from archive_app.usecases.archive import Archive
from archive_app.usecases.team_follow import ChangeLogFollower

WORD = "Zebrakuda"  # a title word no corpus article holds


def _open(address: str, home: Path, monkeypatch: pytest.MonkeyPatch) -> Archive:
    """A desktop of its own: platformdirs puts its part of the team library (index, lock, the
    mark of the change log it followed) under XDG_DATA_HOME, read when the library opens."""
    monkeypatch.setenv("XDG_DATA_HOME", str(home))
    return Archive.open(address)


def _wait_until(condition: Callable[[], bool], what: str, within: float = 20.0) -> None:
    """Poll like qtbot.waitUntil: the deadline only bounds a hang, nothing asserts a time."""
    deadline = time.monotonic() + within
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"never happened: {what}")
        time.sleep(0.05)


def _check_clean(archive: Archive, others: list[Archive]) -> None:
    """check on this desktop, given the other desktops' originals (they stay on the importing
    desktop until issue 14's item 3 stores them in the catalogue)."""
    for other in others:
        for original in other.layout.originals.glob("*/*"):
            target = archive.layout.originals / original.relative_to(other.layout.originals)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(original, target)
    report = archive.check()
    assert report.ok, report


@pytest.fixture
def two_desktops(
    migrated_postgres: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[tuple[Archive, Archive]]:
    one = _open(migrated_postgres, tmp_path / "desk1", monkeypatch)
    two = _open(migrated_postgres, tmp_path / "desk2", monkeypatch)
    assert one.layout.index != two.layout.index
    try:
        yield one, two
    finally:
        two.close()
        one.close()


def test_an_import_an_edit_and_a_delete_on_one_desktop_are_followed_by_the_other(
    two_desktops: tuple[Archive, Archive], seed_file: Path
) -> None:
    one, two = two_desktops
    report = one.import_paths([seed_file])
    [article_id] = [item.article_id for item in report.added]
    assert two.matching_ids('"world water forum"') == []  # not followed yet

    assert two.follow_team_changes() == {article_id}
    assert two.matching_ids('"world water forum"') == [article_id]

    one.edit(article_id, {"title": f"Banjir {WORD}"})
    assert two.matching_ids(WORD) == []
    assert two.follow_team_changes() == {article_id}
    assert two.matching_ids(WORD) == [article_id]
    assert two.follow_team_changes() == frozenset()  # nothing new: nothing done again
    one.bulk([article_id], "add", "tags", "pantauan")
    two.follow_team_changes()
    assert two.matching_ids("tag:pantauan") == [article_id]
    one.undo()
    two.follow_team_changes()
    assert two.matching_ids("tag:pantauan") == []

    one.delete_articles([article_id])
    two.follow_team_changes()
    assert two.matching_ids(WORD) == []
    _check_clean(two, [one])
    _check_clean(one, [])


def test_a_desktop_closed_while_the_other_edits_catches_up_on_opening(
    migrated_postgres: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, seed_file: Path
) -> None:
    one = _open(migrated_postgres, tmp_path / "desk1", monkeypatch)
    two = _open(migrated_postgres, tmp_path / "desk2", monkeypatch)
    [article_id] = [item.article_id for item in one.import_paths([seed_file]).added]
    two.follow_team_changes()
    two.close()
    one.edit(article_id, {"title": f"Banjir {WORD}"})
    one.close()

    again = _open(migrated_postgres, tmp_path / "desk2", monkeypatch)
    with again:
        assert again.matching_ids(WORD) == [article_id]
        _check_clean(again, [one])


def test_a_desktop_indexes_its_own_import_once_and_another_desktops_edit_of_it_again(
    migrated_postgres: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, seed_file: Path
) -> None:
    followed: list[frozenset[int]] = []  # what each following indexed again or took out
    follow = ChangeLogFollower.follow

    def recorded(follower: ChangeLogFollower) -> frozenset[int]:
        followed.append(follow(follower))
        return followed[-1]

    monkeypatch.setattr(ChangeLogFollower, "follow", recorded)
    one = _open(migrated_postgres, tmp_path / "desk1", monkeypatch)
    with one:
        [article_id] = [item.article_id for item in one.import_paths([seed_file]).added]
        assert one.follow_team_changes() == frozenset()  # indexed as it was imported
        with _open(migrated_postgres, tmp_path / "desk2", monkeypatch) as two:
            two.edit(article_id, {"title": f"Banjir {WORD}"})
        assert one.follow_team_changes() == {article_id}  # the other desktop's edit
        assert one.matching_ids(WORD) == [article_id]
        one.edit(article_id, {"title": "Banjir Gajahkuda"})
    # opened again (a command, the window): none of its own changes is indexed again
    followed.clear()
    with _open(migrated_postgres, tmp_path / "desk1", monkeypatch) as again:
        assert followed == [frozenset()]
        assert again.matching_ids("Gajahkuda") == [article_id]
        _check_clean(again, [])


def test_a_new_desktop_marks_the_log_and_builds_its_index_from_the_catalogue(
    migrated_postgres: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, seed_file: Path
) -> None:
    with _open(migrated_postgres, tmp_path / "desk1", monkeypatch) as one:
        [article_id] = [item.article_id for item in one.import_paths([seed_file]).added]
    with _open(migrated_postgres, tmp_path / "desk2", monkeypatch) as two:
        assert two.repair_index() == 1  # what the window does after opening
        assert two.matching_ids('"world water forum"') == [article_id]
        _check_clean(two, [one])


def test_the_listener_follows_edits_and_imports_without_being_asked(
    two_desktops: tuple[Archive, Archive], seed_file: Path, migrated_postgres: str
) -> None:
    one, two = two_desktops
    heard: list[frozenset[int]] = []
    assert two.listen_for_team_changes(heard.append)
    _wait_until(lambda: two.listening_for_team_changes, "the listener connected")

    [article_id] = [item.article_id for item in one.import_paths([seed_file]).added]
    _wait_until(lambda: two.matching_ids('"world water forum"') == [article_id], "import seen")
    one.edit(article_id, {"title": f"Banjir {WORD}"})
    _wait_until(lambda: two.matching_ids(WORD) == [article_id], "edit seen")
    assert {article_id} in heard  # what the window refreshes its search on

    # the network lost: the server ends the listener's connection; it reconnects, catches up
    admin = create_engine(
        migrated_postgres.replace("postgresql://", "postgresql+psycopg://"),
        isolation_level="AUTOCOMMIT",
    )
    with admin.connect() as connection:
        ended = connection.execute(
            text(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                " WHERE application_name = 'Arsip change listener'"
            )
        ).all()
    admin.dispose()
    assert ended == [(True,)]
    one.edit(article_id, {"title": "Banjir Gajahkuda"})
    _wait_until(lambda: two.matching_ids("Gajahkuda") == [article_id], "edit after the loss")
    assert two.matching_ids(WORD) == []
    _check_clean(two, [one])


def test_an_unreadable_mark_is_named_and_the_whole_index_compared_instead(
    two_desktops: tuple[Archive, Archive],
    seed_file: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    one, two = two_desktops
    [article_id] = [item.article_id for item in one.import_paths([seed_file]).added]
    mark = two.layout.root / "change-log-mark.json"
    mark.write_text("{half a mark", encoding="utf-8")
    assert two.follow_team_changes() == frozenset()
    [line] = [r.getMessage() for r in caplog.records if "change log mark" in r.getMessage()]
    assert str(mark) in line and "Expecting property name" in line
    assert two.repair_index() == 1  # the comparison the next catch-up makes
    assert two.matching_ids('"world water forum"') == [article_id]
    assert json.loads(mark.read_text(encoding="utf-8"))["horizon"] > 0


def _table(path: Path, rows: int, site: str = "e.com") -> Path:
    """A table of `rows` articles, each with a title word of its own."""
    with path.open("w", newline="", encoding="utf-8") as stream:
        writer = csv.writer(stream)
        writer.writerow(["judul", "isi_berita", "url"])
        for n in range(rows):
            body = f"Banjir di desa {n}." if site == "e.com" else f"Banjir di desa {n}, {site}."
            writer.writerow([f"Kiriman nomor{n}", body, f"https://{site}/{n}"])
    return path


def test_an_edit_is_indexed_and_told_before_another_desktops_import(
    two_desktops: tuple[Archive, Archive],
    seed_file: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Someone searching for a colleague's edit does not wait for a whole import made on a
    third desktop meanwhile: the edit comes first, the import in commits of FOLLOW_COMMIT."""
    one, two = two_desktops
    [edited] = [item.article_id for item in one.import_paths([seed_file]).added]
    two.follow_team_changes()
    monkeypatch.setattr(team_follow, "FOLLOW_COMMIT", 2)
    imported = {item.article_id for item in one.import_paths([_table(tmp_path / "t.csv", 5)]).added}
    one.edit(edited, {"title": f"Banjir {WORD}"})
    told: list[frozenset[int]] = []
    assert two._follower is not None
    two._follower.on_change.append(told.append)

    assert two.follow_team_changes() == imported | {edited}
    assert told[0] == {edited}  # the edit first, on its own
    assert all(len(batch) <= 2 for batch in told[1:])  # the import in small commits
    assert set().union(*told[1:]) == imported
    assert two.matching_ids(WORD) == [edited]
    assert sorted(two.matching_ids("kiriman")) == sorted(imported)
    assert two.follow_team_changes() == frozenset()  # the mark passed all of it
    _check_clean(two, [one])


def test_an_edit_made_while_an_import_is_followed_waits_for_one_commit_of_it(
    two_desktops: tuple[Archive, Archive],
    seed_file: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    one, two = two_desktops
    [edited] = [item.article_id for item in one.import_paths([seed_file]).added]
    two.follow_team_changes()
    monkeypatch.setattr(team_follow, "FOLLOW_COMMIT", 2)
    imported = {item.article_id for item in one.import_paths([_table(tmp_path / "t.csv", 6)]).added}
    told: list[frozenset[int]] = []
    assert two._follower is not None
    two._follower.on_change.append(told.append)
    commit = ChangeLogFollower._commit

    def commit_then_edit(follower: ChangeLogFollower, ids: list[int]) -> None:
        commit(follower, ids)
        if len(told) == 0:  # the first commit of the import: someone edits meanwhile
            one.edit(edited, {"title": f"Banjir {WORD}"})

    monkeypatch.setattr(ChangeLogFollower, "_commit", commit_then_edit)
    assert two.follow_team_changes() == imported | {edited}
    assert told[1] == {edited}  # after one commit of the import, not after all three
    assert set().union(*told[:1], *told[2:]) == imported
    assert two.matching_ids(WORD) == [edited]
    assert two.follow_team_changes() == frozenset()


def test_closing_cuts_a_follow_short_and_the_next_one_indexes_the_rest(
    two_desktops: tuple[Archive, Archive], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A desktop closing while it follows another desktop's import does not wait for all of
    it: the follow stops after its current commit and keeps its old mark, so the next
    follow (the next opening) indexes what was left, losing nothing."""
    one, two = two_desktops
    monkeypatch.setattr(team_follow, "FOLLOW_COMMIT", 2)
    imported = {item.article_id for item in one.import_paths([_table(tmp_path / "t.csv", 6)]).added}
    follower = two._follower
    assert follower is not None
    commit = ChangeLogFollower._commit
    commits: list[list[int]] = []

    def commit_then_close(self: ChangeLogFollower, ids: list[int]) -> None:
        commit(self, ids)
        commits.append(ids)
        self._stopping.set()  # as stop() does, from the thread closing the library

    monkeypatch.setattr(ChangeLogFollower, "_commit", commit_then_close)
    assert len(two.follow_team_changes()) == 2  # one commit of the import, then stopped
    assert len(commits) == 1
    monkeypatch.setattr(ChangeLogFollower, "_commit", commit)
    follower._stopping.clear()  # opened again
    assert two.follow_team_changes() == imported  # from the old mark: all of it
    assert sorted(two.matching_ids("kiriman")) == sorted(imported)
    assert two.follow_team_changes() == frozenset()


def test_a_slow_import_commit_makes_the_next_ones_smaller_and_an_edit_waits_less(
    two_desktops: tuple[Archive, Archive],
    seed_file: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """On a busy machine an import's commit of FIRST_COMMIT articles takes longer than
    FOLLOW_SECONDS: the next commits are smaller, so an edit made meanwhile is indexed after
    one short commit, not after the import."""
    one, two = two_desktops
    [edited] = [item.article_id for item in one.import_paths([seed_file]).added]
    two.follow_team_changes()
    monkeypatch.setattr(team_follow, "FOLLOW_SECONDS", 1e-6)  # every commit is too slow
    monkeypatch.setattr(team_follow, "SMALLEST_COMMIT", 1)
    assert two._follower is not None
    two._follower._commit_size = 4
    imported = {item.article_id for item in one.import_paths([_table(tmp_path / "t.csv", 7)]).added}
    told: list[frozenset[int]] = []
    two._follower.on_change.append(told.append)
    commit = ChangeLogFollower._commit

    def commit_then_edit(follower: ChangeLogFollower, ids: list[int]) -> None:
        commit(follower, ids)
        if len(told) == 1:  # the second commit of the import: someone edits meanwhile
            one.edit(edited, {"title": f"Banjir {WORD}"})

    monkeypatch.setattr(ChangeLogFollower, "_commit", commit_then_edit)
    assert two.follow_team_changes() == imported | {edited}
    assert [len(batch) for batch in told] == [4, 1, 1, 1, 1]
    assert told[2] == {edited}  # after the short commit that was going on
    assert two.matching_ids(WORD) == [edited]
    assert two.follow_team_changes() == frozenset()


def test_edits_made_while_an_import_is_followed_in_short_commits_are_all_found(
    two_desktops: tuple[Archive, Archive],
    seed_file: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """What the team bench's watcher does: another thread searches for each edit as soon as
    the follower tells it, while the follower goes on with the import in short commits and
    merges the small segments they leave; every edit (a tag added) is found."""
    one, two = two_desktops
    [edited] = [item.article_id for item in one.import_paths([seed_file]).added]
    two.follow_team_changes()
    monkeypatch.setattr(team_follow, "FOLLOW_COMMIT", 3)
    monkeypatch.setattr(team_follow, "FOLLOW_MERGE_AT", 2)
    table = _table(tmp_path / "t.csv", 24)
    imported = {item.article_id for item in one.import_paths([table]).added}
    words = ["Zebrakuda", "Gajahkuda", "Kudanil", "Singakuda", "Rusakuda", "Kambingkuda"]
    made: list[str] = []
    found: dict[str, list[int]] = {}
    woken = threading.Event()
    done = threading.Event()

    def watch() -> None:  # searching on a thread of its own, as the window's searches do
        while not done.is_set():
            woken.wait(0.05)
            woken.clear()
            for word in list(made):
                if word not in found and (ids := two.matching_ids(f"tag:{word}")):
                    found[word] = ids

    watcher = threading.Thread(target=watch)
    watcher.start()
    assert two._follower is not None
    two._follower.on_change.append(lambda _ids: woken.set())
    commit = ChangeLogFollower._commit

    def commit_then_edit(follower: ChangeLogFollower, ids: list[int]) -> None:
        commit(follower, ids)
        if len(made) < len(words) and not set(ids) & {edited}:
            made.append(words[len(made)])  # an edit committed while the import is mid-way
            one.edit(edited, {"tags": [word.lower() for word in made]})  # as the bench's

    monkeypatch.setattr(ChangeLogFollower, "_commit", commit_then_edit)
    try:
        while two.follow_team_changes():
            pass
        woken.set()
        _wait_until(lambda: len(found) == len(made), "every edit found by the watcher")
    finally:
        done.set()
        watcher.join()
    assert made == words
    assert all(ids == [edited] for ids in found.values())
    assert two.matching_ids(" ".join(f"tag:{word}" for word in words)) == [edited]
    assert sorted(two.matching_ids("kiriman")) == sorted(imported)


def test_an_edit_made_while_imports_keep_arriving_waits_for_one_commit_not_for_them(
    two_desktops: tuple[Archive, Archive],
    seed_file: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Imports that arrive while one is followed are taken on for a while only; the log is
    still read after every commit, so an edit made later waits for one commit, not for the
    imports taken on; the import left over is indexed by the next follow, none passed over."""
    one, two = two_desktops
    [edited] = [item.article_id for item in one.import_paths([seed_file]).added]
    two.follow_team_changes()
    monkeypatch.setattr(team_follow, "FOLLOW_COMMIT", 2)
    first = {item.article_id for item in one.import_paths([_table(tmp_path / "a.csv", 4)]).added}
    later: dict[str, set[int]] = {}
    told: list[frozenset[int]] = []
    assert two._follower is not None
    two._follower.on_change.append(told.append)
    commit = ChangeLogFollower._commit
    commits: list[list[int]] = []

    def commit_while_others_work(follower: ChangeLogFollower, ids: list[int]) -> None:
        commit(follower, ids)
        commits.append(ids)
        if len(commits) <= 3:  # other imports arrive: two taken on (4 // 2), then one left
            name, rows = [("b", 4), ("c", 2), ("d", 2)][len(commits) - 1]
            table = _table(tmp_path / f"{name}.csv", rows, f"{name}.com")
            later[name] = {item.article_id for item in one.import_paths([table]).added}
        if len(commits) == 4:  # someone edits while they are followed
            one.edit(edited, {"title": f"Banjir {WORD}"})

    monkeypatch.setattr(ChangeLogFollower, "_commit", commit_while_others_work)
    assert two.follow_team_changes() == first | later["b"] | later["c"] | {edited}
    assert [len(later[name]) for name in "bcd"] == [4, 2, 2]
    assert told.index(frozenset({edited})) == 4  # after the commit that was going on
    assert two.matching_ids(WORD) == [edited]
    # the import left over (and the edit, read again from the mark) at the next follow
    assert two.follow_team_changes() == later["d"] | {edited}
    every = first | later["b"] | later["c"] | later["d"]
    assert sorted(two.matching_ids("kiriman")) == sorted(every)
    assert two.follow_team_changes() == frozenset()
    _check_clean(two, [one])
