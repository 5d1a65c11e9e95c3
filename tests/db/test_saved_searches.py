"""Saved searches (db/saved_searches.py) on a real, migrated catalogue: a name keeps its query
and sort order, saving the name again replaces them, and deleting says whether it was there."""

from __future__ import annotations

from archive_app.db.saved_searches import delete_saved_search, save_search, saved_searches
from archive_app.db.sessions import Sessions
from archive_app.domain.model import SavedSearch


def test_a_saved_search_comes_back_as_saved(sessions: Sessions) -> None:
    with sessions.begin() as session:
        save_search(session, "Pemilu", "pemilu site:jpnn.com", "newest", "2024-05-01T08:00:00Z")
        save_search(session, "Banjir", "banjir OR rob", "relevance", "2024-05-02T08:00:00Z")
    with sessions() as session:
        assert saved_searches(session) == [  # by name
            SavedSearch("Banjir", "banjir OR rob", "relevance", "2024-05-02T08:00:00Z"),
            SavedSearch("Pemilu", "pemilu site:jpnn.com", "newest", "2024-05-01T08:00:00Z"),
        ]


def test_saving_a_name_again_replaces_its_query(sessions: Sessions) -> None:
    with sessions.begin() as session:
        save_search(session, "Pemilu", "pemilu", "newest", "2024-05-01T08:00:00Z")
    with sessions.begin() as session:
        save_search(session, "Pemilu", "pemilu 2024", "oldest", "2024-06-01T08:00:00Z")
    with sessions() as session:
        # one search under the name, with the new query; it was made when first saved
        assert saved_searches(session) == [
            SavedSearch("Pemilu", "pemilu 2024", "oldest", "2024-05-01T08:00:00Z")
        ]


def test_deleting_says_whether_the_search_was_there(sessions: Sessions) -> None:
    with sessions.begin() as session:
        save_search(session, "Gempa", "gempa", "newest", "2024-05-01T08:00:00Z")
    with sessions.begin() as session:
        assert delete_saved_search(session, "Gempa") is True
        assert delete_saved_search(session, "Tsunami") is False
    with sessions() as session:
        assert saved_searches(session) == []
