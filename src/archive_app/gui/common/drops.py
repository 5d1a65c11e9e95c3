"""Drag-and-drop payloads: local files and folders dropped in, article ids dragged inside."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QByteArray, QMimeData

# articles dragged from the results onto a collection: their ids, comma-separated
ARTICLE_IDS = "application/x-arsip-article-ids"


def local_paths(mime: QMimeData | None) -> list[Path]:
    """Local files and folders being dragged; web links and plain text give nothing."""
    if mime is None or not mime.hasUrls():
        return []
    return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]


def article_ids_mime(ids: Iterable[int]) -> QMimeData:
    """A payload naming articles of this library (plain text too, for a text field)."""
    chosen = list(dict.fromkeys(ids))
    mime = QMimeData()
    mime.setData(ARTICLE_IDS, QByteArray(",".join(map(str, chosen)).encode("ascii")))
    return mime


def article_ids(mime: QMimeData | None) -> list[int]:
    """The article ids a payload carries; [] for anything else."""
    if mime is None or not mime.hasFormat(ARTICLE_IDS):
        return []
    text = bytes(mime.data(ARTICLE_IDS).data()).decode("ascii", "replace")
    return [int(part) for part in text.split(",") if part.strip().isdigit()]
