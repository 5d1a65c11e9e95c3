"""What the importer is unsure of: review flags, their kinds, and the fields that answer them."""

from __future__ import annotations

from dataclasses import dataclass

# kind -> what a librarian sees in the "Needs review" collection
REVIEW_KINDS: dict[str, str] = {
    "date": "date unread or conflicting",
    "language": "language undetermined",
    "body": "no body paragraph left after cleaning",
    "title": "title looks like a section name",
    "person": "a person's name looks like an organisation",
    "photo": "a photo too small to be a news photo",
    "encoding": "text had bytes that could not be decoded",
}

# an edit of one of these fields answers the flags of that kind
ANSWERED_BY: dict[str, frozenset[str]] = {
    "date": frozenset({"published", "updated"}),
    "language": frozenset({"language"}),
    "body": frozenset({"body"}),
    "title": frozenset({"title"}),
    "person": frozenset({"people"}),
    "photo": frozenset({"photos", "captions"}),
    "encoding": frozenset({"body", "title"}),
}

# a photo narrower or lower than this is an icon, a logo or a thumbnail, not a news photo
MIN_PHOTO_SIDE = 100


@dataclass(frozen=True, slots=True)
class ReviewFlag:
    """One thing a rule was unsure of: its kind (a key of REVIEW_KINDS) and why, in words."""

    kind: str
    message: str

    def __post_init__(self) -> None:
        if self.kind not in REVIEW_KINDS:
            raise ValueError(f"unknown review kind {self.kind!r}")


def flags_from_json(data: object) -> list[ReviewFlag]:
    """Flags stored as [{"kind", "message"}] (unknown kinds of a newer Arsip are skipped)."""
    if not isinstance(data, list):
        return []
    return [
        ReviewFlag(item["kind"], str(item.get("message", "")))
        for item in data
        if isinstance(item, dict) and item.get("kind") in REVIEW_KINDS
    ]


def flags_to_json(flags: list[ReviewFlag]) -> list[dict[str, str]]:
    return [{"kind": f.kind, "message": f.message} for f in flags]


def answered(flags: list[ReviewFlag], fields: set[str] | frozenset[str]) -> list[ReviewFlag]:
    """The flags left once a librarian has edited `fields`."""
    return [f for f in flags if not (ANSWERED_BY[f.kind] & fields)]


def small_photo(number: int, width: int, height: int) -> ReviewFlag | None:
    """A "photo" flag when photo `number` (1-based) is smaller than MIN_PHOTO_SIDE px on its
    shorter side."""
    if min(width, height) >= MIN_PHOTO_SIDE:
        return None
    return ReviewFlag(
        "photo", f"photo {number} is {width} × {height} px: too small to be a news photo"
    )
