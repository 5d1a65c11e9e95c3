"""Places as the catalogue prints them, grouped by the librarians' place spellings."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from archive_app.db.models import Article, PlaceAlias
from archive_app.domain.places import canonical_place


def place_aliases(session: Session) -> dict[str, str]:
    """Librarians' place spellings (folded) -> the place they belong to."""
    return {key: place for key, place in session.execute(select(PlaceAlias.key, PlaceAlias.place))}


def places(session: Session, aliases: dict[str, str]) -> list[tuple[str, int, tuple[str, ...]]]:
    """Each place with its article count and the spellings grouped under it."""
    groups: dict[str, tuple[int, set[str]]] = {}
    for printed, count in session.execute(
        select(Article.dateline_place, func.count())
        .where(Article.dateline_place.is_not(None))
        .group_by(Article.dateline_place)
    ):
        if printed is None:
            continue
        name = canonical_place(printed, aliases) or printed
        total, spellings = groups.get(name, (0, set()))
        groups[name] = (total + count, spellings | {printed})
    return sorted(
        ((name, n, tuple(sorted(s))) for name, (n, s) in groups.items()),
        key=lambda row: (-row[1], row[0]),
    )


def articles_with_place(session: Session, key: str) -> list[int]:
    from archive_app.domain.places import place_key

    found = []
    for article_id, printed in session.execute(
        select(Article.id, Article.dateline_place).where(Article.dateline_place.is_not(None))
    ):
        if printed and (
            place_key(printed) == key or place_key(canonical_place(printed) or "") == key
        ):
            found.append(article_id)
    return found
