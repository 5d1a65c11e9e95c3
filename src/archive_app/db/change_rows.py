"""The rows every undoable change writes: its change set, the articles' new version, its summary."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from archive_app.db.change_author import author
from archive_app.db.models import Article, ChangeSet
from archive_app.domain.clock import utc_now
from archive_app.domain.model import ChangeInfo

OVERRIDES = "_overrides"  # a history entry holding the article's override map before/after


def new_change_set(
    session: Session, kind: str, description: str, user: str, payload: dict[str, Any] | None
) -> ChangeSet:
    """A change set stamped now, not yet undone, by `user` (this computer's) on a folder
    library and by the connection's database user on a team library."""
    return ChangeSet(
        kind=kind,
        description=description,
        user=author(session, user),
        created_at=utc_now(),
        undone=False,
        payload=payload or {},
    )


def change_info(change_set: ChangeSet, touched: set[int], target_kind: str = "") -> ChangeInfo:
    """`target_kind`: for an undo or redo, the kind of the change it stepped."""
    return ChangeInfo(
        change_set.id,
        change_set.kind,
        change_set.description,
        change_set.user,
        change_set.created_at,
        sorted(touched),
        target_kind,
    )


def bump(session: Session, article_ids: set[int]) -> None:
    """A change made outside the field writers still changes the article: new version."""
    now = utc_now()
    for article_id in article_ids:
        article = session.get(Article, article_id)
        if article is not None:
            article.version += 1
            article.modified_at = now
