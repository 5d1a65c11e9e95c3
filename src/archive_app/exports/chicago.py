"""Chicago (17th edition, notes and bibliography) entries for newspaper and news articles."""

from __future__ import annotations

from archive_app.domain.model import ArticleDetail
from archive_app.exports import record_fields as fields
from archive_app.exports.styled import Span, end

_QUOTE_SWAP = str.maketrans({"“": "‘", "”": "’"})


def _quoted(title: str, mark: str) -> str:
    """“Title,” with `mark` inside the quotes unless the title ends in ? or !; quotes within
    the title become single quotes."""
    inner = title.strip().translate(_QUOTE_SWAP) or "[Untitled]"
    parts = inner.split('"')
    inner = "".join(p + ("‘" if i % 2 == 0 else "’") for i, p in enumerate(parts[:-1]))
    inner += parts[-1]
    return f"“{inner}”" if inner.endswith(("?", "!")) else f"“{inner}{mark}”"


def _listed(names: list[str]) -> str:
    if len(names) <= 2:
        return " and ".join(names)
    return ", ".join(names[:-1]) + ", and " + names[-1]


def _inverted(name: str) -> str:
    parts = fields.split_name(name)
    return f"{parts.family}, {parts.given}" if parts.given else parts.family


def bibliography(detail: ArticleDetail) -> list[Span]:
    """Artada, Yessy. “Title.” *JPNN.com*, May 17, 2024. Accessed May 20, 2024. URL.

    An unsigned article is listed under its publication (italic, not repeated). The access
    date, the day Arsip imported the article (when its text was taken), goes before the URL
    and only with one: without an address there is nothing a reader could access.
    """
    record = detail.record
    writers = fields.creators(detail)
    publication = fields.publication(record)
    date = fields.published(record)
    seen = fields.accessed(detail)
    spans: list[Span] = []
    if writers:
        shown = writers if len(writers) <= 10 else writers[:7]
        names = [_inverted(shown[0]), *shown[1:]]
        # an inverted first name takes a comma before "and" even with two names
        lead = ", and ".join(names) if len(names) == 2 else _listed(names)
        lead += " et al." if len(writers) > 10 else ""
        spans.append(Span(lead if lead.endswith(".") else lead + "."))
        spans.append(Span(" "))
    elif publication:
        spans += [Span(publication, italic=True), Span(". ")]
        publication = None
    spans.append(Span(_quoted(record.title, ".")))
    when = date.long() if date else "n.d."
    if publication:
        spans += [Span(" "), Span(publication, italic=True), Span(", " + end(when))]
    else:
        spans.append(Span(" " + end(when)))
    if record.url:
        if seen:
            spans.append(Span(f" Accessed {seen.long()}."))
        spans.append(Span(f" {record.url}."))
    return spans


def note(detail: ArticleDetail) -> list[Span]:
    """Yessy Artada, “Title,” *JPNN.com*, May 17, 2024, accessed May 20, 2024, URL."""
    record = detail.record
    writers = fields.creators(detail)
    publication = fields.publication(record)
    date = fields.published(record)
    seen = fields.accessed(detail)
    spans: list[Span] = []
    if writers:
        lead = f"{writers[0]} et al." if len(writers) > 3 else _listed(writers)
        spans.append(Span(lead + ", "))
    spans.append(Span(_quoted(record.title, ",")))
    if publication:
        spans += [Span(" "), Span(publication, italic=True), Span(",")]
    tail = [date.long() if date else "n.d."]
    if record.url:
        tail += [f"accessed {seen.long()}"] if seen else []
        tail.append(record.url)
    spans.append(Span(" " + end(", ".join(tail))))
    return spans
