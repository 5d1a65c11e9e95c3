"""Photos shown in a page: figures, picture blocks, caption blocks and bare pictures, each
with the caption and credit its markup gives."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from lxml.html import HtmlElement

from archive_app.ingest.html.caption_markup import (
    CAPTION,
    NOT_TEXT,
    STRONG_CAPTION,
    find_caption_node,
    node_text,
    split_block,
)
from archive_app.ingest.html.credits import Split, split_caption
from archive_app.ingest.html.images import references
from archive_app.ingest.html.regions import (
    content_ancestors,
    elsewhere,
    linked_away,
    marks,
    outermost,
    story_link,
)
from archive_app.ingest.normalise.noise import is_noise
from archive_app.ingest.normalise.text import fold

# Wrappers named for a picture ("image-widget", "article-photo") that hold one picture and a
# few lines of text are figures written without <figure>.
_PICTURE_BLOCK = re.compile(
    r"^(?:.*[-_])?(?:images?|photos?|pictures?|img|media|foto|gambar|"
    r"pic)(?:[-_].*)?$",
    re.I,
)
_BLOCK_MAX_WORDS = 100
# Caption lines beside a bare picture say something ("Lengkapi Profil" beside an icon does not).
_BARE_MIN_WORDS = 3
# Pictures that are page furniture by their file name.
_FURNITURE_IMAGE = re.compile(r"logo|icon|avatar|sprite|badge|emoji", re.I)
_MIN_ALT_WORDS = 4


@dataclass(slots=True)
class FoundPhoto:
    """A picture the page shows: its addresses, caption and credit, and how they were found."""

    refs: list[str]
    split: Split
    lead: bool = False
    node: HtmlElement | None = field(default=None, repr=False)


def _first_image(scope: HtmlElement) -> HtmlElement | None:
    """The first picture in scope with a real address."""
    for img in scope.iter("img"):
        if references(img):
            return img
    return None


def _from_figure(figure: HtmlElement) -> FoundPhoto | None:
    """The photo a <figure> shows, or None for a teaser or an empty figure."""
    img = _first_image(figure)
    caption_node = find_caption_node(figure)
    if img is not None and caption_node is None and linked_away(img, figure):
        return None  # an uncaptioned picture linking to another story: a teaser
    # a caption written after the figure is its own scope; one inside shares the figure's
    outside = caption_node is not None and figure not in caption_node.iterancestors()
    split = split_block(
        caption_node, caption_node if outside and caption_node is not None else figure
    )
    if img is not None and split.caption is None and split.credit is None:
        alt = fold(img.get("alt") or img.get("title") or "")
        if len(alt.split()) >= _MIN_ALT_WORDS:
            split = split_caption(alt)
    if img is None and split.caption is None:
        return None
    return FoundPhoto(references(img) if img is not None else [], split, node=figure)


def _image_near(node: HtmlElement, used: set[HtmlElement]) -> HtmlElement | None:
    """The picture a caption block belongs to: the first unused image within three levels up."""
    ancestor = node
    for _ in range(3):
        ancestor = ancestor.getparent()
        if ancestor is None or ancestor.tag in ("body", "html"):
            return None
        for img in ancestor.iter("img"):
            if img not in used and references(img):
                return img
    return None


def _caption_blocks(
    tree: HtmlElement, inside: set[HtmlElement], content: set[HtmlElement]
) -> Iterator[FoundPhoto]:
    """Caption blocks outside <figure>: a caption-classed element beside its picture."""
    used: set[HtmlElement] = set()
    # only elements with a class or an id can be marked as captions: XPath finds them in C,
    # where looking at every node of the page in Python cost 5 % of reading it
    blocks = [
        n
        for n in tree.xpath("//*[@class or @id]")
        if n.tag not in ("body", "html")
        and CAPTION.search(marks(n))
        and not any(a in inside for a in n.iterancestors())
        and n not in inside
    ]
    for node in outermost(blocks):
        if (
            elsewhere(node, content)
            or node.find(".//figure") is not None
            or "video" in marks(node).lower()
        ):
            continue  # a video's caption describes no photo
        img = _image_near(node, used)
        if img is None and not STRONG_CAPTION.search(marks(node)):
            continue
        split = split_block(node, node)
        if split.caption is None and split.credit is None:
            continue
        if img is not None:
            used.add(img)
        yield FoundPhoto(references(img) if img is not None else [], split, node=node)


def _picture_blocks(
    tree: HtmlElement, inside: set[HtmlElement], content: set[HtmlElement]
) -> Iterator[FoundPhoto]:
    """Figures written without <figure>: a picture-named wrapper with one picture and text."""
    candidates = []
    for node in tree.iter("div", "section", "span", "p"):
        if not any(_PICTURE_BLOCK.match(w) for w in marks(node).split()):
            continue
        if node in inside or any(a in inside for a in node.iterancestors()):
            continue
        images = [img for img in node.iter("img") if references(img)]
        words = len(node_text(node, set(node.iter("a"))).split())
        if len(images) == 1 and 0 < words <= _BLOCK_MAX_WORDS:
            candidates.append(node)
    for node in outermost(candidates):
        if elsewhere(node, content):
            continue
        caption_node = find_caption_node(node)
        img = next(img for img in node.iter("img") if references(img))
        if caption_node is None:
            if linked_away(img, node):
                continue
            caption_node = node
        split = split_block(caption_node, node)
        if split.caption is None and split.credit is None:
            continue
        yield FoundPhoto(references(img), split, node=node)


def _picture_wrapper(img: HtmlElement) -> HtmlElement:
    """The outermost element that holds nothing but the picture (<div><picture><img>)."""
    node = img
    while (parent := node.getparent()) is not None and (
        parent.tag in ("picture", "source")
        or (parent.tag in ("span", "a", "div") and len(parent) == 1 and not fold(parent.text or ""))
    ):
        node = parent
    return node


def _repeated_alt(img: HtmlElement) -> HtmlElement | None:
    """The line right after a picture that repeats its alt text: the picture's caption."""
    alt = fold(img.get("alt") or "").lower()
    following = _picture_wrapper(img).getnext()
    if (
        len(alt.split()) < 2
        or following is None
        or not isinstance(following.tag, str)
        or following.find(".//a") is not None
    ):
        return None
    return following if fold(following.text_content()).lower() == alt else None


