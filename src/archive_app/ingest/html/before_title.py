"""Drop extracted lines that repeat the headline or that the page shows only above it (teasers,
e-paper boxes, breaking-news bars): an article's own text follows its headline."""

from __future__ import annotations

import re

from lxml.html import HtmlElement

from archive_app.ingest.normalise.text import fold

_WORD = re.compile(r"\w+")
_SKIP = frozenset({"script", "style", "noscript", "template"})
# Furniture is a small part of what the extractor returns; when more than this share would
# go, the page's layout is unusual (the headline placed after the text) and nothing is dropped.
_MAX_DROPPED_SHARE = 0.25


def _words(text: str) -> str:
    """Words only: og:title often drops the headline's punctuation ("Ampat: Apa …?")."""
    return " ".join(_WORD.findall(text.lower()))


def _headline(tree: HtmlElement, title: str | None) -> HtmlElement | None:
    """The <h1> that carries the article's title (a page may have several)."""
    wanted = _words(title or "")
    if not wanted:
        return None
    for heading in tree.iter("h1"):
        text = _words(heading.text_content())
        if text and (text in wanted or wanted in text):
            return heading
    return None


def _texts_around(tree: HtmlElement, headline: HtmlElement) -> tuple[str, str]:
    """The page's text before the headline and from the headline on."""
    before: list[str] = []
    after: list[str] = []
    target = before

    def walk(element: HtmlElement) -> None:
        nonlocal target
        if not isinstance(element.tag, str) or element.tag in _SKIP:
            if element.tail:
                target.append(element.tail)
            return
        if element is headline:
            target = after
        if element.text:
            target.append(element.text)
        for child in element:
            walk(child)
        if element.tail:
            target.append(element.tail)

    walk(tree)
    return fold(" ".join(before)), fold(" ".join(after))


def drop_before_title(lines: list[str], tree: HtmlElement, title: str | None) -> list[str]:
    """The lines without those found only before the headline (all kept when in doubt)."""
    wanted = _words(title or "")
    while lines and wanted and _words(lines[0]) == wanted:
        lines = lines[1:]  # the headline repeated as the text's first line
    headline = _headline(tree, title)
    if headline is None or not lines:
        return lines
    before, after = _texts_around(tree, headline)
    kept = [line for line in lines if not (fold(line) in before and fold(line) not in after)]
    total = sum(len(line.split()) for line in lines)
    left = sum(len(line.split()) for line in kept)
    return kept if left >= (1 - _MAX_DROPPED_SHARE) * total else lines
