"""Collections and tag counts, read and written by db/ on a real, migrated catalogue file."""

from __future__ import annotations

from archive_app.db.sessions import Sessions
from archive_app.db.tag_collections import (
    collection_counts,
    collection_members,
    make_collection,
    tag_counts,
)


def test_a_nested_collection_is_made_with_its_parents_once(sessions: Sessions) -> None:
    assert make_collection(sessions, "Pemilu/2024/Jakarta") == "Pemilu/2024/Jakarta"
    assert make_collection(sessions, "Pemilu/2024") == "Pemilu/2024"  # found, not doubled
    counts = sorted((c.path, c.articles) for c in collection_counts(sessions))
    assert counts == [("Pemilu", 0), ("Pemilu/2024", 0), ("Pemilu/2024/Jakarta", 0)]


def test_members_of_an_empty_and_of_a_missing_collection(sessions: Sessions) -> None:
    make_collection(sessions, "Banjir")
    assert collection_members(sessions, "Banjir") == []
    assert collection_members(sessions, "Gempa") is None
    assert tag_counts(sessions) == []