def _bare_picture(img: HtmlElement) -> HtmlElement | None:
    """The block a picture shares with its caption lines only: <div><picture/><div>caption
    </div><div>credit</div></div>, a figure written with no names at all."""
    node = _picture_wrapper(img)
    block = node.getparent()
    if block is None or block.tag in ("body", "html") or fold(block.text or ""):
        return None
    lines = [child for child in block if child is not node]
    if not 1 <= len(lines) <= 3:
        return None
    for line in lines:
        if (
            not isinstance(line.tag, str)
            or line.tag in NOT_TEXT
            or line.tag in ("a", "p")
            or line.find(".//img") is not None
            or line.find(".//a") is not None
            or fold(line.tail or "")
        ):
            return None
    words = len(fold(" ".join(line.text_content() for line in lines)).split())
    return block if _BARE_MIN_WORDS <= words <= _BLOCK_MAX_WORDS else None


def _bare_pictures(
    tree: HtmlElement, inside: set[HtmlElement], content: set[HtmlElement]
) -> Iterator[FoundPhoto]:
    """Pictures with caption lines beside them and no names in the markup at all."""
    for img in tree.iter("img"):
        refs = references(img)
        if (
            not refs
            or _FURNITURE_IMAGE.search(refs[0])
            or any(a in inside for a in img.iterancestors())
        ):
            continue
        block = _bare_picture(img)
        if block is None:
            block = _repeated_alt(img)
        if block is None or elsewhere(block, content):
            continue
        split = split_block(block, block)
        if split.caption is not None or split.credit is not None:
            inside.add(block)
            yield FoundPhoto(references(img), split, node=block)


def _teaser(photo: FoundPhoto) -> bool:
    """A picture whose caption is the headline of a link to another story (a teaser card),
    or whose only text is page furniture ("ADVERTISEMENT")."""
    caption = fold(photo.split.caption or "").lower()
    if not caption or photo.node is None:
        return False
    if photo.split.credit is None and is_noise(caption):
        return True
    card = photo.node
    for _ in range(3):
        parent = card.getparent()
        if parent is None or len(fold(parent.text_content()).split()) > _BLOCK_MAX_WORDS:
            break
        card = parent
    for link in card.iter("a"):
        texts = {fold(link.text_content()).lower(), fold(link.get("title") or "").lower()}
        if story_link(link) and len(caption) > 8 and caption in texts:
            return True
    return False


def inline_photos(tree: HtmlElement) -> list[FoundPhoto]:
    """The pictures shown in the page with their captions and credits, in page order."""
    content = content_ancestors(tree)
    # a gallery is a figure of figures: each inner figure is one photo
    figures = [
        f for f in tree.iter("figure") if f.find(".//figure") is None and not elsewhere(f, content)
    ]
    found = [p for p in map(_from_figure, figures) if p is not None]
    inside = set(tree.iter("figure"))
    for photo in found:  # captions written right after their figure are taken already
        following = photo.node.getnext() if photo.node is not None else None
        if following is not None and find_caption_node(photo.node) is following:
            inside.add(following)
    blocks = list(_picture_blocks(tree, inside, content))
    found.extend(blocks)
    inside.update(b.node for b in blocks if b.node is not None)
    found.extend(_caption_blocks(tree, inside, content))
    inside.update(p.node for p in found if p.node is not None)
    found.extend(_bare_pictures(tree, inside, content))
    found = [photo for photo in found if not _teaser(photo)]
    if len(found) > 1:  # into page order: the position of each photo's node, and no further
        wanted = {p.node for p in found if p.node is not None}
        order: dict[HtmlElement, int] = {}
        for position, node in enumerate(tree.iter()):
            if node in wanted:
                order[node] = position
                if len(order) == len(wanted):
                    break
        found.sort(key=lambda p: order.get(p.node, 0))
    return found
