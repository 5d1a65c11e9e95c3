"""Where a picture sits on a page: in the article, or in furniture (navigation, sidebars,
adverts, teaser cards linking to other stories)."""

from __future__ import annotations

import re

from lxml.html import HtmlElement

# Regions whose pictures belong to other articles or to the page's furniture: a class or id
# word, or a dash-separated part of one ("related-posts", "c-sidebar"; not "shareable").
_ELSEWHERE = re.compile(
    r"^(?:.*[-_])?(?:related|recommended|recommendations?|promo|teasers?|"
    r"sidebar|footer|navbar|nav|menu|comments?|newsletter|advert\w*|"
    r"share|sharing|social|popular|trending|most-?read|terpopuler|"
    r"bacajuga|baca-juga|outbrain|taboola|popin|avatar|logo|modal|popup|"
    r"dialog|subscribe|subscription|paywall|author|bio|profile)"
    r"(?:[-_].*)?$",
    re.I,
)
# Advertising slots, named as a whole word ("ads", "ad-slot"), not as a hint ("ads-top-after"
# marks where an advert goes after the block).
_AD = re.compile(
    r"^(?:ads?|adsbygoogle|ad[-_](?:slot|container|wrapper|unit|banner|box|block)"
    r"\w*)$",
    re.I,
)
_SKIP_TAGS = frozenset({"nav", "footer", "aside", "header-nav", "noscript", "script", "style"})


def marks(node: HtmlElement) -> str:
    """A node's class and id words."""
    return f"{node.get('class') or ''} {node.get('id') or ''}"


def furniture(node: HtmlElement) -> bool:
    """Whether a node's class or id names navigation, a sidebar, an advert or a teaser block."""
    return any(_ELSEWHERE.match(word) or _AD.match(word) for word in marks(node).split())


def content_ancestors(tree: HtmlElement) -> set[HtmlElement]:
    """The blocks that hold the article's own text (around its longest paragraphs): a
    "has-sidebar" layout that wraps the article is not a sidebar."""
    best: tuple[int, HtmlElement | None] = (0, None)
    for paragraph in tree.iter("p"):
        size = len((paragraph.text_content() or "").split())
        if size > best[0]:
            best = (size, paragraph)
    return set(best[1].iterancestors()) if best[1] is not None else set()


def story_link(link: HtmlElement) -> bool:
    """A link to another page (a teaser), not to the picture itself (a zoom or gallery)."""
    href = (link.get("href") or "").strip().lower().split("?")[0]
    return (
        bool(href)
        and not href.startswith(("#", "javascript:"))
        and not href.endswith((".jpg", ".jpeg", ".png", ".webp", ".gif"))
    )


def elsewhere(node: HtmlElement, content: set[HtmlElement]) -> bool:
    """Inside navigation, a footer, a sidebar or a block of links to other stories."""
    for ancestor in [node, *node.iterancestors()]:
        if not isinstance(ancestor.tag, str) or ancestor in content:
            continue
        if ancestor.tag in _SKIP_TAGS or (ancestor.tag == "a" and story_link(ancestor)):
            return True
        if ancestor.tag in ("body", "html"):
            return False
        if furniture(ancestor):
            return True
    return False


def linked_away(img: HtmlElement, scope: HtmlElement) -> bool:
    """A picture wrapped in a link to another story, inside its figure: a teaser's picture."""
    for ancestor in img.iterancestors():
        if ancestor is scope:
            return False
        if ancestor.tag == "a" and story_link(ancestor):
            return True
    return False


def outermost(nodes: list[HtmlElement]) -> list[HtmlElement]:
    """The nodes that are not inside another of them."""
    chosen = set(nodes)
    return [n for n in nodes if not any(a in chosen for a in n.iterancestors())]
