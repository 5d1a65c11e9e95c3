"""A desktop of a team library offline (its network to the server cut, its listener
disconnected) while other desktops edit, as processes of their own; back online it catches up
by itself: its search finds their edits, its check is clean, its export as expected."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.postgres_faults import Cable
from tests.postgres_server import PostgresServer
from tests.usecases.test_team_concurrency import _check_clean_and_export, _desktop, _row, _shared
from tests.usecases.test_team_faults import _export, _import, _open, _wait_until

WORD = "Zebrakuda"


@pytest.fixture
def cable(postgres_server: PostgresServer) -> Iterator[Cable]:
    made = Cable(postgres_server.port)
    yield made
    made.close()


@pytest.mark.slow
def test_a_desktop_offline_while_others_edit_catches_up_when_back(
    migrated_postgres: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    cable: Cable,
) -> None:
    _import(migrated_postgres, tmp_path / "home0", tmp_path, range(1, 4))
    # this desktop reaches the server through a cable the test can pull
    offline = _open(cable.address(migrated_postgres), tmp_path / "desk", monkeypatch)
    with offline:
        assert offline.repair_index() == 3
        assert offline.listen_for_team_changes(lambda _ids: None)
        _wait_until(lambda: offline.listening_for_team_changes, "the listener connected")
        cable.cut()
        _wait_until(lambda: not offline.listening_for_team_changes, "the listener noticed")
        # meanwhile two other desktops edit, each as its own process
        edits = [
            _desktop(
                migrated_postgres, tmp_path / "home1", "edit", "1", "--set", f"title=Banjir {WORD}"
            ),
            _desktop(
                migrated_postgres,
                tmp_path / "home2",
                "bulk",
                "add",
                "tags",
                "pantauan",
                "--ids",
                "2,3",
            ),
        ]
        for edit in edits:
            _out, err = edit.communicate(timeout=300)
            assert edit.returncode == 0, err
        with _open(migrated_postgres, tmp_path / "home3", monkeypatch) as other:
            assert other.delete_articles([3]) == 1
        assert offline.matching_ids(WORD) == []  # offline: not seen
        assert offline.matching_ids("tag:pantauan") == []
        cable.mend()
        # back: the listener reconnects by itself and catches up on what it missed
        _wait_until(lambda: offline.matching_ids(WORD) == [1], "the edit found", within=120)
        _wait_until(lambda: offline.matching_ids("tag:pantauan") == [2], "the tag followed")
        # the catch-up writes the changed articles, then takes the deleted ones out
        deleted = f'"{_row(3)["judul"]}"'
        _wait_until(lambda: offline.matching_ids(deleted) == [], "the delete followed")
        report = offline.check()
        assert report.ok, report
        records = _export(offline)
    assert _shared(records) == sorted(
        [(f"Banjir {WORD}", _row(1)["url"] or None), (_row(2)["judul"], _row(2)["url"] or None)],
        key=str,
    )
    assert [r["tags"] for r in records if r["url"] == _row(2)["url"]] == [["pantauan"]]
    assert _check_clean_and_export(migrated_postgres, tmp_path / "checker") == records
