"""The Archive's authority methods: people (merge, split, sign-off codes) as one undo step each."""

from __future__ import annotations

from collections.abc import Callable
from collections.abc import Set as AbstractSet
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from archive_app.db import authority, queries
from archive_app.db.models import ChangeSet, HistoryEntry, PlaceAlias
from archive_app.domain.clock import utc_now
from archive_app.domain.errors import ArchiveError
from archive_app.domain.model import ChangeInfo, PersonInfo
from archive_app.domain.places import place_key
from archive_app.usecases.editing import PAYLOAD_HANDLERS, _bump, current_user
from archive_app.usecases.library_core import LibraryCore


def _record(
    session: Session,
    kind: str,
    description: str,
    payload: dict[str, Any],
    touched: set[int],
    before: dict[int, list[dict[str, str]]],
    also_reindex: AbstractSet[int] = frozenset(),
) -> ChangeInfo:
    """Store the change with each touched article's people before and after.

    `also_reindex` are articles whose people did not change but whose index entry must (the
    kept person's articles gain the merged spelling as a name searches find).
    """
    after = authority.people_lists(session, touched)
    change = ChangeSet(
        kind=kind,
        description=description,
        user=current_user(),
        created_at=utc_now(),
        undone=False,
        payload=payload,
    )
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
    _bump(session, touched | set(also_reindex))
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
    return authority.articles_of(session, payload["moved"]) | {row[0] for row in payload["dropped"]}


class AuthorityMixin(LibraryCore):
    """Mixed into Archive."""

    def people(self) -> list[PersonInfo]:
        with self._sessions() as session:
            return authority.people(session)

    def _authority_change(self, run: Callable[[Session], ChangeInfo]) -> ChangeInfo:
        self._require_writable()
        with self._write_lane:
            with self._sessions.begin() as session:
                info = run(session)
            problem = self._index_changes(set(), set(info.articles))
            if problem:
                raise ArchiveError(problem)
            return info

    def merge_people(self, keep: str, other: str) -> ChangeInfo:
        """Fold `other` into `keep`; `other` stays as an alias that searches still find."""

        def run(session: Session) -> ChangeInfo:
            holder = authority.find_person(session, other)
            ids = set() if holder is None else {c.article_id for c in _credits(session, holder.id)}
            before = authority.people_lists(session, ids)
            payload = authority.merge(session, keep, other)
            kept = authority.find_person(session, keep)
            assert kept is not None
            return _record(
                session,
                "merge",
                f"merge {payload['other']!r} into {payload['keep']!r}",
                payload,
                _touched_by_merge(session, payload) | ids,
                before,
                {c.article_id for c in _credits(session, kept.id)},
            )

        return self._authority_change(run)

    def split_person(self, alias: str) -> ChangeInfo:
        """Undo a wrong merge for one spelling: it becomes its own person again."""

        def run(session: Session) -> ChangeInfo:
            owner = authority.find_person(session, alias)
            ids = set() if owner is None else {c.article_id for c in _credits(session, owner.id)}
            before = authority.people_lists(session, ids)
            payload = authority.split(session, alias)
            return _record(
                session,
                "split",
                f"split {payload['other']!r} from {payload['keep']!r}",
                payload,
                authority.articles_of(session, payload["moved"]),
                before,
                ids,
            )

        return self._authority_change(run)

    def attach_signoff(self, site: str, code: str, person: str) -> ChangeInfo:
        """Say who a site's sign-off code stands for; they are credited as editor wherever
        that site's articles carry the code."""

        def run(session: Session) -> ChangeInfo:
            from archive_app.db.store import CatalogueWriter

            known = authority.find_person(session, person) or CatalogueWriter(
                session, utc_now()
            ).person(person)
            session.flush()
            payload = authority.attach_signoff(session, site.lower(), code, person, known)
            touched = authority.articles_of(session, payload["credits"])
            before = {
                i: [p for p in people if not (p["name"] == known.name and p["role"] == "editor")]
                for i, people in authority.people_lists(session, touched).items()
            }
            return _record(
                session,
                "signoff",
                f"sign-off {code!r} at {site} is {person}",
                payload,
                touched,
                before,
            )

        return self._authority_change(run)


