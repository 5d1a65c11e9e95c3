"""Save and restore the window's geometry, splitter positions and column widths."""

from __future__ import annotations

from PySide6.QtWidgets import QHeaderView, QMainWindow, QSplitter

from archive_app.gui.shell.settings import Settings


def restore(
    settings: Settings,
    window: QMainWindow,
    splitters: dict[str, QSplitter],
    headers: dict[str, QHeaderView],
) -> bool:
    """Put back what was saved; False when there was nothing (a first start)."""
    geometry = settings.state("geometry")
    if geometry is not None:
        window.restoreGeometry(geometry)
    for name, splitter in splitters.items():
        state = settings.state(f"splitter-{name}")
        if state is not None:
            splitter.restoreState(state)
    for name, header in headers.items():
        state = settings.state(f"header-{name}")
        if state is not None:
            header.restoreState(state)
    return geometry is not None


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
