"""Edits to the catalogue as undoable change sets, each field's old and new value recorded."""

from __future__ import annotations

import getpass
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from archive_app.db.change_sets import ChangeSetStore
from archive_app.db.sessions import Sessions
from archive_app.domain.errors import ArchiveError, ArticleNotFoundError
from archive_app.domain.model import ChangeInfo, HistoryItem, ReplacePreview
from archive_app.domain.review import REVIEW_KINDS
from archive_app.usecases.field_rules import IMPORTED_FIELDS, REVIEW_FIELD, FieldError, validate

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
    # the article's row version the change was prepared against (None: whatever it is now);
    # a change whose article has moved on is refused with ConflictError
    expected_version: int | None = None


class Editor:
    """Applies edits in one transaction each, records them, and reindexes what changed."""

    def __init__(self, sessions: Sessions, reindex: Callable[[set[int]], str | None]) -> None:
        self._store = ChangeSetStore(
            sessions, imported_fields=IMPORTED_FIELDS, review_field=REVIEW_FIELD
        )
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
        changes = list(changes)
        validated = [(c.article_id, c.field, validate(c.field, c.value)) for c in changes]
        expected = {
            c.article_id: c.expected_version for c in changes if c.expected_version is not None
        }
        info = self._store.record(kind, description, current_user(), validated, payload, expected)
        self._after(set(info.articles))
        return info

    def _after(self, touched: set[int]) -> None:
        if touched:
            problem = self._reindex(touched)
            if problem:
                raise ArchiveError(problem)

    # -- undo and redo ---------------------------------------------------------------------

    def can_undo(self) -> tuple[str | None, str | None]:
        """Descriptions of what undo and redo would do now (None when there is nothing)."""
        return self._store.undo_state()

    def undo(self) -> ChangeInfo | None:
        return self._step(backwards=True)

    def redo(self) -> ChangeInfo | None:
        return self._step(backwards=False)

    def _step(self, *, backwards: bool) -> ChangeInfo | None:
        info = self._store.step(current_user(), backwards=backwards)
        if info is None:
            return None
        self._after(set(info.articles))
        return info

    # -- history ---------------------------------------------------------------------------

    def history(self, article_id: int) -> list[HistoryItem]:
        return self._store.history(article_id)

    # -- bulk and find/replace -------------------------------------------------------------

    def bulk_changes(
        self, ids: Sequence[int], verb: str, field: str, argument: Any
    ) -> list[Change]:
        """The per-article changes a bulk operation makes (for a preview, or to apply)."""
        if verb not in BULK_VERBS:
            raise FieldError(field, f"unknown bulk operation {verb!r}")
        changes: list[Change] = []
        for article_id, version, old in self._store.values(ids, field):
            if version is None:
                raise ArticleNotFoundError(f"there is no article {article_id}")
            new = _bulk_value(verb, field, old, argument)
            if new != old:  # applied only to the article as previewed
                changes.append(Change(article_id, field, new, version))
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
        for article_id, version, old in self._store.values(ids, field):
            if version is None:
                continue
            if isinstance(old, list):
                new: Any = [pattern.sub(replace, p) for p in old]
            else:
                new = pattern.sub(replace, old) if old else old
            if new != old:
                previews.append(ReplacePreview(article_id, field, old, new, version))
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
