"""Extract the files a gold set names and pair each gold record with the record made for it."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from archive_app.domain.errors import ReadError
from archive_app.domain.model import CatalogueRecord
from archive_app.evaluation.gold import GoldRecord, resolve_source
from archive_app.ingest.extract import Extracted, extract_file

WHOLE_FILE = "whole file"


@dataclass(slots=True)
class Joined:
    """A gold record and the extracted record for the same article (None, with the reason)."""

    gold: GoldRecord
    record: CatalogueRecord | None
    locator: str | None = None
    problem: str | None = None
    warnings: list[str] = field(default_factory=list)


@dataclass(slots=True)
class _FileItems:
    """What one source file gave: items by locator and the records by URL, in file order."""

    by_locator: dict[str, Extracted] = field(default_factory=dict)
    by_url: dict[str, list[Extracted]] = field(default_factory=dict)
    error: str | None = None


def _read(path: Path) -> _FileItems:
    items = _FileItems()
    try:
        extracted = extract_file(path.name, path.read_bytes())
        for item in extracted.items:
            items.by_locator[item.locator] = item
            if item.record is not None and item.record.url:
                items.by_url.setdefault(item.record.url.strip(), []).append(item)
    except FileNotFoundError:
        items.error = f"source file not found: {path}"
    except (OSError, ReadError) as error:
        items.error = f"source file unreadable: {error}"
    return items


def _joined(gold: GoldRecord, item: Extracted | None, missing: str) -> Joined:
    if item is None:
        return Joined(gold, None, problem=missing)
    if item.record is None:
        return Joined(gold, None, item.locator, problem=f"extraction failed: {item.failure}")
    return Joined(gold, item.record, item.locator, warnings=list(item.warnings))


def join_gold(
    gold_path: Path, records: list[GoldRecord], corpus: Path | None = None
) -> list[Joined]:
    """Each gold record with its extracted record, in gold order.

    Keys: "whole file" is the single article of a page dump, "row N" / "line N" / "item N" are
    locators, and a URL (JSON Lines) matches record.url, preferring the gold record's own file
    because the same URL is often scraped again into the next day's file.
    """
    files: dict[str, _FileItems] = {}
    for gold in records:
        if gold.file not in files:
            files[gold.file] = _read(resolve_source(gold_path, gold.file, corpus))
    joined: list[Joined] = []
    for gold in records:
        own = files[gold.file]
        if own.error:
            joined.append(Joined(gold, None, problem=own.error))
            continue
        key = gold.key.strip()
        if key == WHOLE_FILE:
            joined.append(_joined(gold, own.by_locator.get("file"), "the file gave no article"))
        elif "://" in key:
            others = [f for name, f in files.items() if name != gold.file]
            matches = own.by_url.get(key) or next(
                (f.by_url[key] for f in others if key in f.by_url), []
            )
            joined.append(
                _joined(
                    gold, matches[0] if matches else None, f"no extracted record has the URL {key}"
                )
            )
        else:
            joined.append(_joined(gold, own.by_locator.get(key), f"no article at {key}"))
    return joined
