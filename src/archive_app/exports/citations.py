"""One article's citation in a chosen style, as plain text or HTML (the CLI and the reader)."""

from __future__ import annotations

from collections.abc import Callable

from archive_app.domain.errors import ExportError
from archive_app.domain.model import ArticleDetail
from archive_app.exports import apa, chicago
from archive_app.exports.styled import Span, as_html, plain

STYLES: dict[str, Callable[[ArticleDetail], list[Span]]] = {
    "apa": apa.reference,
    "chicago": chicago.bibliography,
    "chicago-note": chicago.note,
}
STYLE_NAMES = {
    "apa": "APA (7th edition)",
    "chicago": "Chicago (bibliography)",
    "chicago-note": "Chicago (note)",
}


def cite(detail: ArticleDetail, style: str = "apa", *, html: bool = False) -> str:
    """The citation text; `html` gives escaped HTML with the publication in <i>."""
    try:
        build = STYLES[style]
    except KeyError:
        raise ExportError(
            f"unknown citation style {style!r} (choose {', '.join(STYLES)})"
        ) from None
    spans = build(detail)
    return as_html(spans) if html else plain(spans)
