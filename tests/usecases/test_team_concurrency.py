"""Desktops writing one team catalogue at once, as separate archive-app processes: conflicting
edits (one wins, the others are told), overlapping imports (no duplicates, the counts add up),
a desktop killed mid-import (the others' data intact); each ends with check clean and the
JSON Lines export expected."""

from __future__ import annotations

import csv
import json
import os
import shutil
import signal
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

AUTHORS = ("Andri Saubani", "Dewi Lestari", "Budi Santoso", "Rina Wulandari")


def _row(n: int) -> dict[str, str]:
    """Article n of the shared collection; every fifth has no URL (known by its text alone)."""
    return {
        "judul": f"Berita nomor {n}",
        "isi_berita": f"GRESIK -- Isi berita nomor {n} tentang banjir di desa {n % 13}.",
        "tanggal_publikasi": f"{1 + n % 28} Jun 2025 10:00",
        "author": AUTHORS[n % len(AUTHORS)],  # people created by whichever desktop comes first
        "url": "" if n % 5 == 0 else f"https://news.republika.co.id/berita/{n}/banjir",
        "sumber": "news.republika.co.id",
    }


def _csv(path: Path, numbers: Sequence[int]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as stream:
        writer = csv.DictWriter(stream, fieldnames=list(_row(0)))
        writer.writeheader()
        writer.writerows(_row(n) for n in numbers)
    return path


def _desktop(address: str, home: Path, *args: str) -> subprocess.Popen[str]:
    """archive-app on one desktop (its own user data folder, so its own index and lock)."""
    env = {**os.environ, "XDG_DATA_HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.Popen(
        [sys.executable, "-m", "archive_app", "--library", address, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


def _all(processes: list[subprocess.Popen[str]]) -> list[tuple[int, str, str]]:
    results = []
    for process in processes:
        out, err = process.communicate(timeout=300)
        results.append((process.returncode, out, err))
    return results


def _run(address: str, home: Path, *args: str) -> tuple[int, str, str]:
    return _all([_desktop(address, home, *args)])[0]


def _check_clean_and_export(address: str, home: Path) -> list[dict[str, object]]:
    """A new desktop builds its index from the catalogue, checks it and exports JSON Lines.

    Originals stay on the desktop that imported them until they are stored in the team
    catalogue (issue 14, item 3): the checking desktop is given every desktop's copies first,
    as that store will, so check judges the catalogue and its own index."""
    code, out, err = _run(address, home, "reindex")
    assert code == 0, err
    [mine] = home.glob("Arsip/Team/*")
    for original in home.parent.glob("home*/Arsip/Team/*/originals/*/*"):
        target = mine / original.relative_to(original.parents[2])
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(original, target)
    code, out, err = _run(address, home, "check", "--json")
    assert code == 0, out + err
    assert json.loads(out)["ok"] is True, out
    code, out, err = _run(address, home, "export", "--format", "jsonl")
    assert code == 0, err
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def _shared(records: list[dict[str, object]]) -> list[tuple[object, object]]:
    """What the export must hold: each article's title and URL, in URL order."""
    return sorted(((r.get("title"), r.get("url") or None) for r in records), key=str)


def _expected(numbers: Sequence[int]) -> list[tuple[object, object]]:
    return sorted(((_row(n)["judul"], _row(n)["url"] or None) for n in numbers), key=str)


@pytest.mark.slow
@pytest.mark.parametrize("writers", [2, 3])
def test_overlapping_imports_at_once_store_each_article_once(
    migrated_postgres: str, tmp_path: Path, writers: int
) -> None:
    # desktop k imports articles 100k .. 100k+199: each overlaps the next by half; the last
    # desktop reads its file backwards, so two desktops meet the same articles in both orders
    files = []
    for k in range(writers):
        numbers = list(range(100 * k, 100 * k + 200))
        files.append(_csv(tmp_path / f"desk{k}.csv", numbers[::-1] if k == 2 else numbers))
    started = [
        _desktop(migrated_postgres, tmp_path / f"home{k}", "import", "--json", str(files[k]))
        for k in range(writers)
    ]
    reports = []
    for code, out, err in _all(started):
        assert code == 0, err
        reports.append(json.loads(out))
    for report in reports:
        counts = report["counts"]
        assert counts["failed"] == 0, report["failed"]
        assert counts["added"] + counts["duplicates"] == 200  # every row accounted for
    everything = range(100 * (writers + 1))
    assert sum(r["counts"]["added"] for r in reports) == len(everything)  # none twice
    records = _check_clean_and_export(migrated_postgres, tmp_path / "checker")
    assert _shared(records) == _expected(everything)
    people = create_engine(migrated_postgres.replace("postgresql://", "postgresql+psycopg://"))
    with people.connect() as connection:
        names = connection.execute(text("SELECT name FROM people ORDER BY name")).scalars().all()
    people.dispose()
    assert names == sorted(AUTHORS)  # each person once, whichever desktop made them


@pytest.mark.slow
@pytest.mark.parametrize("writers", [2, 3])
def test_conflicting_edits_of_one_article_one_wins_the_others_are_told(
    migrated_postgres: str, tmp_path: Path, writers: int
) -> None:
    home = tmp_path / "home0"
    code, out, err = _run(migrated_postgres, home, "import", str(_csv(tmp_path / "a.csv", [1])))
    assert code == 0, err
    code, out, err = _run(migrated_postgres, home, "show", "1", "--json")
    prepared = json.loads(out)["row_version"]  # every desktop read the article at this version
    edits = [
        _desktop(
            migrated_postgres,
            tmp_path / f"home{k}",
            "edit",
            "1",
            "--set",
            f"title=Judul dari meja {k}",
            "--expect-version",
            str(prepared),
        )
        for k in range(writers)
    ]
    results = _all(edits)
    code, out, err = _run(migrated_postgres, home, "show", "1", "--json")
    now = json.loads(out)["row_version"]
    winners = [k for k, (code, _out, _err) in enumerate(results) if code == 0]
    assert len(winners) == 1, results
    [winner] = winners
    for k, (code, _out, err) in enumerate(results):
        if k != winner:
            assert code == 1
            # (a new desktop says first that it builds its index)
            assert err.strip().splitlines()[-1] == (
                f"archive-app: conflict: article 1 (Judul dari meja {winner}) was changed by "
                f"someone else since version {prepared} (now {now}): title: theirs "
                f"'Judul dari meja {winner}', yours 'Judul dari meja {k}'"
            )
    code, out, err = _run(migrated_postgres, home, "history", "1", "--json")
    assert [h["new"] for h in json.loads(out)] == [f"Judul dari meja {winner}"]  # none lost
    records = _check_clean_and_export(migrated_postgres, tmp_path / "checker")
    assert _shared(records) == [(f"Judul dari meja {winner}", _row(1)["url"])]


_WRITING = text(
    "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
    "AND pid <> pg_backend_pid() AND backend_xid IS NOT NULL"
)


@pytest.mark.slow
def test_a_desktop_killed_mid_import_leaves_the_others_data_intact(
    migrated_postgres: str, tmp_path: Path
) -> None:
    parts = [_csv(tmp_path / f"part{p}.csv", range(500 * p, 500 * p + 500)) for p in range(6)]
    small = _csv(tmp_path / "small.csv", range(5000, 5200))
    doomed = _desktop(migrated_postgres, tmp_path / "home0", "import", *map(str, parts))
    engine = create_engine(migrated_postgres.replace("postgresql://", "postgresql+psycopg://"))
    try:
        # killed while its transaction has written rows it has not committed
        with engine.connect() as connection:
            while doomed.poll() is None and not connection.execute(_WRITING).scalar():
                connection.rollback()
        assert doomed.poll() is None, "the import ended before it could be killed"
        doomed.send_signal(signal.SIGKILL)
        doomed.communicate(timeout=60)
        code, out, err = _run(migrated_postgres, tmp_path / "home1", "import", "--json", str(small))
        assert code == 0, err
        assert json.loads(out)["counts"]["added"] == 200
        with engine.connect() as connection:
            stored = connection.execute(text("SELECT count(*) FROM articles")).scalar()
    finally:
        engine.dispose()
    assert stored is not None and 200 <= stored < 3200  # the killed one's groups before it died
    records = _check_clean_and_export(migrated_postgres, tmp_path / "checker")
    assert {r["title"] for r in records} >= {_row(n)["judul"] for n in range(5000, 5200)}
    assert len(records) == stored
    # the killed desktop imports its files again: what it had stored counts as duplicates
    code, out, err = _run(
        migrated_postgres, tmp_path / "home0", "import", "--json", *map(str, parts)
    )
    assert code == 0, err
    counts = json.loads(out)["counts"]
    assert counts["added"] + counts["duplicates"] == 3000 and counts["failed"] == 0
    assert counts["duplicates"] == stored - 200
    records = _check_clean_and_export(migrated_postgres, tmp_path / "checker")
    assert _shared(records) == _expected([*range(0, 3000), *range(5000, 5200)])


@pytest.mark.slow
def test_new_texts_imported_while_others_tag_the_same_articles(
    migrated_postgres: str, tmp_path: Path
) -> None:
    numbers = [n for n in range(300) if n % 5]  # articles with a URL: new texts become versions
    code, out, err = _run(
        migrated_postgres, tmp_path / "home0", "import", str(_csv(tmp_path / "a.csv", numbers))
    )
    assert code == 0, err
    changed = tmp_path / "b.csv"
    with changed.open("w", newline="", encoding="utf-8") as stream:
        writer = csv.DictWriter(stream, fieldnames=list(_row(0)))
        writer.writeheader()
        writer.writerows(
            dict(_row(n), isi_berita=_row(n)["isi_berita"] + " Kini surut.") for n in numbers
        )
    started = [_desktop(migrated_postgres, tmp_path / "home0", "import", "--json", str(changed))]
    started += [
        _desktop(
            migrated_postgres,
            tmp_path / f"home{k}",
            "bulk",
            "add",
            "tags",
            f"tag{k}",
            "--query",
            "banjir",
        )
        for k in (1, 2)
    ]
    [(code, out, err), *tagging] = _all(started)
    assert code == 0, err
    counts = json.loads(out)["counts"]
    assert (counts["updated"], counts["failed"]) == (len(numbers), 0)  # none lost to a race
    records = _check_clean_and_export(migrated_postgres, tmp_path / "checker")
    assert len(records) == len(numbers)
    assert {r["versions"] for r in records} == {2}  # every new text kept as a version
    for k, (code, _out, err) in zip((1, 2), tagging, strict=True):
        tagged = [r for r in records if f"tag{k}" in r["tags"]]  # type: ignore[operator]
        if code == 0:  # a bulk change is whole: every article, or (refused) none
            assert len(tagged) == len(numbers)
        else:
            assert "archive-app: conflict: article" in err and tagged == []
