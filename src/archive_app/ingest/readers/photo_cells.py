"""Photos named in a table's cells: image addresses, HTML fragments (<figure>, <img>, a
class="caption" block), JSON lists of either, and plain caption and credit columns.

Fragments are parsed by lxml's HTML parser and read by the same figure and caption rules as
saved pages; captions are split from their credits by the same rules too. An address is kept
as the photo's source and never fetched.
"""

from __future__ import annotations

import json
import re
from typing import Any

from lxml.etree import ParserError

from archive_app.ingest.html.credits import clean_credit, people_in, split_caption
from archive_app.ingest.html.figures import inline_photos
from archive_app.ingest.html.images import references
from archive_app.ingest.html.page import parse_markup
from archive_app.ingest.normalise.text import fold
from archive_app.ingest.raw import RawPhoto

# An address of a picture: its file name ends with an image extension (a query may follow)
_IMAGE_URL = re.compile(
    r"^(?:https?:)?//\S+?\.(?:jpe?g|png|gif|webp|avif|tiff?|bmp)"
    r"(?:[?#]\S*)?$",
    re.IGNORECASE,
)
# Markup that shows a picture or its caption
_PHOTO_MARKUP = re.compile(
    r"<(?:img|figure|figcaption|picture)\b|class\s*=\s*[\"'][^\"']*"
    r"(?:caption|keterangan|credit)",
    re.IGNORECASE,
)
_SEPARATORS = re.compile(r"[\s,|;]+")
# "Caption - Name/Agency", "Caption - AGENCY/Name": a credit after a dash, short on both sides
# of its slash (the caption rules of saved pages want a known agency or a label)
_DASH_CREDIT = re.compile(
    r"\s+[-–—]\s+(?P<credit>[^\s/()][^/()\n]{1,40}/[^/()\n]{2,40}?)"
    r"\s*\.?$"
)
_PART_WORDS = 5
# the key names of a photo object in a JSON cell
_URL_KEYS = ("url", "src", "href", "image", "image_url", "link", "foto", "gambar")
_CAPTION_KEYS = ("caption", "keterangan", "keterangan_foto", "description", "alt", "title")
_CREDIT_KEYS = ("credit", "kredit", "copyright", "sumber", "source")
_PHOTOGRAPHER_KEYS = ("photographer", "fotografer", "author", "by", "pewarta_foto")
_MAX_FRAGMENT = 20_000  # a cell longer than this is an article's markup, not a photo's


def _image_addresses(value: str) -> list[str] | None:
    """The picture addresses a cell lists, or None when anything else stands in it."""
    parts = [p for p in _SEPARATORS.split(value.strip()) if p]
    if parts and all(_IMAGE_URL.match(p) for p in parts):
        return parts
    return None


def _json_cell(value: str) -> Any:
    text = value.strip()
    if not text.startswith(("[", "{")):
        return None
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        return None


def is_photo_cell(value: Any) -> bool:
    """Whether a cell holds photos: image addresses, photo markup, or a JSON list of them."""
    if isinstance(value, list):
        return bool(value) and all(is_photo_cell(v) or _is_photo_object(v) for v in value)
    if isinstance(value, dict):
        return _is_photo_object(value)
    if not isinstance(value, str) or not value.strip():
        return False
    text = value.strip()
    if text.startswith("<"):
        return len(text) <= _MAX_FRAGMENT and _PHOTO_MARKUP.search(text) is not None
    if text.startswith(("[", "{")):
        found = _json_cell(text)
        return found is not None and is_photo_cell(found)
    return _image_addresses(text) is not None


def _is_photo_object(value: Any) -> bool:
    return isinstance(value, dict) and any(
        isinstance(value.get(k), str) and _IMAGE_URL.match(value[k].strip()) for k in _URL_KEYS
    )


def split_text(text: str) -> RawPhoto:
    """A caption with the credit written into it taken off ("… - ANTARA/Rizal Hanafi",
    "… (Foto: ANTARA/Rizal Hanafi)", "… Photo: Ana Putri/Reuters")."""
    split = split_caption(text)
    caption, credit = split.caption, split.credit
    photographer, agency = split.photographer, split.agency
    if credit is None and caption:
        dash = _DASH_CREDIT.search(caption)
        if dash is not None and all(
            len(p.split()) <= _PART_WORDS for p in dash["credit"].split("/")
        ):
            caption, credit = caption[: dash.start()].rstrip() or None, fold(dash["credit"])
            photographer, agency = people_in(credit)
    return RawPhoto(
        caption=caption,
        credit=credit,
        photographer=photographer,
        agency=agency or _agency(credit, photographer),
        rule="photo:column",
    )


def _agency(credit: str | None, photographer: str | None) -> str | None:
    """The other side of a "Name/Agency" or "AGENCY/Name" credit from its photographer."""
    if not credit or not photographer or "/" not in credit:
        return None
    parts = [fold(p) for p in credit.split("/") if p.strip()]
    others = [p for p in parts if p.lower() != photographer.lower()]
    return others[-1] if len(others) == 1 else None


