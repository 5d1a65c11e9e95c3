"""People and places authority changes (db/authority_changes.py) on a real, migrated
catalogue: each is one change a librarian can undo and redo through the change sets."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from archive_app.db import authority_changes
from archive_app.db.change_sets import ChangeSetStore
from archive_app.db.sessions import Sessions
from archive_app.domain.errors import ArchiveError
from archive_app.domain.model import PersonRole

AddArticle = Callable[..., int]


@pytest.fixture
def store(sessions: Sessions) -> ChangeSetStore:
    return ChangeSetStore(sessions, imported_fields=("people",), review_field="review")


def _people(sessions: Sessions) -> dict[str, tuple[tuple[str, ...], int]]:
    """Name -> (other spellings, articles)."""
    return {p.name: (p.aliases, p.articles) for p in authority_changes.people(sessions)}


def test_a_merge_is_undone_and_redone(
    sessions: Sessions, store: ChangeSetStore, add_article: AddArticle
) -> None:
    first = add_article(title="Satu", people=[PersonRole("Ana Widya", "reporter")])
    second = add_article(title="Dua", people=[PersonRole("Ana W.", "reporter")])
    merged = authority_changes.merge_people(sessions, "ana", "Ana Widya", "Ana W.")
    assert sorted(merged.articles) == [first, second]
    assert _people(sessions) == {"Ana Widya": (("Ana W.",), 2)}
    history = store.history(second)
    assert [(h.kind, h.field) for h in history] == [("merge", "people")]

    store.step("ana", backwards=True)
    assert _people(sessions) == {"Ana Widya": ((), 1), "Ana W.": ((), 1)}
    store.step("ana", backwards=False)
    assert _people(sessions) == {"Ana Widya": (("Ana W.",), 2)}


def test_a_merge_of_one_person_with_herself_is_refused(
    sessions: Sessions, add_article: AddArticle
) -> None:
    add_article(people=[PersonRole("Ana Widya", "reporter")])
    with pytest.raises(ArchiveError):
        authority_changes.merge_people(sessions, "ana", "Ana Widya", "ana  widya")
    with pytest.raises(ArchiveError):
        authority_changes.merge_people(sessions, "ana", "Ana Widya", "Nobody")
    assert _people(sessions) == {"Ana Widya": ((), 1)}


def test_a_place_spelling_is_grouped_once_and_the_grouping_undone(
    sessions: Sessions, store: ChangeSetStore, add_article: AddArticle
) -> None:
    add_article(title="Satu", dateline_place="Jakarta")
    jkt = add_article(title="Dua", dateline_place="Jkt")
    grouped = authority_changes.add_place_alias(sessions, "ana", "Jkt", "Jakarta")
    assert grouped.articles == [jkt]  # its index entry must change
    assert authority_changes.places(sessions) == [("Jakarta", 2, ("Jakarta", "Jkt"))]
    with pytest.raises(ArchiveError):
        authority_changes.add_place_alias(sessions, "ana", "JKT", "Jakarta Raya")
    assert store.undo_state() == ("group 'Jkt' under 'Jakarta'", None)

    undone = store.step("ana", backwards=True)
    assert undone is not None and undone.articles == [jkt]
    assert sorted(authority_changes.places(sessions)) == [
        ("Jakarta", 1, ("Jakarta",)),
        ("Jkt", 1, ("Jkt",)),
    ]
