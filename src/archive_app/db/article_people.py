"""Read articles a chunk of ids at a time, and who is credited on them in order."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from archive_app.db.models import ArticlePerson, Person
from archive_app.domain.model import PersonRole

CHUNK = 500  # ids in one IN (...) list


def in_chunks(ids: Sequence[int]) -> Iterator[Sequence[int]]:
    for start in range(0, len(ids), CHUNK):
        yield ids[start : start + CHUNK]


def people_by_article(session: Session, ids: Sequence[int]) -> dict[int, list[PersonRole]]:
    people: dict[int, list[PersonRole]] = {i: [] for i in ids}
    rows = session.execute(
        select(ArticlePerson.article_id, Person.name, ArticlePerson.role)
        .join(Person, Person.id == ArticlePerson.person_id)
        .where(ArticlePerson.article_id.in_(ids))
        .order_by(ArticlePerson.article_id, ArticlePerson.position)
    )
    for article_id, name, role in rows:
        people[article_id].append(PersonRole(name, role))
    return people