def _credit(text: str) -> RawPhoto:
    credit = clean_credit(text)
    photographer, agency = people_in(credit)
    return RawPhoto(
        credit=credit,
        photographer=photographer,
        agency=agency or _agency(credit, photographer),
        rule="photo:column",
    )


def _fragment(markup: str) -> list[RawPhoto]:
    """The photos an HTML fragment shows, with the captions and credits its markup gives."""
    try:
        tree = parse_markup(f"<html><body>{markup}</body></html>")
    except (ParserError, ValueError):
        return []
    photos: list[RawPhoto] = []
    seen: set[str] = set()
    for found in inline_photos(tree):
        split = found.split
        photo = (
            split_text(split.caption)
            if split.caption and not split.credit
            else RawPhoto(
                caption=split.caption,
                credit=split.credit,
                photographer=split.photographer,
                agency=split.agency or _agency(split.credit, split.photographer),
            )
        )
        photo.source_url = found.refs[0] if found.refs else None
        photo.rule = "photo:column-html"
        photos.append(photo)
        seen.update(found.refs)
    for img in tree.iter("img"):  # pictures without a caption the figure rules take
        refs = references(img)
        if refs and not seen.intersection(refs):
            alt = fold(img.get("alt") or "")
            photo = split_text(alt) if len(alt.split()) >= 4 else RawPhoto()
            photo.source_url, photo.rule = refs[0], "photo:column-html"
            photos.append(photo)
            seen.update(refs)
    return photos


def _object(value: dict[str, Any]) -> RawPhoto:
    def first(keys: tuple[str, ...]) -> str:
        return next(
            (fold(value[k]) for k in keys if isinstance(value.get(k), str) and value[k].strip()), ""
        )

    url = first(_URL_KEYS)
    caption, credit, taker = first(_CAPTION_KEYS), first(_CREDIT_KEYS), first(_PHOTOGRAPHER_KEYS)
    photo = split_text(caption) if caption else RawPhoto()
    if credit:
        given = _credit(credit)
        photo.credit, photo.agency = given.credit, given.agency or photo.agency
        photo.photographer = given.photographer or photo.photographer
    photo.photographer = taker or photo.photographer
    photo.source_url = url if _IMAGE_URL.match(url) else None
    photo.rule = "photo:column"
    return photo


def cell_photos(value: Any) -> list[RawPhoto]:
    """The photos one cell holds (none when it holds no photo)."""
    if isinstance(value, list):
        return [p for v in value for p in cell_photos(v)]
    if isinstance(value, dict):
        return [_object(value)] if _is_photo_object(value) else []
    if not isinstance(value, str) or not is_photo_cell(value):
        return []
    text = value.strip()
    if text.startswith("<"):
        return _fragment(text)
    if text.startswith(("[", "{")):
        return cell_photos(_json_cell(text))
    return [RawPhoto(source_url=url, rule="photo:column") for url in _image_addresses(text) or []]


def named_cell_photos(value: Any) -> list[RawPhoto]:
    """The photos of a cell in a column named for photos: besides what any photo cell holds,
    an address of another form ("images/a.jpg", a CDN link without extension) is the photo's
    source, and text is its caption."""
    if is_photo_cell(value) or not isinstance(value, str) or not value.strip():
        return cell_photos(value)
    text = value.strip()
    if len(text.split()) == 1:
        return [RawPhoto(source_url=text, rule="photo:column")]
    return [split_text(text)]


def row_photos(cells: list[Any], caption: str = "", credit: str = "") -> list[RawPhoto]:
    """A row's photos: those its photo cells hold, the caption and credit columns given to the
    first photo that lacks them (or making a photo of their own when no cell holds one)."""
    photos = [p for cell in cells for p in named_cell_photos(cell)]
    if caption.strip():
        from_caption = cell_photos(caption) if is_photo_cell(caption) else [split_text(caption)]
        if photos and len(from_caption) == 1 and not from_caption[0].source_url:
            _fill(photos, from_caption[0])
        else:
            photos += from_caption
    if credit.strip():
        given = _credit(credit)
        if photos:
            _fill(photos, given, credit_only=True)
        else:
            photos.append(given)
    return photos


def _fill(photos: list[RawPhoto], found: RawPhoto, credit_only: bool = False) -> None:
    """Give the first photo without a caption (or a credit) what a column says."""
    for photo in photos:
        if credit_only and photo.credit is None:
            photo.credit, photo.photographer = (
                found.credit,
                photo.photographer or found.photographer,
            )
            photo.agency = photo.agency or found.agency
            return
        if not credit_only and photo.caption is None:
            photo.caption = found.caption
            if photo.credit is None:
                photo.credit, photo.photographer = found.credit, found.photographer
                photo.agency = found.agency
            return
