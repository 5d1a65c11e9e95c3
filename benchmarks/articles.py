"""Read a generated corpus back as plain records (for the FTS5 reference and the query sets)."""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from formats import day_number, split_dateline


@dataclass(frozen=True, slots=True)
class Doc:
    """One generated article as the catalogue should hold it (dateline taken off the body)."""

    number: int  # 1-based position in the corpus; the FTS5 rowid
    title: str
    body: str
    people: tuple[str, ...]
    site: str
    place: str
    day: int  # local publication day, YYYYMMDD
    lang: str


def parts(folder: Path) -> list[Path]:
    found = sorted(folder.glob("part-*.jsonl.gz"))
    if not found:
        raise FileNotFoundError(f"no part-*.jsonl.gz files in {folder}")
    return found


def to_doc(number: int, row: dict[str, str]) -> Doc:
    lang = row.get("language", "id")
    first, _, rest = row["isi_berita"].partition("\n\n")
    place, opening = split_dateline(first, row["sumber"], lang)
    body = f"{opening}\n\n{rest}" if rest else opening
    return Doc(
        number,
        row["judul"],
        body,
        tuple(row["author"].split(", ")),
        row["sumber"],
        place,
        day_number(row["tanggal_publikasi"]),
        lang,
    )


def read_docs(folder: Path, every: int = 1) -> Iterator[Doc]:
    """Every article (or every `every`-th one, for a sample) in corpus order."""
    number = 0
    for path in parts(folder):
        with gzip.open(path, "rt", encoding="utf-8") as stream:
            for line in stream:
                number += 1
                if (number - 1) % every == 0:
                    yield to_doc(number, json.loads(line))
