"""Edits to the catalogue as undoable change sets, each field's old and new value recorded."""

from __future__ import annotations

import getpass
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from archive_app.db.editing import read_field, write_field
from archive_app.db.models import Article, ChangeSet, HistoryEntry
from archive_app.db.store import CatalogueWriter
from archive_app.domain.clock import utc_now
from archive_app.domain.errors import ArchiveError, ArticleNotFoundError
from archive_app.domain.model import ChangeInfo, HistoryItem, ReplacePreview
from archive_app.domain.review import REVIEW_KINDS, answered, flags_from_json, flags_to_json
from archive_app.usecases.fields import IMPORTED_FIELDS, REVIEW_FIELD, FieldError, validate

OVERRIDES = "_overrides"  # a history entry holding the article's override map before/after
TEXT_FIELDS_FOR_REPLACE = ("title", "body", "dateline_place", "note", "agency")
# bulk operations: (verb, field) -> how the new value is made from the old one and the argument
BULK_VERBS = ("set", "add", "remove", "rename_role")


def current_user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no login name (a container, a service account)
        return "unknown"


@dataclass(frozen=True, slots=True)
class Change:
    """One field of one article to set to a new (unvalidated) value."""

    article_id: int
    field: str
    value: Any


class Editor:
    """Applies edits in one transaction each, records them, and reindexes what changed."""

    def __init__(
        self, sessions: sessionmaker[Session], reindex: Callable[[set[int]], str | None]
    ) -> None:
        self._sessions = sessions
        self._reindex = reindex

    # -- applying ------------------------------------------------------------------------

    def apply(
        self,
        kind: str,
        description: str,
        changes: Iterable[Change],
        payload: dict[str, Any] | None = None,
    ) -> ChangeInfo:
        """Validate every change first (nothing is written if one is refused), then apply."""
        validated = [Change(c.article_id, c.field, validate(c.field, c.value)) for c in changes]
        with self._sessions.begin() as session:
            change_set = ChangeSet(
                kind=kind,
                description=description,
                user=current_user(),
                created_at=utc_now(),
                undone=False,
                payload=payload or {},
            )
            session.add(change_set)
            touched = self._write(session, change_set, validated, record_overrides=True)
            info = _info(change_set, touched)
        self._after(touched)
        return info

    def _write(
        self,
        session: Session,
        change_set: ChangeSet,
        changes: list[Change],
        *,
        record_overrides: bool,
    ) -> set[int]:
        writer = CatalogueWriter(session, utc_now())
        overrides_before: dict[int, dict[str, Any]] = {}
        touched: set[int] = set()
        edited: dict[int, set[str]] = {}  # article -> the fields this change set changed
        for change in changes:
            article = session.get(Article, change.article_id)
            if article is None:
                raise ArticleNotFoundError(f"there is no article {change.article_id}")
            old = read_field(session, article, change.field)
            if old == change.value:
                continue
            if article.id not in overrides_before:
                overrides_before[article.id] = dict(article.overrides or {})
            write_field(session, writer, article, change.field, change.value)
            change_set.entries.append(
                HistoryEntry(article_id=article.id, field=change.field, old=old, new=change.value)
            )
            if record_overrides and change.field in IMPORTED_FIELDS:
                article.overrides = {**(article.overrides or {}), change.field: change.value}
            edited.setdefault(article.id, set()).add(change.field)
            touched.add(article.id)
        if record_overrides:
            # undo and redo restore the flags as recorded; a new edit answers them
            self._clear_answered(session, change_set, edited)
        for article_id, before in overrides_before.items():
            article = session.get(Article, article_id)
            assert article is not None
            article.version += 1
            article.modified_at = writer.now
            if record_overrides and before != article.overrides:
                change_set.entries.append(
                    HistoryEntry(
                        article_id=article_id,
                        field=OVERRIDES,
                        old=before,
                        new=dict(article.overrides or {}),
                    )
                )
        return touched

    @staticmethod
    def _clear_answered(
        session: Session, change_set: ChangeSet, edited: dict[int, set[str]]
    ) -> None:
        """A librarian's edit of a field clears the review flags it answers (a corrected
        date answers "date unread"), recorded in the same change so undo brings them back."""
        for article_id, fields in edited.items():
            if REVIEW_FIELD in fields:
                continue  # the flags were set in this very change
            article = session.get(Article, article_id)
            assert article is not None
            old = list(article.review or [])
            new = flags_to_json(answered(flags_from_json(old), fields))
            if new != old:
                article.review = new
                change_set.entries.append(
                    HistoryEntry(article_id=article_id, field=REVIEW_FIELD, old=old, new=new)
                )

    def _after(self, touched: set[int]) -> None:
        if touched:
            problem = self._reindex(touched)
            if problem:
                raise ArchiveError(problem)

    # -- undo and redo ---------------------------------------------------------------------

    def _undo_stack(self, session: Session) -> tuple[ChangeSet | None, ChangeSet | None]:
        """(the change to undo, the change to redo)."""
        editable = select(ChangeSet).where(ChangeSet.kind.not_in(("undo", "redo")))
        last_active = session.scalar(
            editable.where(ChangeSet.undone.is_(False)).order_by(ChangeSet.id.desc()).limit(1)
        )
        floor = last_active.id if last_active is not None else 0
        redo = session.scalar(
            editable.where(ChangeSet.undone.is_(True), ChangeSet.id > floor)
            .order_by(ChangeSet.id)
            .limit(1)
        )
        return last_active, redo

    def can_undo(self) -> tuple[str | None, str | None]:
        """Descriptions of what undo and redo would do now (None when there is nothing)."""
        with self._sessions() as session:
            undo, redo = self._undo_stack(session)
            return (undo.description if undo else None, redo.description if redo else None)

    def undo(self) -> ChangeInfo | None:
        return self._step(backwards=True)

    def redo(self) -> ChangeInfo | None:
        return self._step(backwards=False)

    def _step(self, *, backwards: bool) -> ChangeInfo | None:
        with self._sessions.begin() as session:
            undo, redo = self._undo_stack(session)
            target = undo if backwards else redo
            if target is None:
                return None
            verb = "undo" if backwards else "redo"
            audit = ChangeSet(
                kind=verb,
                description=f"{verb}: {target.description}",
                user=current_user(),
                created_at=utc_now(),
                undone=False,
                payload={"change": target.id},
            )
            session.add(audit)
            handler = PAYLOAD_HANDLERS.get(target.kind)
            if handler is not None:
                # merges, splits and sign-off codes are reversed by their own inverse
                touched = handler(session, target, backwards)
                _bump(session, touched)
            else:
                touched = self._restore(session, audit, target, backwards)
            target.undone = backwards
            info = _info(audit, touched)
        self._after(touched)
        return info

    def _restore(
        self, session: Session, audit: ChangeSet, target: ChangeSet, backwards: bool
    ) -> set[int]:
        """Set every field the change touched back (or forward) to its recorded value."""
        entries = list(reversed(target.entries)) if backwards else list(target.entries)
        restore = [
            Change(e.article_id, e.field, e.old if backwards else e.new)
            for e in entries
            if e.article_id is not None and e.field != OVERRIDES
        ]
        touched = self._write(session, audit, restore, record_overrides=False)
        for entry in entries:  # the override maps go back exactly as they were
            if entry.field == OVERRIDES and entry.article_id is not None:
                article = session.get(Article, entry.article_id)
                if article is not None:
                    article.overrides = dict((entry.old if backwards else entry.new) or {})
        return touched

    # -- history ---------------------------------------------------------------------------

    def history(self, article_id: int) -> list[HistoryItem]:
        with self._sessions() as session:
            rows = session.execute(
                select(HistoryEntry, ChangeSet)
                .join(ChangeSet, ChangeSet.id == HistoryEntry.change_id)
                .where(HistoryEntry.article_id == article_id, HistoryEntry.field != OVERRIDES)
                .order_by(HistoryEntry.id)
            ).all()
            return [
                HistoryItem(
                    change.id,
                    change.created_at,
                    change.user,
                    change.kind,
                    change.description,
                    entry.field,
                    entry.old,
                    entry.new,
                    change.undone,
                )
                for entry, change in rows
            ]

    # -- bulk and find/replace -------------------------------------------------------------

    def bulk_changes(
        self, ids: Sequence[int], verb: str, field: str, argument: Any
    ) -> list[Change]:
        """The per-article changes a bulk operation makes (for a preview, or to apply)."""
        if verb not in BULK_VERBS:
            raise FieldError(field, f"unknown bulk operation {verb!r}")
        changes: list[Change] = []
        with self._sessions() as session:
            for article_id in ids:
                article = session.get(Article, article_id)
                if article is None:
                    raise ArticleNotFoundError(f"there is no article {article_id}")
                old = read_field(session, article, field)
                new = _bulk_value(verb, field, old, argument)
                if new != old:
                    changes.append(Change(article_id, field, new))
        return changes

    def preview_replace(
        self, ids: Sequence[int], field: str, find: str, replace: str, regex: bool = False
    ) -> list[ReplacePreview]:
        """Every change a find-and-replace would make, to show before applying it."""
        if field not in TEXT_FIELDS_FOR_REPLACE:
            raise FieldError(
                field, f"find and replace works on {', '.join(TEXT_FIELDS_FOR_REPLACE)}"
            )
        if not find:
            raise FieldError(field, "type what to find")
        try:
            pattern = re.compile(find if regex else re.escape(find))
        except re.error as error:
            raise FieldError(field, f"the pattern is not valid ({error})") from None
        previews: list[ReplacePreview] = []
        with self._sessions() as session:
            for article_id in ids:
                article = session.get(Article, article_id)
                if article is None:
                    continue
                old = read_field(session, article, field)
                if isinstance(old, list):
                    new: Any = [pattern.sub(replace, p) for p in old]
                else:
                    new = pattern.sub(replace, old) if old else old
                if new != old:
                    previews.append(ReplacePreview(article_id, field, old, new))
        return previews


