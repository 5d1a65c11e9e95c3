"""Saved searches: a name for a query and its sort order, kept in the catalogue."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from archive_app.db.models import SavedSearch
from archive_app.domain.model import SavedSearch as SavedSearchInfo


def save_search(session: Session, name: str, query: str, sort: str, now: str) -> None:
    """Create or replace the saved search called `name`."""
    saved = session.scalar(select(SavedSearch).where(SavedSearch.name == name))
    if saved is None:
        session.add(SavedSearch(name=name, query=query, sort=sort, created_at=now))
    else:
        saved.query, saved.sort = query, sort


def delete_saved_search(session: Session, name: str) -> bool:
    saved = session.scalar(select(SavedSearch).where(SavedSearch.name == name))
    if saved is None:
        return False
    session.delete(saved)
    return True


def saved_searches(session: Session) -> list[SavedSearchInfo]:
    return [
        SavedSearchInfo(row.name, row.query, row.sort, row.created_at)
        for row in session.scalars(select(SavedSearch).order_by(SavedSearch.name))
    ]
