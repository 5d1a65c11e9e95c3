"""APA (7th edition) references for newspaper and online news articles."""

from __future__ import annotations

from archive_app.domain.model import ArticleDetail
from archive_app.exports import record_fields as fields
from archive_app.exports.styled import Span, end


def _person(name: str) -> str:
    """ "Artada, Y." — family name and initials; a one-word name stays whole."""
    parts = fields.split_name(name)
    given = fields.initials(parts.given)
    return f"{parts.family}, {given}" if given else parts.family


def _authors(people: list[str]) -> str:
    """APA's list: up to 20 names with "&" before the last; beyond that 19, "…", the last."""
    names = [_person(p) for p in people]
    if len(names) == 1:
        return names[0]
    if len(names) > 20:
        return ", ".join(names[:19]) + ", . . . " + names[-1]
    return ", ".join(names[:-1]) + ", & " + names[-1]


def reference(detail: ArticleDetail) -> list[Span]:
    """Author, A. (2024, May 17). Title. *Publication*. URL

    With no writer credited, the publication stands as the (group) author and is not repeated;
    with neither, the title moves to the front. Editors are not part of an APA news reference.
    Titles are kept as the source capitalised them: sentence case cannot be made safely
    without knowing which words are names.
    """
    record = detail.record
    writers = fields.creators(detail)
    publication = fields.publication(record)
    date = fields.published(record)
    when = f"({date.apa()})." if date else "(n.d.)."
    title = record.title.strip() or "[Untitled]"
    title = end(f"{title} [Photograph]" if fields.is_photo(detail) else title)
    spans: list[Span] = []
    if writers:
        spans += [Span(end(_authors(writers)) + " " + when + " " + title)]
    elif publication:
        spans += [Span(end(publication) + " " + when + " " + title)]
        publication = None
    else:
        spans += [Span(title + " " + when)]
    if publication:
        spans += [Span(" "), Span(publication, italic=True), Span(".")]
    if record.url:
        spans += [Span(" " + record.url)]
    return spans
