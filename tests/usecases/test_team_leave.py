"""A team desktop closing (a command ending, the window closed) marks its own changes followed
and leaves another desktop's import to its next opening, which indexes it, and only it."""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from archive_app.usecases.archive import Archive
from archive_app.usecases.team_follow import ChangeLogFollower


def _open(address: str, home: Path, monkeypatch: pytest.MonkeyPatch) -> Archive:
    monkeypatch.setenv("XDG_DATA_HOME", str(home))  # a desktop of its own (see test_team_follow)
    return Archive.open(address)


def _table(path: Path, word: str, rows: int) -> Path:
    """A table of `rows` articles whose titles hold `word`."""
    with path.open("w", newline="", encoding="utf-8") as stream:
        writer = csv.writer(stream)
        writer.writerow(["judul", "isi_berita", "url"])
        for n in range(rows):
            writer.writerow([f"{word} nomor{n}", f"Banjir di desa {n}.", f"https://{word}.id/{n}"])
    return path


def _added(archive: Archive, path: Path) -> set[int]:
    """The ids of the articles an import of `path` added."""
    return {item.article_id for item in archive.import_paths([path]).added if item.article_id}


def _recording(monkeypatch: pytest.MonkeyPatch) -> list[frozenset[int]]:
    """What each following of the log indexed again or took out, in order."""
    followed: list[frozenset[int]] = []
    follow: Callable[[ChangeLogFollower], frozenset[int]] = ChangeLogFollower.follow

    def recorded(follower: ChangeLogFollower) -> frozenset[int]:
        followed.append(follow(follower))
        return followed[-1]

    monkeypatch.setattr(ChangeLogFollower, "follow", recorded)
    return followed


def test_closing_leaves_another_desktops_import_to_the_next_opening(
    migrated_postgres: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    followed = _recording(monkeypatch)
    one = _open(migrated_postgres, tmp_path / "desk1", monkeypatch)
    two = _open(migrated_postgres, tmp_path / "desk2", monkeypatch)
    mine = _added(one, _table(tmp_path / "a.csv", "Kijang", 3))
    theirs = _added(two, _table(tmp_path / "b.csv", "Rusa", 4))
    assert len(mine) == 3 and len(theirs) == 4
    two.close()
    followed.clear()
    one.close()  # the other desktop's import is committed: closing does not index it
    assert followed == []

    with _open(migrated_postgres, tmp_path / "desk1", monkeypatch) as again:
        assert followed == [theirs]  # the other's import, not this desktop's own again
        assert sorted(again.matching_ids("rusa")) == sorted(theirs)
        assert sorted(again.matching_ids("kijang")) == sorted(mine)
        assert again.follow_team_changes() == frozenset()
        assert again.check().ok


def test_an_import_still_running_elsewhere_when_a_desktop_closes_is_followed_after(
    migrated_postgres: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another desktop's transaction older than this desktop's own last one, committed only
    after this one closed: the mark stays below it, so the next opening finds it."""
    followed = _recording(monkeypatch)
    admin = create_engine(migrated_postgres.replace("postgresql://", "postgresql+psycopg://"))
    one = _open(migrated_postgres, tmp_path / "desk1", monkeypatch)
    with admin.connect() as elsewhere:
        # a desktop's transaction begun first (its id the older), committed last
        elsewhere.execute(text("SELECT pg_current_xact_id()"))
        mine = _added(one, _table(tmp_path / "a.csv", "Kijang", 2))
        one.close()
        [[late]] = elsewhere.execute(
            text(
                "INSERT INTO articles (title, title_key, body, signoff, keywords, rules, "
                "warnings, content_hash, version, row_version, created_at, modified_at) "
                "SELECT 'Badak terlambat', 'badak terlambat', body, signoff, keywords, rules, "
                "warnings, 'late-hash', 1, 1, created_at, modified_at FROM articles "
                "WHERE id = :id RETURNING id"
            ),
            {"id": min(mine)},
        ).all()
        elsewhere.commit()
    admin.dispose()
    followed.clear()
    with _open(migrated_postgres, tmp_path / "desk1", monkeypatch) as again:
        assert followed == [{late}]
        assert again.matching_ids("badak") == [late]
        assert sorted(again.matching_ids("kijang")) == sorted(mine)
