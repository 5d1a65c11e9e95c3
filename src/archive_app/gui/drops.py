"""Read the local files and folders out of a drag-and-drop payload."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData


def local_paths(mime: QMimeData | None) -> list[Path]:
    """Local files and folders being dragged; web links and plain text give nothing."""
    if mime is None or not mime.hasUrls():
        return []
    return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]
