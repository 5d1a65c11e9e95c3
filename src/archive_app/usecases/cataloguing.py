"""The Archive's cataloguing methods: edits, bulk changes, undo and redo, tags, collections."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from archive_app.db import tag_collections
from archive_app.domain.errors import ArchiveError
from archive_app.domain.model import ChangeInfo, CollectionInfo, HistoryItem, ReplacePreview
from archive_app.domain.query import REVIEW_ANY
from archive_app.usecases.field_rules import REVIEW_FIELD, FieldError
from archive_app.usecases.library_core import LibraryCore
from archive_app.usecases.undoable_edits import Change, Editor


class CataloguingMixin(LibraryCore):
    """Mixed into Archive: every change goes through the one writer lane and the index."""

    @property
    def editor(self) -> Editor:
        return Editor(self._sessions, lambda ids: self._index_changes(set(), ids))

    def edit(
        self,
        article_id: int,
        changes: dict[str, Any],
        description: str | None = None,
        expected_version: int | None = None,
    ) -> ChangeInfo:
        """Set fields of one article; one undo step; the index follows at once.

        A value that fails its check raises FieldError naming the field; nothing is written.
        `expected_version` is the row version the edit was prepared against (ArticleDetail's
        row_version): if someone changed the article since, ConflictError names the article
        and, field by field, their value and yours; nothing is written.
        """
        self._require_writable()
        fields = ", ".join(changes)
        with self._write_lane:
            return self.editor.apply(
                "edit",
                description or f"edit {fields} of article {article_id}",
                [Change(article_id, f, v, expected_version) for f, v in changes.items()],
            )

    def bulk_preview(
        self, ids: Sequence[int], verb: str, field: str, argument: Any
    ) -> list[Change]:
        """The changes a bulk operation would make, article by article."""
        return self.editor.bulk_changes(ids, verb, field, argument)

    def bulk(self, ids: Sequence[int], verb: str, field: str, argument: Any) -> ChangeInfo:
        """set/add/remove (tags, collections, keywords, people) or set (site, language…) on
        many articles as one undo step; rename_role changes a role ({from, to, name?})."""
        self._require_writable()
        with self._write_lane:
            changes = self.editor.bulk_changes(ids, verb, field, argument)
            return self.editor.apply(
                "bulk", f"{verb} {field} {_describe(argument)} on {len(ids)} articles", changes
            )

    def mark_reviewed(self, ids: Sequence[int], kind: str = REVIEW_ANY) -> ChangeInfo:
        """Clear the review flags of `kind` ("any": every flag) on the articles without
        changing a field: a librarian looked and found nothing to correct. One undo step."""
        self._require_writable()
        with self._write_lane:
            changes = self.editor.bulk_changes(ids, "remove", REVIEW_FIELD, kind)
            if not changes:
                raise ArchiveError("there is nothing to review on the chosen articles")
            which = "" if kind == REVIEW_ANY else f" ({kind})"
            subject = f"article {ids[0]}" if len(ids) == 1 else f"{len(ids)} articles"
            return self.editor.apply("bulk", f"mark {subject} as reviewed{which}", changes)

    def preview_replace(
        self, ids: Sequence[int], field: str, find: str, replace: str, regex: bool = False
    ) -> list[ReplacePreview]:
        return self.editor.preview_replace(ids, field, find, replace, regex)

    def apply_replace(
        self, previews: Sequence[ReplacePreview], find: str = "", replace: str = ""
    ) -> ChangeInfo:
        """Apply a previewed find-and-replace exactly as previewed, as one undo step; an
        article changed since its preview refuses it all (ConflictError)."""
        self._require_writable()
        if not previews:
            raise ArchiveError("nothing to replace")
        with self._write_lane:
            return self.editor.apply(
                "bulk",
                f"replace {find!r} with {replace!r} in {previews[0].field} "
                f"of {len(previews)} articles",
                [Change(p.article_id, p.field, p.new, p.row_version) for p in previews],
            )

    def undo(self) -> ChangeInfo | None:
        self._require_writable()
        with self._write_lane:
            return self.editor.undo()

    def redo(self) -> ChangeInfo | None:
        self._require_writable()
        with self._write_lane:
            return self.editor.redo()

    def undo_state(self) -> tuple[str | None, str | None]:
        """What undo and redo would do now, for menus ("Undo edit title of article 3")."""
        return self.editor.can_undo()

    def history(self, article_id: int) -> list[HistoryItem]:
        return self.editor.history(article_id)

    # -- tags and collections --------------------------------------------------------------

    def tags(self) -> list[tuple[str, int]]:
        return tag_collections.tag_counts(self._sessions)

    def collections(self) -> list[CollectionInfo]:
        """Every collection with its article count, parents before their children."""
        infos = tag_collections.collection_counts(self._sessions)
        return sorted(infos, key=lambda info: info.path.casefold())

    def create_collection(self, path: str) -> str:
        self._require_writable()
        if not path.strip(" /"):
            raise FieldError("collections", "a collection needs a name")
        with self._write_lane:
            return tag_collections.make_collection(self._sessions, path)

    def collection_ids(self, path: str) -> list[int]:
        """The articles in a collection (not its sub-collections)."""
        members = tag_collections.collection_members(self._sessions, path)
        if members is None:
            raise ArchiveError(f"there is no collection {path!r}")
        return members


def _describe(argument: Any) -> str:
    if isinstance(argument, dict):
        return " ".join(str(v) for v in argument.values())
    return repr(argument)
