"""The catalogue fields a librarian may edit, and the checks a value must pass first."""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any
from urllib.parse import urlsplit

from archive_app.domain.errors import ArchiveError
from archive_app.domain.model import ROLES
from archive_app.domain.review import REVIEW_KINDS, ReviewFlag, flags_to_json

# fields whose values come from the imported text: an edit of one overrides newer imports
IMPORTED_FIELDS = (
    "title",
    "published",
    "updated",
    "dateline_place",
    "site",
    "language",
    "url",
    "people",
    "related",
    "photos",
    "signoff",
    "agency",
    "keywords",
    "body",
)
# fields only a librarian sets
LIBRARIAN_FIELDS = ("tags", "collections", "note")
EDITABLE_FIELDS = IMPORTED_FIELDS + LIBRARIAN_FIELDS
# the importer's review flags: a librarian clears them (an empty value marks the article as
# reviewed); an edit of a field also clears the flags that field answers (core/review.py)
REVIEW_FIELD = "review"
_DOMAIN = re.compile(r"^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,}$")
_LANGUAGE = re.compile(r"^[a-z]{2,3}(?:-[a-z0-9]{2,8})?$")
_ZONE_WORDS = {"wib": "+07:00", "wita": "+08:00", "wit": "+09:00", "utc": "+00:00"}


class FieldError(ArchiveError):
    """A value a field cannot take; `field` names it so the window can mark it."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field


def _text(field: str, value: Any, *, required: bool = False) -> str | None:
    if value is None:
        if required:
            raise FieldError(field, "cannot be empty")
        return None
    if not isinstance(value, str):
        raise FieldError(field, "must be text")
    cleaned = " ".join(value.split())
    if required and not cleaned:
        raise FieldError(field, "cannot be empty")
    return cleaned or None


def validate_date(field: str, value: Any) -> str | None:
    """ISO 8601 with its offset ("2024-05-17T03:50:00+07:00"), a bare date, or None.

    "2024-05-17 03:50 WIB" is accepted and written with its offset, and so is any one date the
    importers read ("Jumat, 17 Mei 2024 – 03:50 WIB", "17/5/2024", "Feb 26, 1987").
    """
    text = _text(field, value)
    if text is None:
        return None
    iso = text
    for word, offset in _ZONE_WORDS.items():
        iso = re.sub(rf"\s*\b{word}\b", offset, iso, flags=re.IGNORECASE)
    try:
        if len(iso) == 10:
            return date.fromisoformat(iso).isoformat()
        return datetime.fromisoformat(iso.replace(" ", "T", 1)).isoformat()
    except ValueError:
        pass
    refusal = f"{value!r} is not a date (write 2024-05-17 or 2024-05-17T03:50:00+07:00)"
    # the importer's date reader (its tables, dateparser's zones) loads with the first date
    # written in words, not with every window
    from archive_app.ingest.normalise.dates import DateProblem, parse_dates

    try:
        found = parse_dates(text)
    except DateProblem as problem:
        raise FieldError(field, f"{value!r} is not a date ({problem})") from None
    if len(found) != 1:  # none, or two dates where one is meant: the librarian says which
        raise FieldError(field, refusal)
    return found[0].value


def validate_url(field: str, value: Any) -> str | None:
    text = _text(field, value)
    if text is None:
        return None
    parts = urlsplit(text)
    if parts.scheme not in ("http", "https") or not parts.netloc or " " in text:
        raise FieldError(field, f"{value!r} is not a web address (http:// or https://)")
    return text


def _names(field: str, value: Any) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise FieldError(field, "must be a list of text")
    return list(dict.fromkeys(" ".join(v.split()) for v in value if v.strip()))


def _people(value: Any) -> list[dict[str, str]]:
    if not isinstance(value, list):
        raise FieldError("people", "must be a list of {name, role}")
    people = []
    for entry in value:
        if not isinstance(entry, dict) or not str(entry.get("name", "")).strip():
            raise FieldError("people", "each person needs a name")
        role = str(entry.get("role", "author")).strip().lower()
        if role not in ROLES:
            raise FieldError("people", f"{role!r} is not a role ({', '.join(ROLES)})")
        person = {"name": " ".join(str(entry["name"]).split()), "role": role}
        if person not in people:
            people.append(person)
    return people


def _related(value: Any) -> list[dict[str, str | None]]:
    if not isinstance(value, list):
        raise FieldError("related", "must be a list of {title, url}")
    links = []
    for entry in value:
        entry = {"title": entry} if isinstance(entry, str) else entry
        if not isinstance(entry, dict):
            raise FieldError("related", "each link needs a title")
        title = _text("related", entry.get("title"), required=True)
        links.append({"title": title, "url": validate_url("related", entry.get("url"))})
    return links


def _photos(value: Any) -> list[dict[str, str | None]]:
    if not isinstance(value, list):
        raise FieldError("photos", "must be a list of {caption, credit, photographer, agency}")
    photos = []
    for entry in value:
        if not isinstance(entry, dict):
            raise FieldError("photos", "each photo must be {caption, credit, …}")
        photos.append(
            {
                key: _text("photos", entry.get(key))
                for key in ("caption", "credit", "photographer", "agency")
            }
        )
    return photos


def _review(value: Any) -> list[dict[str, str]]:
    """Empty (the article was reviewed) or flags as stored, [{kind, message}]."""
    if value is None or value == "" or value == []:
        return []
    clearing = (
        "write review= (empty) to mark the article as reviewed, or remove one kind "
        "with `bulk remove review KIND`"
    )
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        raise FieldError(REVIEW_FIELD, clearing)
    flags = []
    for entry in value:
        kind = str(entry.get("kind", ""))
        if kind not in REVIEW_KINDS:
            raise FieldError(
                REVIEW_FIELD, f"{kind!r} is not a kind of review flag ({', '.join(REVIEW_KINDS)})"
            )
        flags.append(ReviewFlag(kind, str(entry.get("message", ""))))
    return flags_to_json(flags)


def validate(field: str, value: Any) -> Any:
    """The value as the catalogue stores it; FieldError names the field and the problem."""
    if field == REVIEW_FIELD:
        return _review(value)
    if field not in EDITABLE_FIELDS:
        known = ", ".join((*EDITABLE_FIELDS, REVIEW_FIELD))
        raise FieldError(field, f"is not a field that can be edited ({known})")
    if field == "title":
        return _text(field, value, required=True)
    if field in ("published", "updated"):
        return validate_date(field, value)
    if field == "url":
        return validate_url(field, value)
    if field == "site":
        text = _text(field, value)
        if text is None:
            return None
        domain = text.lower().removeprefix("www.")
        if not _DOMAIN.match(domain):
            raise FieldError(field, f"{value!r} is not a domain such as kompas.com")
        return domain
    if field == "language":
        text = _text(field, value)
        if text is not None and not _LANGUAGE.match(text.lower()):
            raise FieldError(field, f"{value!r} is not a language code such as id or en")
        return text.lower() if text else None
    if field in ("dateline_place", "agency", "note"):
        return _text(field, value) if field != "note" else (value or None)
    if field == "people":
        return _people(value)
    if field == "related":
        return _related(value)
    if field == "photos":
        return _photos(value)
    if field == "body":
        paragraphs = [p.strip() for p in _names(field, value) if p.strip()]
        if not paragraphs:
            raise FieldError(field, "an article needs at least one paragraph")
        return paragraphs
    if field == "signoff":
        return [code.lower() for code in _names(field, value)]
    return _names(field, value)  # tags, collections, keywords
