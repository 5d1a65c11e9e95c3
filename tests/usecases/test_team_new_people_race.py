"""Two desktops importing at once, each file crediting many people and sites new to the team
catalogue, met in different orders: neither import deadlocks, each article is stored once."""

from __future__ import annotations

import csv
import json
import random
from collections.abc import Sequence
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from tests.usecases.test_team_concurrency import _all, _check_clean_and_export, _desktop

PEOPLE = 1500  # enough new names that two files meeting them in different orders collide


def _row(n: int, person: int) -> dict[str, str]:
    """Article n, credited to person `person` of a site shared by a few people."""
    return {
        "judul": f"Laporan banjir nomor {n}",
        "isi_berita": f"GRESIK -- Laporan nomor {n} tentang banjir di desa {n % 17}.",
        "tanggal_publikasi": f"{1 + n % 28} Jun 2025 10:00",
        "author": f"Penulis Nomor {person:03d}",
        "url": f"https://daerah{person // 4}.example.id/berita/{n}/banjir",
        "sumber": f"daerah{person // 4}.example.id",
    }


def _csv(path: Path, rows: Sequence[dict[str, str]]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as stream:
        writer = csv.DictWriter(stream, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return path


def _deadlocks(address: str) -> int:
    """Deadlocks PostgreSQL has detected in this catalogue's database (its statistics)."""
    engine = create_engine(address.replace("postgresql://", "postgresql+psycopg://"))
    with engine.connect() as connection:
        found = connection.execute(
            text("SELECT deadlocks FROM pg_stat_database WHERE datname = current_database()")
        ).scalar_one()
        people = connection.execute(text("SELECT count(*) FROM people")).scalar_one()
    engine.dispose()
    assert people == PEOPLE  # each person once, whichever desktop made them
    return int(found)


@pytest.mark.slow
def test_new_people_met_in_different_orders_never_deadlock(
    migrated_postgres: str, tmp_path: Path
) -> None:
    # different articles, the same new people and sites, each file meeting them in an order
    # of its own (shuffled), as two desktops' files from different publishers would
    orders = [list(range(PEOPLE)), list(range(PEOPLE))]
    for seed, order in enumerate(orders):
        random.Random(seed).shuffle(order)
    up = [_row(n, person) for n, person in enumerate(orders[0])]
    down = [_row(PEOPLE + n, person) for n, person in enumerate(orders[1])]
    files = [_csv(tmp_path / "up.csv", up), _csv(tmp_path / "down.csv", down)]
    started = [
        _desktop(migrated_postgres, tmp_path / f"home{k}", "import", "--json", str(file))
        for k, file in enumerate(files)
    ]
    for code, out, err in _all(started):
        assert code == 0, err
        report = json.loads(out)
        assert report["counts"]["failed"] == 0, report["failed"]
        assert report["counts"]["added"] == PEOPLE  # different articles: none a duplicate
    assert _deadlocks(migrated_postgres) == 0
    records = _check_clean_and_export(migrated_postgres, tmp_path / "checker")
    expected = sorted(r["judul"] for r in up + down)
    assert sorted(str(r["title"]) for r in records) == expected
