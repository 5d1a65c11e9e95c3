"""Where each inline photo stood in the page: the text of the paragraphs around it."""

from __future__ import annotations

from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass

from lxml import etree
from lxml.html import HtmlElement

from archive_app.ingest.html.caption_markup import NOT_TEXT
from archive_app.ingest.normalise.noise import is_noise
from archive_app.ingest.normalise.related import split_related
from archive_app.ingest.normalise.text import fold

# Elements that run inside a line of text; every other element (p, div, li, br, h2, …) ends
# the text before it, so the text between two such boundaries is one paragraph as read.
_INLINE = frozenset(
    {
        "a",
        "abbr",
        "b",
        "bdi",
        "bdo",
        "cite",
        "code",
        "data",
        "dfn",
        "em",
        "font",
        "i",
        "kbd",
        "mark",
        "q",
        "s",
        "samp",
        "small",
        "span",
        "strike",
        "strong",
        "sub",
        "sup",
        "time",
        "u",
        "var",
        "wbr",
    }
)
# Text that is never the paragraph a photo follows: scripts, buttons, the page's <head> and
# the headline.
_MUTED = NOT_TEXT | {"head", "h1"}
# Fewer words than this is a heading, a label or a stray line ("Foto:"), not a paragraph.
_MIN_WORDS = 5
# Lines kept on each side of a photo, nearest first: the nearest may be a line the normaliser
# removes ("READ MORE: …", "Baca juga: …"), the one beyond it the paragraph the photo followed.
_KEPT = 4


@dataclass(frozen=True, slots=True)
class Around:
    """The page's lines around a photo, nearest first on each side: the nearest, and the ones
    beyond it while those are minor lines (links, headings, labels), up to a paragraph."""

    before: tuple[str, ...] = ()
    after: tuple[str, ...] = ()


class _Lines:
    """The text read so far, cut into lines at block boundaries, without furniture and
    without captions written right after their figure; each line notes whether it is minor (a
    link line, or too short to be a paragraph), a line a photo's place may lie beyond."""

    def __init__(self) -> None:
        # captions of the photos just passed: the next line may be one, written after its
        # figure; further on, the same words are article text (some captions repeat it)
        self.captions: set[str] = set()
        self.parts: list[str] = []
        self.linked = 0  # characters of the gathered text inside links
        self.recent: deque[tuple[str, bool]] = deque(maxlen=_KEPT)
        self.reading: dict[int, list[str]] = {}  # photos still reading the lines after them
        self.read: dict[int, tuple[str, ...]] = {}

    def add(self, text: str, in_link: bool) -> None:
        self.parts.append(text)
        if in_link:
            self.linked += len(fold(text))

    def _caption(self, text: str) -> bool:
        """The caption of a photo just passed, perhaps with its credit after it."""
        lowered = text.casefold()
        captions, self.captions = self.captions, set()
        return any(lowered.startswith(c) and 2 * len(c) >= len(lowered) for c in captions)

    def end(self) -> None:
        """A boundary: the text gathered since the last one is a line."""
        if not self.parts:
            return
        text = fold("".join(self.parts))
        linked, self.linked = self.linked, 0
        self.parts.clear()
        if not text or self._caption(text) or is_noise(text):
            return
        minor = len(text.split()) < _MIN_WORDS or 2 * linked >= len(text) or split_related(text)[0]
        self.recent.append((text, minor))
        for photo, lines in list(self.reading.items()):
            lines.append(text)
            if not minor or len(lines) == _KEPT:  # a paragraph closes the lines after a photo
                self.read[photo] = tuple(lines)
                del self.reading[photo]

    def before(self) -> tuple[str, ...]:
        """The lines just read, nearest first, up to the nearest paragraph."""
        found: list[str] = []
        for text, minor in reversed(self.recent):
            found.append(text)
            if not minor:
                break
        return tuple(found)

    def after(self, photo: int) -> tuple[str, ...]:
        """The lines read after a photo, nearest first, up to the nearest paragraph."""
        return self.read.get(photo) or tuple(self.reading.get(photo, ()))


def around_photos(
    tree: HtmlElement, nodes: Sequence[HtmlElement | None], captions: Sequence[str | None] = ()
) -> list[Around]:
    """For each node, the lines of page text around it in document order. Text inside the
    nodes themselves, their `captions` (by node) written right after them, the headline and
    text inside scripts, styles and buttons are not article text."""
    wanted = {node: i for i, node in enumerate(nodes) if node is not None}
    before: list[tuple[str, ...]] = [()] * len(nodes)
    if not wanted:
        return [Around() for _ in nodes]
    lines = _Lines()
    muted = 0  # inside a script, a button, the head or the headline; photos may be there
    links = 0  # inside a link
    walker = etree.iterwalk(tree, events=("start", "end"))
    for event, element in walker:
        tag = element.tag if isinstance(element.tag, str) else None  # comments have no tag
        # a photo, and every element that is not inline, ends the line before it
        if element in wanted or (tag is not None and tag not in _INLINE and tag not in NOT_TEXT):
            lines.end()
        if event == "start":
            if element in wanted:
                for node in element.iter():  # a photo inside another stands where it does
                    if node in wanted:
                        index = wanted[node]
                        before[index] = lines.before()
                        lines.reading[index] = []
                        caption = captions[index] if index < len(captions) else None
                        if caption:
                            lines.captions.add(fold(caption).casefold())
                walker.skip_subtree()  # the photo's own caption is not the text around it
                continue
            muted += 1 if tag in _MUTED else 0
            links += 1 if tag == "a" else 0
            if tag is not None and element.text and not muted:
                lines.add(element.text, links > 0)
            continue
        if element not in wanted:  # a photo's subtree was skipped: it counted nothing
            muted -= 1 if tag in _MUTED else 0
            links -= 1 if tag == "a" else 0
        if element.tail and not muted:
            lines.add(element.tail, links > 0)
    lines.end()
    return [Around(b, lines.after(i)) for i, b in enumerate(before)]
