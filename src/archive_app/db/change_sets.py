"""Change sets in the catalogue: write validated field changes with their history, undo, redo."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from archive_app.db.authority_changes import STEP_HANDLERS
from archive_app.db.change_author import database_user
from archive_app.db.change_rows import OVERRIDES, bump, change_info, new_change_set
from archive_app.db.field_access import read_field, write_field
from archive_app.db.models import Article, ChangeSet, HistoryEntry
from archive_app.db.sessions import Sessions
from archive_app.db.stale_edits import conflict, raced, same_value, stale
from archive_app.db.store import CatalogueWriter
from archive_app.domain.clock import utc_now
from archive_app.domain.conflicts import ConflictError
from archive_app.domain.errors import ArticleNotFoundError
from archive_app.domain.model import ChangeInfo, HistoryItem
from archive_app.domain.review import answered, flags_from_json, flags_to_json

FieldValue = tuple[int, str, Any]  # (article id, field, value already validated)


class ChangeSetStore:
    """Each call one transaction: a change set with a history entry per field it changed.

    `imported_fields` are the fields whose edits become overrides a newer import keeps;
    `review_field` is the pseudo-field of review flags.
    """

    def __init__(
        self, sessions: Sessions, *, imported_fields: Sequence[str], review_field: str
    ) -> None:
        self._sessions = sessions
        self._imported = tuple(imported_fields)
        self._review = review_field

    def record(
        self,
        kind: str,
        description: str,
        user: str,
        changes: list[FieldValue],
        payload: dict[str, Any] | None,
        expected: Mapping[int, int] | None = None,
    ) -> ChangeInfo:
        """Write the changes as one change set; its summary names the articles changed.

        `expected` maps articles to the row version the change was prepared against: if one
        has moved on (another desktop changed it), ConflictError refuses the whole change.
        """
        seen: dict[int, int] = {}
        try:
            with self._sessions.begin() as session:
                conflicts = stale(session, changes, expected or {})
                if conflicts:
                    raise ConflictError(conflicts)
                change_set = new_change_set(session, kind, description, user, payload)
                session.add(change_set)
                touched = self._write(
                    session, change_set, changes, record_overrides=True, seen=seen
                )
                return change_info(change_set, touched)
        except StaleDataError:
            # another desktop committed one of the articles between our read and our update
            # (UPDATE ... WHERE row_version = ? matched no row): nothing of ours was written
            raise ConflictError(raced(self._sessions, changes, seen)) from None

    def _write(
        self,
        session: Session,
        change_set: ChangeSet,
        changes: list[FieldValue],
        *,
        record_overrides: bool,
        seen: dict[int, int],
    ) -> set[int]:
        writer = CatalogueWriter(session, utc_now())
        overrides_before: dict[int, dict[str, Any]] = {}
        touched: set[int] = set()
        edited: dict[int, set[str]] = {}  # article -> the fields this change set changed
        for article_id, field, value in changes:
            article = session.get(Article, article_id)
            if article is None:
                raise ArticleNotFoundError(f"there is no article {article_id}")
            seen.setdefault(article.id, article.row_version)
            old = read_field(session, article, field)
            if old == value:
                continue
            if article.id not in overrides_before:
                overrides_before[article.id] = dict(article.overrides or {})
            write_field(session, writer, article, field, value)
            change_set.entries.append(
                HistoryEntry(article_id=article.id, field=field, old=old, new=value)
            )
            if record_overrides and field in self._imported:
                article.overrides = {**(article.overrides or {}), field: value}
            edited.setdefault(article.id, set()).add(field)
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

    def _clear_answered(
        self, session: Session, change_set: ChangeSet, edited: dict[int, set[str]]
    ) -> None:
        """A librarian's edit of a field clears the review flags it answers (a corrected
        date answers "date unread"), recorded in the same change so undo brings them back."""
        for article_id, fields in edited.items():
            if self._review in fields:
                continue  # the flags were set in this very change
            article = session.get(Article, article_id)
            assert article is not None
            old = list(article.review or [])
            new = flags_to_json(answered(flags_from_json(old), fields))
            if new != old:
                article.review = new
                change_set.entries.append(
                    HistoryEntry(article_id=article_id, field=self._review, old=old, new=new)
                )

    # -- undo and redo ---------------------------------------------------------------------

    @staticmethod
    def _undo_stack(session: Session) -> tuple[ChangeSet | None, ChangeSet | None]:
        """(the change to undo, the change to redo).

        On a team library each database user steps through their own changes only: the
        change sets are one table for every desktop, and Undo on one must not take back
        what someone else did on another (a folder library has one writer: one stack)."""
        editable = select(ChangeSet).where(ChangeSet.kind.not_in(("undo", "redo")))
        if (mine := database_user(session)) is not None:
            editable = editable.where(ChangeSet.user == mine)
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

    def undo_state(self) -> tuple[str | None, str | None]:
        """Descriptions of what undo and redo would do now (None when there is nothing)."""
        with self._sessions() as session:
            undo, redo = self._undo_stack(session)
            return (undo.description if undo else None, redo.description if redo else None)

    def step(self, user: str, *, backwards: bool) -> ChangeInfo | None:
        """Undo (backwards) or redo the latest change, recorded as its own audit change set.

        A field someone else changed since (its value is not the one the change left) refuses
        the step with ConflictError: undo never overwrites another desktop's edit."""
        seen: dict[int, int] = {}
        restoring: list[FieldValue] = []  # what the step writes, to name it if refused
        try:
            return self._step(user, backwards, seen, restoring)
        except StaleDataError:
            # another desktop committed one of the articles between our check and our write
            raise ConflictError(raced(self._sessions, restoring, seen)) from None

    def _step(
        self, user: str, backwards: bool, seen: dict[int, int], restoring: list[FieldValue]
    ) -> ChangeInfo | None:
        with self._sessions.begin() as session:
            undo, redo = self._undo_stack(session)
            target = undo if backwards else redo
            if target is None:
                return None
            verb = "undo" if backwards else "redo"
            audit = new_change_set(
                session, verb, f"{verb}: {target.description}", user, {"change": target.id}
            )
            session.add(audit)
            handler = STEP_HANDLERS.get(target.kind)
            if handler is not None:
                # merges, splits and sign-off codes are reversed by their own inverse
                touched = handler(session, target, backwards)
                bump(session, touched)
            else:
                touched = self._restore(session, audit, target, backwards, seen, restoring)
            target.undone = backwards
            return change_info(audit, touched, target.kind)

    def _restore(
        self,
        session: Session,
        audit: ChangeSet,
        target: ChangeSet,
        backwards: bool,
        seen: dict[int, int],
        restoring: list[FieldValue],
    ) -> set[int]:
        """Set every field the change touched back (or forward) to its recorded value."""
        entries = list(reversed(target.entries)) if backwards else list(target.entries)
        restore = [
            (e.article_id, e.field, e.old if backwards else e.new)
            for e in entries
            if e.article_id is not None and e.field != OVERRIDES
        ]
        # each field must still hold what the change left (undo) or found (redo)
        left: dict[tuple[int, str], Any] = {}
        for article_id, field, value in _left_by(entries, backwards):
            left.setdefault((article_id, field), value)
        refused: dict[int, list[tuple[str, Any]]] = {}
        for (article_id, field), value in left.items():
            article = session.get(Article, article_id)
            if article is not None and not same_value(
                field, read_field(session, article, field), value
            ):
                refused.setdefault(article_id, []).append((field, value))
        if refused:
            wanted = {(a, f): v for a, f, v in restore}  # what the step would leave
            raise ConflictError(
                [
                    conflict(session, a, None, [(f, wanted[a, f]) for f, _v in fields])
                    for a, fields in refused.items()
                ]
            )
        restoring.extend(restore)
        touched = self._write(session, audit, restore, record_overrides=False, seen=seen)
        for entry in entries:  # the override maps go back exactly as they were
            if entry.field == OVERRIDES and entry.article_id is not None:
                article = session.get(Article, entry.article_id)
                if article is not None:
                    article.overrides = dict((entry.old if backwards else entry.new) or {})
        return touched

    # -- reading ---------------------------------------------------------------------------

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

    def values(self, ids: Sequence[int], field: str) -> Iterator[tuple[int, int | None, Any]]:
        """(article id, its row version or None when there is no such article, its current
        value of `field`) one article at a time, in one read session."""
        with self._sessions() as session:
            for article_id in ids:
                article = session.get(Article, article_id)
                if article is None:
                    yield article_id, None, None
                else:
                    yield article_id, article.row_version, read_field(session, article, field)


def _left_by(entries: list[HistoryEntry], backwards: bool) -> Iterator[tuple[int, str, Any]]:
    """(article, field, the value the change left) for undo, or the value it found for redo;
    `entries` are in the order the step applies them, so the first of a field is its state."""
    for entry in entries:
        if entry.article_id is not None and entry.field != OVERRIDES:
            yield entry.article_id, entry.field, entry.new if backwards else entry.old
