"""Citation text with italics, rendered as plain text or as escaped HTML."""

from __future__ import annotations

import html
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Span:
    """A run of citation text; `italic` for a publication's name."""

    text: str
    italic: bool = False


def plain(spans: list[Span]) -> str:
    return "".join(span.text for span in spans)


def as_html(spans: list[Span]) -> str:
    """Escaped text with <i> around italic runs (safe to paste into any HTML)."""
    out = []
    for span in spans:
        text = html.escape(span.text, quote=False)
        out.append(f"<i>{text}</i>" if span.italic and text else text)
    return "".join(out)


def end(text: str, mark: str = ".") -> str:
    """`text` closed with `mark` unless it already ends in a full stop, ? or !."""
    text = text.rstrip()
    return text if text.endswith((".", "?", "!")) else text + mark
