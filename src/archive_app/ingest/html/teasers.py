"""Lines of the extracted text that are another story's headline link: the teasers of related
articles that a page sets between its paragraphs."""

from __future__ import annotations

import re

from lxml.html import HtmlElement

from archive_app.ingest.html.regions import story_link
from archive_app.ingest.normalise.text import fold

# A headline has at least this many words; shorter link lines are names of things the
# article itself is about ("16-inch MacBook Pro" in a deals post).
_HEADLINE_WORDS = 5
# "Click to tweet" quotes link to a sharing service: the quote is the article's own text.
_SHARING = re.compile(
    r"^(?:https?:)?//(?:[\w-]+\.)*(?:twitter\.com|x\.com|facebook\.com|"
    r"linkedin\.com|pinterest\.\w+|reddit\.com|wa\.me|whatsapp\.com|t\.me|"
    r"ctt\.ec|clicktotweet\.com)/",
    re.IGNORECASE,
)


def drop_teasers(lines: list[str], tree: HtmlElement) -> list[str]:
    """The lines without those that are, whole, the text of a link to another page."""
    candidates = {line for line in lines if len(line.split()) >= _HEADLINE_WORDS}
    if not candidates:
        return lines
    linked = set()
    for link in tree.iter("a"):
        text = fold(link.text_content())
        if (
            text in candidates
            and story_link(link)
            and not _SHARING.match((link.get("href") or "").strip())
        ):
            linked.add(text)
    return [line for line in lines if line not in linked] if linked else lines
