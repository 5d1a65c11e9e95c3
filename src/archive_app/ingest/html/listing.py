"""Tell an article page from a list of articles (an index, a section front, search results)."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from lxml.html import HtmlElement

from archive_app.ingest.normalise.text import fold

# A teaser card carries a headline link of a few words and little else.
_HEADLINE_WORDS = 4
_TEASER_MAX_WORDS = 80
# A list shows many cards and no running text of its own; an article page may show a row of
# related-story cards, but it has at least one sentence of its own beside them.
MIN_CARDS = 8
_SENTENCE_WORDS = 10
# A sentence: words up to a full stop, question or exclamation mark (a quote may close it).
_SENTENCE = re.compile(r"[^.!?]+[.!?]+[\"”’)]?")


@dataclass(frozen=True, slots=True)
class Listing:
    """The article links a list page shows."""

    links: tuple[str, ...]


def _headline_link(card: HtmlElement) -> str | None:
    """The card's headline link: the first link whose text (or title) reads as a headline."""
    for link in card.iter("a"):
        href = (link.get("href") or "").strip()
        text = fold(link.text_content()) or fold(link.get("title") or "")
        if (
            href
            and not href.startswith(("#", "javascript:"))
            and len(text.split()) >= _HEADLINE_WORDS
        ):
            return href
    return None


def _card(node: HtmlElement) -> tuple[str, str] | None:
    """(headline link, card text) when the node reads as a teaser card."""
    text = fold(node.text_content())
    if len(text.split()) > _TEASER_MAX_WORDS:
        return None
    link = _headline_link(node)
    return (link, text) if link else None


def teaser_cards(tree: HtmlElement) -> dict[str, str]:
    """The largest run of teaser cards (siblings of one kind, each with a headline link):
    card text by link."""
    best: dict[str, str] = {}
    groups: dict[tuple[HtmlElement, str, str], list[HtmlElement]] = defaultdict(list)
    for node in tree.iter("article", "li", "div"):
        parent = node.getparent()
        if parent is not None:
            groups[(parent, str(node.tag), node.get("class") or "")].append(node)
    cards_anywhere = [n for n in tree.iter("article")]
    for members in [*groups.values(), cards_anywhere]:
        if len(members) < MIN_CARDS:
            continue
        cards = dict(card for card in map(_card, members) if card)
        if len(cards) > len(best):
            best = cards
    return best


def listing_page(tree: HtmlElement, body: list[str], has_article_schema: bool) -> Listing | None:
    """A Listing when the page is a list of article links rather than an article."""
    if has_article_schema:
        return None
    cards = teaser_cards(tree)
    if len(cards) < MIN_CARDS:
        return None
    # the extractor may return the cards themselves as text: only the rest is the page's own
    teasers = " ".join(cards.values())
    for line in body:
        for sentence in _SENTENCE.findall(line):
            if len(sentence.split()) >= _SENTENCE_WORDS and fold(sentence) not in teasers:
                return None
    return Listing(tuple(cards))
