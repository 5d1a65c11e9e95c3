"""Helpers for damage tests: a small real library, ways to damage it, and exports to compare."""

from __future__ import annotations

import io
import json
import os
import shutil
import sqlite3
from pathlib import Path
from typing import Any

from tests.conftest import corpus_path

from archive_app.usecases.archive import Archive

# What a comparison of two exports ignores: when things were imported or changed, and the
# article ids (an article imported again gets a new id; same-story links are compared by the
# linked article's URL and title instead)
IGNORED_KEYS = frozenset({"imported_at", "created_at", "modified_at", "when"})


def sources() -> list[Path]:
    """A page dump, wire stories with pictures, a scraped table and a photo: 58 articles."""
    return [
        corpus_path("seed"),
        corpus_path("wire"),
        corpus_path("id_csv", "gikirima_berita_republika.csv"),
        corpus_path("photos", "exifr", "Bush-dog.jpg"),
    ]


def build(root: Path) -> Path:
    with Archive.open(root) as archive:
        archive.import_paths(sources())
    return root


def copy_library(source: Path, target: Path) -> Path:
    shutil.copytree(source, target)
    return target


def flip_middle_page(catalogue: Path) -> int:
    """Invert every byte of the page holding the file's middle byte; returns its number."""
    page_size = _page_size(catalogue)
    data = bytearray(catalogue.read_bytes())
    page = (len(data) // 2) // page_size
    for i in range(page * page_size, (page + 1) * page_size):
        data[i] ^= 0xFF
    catalogue.write_bytes(bytes(data))
    return page + 1


def flip_page_of(catalogue: Path, table: str) -> int:
    """Invert every byte of a leaf page of `table`'s own tree (its rows are on it)."""
    connection = sqlite3.connect(catalogue)
    try:
        page = connection.execute(
            "SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf' ORDER BY pageno "
            "LIMIT 1",
            (table,),
        ).fetchone()[0]
    finally:
        connection.close()
    page_size = _page_size(catalogue)
    data = bytearray(catalogue.read_bytes())
    start = (page - 1) * page_size
    for i in range(start, start + page_size):
        data[i] ^= 0xFF
    catalogue.write_bytes(bytes(data))
    return int(page)


def truncate_half(catalogue: Path) -> None:
    os.truncate(catalogue, catalogue.stat().st_size // 2)


def _page_size(catalogue: Path) -> int:
    header = catalogue.read_bytes()[:100]
    size = int.from_bytes(header[16:18], "big")
    return 65536 if size == 1 else size


def export_records(root: Path) -> list[dict[str, Any]]:
    """The library's JSON Lines export, comparable with another library's (see IGNORED_KEYS),
    in a stable order."""
    with Archive.open(root, readonly=True) as archive:
        stream = io.StringIO()
        archive.export_jsonl(stream)
    records = [json.loads(line) for line in stream.getvalue().splitlines()]
    keys = {r["id"]: f"{r.get('url')}|{r.get('title')}" for r in records}
    comparable = []
    for record in records:
        record = _without(record)
        record.pop("id", None)
        record["same_story"] = sorted(
            keys.get(item.get("id"), "?") if isinstance(item, dict) else keys.get(item, "?")
            for item in record.get("same_story", [])
        )
        comparable.append(record)
    return sorted(comparable, key=lambda r: json.dumps(r, sort_keys=True, ensure_ascii=False))


def _without(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _without(v) for k, v in value.items() if k not in IGNORED_KEYS}
    if isinstance(value, list):
        return [_without(v) for v in value]
    return value
