"""Highlighted snippets of the body text around the words a query matched."""

from __future__ import annotations

from whoosh import highlight

SEPARATOR = "\x1f"


def snippet_highlighter() -> highlight.Highlighter:
    """Fragments of about 200 characters, hits wrapped in <b>, HTML-escaped text."""
    return highlight.Highlighter(
        fragmenter=highlight.ContextFragmenter(maxchars=220, surround=70),
        formatter=highlight.HtmlFormatter(tagname="b", classname="hit", between=SEPARATOR),
    )


def split_snippets(joined: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in joined.split(SEPARATOR) if part.strip())
