"""Save and restore the window's geometry, splitter positions and column widths."""

from __future__ import annotations

from PySide6.QtWidgets import QHeaderView, QMainWindow, QSplitter

from archive_app.gui.shell.settings import Settings


def restore(
    settings: Settings,
    window: QMainWindow,
    splitters: dict[str, QSplitter],
    headers: dict[str, QHeaderView],
    geometry: bool = True,
) -> bool:
    """Put back what was saved (the window's size and place too unless `geometry` is False);
    False when there was nothing (a first start)."""
    saved = settings.state("geometry")
    if saved is not None and geometry:
        window.restoreGeometry(saved)
    for name, splitter in splitters.items():
        state = settings.state(f"splitter-{name}")
        if state is not None:
            splitter.restoreState(state)
    for name, header in headers.items():
        state = settings.state(f"header-{name}")
        if state is not None:
            header.restoreState(state)
    return saved is not None


def save(
    settings: Settings,
    window: QMainWindow,
    splitters: dict[str, QSplitter],
    headers: dict[str, QHeaderView],
) -> None:
    settings.set_state("geometry", window.saveGeometry())
    for name, splitter in splitters.items():
        settings.set_state(f"splitter-{name}", splitter.saveState())
    for name, header in headers.items():
        settings.set_state(f"header-{name}", header.saveState())
    settings.sync()
