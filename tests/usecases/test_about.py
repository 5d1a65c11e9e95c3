"""The versions Help ▸ About shows are read from the installed packages, without Qt."""

from __future__ import annotations

from archive_app.usecases.about import UNKNOWN, component_versions


def test_versions_are_read_without_qt() -> None:
    found = dict(component_versions())
    assert list(found) == ["Python", "PySide6", "Whoosh", "SQLAlchemy"]
    assert UNKNOWN not in found.values()
