"""People and places authority changes as undoable change sets, and how each is undone or redone."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from archive_app.db import person_authority
from archive_app.db import places as place_rows
from archive_app.db.change_rows import bump, new_change_set
from archive_app.db.models import ArticlePerson, ChangeSet, HistoryEntry, PlaceAlias
from archive_app.db.sessions import Sessions
from archive_app.db.store import CatalogueWriter
from archive_app.domain.clock import utc_now
from archive_app.domain.errors import ArchiveError
from archive_app.domain.model import ChangeInfo, PersonInfo
from archive_app.domain.places import place_key


def _record(
    session: Session,
    user: str,
    kind: str,
    description: str,
    payload: dict[str, Any],
    touched: set[int],
    before: dict[int, list[dict[str, str]]],
    also_reindex: set[int] | frozenset[int] = frozenset(),
) -> ChangeInfo:
    """Store the change with each touched article's people before and after.

    `also_reindex` are articles whose people did not change but whose index entry must (the
    kept person's articles gain the merged spelling as a name searches find).
    """
    after = person_authority.people_lists(session, touched)
    change = new_change_set(session, kind, description, user, payload)
    session.add(change)
    for article_id in sorted(touched):
        change.entries.append(
            HistoryEntry(
                article_id=article_id,
                field="people",
                old=before.get(article_id),
                new=after[article_id],
            )
        )
    bump(session, touched | set(also_reindex))
    session.flush()
    return ChangeInfo(
        change.id,
        kind,
        description,
        change.user,
        change.created_at,
        sorted(touched | set(also_reindex)),
    )


def _touched_by_merge(session: Session, payload: dict[str, Any]) -> set[int]:
    return person_authority.articles_of(session, payload["moved"]) | {
        row[0] for row in payload["dropped"]
    }


def people(sessions: Sessions) -> list[PersonInfo]:
    with sessions() as session:
        return person_authority.people(session)


def places(sessions: Sessions) -> list[tuple[str, int, tuple[str, ...]]]:
    """(place, articles, spellings grouped under it), the most used first."""
    with sessions() as session:
        return place_rows.places(session, place_rows.place_aliases(session))


def merge_people(sessions: Sessions, user: str, keep: str, other: str) -> ChangeInfo:
    """Fold `other` into `keep` in one transaction; `other` stays as an alias."""
    with sessions.begin() as session:
        holder = person_authority.find_person(session, other)
        ids = set() if holder is None else {c.article_id for c in _credits(session, holder.id)}
        before = person_authority.people_lists(session, ids)
        payload = person_authority.merge(session, keep, other)
        kept = person_authority.find_person(session, keep)
        assert kept is not None
        return _record(
            session,
            user,
            "merge",
            f"merge {payload['other']!r} into {payload['keep']!r}",
            payload,
            _touched_by_merge(session, payload) | ids,
            before,
            {c.article_id for c in _credits(session, kept.id)},
        )


def split_person(sessions: Sessions, user: str, alias: str) -> ChangeInfo:
    """Make one spelling its own person again, in one transaction."""
    with sessions.begin() as session:
        owner = person_authority.find_person(session, alias)
        ids = set() if owner is None else {c.article_id for c in _credits(session, owner.id)}
        before = person_authority.people_lists(session, ids)
        payload = person_authority.split(session, alias)
        return _record(
            session,
            user,
            "split",
            f"split {payload['other']!r} from {payload['keep']!r}",
            payload,
            person_authority.articles_of(session, payload["moved"]),
            before,
            ids,
        )


def attach_signoff(sessions: Sessions, user: str, site: str, code: str, person: str) -> ChangeInfo:
    """Credit `person` as editor wherever the site's articles carry the sign-off code."""
    with sessions.begin() as session:
        known = person_authority.find_person(session, person) or CatalogueWriter(
            session, utc_now()
        ).person(person)
        session.flush()
        payload = person_authority.attach_signoff(session, site.lower(), code, person, known)
        touched = person_authority.articles_of(session, payload["credits"])
        before = {
            i: [p for p in people if not (p["name"] == known.name and p["role"] == "editor")]
            for i, people in person_authority.people_lists(session, touched).items()
        }
        return _record(
            session,
            user,
            "signoff",
            f"sign-off {code!r} at {site} is {person}",
            payload,
            touched,
            before,
        )


def add_place_alias(sessions: Sessions, user: str, spelling: str, place: str) -> ChangeInfo:
    """Group a spelling under a place in one transaction; refused when already grouped."""
    with sessions.begin() as session:
        key = place_key(spelling)
        if session.scalar(select(PlaceAlias).where(PlaceAlias.key == key)) is not None:
            raise ArchiveError(f"{spelling!r} is already grouped under a place")
        session.add(PlaceAlias(key=key, place=" ".join(place.split())))
        touched = set(place_rows.articles_with_place(session, key))
        bump(session, touched)
        change = new_change_set(
            session,
            "place_alias",
            f"group {spelling!r} under {place!r}",
            user,
            {"key": key, "place": place},
        )
        session.add(change)
        session.flush()
        return ChangeInfo(
            change.id,
            change.kind,
            change.description,
            change.user,
            change.created_at,
            sorted(touched),
        )


def _place_step(session: Session, change: ChangeSet, backwards: bool) -> set[int]:
    payload = change.payload
    for row in session.scalars(select(PlaceAlias).where(PlaceAlias.key == payload["key"])):
        session.delete(row)
    if not backwards:
        session.add(PlaceAlias(key=payload["key"], place=payload["place"]))
    session.flush()
    return set(place_rows.articles_with_place(session, payload["key"]))


def _credits(session: Session, person_id: int) -> list[Any]:
    return list(session.scalars(select(ArticlePerson).where(ArticlePerson.person_id == person_id)))


def _kept_articles(session: Session, name: str) -> set[int]:
    person = person_authority.find_person(session, name)
    return set() if person is None else {c.article_id for c in _credits(session, person.id)}


def _merge_step(session: Session, change: ChangeSet, backwards: bool) -> set[int]:
    payload = dict(change.payload)
    if backwards:
        touched = _touched_by_merge(session, payload) | _kept_articles(session, payload["keep"])
        person_authority.unmerge(session, payload)
        return touched
    change.payload = person_authority.merge(session, payload["keep"], payload["other"])
    return _touched_by_merge(session, change.payload) | _kept_articles(session, payload["keep"])


def _split_step(session: Session, change: ChangeSet, backwards: bool) -> set[int]:
    payload = dict(change.payload)
    if backwards:
        person_authority.merge(session, payload["keep"], payload["other"])
        return _kept_articles(session, payload["keep"])
    owner_articles = _kept_articles(session, payload["keep"])
    change.payload = person_authority.split(session, payload["other"])
    return owner_articles


def _signoff_step(session: Session, change: ChangeSet, backwards: bool) -> set[int]:
    payload = dict(change.payload)
    if backwards:
        return person_authority.detach_signoff(session, payload)
    person = person_authority.find_person(session, payload["person"])
    if person is None:
        raise ArchiveError(f"{payload['person']!r} is no longer in the library")
    change.payload = person_authority.attach_signoff(
        session, payload["site"], payload["code"], payload["person"], person
    )
    return person_authority.articles_of(session, change.payload["credits"])


# change kind -> how to undo (backwards) or redo it; returns the articles it touched
PayloadHandler = Callable[[Session, ChangeSet, bool], set[int]]
STEP_HANDLERS: dict[str, PayloadHandler] = {
    "merge": _merge_step,
    "split": _split_step,
    "signoff": _signoff_step,
    "place_alias": _place_step,
}
