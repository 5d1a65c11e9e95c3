"""Whether two libraries made by importing the same files hold the same catalogue and index.

Meant for an A/B of the import path (benchmarks/ab_import.py makes the libraries, or two
`archive-app import` runs of two source trees): every catalogue table is read in full, row by
row in primary-key order, leaving out only the columns that record when something happened
(timestamps differ between any two runs); the files under originals/ and media/ are listed
with their sizes; and a set of searches drawn from the articles' own titles, people, places
and sites (words, phrases, fields) is run on both, comparing the totals, the ranked ids of the
first page and the facet counts. Prints the differences (nothing but "same" when there are
none) and exits 1 when there are any.

    python benchmarks/same_import.py LIBRARY_A LIBRARY_B [--queries 60]
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import sys
from collections.abc import Iterator
from pathlib import Path

# columns that say when a row was written: they differ between any two imports
_WHEN = frozenset(
    {
        "imported_at",
        "created_at",
        "modified_at",
        "first_imported_at",
        "started_at",
        "finished_at",
        "changed_at",
    }
)
# the import batch's paths may name the same files through different folders
_SKIP = {("import_batches", "paths")}


def _tables(db: sqlite3.Connection) -> list[str]:
    rows = db.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")
    return [name for (name,) in rows if not name.startswith("sqlite_")]


def _rows(db: sqlite3.Connection, table: str) -> tuple[list[str], Iterator[tuple[object, ...]]]:
    info = db.execute(f'PRAGMA table_info("{table}")').fetchall()
    columns = [c[1] for c in info if c[1] not in _WHEN and (table, c[1]) not in _SKIP]
    key = [c[1] for c in sorted(info, key=lambda c: c[5]) if c[5]] or columns
    listed = ", ".join(f'"{c}"' for c in columns)
    order = ", ".join(f'"{c}"' for c in key)
    return columns, iter(db.execute(f'SELECT {listed} FROM "{table}" ORDER BY {order}'))


def compare_catalogues(a: Path, b: Path) -> list[str]:
    """Differences between the two catalogues' tables (at most a few per table)."""
    first = sqlite3.connect(f"file:{a / 'catalogue.sqlite'}?mode=ro", uri=True)
    second = sqlite3.connect(f"file:{b / 'catalogue.sqlite'}?mode=ro", uri=True)
    found: list[str] = []
    tables = _tables(first)
    if tables != _tables(second):
        found.append(f"tables differ: {tables} vs {_tables(second)}")
    for table in tables:
        columns, rows_a = _rows(first, table)
        _, rows_b = _rows(second, table)
        count = 0
        shown = 0
        for count, (row_a, row_b) in enumerate(zip(rows_a, rows_b, strict=False), start=1):
            if row_a != row_b and shown < 3:
                shown += 1
                which = [c for c, x, y in zip(columns, row_a, row_b, strict=True) if x != y]
                found.append(f"{table} row {count}: {which}: {row_a!r:.300} vs {row_b!r:.300}")
        left_a, left_b = sum(1 for _ in rows_a), sum(1 for _ in rows_b)
        if left_a or left_b:
            found.append(f"{table}: {count + left_a} vs {count + left_b} rows")
        print(f"{table:<24} {count + left_a:>9,} rows", file=sys.stderr)
    return found


def _files(library: Path) -> dict[str, int]:
    return {
        str(p.relative_to(library)): p.stat().st_size
        for folder in ("originals", "media")
        if (library / folder).is_dir()
        for p in sorted((library / folder).rglob("*"))
        if p.is_file()
    }


def compare_files(a: Path, b: Path) -> list[str]:
    files_a, files_b = _files(a), _files(b)
    if files_a == files_b:
        return []
    only = sorted(set(files_a) ^ set(files_b))[:5]
    sized = [f for f in files_a if f in files_b and files_a[f] != files_b[f]][:5]
    return [f"files differ: {len(files_a)} vs {len(files_b)}; only in one: {only}; size: {sized}"]


def queries(library: Path, count: int) -> list[str]:
    """Searches drawn from the library's articles: title words and phrases, people, places,
    sites and languages (so each has answers)."""
    db = sqlite3.connect(f"file:{library / 'catalogue.sqlite'}?mode=ro", uri=True)
    pick = random.Random(16)
    titles = [t for (t,) in db.execute("SELECT title FROM articles ORDER BY id") if t]
    people = [n for (n,) in db.execute("SELECT name FROM people ORDER BY id")]
    places = [
        p
        for (p,) in db.execute(
            "SELECT DISTINCT dateline_place FROM articles WHERE dateline_place IS NOT NULL "
            "ORDER BY 1"
        )
    ]
    sites = [d for (d,) in db.execute("SELECT domain FROM sites ORDER BY id")]
    found: list[str] = []
    for _ in range(count):
        words = [w for w in pick.choice(titles).split() if w.isalpha() and len(w) > 3]
        if not words:
            continue
        start = pick.randrange(len(words))
        found.append(words[start])
        found.append('"' + " ".join(words[start : start + 3]) + '"')
        found.append(" ".join(pick.sample(words, min(2, len(words)))))
    for name in pick.sample(people, min(count // 3, len(people))):
        found.append(f'person:"{name}"')
    for place in pick.sample(places, min(count // 3, len(places))):
        found.append(f'place:"{place}"')
    found += [f"site:{s}" for s in sites[:10]] + ["lang:id", "lang:en"]
    return found


def compare_searches(a: Path, b: Path, count: int) -> list[str]:
    from archive_app.domain.errors import QueryError
    from archive_app.usecases.archive import Archive

    asked = queries(a, count)
    answers: list[list[tuple[object, ...]]] = []
    for library in (a, b):
        with Archive.open(library) as archive:
            mine = []
            for query in asked:
                try:
                    page = archive.search(query, limit=50)
                    counts = archive.counts(query)
                except QueryError as error:  # a title's word the query language reads otherwise
                    mine.append((0, (), str(error)))
                    continue
                mine.append(
                    (
                        counts.total,
                        # two imports' indexes may hold their articles in different numbers
                        # of segments (commits come by time too): a score summed over other
                        # segments differs in its last places, not in its first ones
                        tuple((h.id, round(h.score, 2), h.snippets) for h in page.hits),
                        (counts.facets, counts.months),
                    )
                )
            answers.append(mine)
    found = [
        f"search {q!r}: {x[0]} vs {y[0]} hits; first page same: {x[1] == y[1]}; "
        f"counts same: {x[2] == y[2]}"
        for q, x, y in zip(asked, *answers, strict=True)
        if x != y
    ]
    hits = sum(x[0] for x in answers[0])  # type: ignore[misc]
    print(f"{len(asked)} searches, {hits:,} hits in all", file=sys.stderr)
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("first", type=Path)
    parser.add_argument("second", type=Path)
    parser.add_argument("--queries", type=int, default=60)
    args = parser.parse_args()
    found = compare_catalogues(args.first, args.second)
    found += compare_files(args.first, args.second)
    found += compare_searches(args.first, args.second, args.queries)
    print("\n".join(found) if found else "same")
    return 1 if found else 0


if __name__ == "__main__":
    raise SystemExit(main())
