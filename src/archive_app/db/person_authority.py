"""People as an authority in the catalogue: merge spellings, split a wrong merge, sign-off codes."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from archive_app.db.models import (
    Article,
    ArticlePerson,
    Person,
    PersonAlias,
    SignoffCode,
    Site,
)
from archive_app.db.store import person_key
from archive_app.domain.errors import ArchiveError
from archive_app.domain.model import PersonInfo


def find_person(session: Session, name: str) -> Person | None:
    """The person with this spelling, directly or through an alias."""
    key = person_key(name)
    person = session.scalar(select(Person).where(Person.key == key))
    if person is None:
        person = session.scalar(
            select(Person)
            .join(PersonAlias, PersonAlias.person_id == Person.id)
            .where(PersonAlias.key == key)
        )
    return person


def _require(session: Session, name: str) -> Person:
    person = find_person(session, name)
    if person is None:
        raise ArchiveError(f"there is nobody called {name!r} in this library")
    return person


def people(session: Session) -> list[PersonInfo]:
    """Everyone credited, with other spellings, roles with counts and sign-off codes."""
    roles: dict[int, dict[str, int]] = {}
    articles: dict[int, set[int]] = {}
    for person_id, role, article_id in session.execute(
        select(ArticlePerson.person_id, ArticlePerson.role, ArticlePerson.article_id)
    ):
        roles.setdefault(person_id, {}).setdefault(role, 0)
        roles[person_id][role] += 1
        articles.setdefault(person_id, set()).add(article_id)
    aliases: dict[int, list[str]] = {}
    for person_id, name in session.execute(select(PersonAlias.person_id, PersonAlias.name)):
        aliases.setdefault(person_id, []).append(name)
    codes: dict[int, list[str]] = {}
    for person_id, code, domain in session.execute(
        select(SignoffCode.person_id, SignoffCode.code, Site.domain).join(
            Site, Site.id == SignoffCode.site_id
        )
    ):
        codes.setdefault(person_id, []).append(f"{code}@{domain}")
    return sorted(
        (
            PersonInfo(
                p.id,
                p.name,
                tuple(sorted(aliases.get(p.id, []))),
                roles.get(p.id, {}),
                len(articles.get(p.id, ())),
                tuple(sorted(codes.get(p.id, []))),
            )
            for p in session.scalars(select(Person))
            if p.id in articles or p.id in aliases
        ),
        key=lambda info: info.name.casefold(),
    )


def people_lists(session: Session, article_ids: set[int]) -> dict[int, list[dict[str, str]]]:
    """The people of each article as the history records them (name, role)."""
    lists: dict[int, list[dict[str, str]]] = {i: [] for i in article_ids}
    rows = session.execute(
        select(ArticlePerson.article_id, Person.name, ArticlePerson.role)
        .join(Person, Person.id == ArticlePerson.person_id)
        .where(ArticlePerson.article_id.in_(article_ids))
        .order_by(ArticlePerson.article_id, ArticlePerson.position)
    )
    for article_id, name, role in rows:
        lists[article_id].append({"name": name, "role": role})
    return lists


def merge(session: Session, keep_name: str, other_name: str) -> dict[str, Any]:
    """Fold `other` into `keep`: its credits move, its spelling becomes an alias.

    Returns what undo needs: the other's names and which credits moved or were dropped.
    """
    keep, other = _require(session, keep_name), _require(session, other_name)
    if keep.id == other.id:
        raise ArchiveError(f"{keep_name!r} and {other_name!r} are already the same person")
    moved, dropped = [], []
    held = {
        (c.article_id, c.role)
        for c in session.scalars(select(ArticlePerson).where(ArticlePerson.person_id == keep.id))
    }
    for credit in session.scalars(select(ArticlePerson).where(ArticlePerson.person_id == other.id)):
        if (credit.article_id, credit.role) in held:
            dropped.append([credit.article_id, credit.role, credit.position, credit.credited_name])
            session.delete(credit)
        else:
            credit.person_id = keep.id
            moved.append(credit.id)
    other_aliases = [
        a.name
        for a in session.scalars(select(PersonAlias).where(PersonAlias.person_id == other.id))
    ]
    for alias in session.scalars(select(PersonAlias).where(PersonAlias.person_id == other.id)):
        alias.person_id = keep.id
    payload = {
        "keep": keep.name,
        "other": other.name,
        "other_aliases": other_aliases,
        "moved": moved,
        "dropped": dropped,
    }
    session.flush()
    session.delete(other)
    session.flush()
    session.add(PersonAlias(person_id=keep.id, name=other.name, key=person_key(other.name)))
    session.flush()
    return payload


def unmerge(session: Session, payload: dict[str, Any]) -> None:
    """Reverse a merge exactly: the other person, their aliases, credits and dropped rows."""
    _require(session, payload["keep"])  # the kept person must still be there
    for alias in session.scalars(
        select(PersonAlias).where(
            PersonAlias.key.in_(
                [person_key(n) for n in [payload["other"], *payload["other_aliases"]]]
            )
        )
    ):
        session.delete(alias)
    session.flush()
    other = Person(name=payload["other"], key=person_key(payload["other"]))
    session.add(other)
    session.flush()
    for name in payload["other_aliases"]:
        session.add(PersonAlias(person_id=other.id, name=name, key=person_key(name)))
    for credit_id in payload["moved"]:
        credit = session.get(ArticlePerson, credit_id)
        if credit is not None:
            credit.person_id = other.id
    for article_id, role, position, credited in payload["dropped"]:
        session.add(
            ArticlePerson(
                article_id=article_id,
                person_id=other.id,
                role=role,
                position=position,
                credited_name=credited,
            )
        )
    session.flush()


def split(session: Session, alias_name: str) -> dict[str, Any]:
    """Make a merged spelling its own person again, with the credits printed that way."""
    key = person_key(alias_name)
    alias = session.scalar(select(PersonAlias).where(PersonAlias.key == key))
    if alias is None:
        raise ArchiveError(f"{alias_name!r} is not another spelling of anyone")
    owner = session.get(Person, alias.person_id)
    assert owner is not None
    session.delete(alias)
    session.flush()
    person = Person(name=alias.name, key=key)
    session.add(person)
    session.flush()
    moved = []
    for credit in session.scalars(select(ArticlePerson).where(ArticlePerson.person_id == owner.id)):
        if credit.credited_name and person_key(credit.credited_name) == key:
            credit.person_id = person.id
            moved.append(credit.id)
    session.flush()
    return {
        "keep": owner.name,
        "other": alias.name,
        "other_aliases": [],
        "moved": moved,
        "dropped": [],
    }


def articles_of(session: Session, credit_ids: list[int]) -> set[int]:
    if not credit_ids:
        return set()
    return set(
        session.scalars(select(ArticlePerson.article_id).where(ArticlePerson.id.in_(credit_ids)))
    )


def attach_signoff(
    session: Session, domain: str, code: str, name: str, person: Person
) -> dict[str, Any]:
    """Record who a site's sign-off code is, and credit them (as editor) on every article of
    that site that carries the code."""
    site = session.scalar(select(Site).where(Site.domain == domain))
    if site is None:
        raise ArchiveError(f"there is no site {domain!r} in this library")
    code = code.lower()
    if (
        session.scalar(
            select(SignoffCode).where(SignoffCode.site_id == site.id, SignoffCode.code == code)
        )
        is not None
    ):
        raise ArchiveError(f"the code {code!r} at {domain} is already attached to someone")
    session.add(SignoffCode(site_id=site.id, code=code, person_id=person.id))
    added = []
    for article in session.scalars(select(Article).where(Article.site_id == site.id)):
        if code not in (article.signoff or []):
            continue
        if any(c.person_id == person.id and c.role == "editor" for c in article.credits):
            continue
        position = (
            session.scalar(select(func.count()).where(ArticlePerson.article_id == article.id)) or 0
        )
        credit = ArticlePerson(
            article_id=article.id,
            person_id=person.id,
            role="editor",
            position=position,
            credited_name=code,
        )
        session.add(credit)
        session.flush()
        added.append(credit.id)
    return {"site": domain, "code": code, "person": name, "credits": added}


def detach_signoff(session: Session, payload: dict[str, Any]) -> set[int]:
    site = session.scalar(select(Site).where(Site.domain == payload["site"]))
    if site is not None:
        for row in session.scalars(
            select(SignoffCode).where(
                SignoffCode.site_id == site.id, SignoffCode.code == payload["code"]
            )
        ):
            session.delete(row)
    touched = articles_of(session, payload["credits"])
    for credit_id in payload["credits"]:
        credit = session.get(ArticlePerson, credit_id)
        if credit is not None:
            session.delete(credit)
    session.flush()
    return touched
