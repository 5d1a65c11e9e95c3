"""Places in the catalogue (db/places.py) on a real, migrated catalogue: printed spellings
grouped under one place, the librarians' spellings joining them, the most used place first."""

from __future__ import annotations

from collections.abc import Callable

from archive_app.db.models import PlaceAlias
from archive_app.db.places import articles_with_place, place_aliases, places
from archive_app.db.sessions import Sessions

AddArticle = Callable[..., int]


def _add_places(add_article: AddArticle) -> dict[str, int]:
    printed = ["JAKARTA", "Jakarta", "DKI Jakarta", "Jkt", "Bandung"]
    ids = {place: add_article(title=place, dateline_place=place) for place in printed}
    add_article(title="Tanpa tempat")  # no dateline: in no group
    return ids


def test_spellings_of_one_place_are_grouped_and_the_largest_group_comes_first(
    sessions: Sessions, add_article: AddArticle
) -> None:
    _add_places(add_article)
    with sessions() as session:
        assert places(session, {}) == [
            ("Jakarta", 3, ("DKI Jakarta", "JAKARTA", "Jakarta")),
            ("Bandung", 1, ("Bandung",)),  # equal counts: by name
            ("Jkt", 1, ("Jkt",)),
        ]


def test_a_librarians_spelling_joins_its_place(sessions: Sessions, add_article: AddArticle) -> None:
    _add_places(add_article)
    with sessions.begin() as session:
        session.add(PlaceAlias(key="jkt", place="Jakarta"))
    with sessions() as session:
        aliases = place_aliases(session)
        assert aliases == {"jkt": "Jakarta"}
        assert places(session, aliases)[0] == (
            "Jakarta",
            4,
            ("DKI Jakarta", "JAKARTA", "Jakarta", "Jkt"),
        )


def test_articles_are_found_by_a_spelling_or_by_the_place(
    sessions: Sessions, add_article: AddArticle
) -> None:
    ids = _add_places(add_article)
    with sessions() as session:
        assert sorted(articles_with_place(session, "jakarta")) == sorted(
            ids[p] for p in ("JAKARTA", "Jakarta", "DKI Jakarta")
        )
        assert articles_with_place(session, "jkt") == [ids["Jkt"]]
        assert articles_with_place(session, "surabaya") == []
