"""What a catalogue holds beside its articles, as plain data and back: saved searches, empty
collections, people's aliases, sign-off codes and place spellings (push, pull)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from archive_app.db.field_access import collection_path, find_collection
from archive_app.db.models import (
    Collection,
    Person,
    PersonAlias,
    PlaceAlias,
    SavedSearch,
    SignoffCode,
    Site,
)


def dump_extras(session: Session) -> dict[str, list[dict[str, Any]]]:
    """The catalogue's authorities, collections and saved searches, by names and keys (ids are
    each catalogue's own)."""
    aliases = session.execute(
        select(PersonAlias, Person).join(Person, Person.id == PersonAlias.person_id)
    )
    codes = session.execute(
        select(SignoffCode, Site, Person)
        .join(Site, Site.id == SignoffCode.site_id)
        .join(Person, Person.id == SignoffCode.person_id)
    )
    return {
        "saved_searches": [
            {"name": s.name, "query": s.query, "sort": s.sort, "created_at": s.created_at}
            for s in session.scalars(select(SavedSearch).order_by(SavedSearch.id))
        ],
        # every collection, the empty ones too: the articles' own travel with them
        "collections": [
            {"path": collection_path(session, c), "created_at": c.created_at}
            for c in session.scalars(select(Collection).order_by(Collection.id))
        ],
        "person_aliases": [
            {"person": p.name, "person_key": p.key, "name": a.name, "key": a.key}
            for a, p in aliases
        ],
        "signoff_codes": [
            {
                "site": s.domain,
                "site_name": s.name,
                "code": c.code,
                "person": p.name,
                "person_key": p.key,
            }
            for c, s, p in codes
        ],
        "place_aliases": [
            {"key": a.key, "place": a.place}
            for a in session.scalars(select(PlaceAlias).order_by(PlaceAlias.id))
        ],
    }


def load_extras(session: Session, extras: dict[str, list[dict[str, Any]]]) -> None:
    """Add what `dump_extras` gave that the catalogue lacks; what it has already is kept
    (a rerun after an interruption adds nothing twice)."""
    for item in extras.get("saved_searches", []):
        if session.scalar(select(SavedSearch.id).where(SavedSearch.name == item["name"])) is None:
            session.add(SavedSearch(**item))
    for item in extras.get("collections", []):
        if find_collection(session, item["path"], create=False) is None:
            collection = find_collection(session, item["path"], create=True)
            assert collection is not None
            collection.created_at = item["created_at"]
    session.flush()
    for item in extras.get("person_aliases", []):
        if session.scalar(select(PersonAlias.id).where(PersonAlias.key == item["key"])) is None:
            person = _person(session, item["person"], item["person_key"])
            session.add(PersonAlias(person_id=person.id, name=item["name"], key=item["key"]))
    for item in extras.get("signoff_codes", []):
        site = session.scalar(select(Site).where(Site.domain == item["site"]))
        if site is None:
            site = Site(domain=item["site"], name=item["site_name"])
            session.add(site)
            session.flush()
        known = select(SignoffCode.id).where(
            SignoffCode.site_id == site.id, SignoffCode.code == item["code"]
        )
        if session.scalar(known) is None:
            person = _person(session, item["person"], item["person_key"])
            session.add(SignoffCode(site_id=site.id, code=item["code"], person_id=person.id))
    for item in extras.get("place_aliases", []):
        alias = session.scalar(select(PlaceAlias).where(PlaceAlias.key == item["key"]))
        if alias is None:
            session.add(PlaceAlias(key=item["key"], place=item["place"]))
    session.flush()


def _person(session: Session, name: str, key: str) -> Person:
    person = session.scalar(select(Person).where(Person.key == key))
    if person is None:
        person = Person(name=name, key=key)
        session.add(person)
        session.flush()
    return person
