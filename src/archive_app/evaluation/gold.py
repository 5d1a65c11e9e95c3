"""Read a gold file: the catalogue records people read from real articles (gold/SCHEMA.md)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from archive_app.domain.errors import ReadError


@dataclass(frozen=True, slots=True)
class GoldRecord:
    """One gold record: where its article is (file and key) and the fields a person read."""

    file: str
    key: str
    fields: dict[str, Any] = field(default_factory=dict)

    @property
    def site(self) -> str:
        return str(self.fields.get("site") or "(no site)")

    @property
    def label(self) -> str:
        return f"{PurePosixPath(self.file).name} {self.key}"


def load_gold(path: Path) -> list[GoldRecord]:
    """The records of a gold file; ReadError with the reason when it is not a gold file."""
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as error:
        raise ReadError(f"no gold file at {path}") from error
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ReadError(f"cannot read the gold file {path}: {error}") from error
    if not isinstance(document, list):
        raise ReadError(f"{path} is not a gold file: expected a JSON list of records")
    records: list[GoldRecord] = []
    for number, item in enumerate(document, start=1):
        source = item.get("source") if isinstance(item, dict) else None
        if not isinstance(source, dict) or "file" not in source or "key" not in source:
            raise ReadError(f"{path}: record {number} has no source.file and source.key")
        fields = {k: v for k, v in item.items() if k != "source"}
        records.append(GoldRecord(str(source["file"]), str(source["key"]), fields))
    return records


def resolve_source(gold_path: Path, file: str, corpus: Path | None = None) -> Path:
    """Where a gold source.file is on disk.

    source.file is relative to the shared folder ("corpus/id_csv/x.csv"), i.e. to the gold
    file's parent's parent. An explicit corpus folder replaces the leading "corpus/" (and a
    folder that holds "corpus/" itself works too).
    """
    relative = PurePosixPath(file)
    if corpus is None:
        return gold_path.resolve().parent.parent.joinpath(*relative.parts)
    inner = relative.parts[1:] if relative.parts[:1] == ("corpus",) else relative.parts
    candidate = corpus.joinpath(*inner)
    if candidate.exists():
        return candidate
    beside = corpus.joinpath(*relative.parts)
    return beside if beside.exists() else candidate
