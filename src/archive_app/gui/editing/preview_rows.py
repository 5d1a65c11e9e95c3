"""Work out a bulk change's or a find-and-replace's preview rows off the GUI thread."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Protocol

from archive_app.domain.model import ArticleDetail, ArticleSummary, ReplacePreview
from archive_app.gui.common.field_values import changed_parts, value_of
from archive_app.gui.editing.preview_model import PreviewRow
from archive_app.usecases.field_rules import validate

if TYPE_CHECKING:
    from archive_app.usecases.undoable_edits import Change


class PreviewSource(Protocol):
    """What previews need from the Archive facade."""

    def bulk_preview(
        self, ids: Sequence[int], verb: str, field: str, argument: Any
    ) -> list[Change]: ...

    def preview_replace(
        self, ids: Sequence[int], field: str, find: str, replace: str, regex: bool = ...
    ) -> list[ReplacePreview]: ...

    def articles(self, ids: Sequence[int]) -> Any: ...

    def summaries(self, ids: Sequence[int]) -> list[ArticleSummary]: ...


def bulk_rows(
    source: PreviewSource, ids: Sequence[int], verb: str, field: str, argument: Any
) -> list[PreviewRow]:
    """Every article the change would alter, its value now and after (checked by the
    catalogue's rules first: a refused value raises FieldError before anything is shown)."""
    changes = source.bulk_preview(ids, verb, field, argument)
    after = {c.article_id: validate(c.field, c.value) for c in changes}
    details: dict[int, ArticleDetail] = {d.id: d for d in source.articles(list(after))}
    return [
        PreviewRow(i, details[i].record.title, field, value_of(details[i], field), value)
        for i, value in after.items()
        if i in details
    ]


def replace_rows(source: PreviewSource, previews: Sequence[ReplacePreview]) -> list[PreviewRow]:
    """A find-and-replace preview with titles; of a text only the paragraphs that change."""
    titles = {s.id: s.title for s in source.summaries([p.article_id for p in previews])}
    rows = []
    for preview in previews:
        old, new = changed_parts(preview.old, preview.new)
        rows.append(
            PreviewRow(
                preview.article_id, titles.get(preview.article_id, ""), preview.field, old, new
            )
        )
    return rows
