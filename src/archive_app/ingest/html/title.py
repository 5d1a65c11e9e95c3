"""The article's headline among what a page offers: og:title, the JSON-LD headline, its
headings and its <title>; without the kicker, section name or site name printed around it."""

from __future__ import annotations

import re
from typing import Any

from lxml.html import HtmlElement

from archive_app.ingest.html import jsonld
from archive_app.ingest.html.meta import MetaTags
from archive_app.ingest.normalise.text import fold

_WORD = re.compile(r"\w+")
# What stands between a headline and a kicker, a section or a site's name in a title.
_SEPARATORS = ":：|-–—»·•*/"
# Quotes and brackets that open or close the headline itself ("[Review] …", "「…」").
_OPENERS = " \"'‘“「『([{«"
_CLOSERS = " .!?\"'’”」』)]}»"
# A site name printed before the headline in a social title is at most this many words more.
_MAX_EXTRA_WORDS = 4
# A heading shorter than this (and than half the social title) is a section's name, not the
# headline the social title is built on.
_MIN_HEADLINE_WORDS = 4
# Markup names of the kicker printed above or inside a headline ("Klimaschutz", "EXCLUSIVE").
_KICKER = re.compile(
    r"kicker|eyebrow|overline|dachzeile|topline|roofline|spitzmarke|"
    r"surtitle|supertitle|pretitle|headline-?intro|headline__label",
    re.I,
)
# The site's own name or logo set as a heading: <h1 id="site-title"><a href="/">Name</a>.
_SITE_HEADING = re.compile(r"site-?(?:title|name|logo)|logo|brand|masthead", re.I)
_TITLE_PARTS = re.compile(r"\s+[|–—·•»*-]\s+")


def _marks(node: HtmlElement) -> str:
    return f"{node.get('class') or ''} {node.get('id') or ''}"


def _words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def heading_text(heading: HtmlElement) -> str:
    """A heading's text without the kicker its markup sets inside it, each part spaced."""
    parts: list[str] = []

    def walk(node: HtmlElement) -> None:
        if node is not heading and isinstance(node.tag, str) and _KICKER.search(_marks(node)):
            if node.tail:
                parts.append(node.tail)
            return
        if isinstance(node.tag, str) and node.tag not in ("script", "style"):
            if node.text:
                parts.append(node.text)
            for child in node:
                walk(child)
        if node is not heading and node.tail:
            parts.append(node.tail)

    walk(heading)
    # a kicker's hidden separator (<span class="visually-hidden">: </span>) stays behind
    return fold(" ".join(parts)).strip(" :|–—-")


def _site_heading(heading: HtmlElement, site: str | None) -> bool:
    """A heading that holds the site's name or logo (a link to the home page), not a story's."""
    if site and fold(heading.text_content()).lower() == site.lower():
        return True
    for depth, node in enumerate((heading, *heading.iterancestors())):
        if depth > 2 or node.tag in ("body", "article", "main"):
            break
        if _SITE_HEADING.search(_marks(node)):
            return True
    link = heading.find(".//a")
    return link is not None and (link.get("href") or "").strip() in ("/", "./", "index.html")


def _headings(tree: HtmlElement, site: str | None) -> list[str]:
    """The texts of the page's headlines, h1 first, without site names and logos."""
    found = []
    for tag in ("h1", "h2", "h3"):
        for heading in tree.iter(tag):
            if not _site_heading(heading, site):
                text = heading_text(heading)
                if text:
                    found.append(text)
    return found


def _inside(outer: str, inner: str) -> tuple[str, str] | None:
    """(before, after): the text of `outer` around the words of `inner`, when they appear in
    it as a run."""
    wanted = _words(inner)
    spans = [(m.group(0).lower(), m.start(), m.end()) for m in _WORD.finditer(outer)]
    size = len(wanted)
    for start in range(len(spans) - size + 1):
        if [w for w, _, _ in spans[start : start + size]] == wanted:
            return outer[: spans[start][1]], outer[spans[start + size - 1][2] :]
    return None


def _built_on(social: str, heading: str) -> bool:
    """Whether a social title is the heading with a kicker before it or a section or site
    name after it ("Kicker: Headline | Section - Site", "Headline : Okezone Economy")."""
    words, social_words = _words(heading), _words(social)
    if not words or len(words) >= len(social_words):
        return False
    if len(words) < _MIN_HEADLINE_WORDS and len(words) < len(social_words) / 2:
        return False
    around = _inside(social, heading)
    if around is None:
        return False
    before, after = around[0].rstrip(_OPENERS), around[1].lstrip(_CLOSERS)
    opened = not before or before[-1] in _SEPARATORS
    closed = (
        not after
        or after[0] in _SEPARATORS + "("
        or (not before and len(_words(after)) <= _MAX_EXTRA_WORDS)
    )
    return opened and closed


def _title_tag(tree: HtmlElement) -> str:
    title = tree.find(".//title")
    return fold(title.text_content()) if title is not None else ""


def _named_by_title(text: str, headings: list[str]) -> str | None:
    """The heading the page's <title> names: the whole of it, one of its parts, or the run of
    words the title is built on."""
    parts = [_words(p) for p in _TITLE_PARTS.split(text) if p.strip()]
    for heading in headings:
        words = _words(heading)
        if words and (words == _words(text) or words in parts or _built_on(text, heading)):
            return heading
    return None


def _title_part(text: str, site: str | None) -> str:
    """The <title> without the site's and the section's names: its longest part."""
    parts = [p for p in _TITLE_PARTS.split(text) if p.strip()]
    if site:
        parts = [p for p in parts if p.strip().lower() != site.lower()] or parts
    return max(parts, key=lambda p: len(p.split())) if len(parts) > 1 else text


def page_title(
    tree: HtmlElement, meta: MetaTags, article: dict[str, Any] | None, site: str | None
) -> str | None:
    """og:title (or the heading it is built on), JSON-LD headline; without them the heading
    the <title> names, a first headline long enough not to be a section's name, the <title>
    itself, and last any heading."""
    found = meta.first("og:title", "twitter:title")
    if not found and article is not None:
        found = jsonld.text_of(article.get("headline"))
    if found:
        found = fold(found)
        h1s = [heading_text(h) for h in tree.iter("h1")]
        return next((h for h in h1s if h and _built_on(found, h)), found) or None
    headings = _headings(tree, site)
    text = _title_tag(tree)
    found = _named_by_title(text, headings) if text else None
    if not found:
        # a section's name set as the <h1> ("Politik") with the headline as the next heading
        top = [
            heading_text(h)
            for tag in ("h1", "h2")
            for h in tree.iter(tag)
            if not _site_heading(h, site)
        ]
        found = next((h for h in top if len(_words(h)) >= _MIN_HEADLINE_WORDS), None)
    if not found and text:
        found = _title_part(text, site)
    if not found and headings:
        found = headings[0]
    return fold(found) if found and fold(found) else None
