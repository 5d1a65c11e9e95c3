"""Team catalogue faults, with desktops as separate processes: three writers editing the same
articles in a loop, the server restarted mid-edit, a find-and-replace made stale by another
desktop between preview and apply. Each ends with the desktops' check clean and the export
expected."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import psycopg
import pytest
from tests.postgres_faults import restart_server
from tests.postgres_server import PostgresServer
from tests.usecases.test_team_concurrency import (
    _check_clean_and_export,
    _csv,
    _desktop,
    _row,
    _run,
    _shared,
)

from archive_app.domain.conflicts import ConflictError
from archive_app.usecases.archive import Archive

DESK = Path(__file__).resolve().parents[2] / "benchmarks" / "team_desk.py"


def _wait_until(condition: Callable[[], bool], what: str, within: float = 60.0) -> None:
    """Poll: the deadline only bounds a hang, nothing asserts a time."""
    deadline = time.monotonic() + within
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"never happened: {what}")
        time.sleep(0.05)


def _import(address: str, home: Path, tmp_path: Path, numbers: range) -> None:
    code, _out, err = _run(address, home, "import", str(_csv(tmp_path / "a.csv", numbers)))
    assert code == 0, err


def _shown(address: str, home: Path, article_id: int) -> dict[str, object]:
    code, out, err = _run(address, home, "show", str(article_id), "--json")
    assert code == 0, err
    shown: dict[str, object] = json.loads(out)
    return shown


def _history(address: str, home: Path, article_id: int) -> list[dict[str, object]]:
    code, out, err = _run(address, home, "history", str(article_id), "--json")
    assert code == 0, err
    items: list[dict[str, object]] = json.loads(out)
    return items


@pytest.mark.slow
def test_three_writers_tagging_the_same_articles_lose_no_update(
    migrated_postgres: str, tmp_path: Path
) -> None:
    # three processes each add tags of their own to three shared articles for a while, each
    # against the version it read: a refused edit is read again and retried; a tag a writer
    # saw committed and then missing would be an update lost
    _import(migrated_postgres, tmp_path / "home0", tmp_path, range(1, 4))
    stop = tmp_path / "stop"
    logs = [tmp_path / f"writer{k}.jsonl" for k in range(3)]
    writers = [
        subprocess.Popen(
            [
                sys.executable,
                str(DESK),
                "catalogue",
                migrated_postgres,
                "--writer",
                str(k),
                "--ids",
                "1,2,3",
                "--stop",
                str(stop),
                "--log",
                str(logs[k]),
            ],
            env=_env(tmp_path / f"home{k + 1}"),
            stderr=subprocess.PIPE,
            text=True,
        )
        for k in range(3)
    ]
    # until every writer has committed a few edits (their first edit waits for the start)
    _wait_until(
        lambda: all(p.exists() and p.read_text().count('"tag"') >= 4 for p in logs),
        "each writer committed four edits",
        within=240,
    )
    stop.touch()
    for writer in writers:
        _out, err = writer.communicate(timeout=120)
        assert writer.returncode == 0, err
    entries = [json.loads(line) for log in logs for line in log.read_text().splitlines()]
    committed = [e for e in entries if "tag" in e]
    refused = [e for e in entries if "conflict" in e]
    [total] = [sum(e["conflicts"] for e in entries if "writer" in e)]
    assert total == len(refused)  # every refusal reached its writer as a conflict
    for line in (e["line"] for e in refused):
        assert line.startswith(f"article {line.split()[1]} (Berita nomor")
        assert "was changed by someone else since version" in line
    told = {a: {e["tag"] for e in committed if e["article"] == a} for a in (1, 2, 3)}
    for article_id in (1, 2, 3):
        shown = _shown(migrated_postgres, tmp_path / "home0", article_id)
        assert set(shown["tags"]) == told[article_id]  # type: ignore[arg-type]
        # one history entry per committed edit: none overwritten unseen, none half-written
        history = _history(migrated_postgres, tmp_path / "home0", article_id)
        assert len(history) == len(told[article_id])
    records = _check_clean_and_export(migrated_postgres, tmp_path / "checker")
    assert _shared(records) == sorted(
        ((_row(n)["judul"], _row(n)["url"] or None) for n in (1, 2, 3)), key=str
    )
    assert {r["url"]: set(r["tags"]) for r in records} == {  # type: ignore[arg-type]
        _row(n)["url"] or None: told[n] for n in (1, 2, 3)
    }
    for k in range(1, 4):  # every writer's own desktop checks clean too
        code, out, err = _run(migrated_postgres, tmp_path / f"home{k}", "check", "--json")
        assert code == 0 and json.loads(out)["ok"] is True, out + err


def _env(home: Path) -> dict[str, str]:
    return {**os.environ, "XDG_DATA_HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}


_WAITING = "SELECT count(*) FROM pg_stat_activity WHERE datname = %s AND wait_event_type = 'Lock'"


@pytest.mark.slow
def test_the_server_restarted_mid_edit_writes_nothing_and_the_edit_retries_cleanly(
    postgres_server: PostgresServer, migrated_postgres: str, tmp_path: Path
) -> None:
    home = tmp_path / "home0"
    _import(migrated_postgres, home, tmp_path, range(1, 3))
    database = migrated_postgres.rsplit("/", 1)[1]
    before = _shown(migrated_postgres, home, 1)
    # another transaction holds the article's row: the edit is caught between its start and
    # its commit when the administrator restarts the server
    holder = psycopg.connect(migrated_postgres)
    try:
        holder.execute("SELECT id FROM articles WHERE id = 1 FOR UPDATE")
        editing = _desktop(migrated_postgres, home, "edit", "1", "--set", "title=Judul baru")
        with psycopg.connect(migrated_postgres, autocommit=True) as watcher:
            _wait_until(
                lambda: (
                    editing.poll() is not None
                    or watcher.execute(_WAITING, (database,)).fetchone() == (1,)
                ),
                "the edit waits for the row",
                within=120,
            )
        assert editing.poll() is None, editing.communicate()
        restart_server(postgres_server)
    finally:
        holder.close()
    _out, err = editing.communicate(timeout=120)
    assert editing.returncode == 1, err
    [line] = err.strip().splitlines()  # one clear line, no traceback
    assert line.startswith("archive-app: ") and "team library" in line, line
    assert "connection" in line and "try again" in line, line
    # nothing half-written: the title and the history as they were
    assert _shown(migrated_postgres, home, 1)["title"] == before["title"]
    assert _history(migrated_postgres, home, 1) == []
    # the same edit, run again, commits once
    code, _out, err = _run(migrated_postgres, home, "edit", "1", "--set", "title=Judul baru")
    assert code == 0, err
    assert [h["new"] for h in _history(migrated_postgres, home, 1)] == ["Judul baru"]
    code, out, err = _run(migrated_postgres, home, "check", "--json")
    assert code == 0 and json.loads(out)["ok"] is True, out + err
    records = _check_clean_and_export(migrated_postgres, tmp_path / "checker")
    assert _shared(records) == sorted(
        [("Judul baru", _row(1)["url"] or None), (_row(2)["judul"], _row(2)["url"] or None)],
        key=str,
    )


def _open(address: str, home: Path, monkeypatch: pytest.MonkeyPatch) -> Archive:
    monkeypatch.setenv("XDG_DATA_HOME", str(home))
    return Archive.open(address)


def _export(archive: Archive) -> list[dict[str, object]]:
    stream = io.StringIO()
    archive.export_jsonl(stream)
    return [json.loads(line) for line in stream.getvalue().splitlines()]


@pytest.mark.slow
def test_a_replace_made_stale_by_another_desktop_is_refused_whole(
    migrated_postgres: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _import(migrated_postgres, tmp_path / "home0", tmp_path, range(1, 4))
    with _open(migrated_postgres, tmp_path / "desk", monkeypatch) as desk:
        desk.repair_index()
        previews = desk.preview_replace([1, 2, 3], "title", "Berita", "Kabar")
        assert len(previews) == 3
        # between preview and apply another desktop, its own process, retitles article 2
        code, _out, err = _run(
            migrated_postgres, tmp_path / "home1", "edit", "2", "--set", "title=Berita kedua"
        )
        assert code == 0, err
        with pytest.raises(ConflictError) as refused:
            desk.apply_replace(previews, "Berita", "Kabar")
        [line] = str(refused.value).splitlines()
        assert line.startswith("article 2 (Berita kedua) was changed by someone else"), line
        titles = [desk.article(n).record.title for n in (1, 2, 3)]
        assert titles == ["Berita nomor 1", "Berita kedua", "Berita nomor 3"]  # none replaced
        assert desk.history(1) == [] and desk.history(3) == []
        # a new preview sees the article as it is now and applies
        desk.apply_replace(desk.preview_replace([1, 2, 3], "title", "Berita", "Kabar"))
        assert sorted(desk.matching_ids("Kabar")) == [1, 2, 3]
        report = desk.check()
        assert report.ok, report
        records = _export(desk)
    expected = sorted(
        [
            ("Kabar nomor 1", _row(1)["url"] or None),
            ("Kabar kedua", _row(2)["url"] or None),
            ("Kabar nomor 3", _row(3)["url"] or None),
        ],
        key=str,
    )
    assert _shared(records) == expected
    assert _shared(_check_clean_and_export(migrated_postgres, tmp_path / "checker")) == expected