class PlacesMixin(LibraryCore):
    """Mixed into Archive: places as an authority that librarians extend."""

    def places(self) -> list[tuple[str, int, tuple[str, ...]]]:
        """(place, articles, spellings grouped under it), the most used first."""
        with self._sessions() as session:
            return queries.places(session, queries.place_aliases(session))

    def add_place_alias(self, spelling: str, place: str) -> ChangeInfo:
        """Group a spelling under a place ("Jkt" -> "Jakarta"), as one undo step."""
        if not spelling.strip() or not place.strip():
            raise ArchiveError("both the spelling and the place are needed")

        def run(session: Session) -> ChangeInfo:
            key = place_key(spelling)
            if session.scalar(select(PlaceAlias).where(PlaceAlias.key == key)) is not None:
                raise ArchiveError(f"{spelling!r} is already grouped under a place")
            session.add(PlaceAlias(key=key, place=" ".join(place.split())))
            touched = set(queries.articles_with_place(session, key))
            _bump(session, touched)
            change = ChangeSet(
                kind="place_alias",
                description=f"group {spelling!r} under {place!r}",
                user=current_user(),
                created_at=utc_now(),
                undone=False,
                payload={"key": key, "place": place},
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

        return self._authority_change(run)  # type: ignore[attr-defined,no-any-return]


def _place_step(session: Session, change: ChangeSet, backwards: bool) -> set[int]:
    payload = change.payload
    for row in session.scalars(select(PlaceAlias).where(PlaceAlias.key == payload["key"])):
        session.delete(row)
    if not backwards:
        session.add(PlaceAlias(key=payload["key"], place=payload["place"]))
    session.flush()
    return set(queries.articles_with_place(session, payload["key"]))


def _credits(session: Session, person_id: int) -> list[Any]:
    from archive_app.db.models import ArticlePerson

    return list(session.scalars(select(ArticlePerson).where(ArticlePerson.person_id == person_id)))


def _kept_articles(session: Session, name: str) -> set[int]:
    person = authority.find_person(session, name)
    return set() if person is None else {c.article_id for c in _credits(session, person.id)}


def _merge_step(session: Session, change: ChangeSet, backwards: bool) -> set[int]:
    payload = dict(change.payload)
    if backwards:
        touched = _touched_by_merge(session, payload) | _kept_articles(session, payload["keep"])
        authority.unmerge(session, payload)
        return touched
    change.payload = authority.merge(session, payload["keep"], payload["other"])
    return _touched_by_merge(session, change.payload) | _kept_articles(session, payload["keep"])


def _split_step(session: Session, change: ChangeSet, backwards: bool) -> set[int]:
    payload = dict(change.payload)
    if backwards:
        authority.merge(session, payload["keep"], payload["other"])
        return _kept_articles(session, payload["keep"])
    owner_articles = _kept_articles(session, payload["keep"])
    change.payload = authority.split(session, payload["other"])
    return owner_articles


def _signoff_step(session: Session, change: ChangeSet, backwards: bool) -> set[int]:
    payload = dict(change.payload)
    if backwards:
        return authority.detach_signoff(session, payload)
    person = authority.find_person(session, payload["person"])
    if person is None:
        raise ArchiveError(f"{payload['person']!r} is no longer in the library")
    change.payload = authority.attach_signoff(
        session, payload["site"], payload["code"], payload["person"], person
    )
    return authority.articles_of(session, change.payload["credits"])


PAYLOAD_HANDLERS.update(
    {
        "merge": _merge_step,
        "split": _split_step,
        "signoff": _signoff_step,
        "place_alias": _place_step,
    }
)