def _bulk_value(verb: str, field: str, old: Any, argument: Any) -> Any:
    if field == REVIEW_FIELD:
        return _review_value(verb, old, argument)
    if verb == "set":
        return argument
    if field == "people":
        people = list(old or [])
        if verb == "add" and argument not in people:
            return [*people, argument]
        if verb == "remove":
            return [
                p
                for p in people
                if not (
                    p["name"].casefold() == str(argument["name"]).casefold()
                    and (argument.get("role") in (None, p["role"]))
                )
            ]
        if verb == "rename_role":
            return [
                dict(p, role=argument["to"])
                if p["role"] == argument["from"] and (argument.get("name") in (None, p["name"]))
                else p
                for p in people
            ]
        return people
    values = list(old or [])
    if verb == "add":
        return values if argument in values else [*values, argument]
    if verb == "remove":
        return [v for v in values if v != argument]
    raise FieldError(field, f"{verb} does not apply to {field}")


def _review_value(verb: str, old: Any, argument: Any) -> Any:
    """Review flags can only be cleared: all of them (set to empty, or remove "any") or one
    kind (remove date)."""
    kind = str(argument or "").strip().lower()
    if verb == "set" and not kind:
        return []
    if verb == "remove" and kind == "any":
        return []
    if verb == "remove" and kind in REVIEW_KINDS:
        return [f for f in old or [] if f.get("kind") != kind]
    if verb == "remove":
        raise FieldError(
            REVIEW_FIELD, f"{kind!r} is not a kind of review flag (any, {', '.join(REVIEW_KINDS)})"
        )
    raise FieldError(
        REVIEW_FIELD,
        "review flags come from the importer and can only be "
        "cleared: remove a kind, or set it empty",
    )


def _info(change_set: ChangeSet, touched: set[int]) -> ChangeInfo:
    return ChangeInfo(
        change_set.id,
        change_set.kind,
        change_set.description,
        change_set.user,
        change_set.created_at,
        sorted(touched),
    )


def _bump(session: Session, article_ids: set[int]) -> None:
    """A change made outside the field writers still changes the article: new version."""
    now = utc_now()
    for article_id in article_ids:
        article = session.get(Article, article_id)
        if article is not None:
            article.version += 1
            article.modified_at = now


# change kind -> how to undo (backwards) or redo it; returns the articles it touched
PayloadHandler = Callable[[Session, ChangeSet, bool], set[int]]
PAYLOAD_HANDLERS: dict[str, PayloadHandler] = {}
