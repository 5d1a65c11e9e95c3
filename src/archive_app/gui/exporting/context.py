"""What the window can offer to export, and the scopes an export takes (no dialog, no formats)."""

from __future__ import annotations

from dataclasses import dataclass

ARTICLE, SELECTION, COLLECTION, RESULT = "article", "selection", "collection", "result"


@dataclass(frozen=True, slots=True)
class ExportContext:
    """What the window can offer to export right now."""

    article: tuple[int, str] | None  # (id, title) of the article in the reader
    selection: tuple[int, ...]
    collections: tuple[str, ...]
    result: int  # articles in the current result
    result_label: str  # "banjir site:detik.com" or "the whole library"
