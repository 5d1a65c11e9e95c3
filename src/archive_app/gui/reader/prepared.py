"""What the reader draws for one article: the record plus what was prepared off the GUI thread."""

from __future__ import annotations

from dataclasses import dataclass, field

from archive_app.domain.model import ArticleDetail

ARTICLE_SCHEME = "arsip-article"  # a related link whose article is in this library
PERSON_SCHEME = "arsip-person"
PHOTO_SCHEME = "arsip-photo"
RULES_SCHEME = "arsip-rules"
REVIEW_SCHEME = "arsip-review"  # "Mark as reviewed" in the Needs review box
IMAGE_SCHEME = "arsip-image"  # decoded photos handed to the document, never a file path
Box = tuple[int, int]  # (width, height) in pixels a photo is drawn within


def fitted(size: Box, box: Box) -> Box:
    """`size` scaled down (never up) to fit within `box`, keeping its proportions."""
    scale = min(box[0] / size[0], box[1] / size[1], 1.0)
    return max(round(size[0] * scale), 1), max(round(size[1] * scale), 1)


@dataclass(frozen=True, slots=True)
class DecodedImage:
    """A photo decoded (and scaled down) by Pillow on a worker: raw RGBA bytes, no Qt object."""

    width: int
    height: int
    rgba: bytes
    original_width: int
    original_height: int


@dataclass(slots=True)
class Reading:
    """One article ready to draw: `images` by photo position, `related` by link position;
    `pending` photos are still being decoded, drawn meanwhile as a blank of their size."""

    detail: ArticleDetail
    terms: tuple[str, ...] = ()
    images: dict[int, DecodedImage] = field(default_factory=dict)
    pending: dict[int, Box] = field(default_factory=dict)  # position -> size it will have
    related: dict[int, int] = field(default_factory=dict)  # link position -> article id
    show_rules: bool = False
    column: int = 10_000  # the widest a photo may be drawn: the reader's width, set when shown
