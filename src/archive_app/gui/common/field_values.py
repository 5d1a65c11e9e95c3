"""Catalogue fields as the window shows them: names, values read from a record, text both ways."""

from __future__ import annotations

import json
import re
from typing import Any

from archive_app.domain.model import ArticleDetail
from archive_app.gui.common.display import role_name
from archive_app.gui.common.i18n import translate
from archive_app.usecases.field_rules import FieldError

PHOTO_KEYS = ("caption", "credit", "photographer", "agency")
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


def field_label(field: str) -> str:
    """A field's name in the interface language ("dateline_place" -> "Dateline place")."""
    names = {
        "title": translate("Fields", "Title"),
        "published": translate("Fields", "Published"),
        "updated": translate("Fields", "Updated"),
        "dateline_place": translate("Fields", "Dateline place"),
        "site": translate("Fields", "Site"),
        "language": translate("Fields", "Language"),
        "url": translate("Fields", "Address (URL)"),
        "people": translate("Fields", "People"),
        "related": translate("Fields", "Related links"),
        "photos": translate("Fields", "Photos"),
        "signoff": translate("Fields", "Sign-off codes"),
        "agency": translate("Fields", "Agency"),
        "keywords": translate("Fields", "Keywords"),
        "body": translate("Fields", "Text"),
        "tags": translate("Fields", "Tags"),
        "collections": translate("Fields", "Collections"),
        "note": translate("Fields", "Note"),
        "review": translate("Fields", "Needs review"),
    }
    return names.get(field, field)


def value_of(detail: ArticleDetail, field: str) -> Any:
    """A field's value in the form `Archive.edit` takes and the history records."""
    record = detail.record
    if field == "people":
        return [{"name": p.name, "role": p.role} for p in record.people]
    if field == "related":
        return [{"title": link.title, "url": link.url} for link in record.related]
    if field == "photos":
        return [{key: getattr(photo, key) for key in PHOTO_KEYS} for photo in record.photos]
    if field == "tags":
        return sorted(detail.tags)
    if field == "collections":
        return sorted(detail.collections)
    if field == "note":
        return detail.note
    value = getattr(record, field)
    return list(value) if isinstance(value, list) else value


def problem(error: FieldError) -> str:
    """The core's explanation without the field name it starts with."""
    return str(error).removeprefix(f"{error.field}: ")


# -- text in the editor's fields --------------------------------------------------------------


def split_list(text: str) -> list[str]:
    """ "banjir, Jakarta ,, " -> ["banjir", "Jakarta"] (tags, keywords, collections)."""
    return [part.strip() for part in text.split(",") if part.strip()]


def join_list(values: list[str] | None) -> str:
    return ", ".join(values or [])


def body_text(paragraphs: list[str] | None) -> str:
    """Paragraphs as the editor shows them: separated by an empty line."""
    return "\n\n".join(paragraphs or [])


def body_paragraphs(text: str) -> list[str]:
    return [" ".join(p.split()) for p in _PARAGRAPH_BREAK.split(text) if p.strip()]


def optional(text: str) -> str | None:
    """A one-line field's text, None when left empty."""
    return text.strip() or None


# -- values in history and previews ---------------------------------------------------------


def display(field: str, value: Any, limit: int = 160) -> str:
    """A value as one readable line ("Yessy Artada (editor), …"), shortened to `limit`."""
    text = _display(field, value)
    if not text:
        return translate("Fields", "(empty)")
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _display(field: str, value: Any) -> str:
    if value is None or value == "" or value == []:
        return ""
    if field == "people" and isinstance(value, list):
        return ", ".join(
            f"{p.get('name')} ({role_name(p.get('role'))})" for p in value if isinstance(p, dict)
        )
    if field == "related" and isinstance(value, list):
        return "; ".join(
            f"{link.get('title')}" + (f" <{link['url']}>" if link.get("url") else "")
            for link in value
            if isinstance(link, dict)
        )
    if field == "photos" and isinstance(value, list):
        return "; ".join(
            f"{number}. " + " — ".join(str(p[k]) for k in PHOTO_KEYS if p.get(k))
            for number, p in enumerate(value, start=1)
            if isinstance(p, dict)
        )
    if field == "body" and isinstance(value, list):
        return " ¶ ".join(str(p) for p in value)
    if field == "review" and isinstance(value, list):
        return "; ".join(
            f"{f.get('kind')}: {f.get('message')}" for f in value if isinstance(f, dict)
        )
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def changed_parts(old: Any, new: Any) -> tuple[Any, Any]:
    """Only the paragraphs a find-and-replace changed, so a preview shows the difference."""
    if isinstance(old, list) and isinstance(new, list) and len(old) == len(new):
        pairs = [(a, b) for a, b in zip(old, new, strict=True) if a != b]
        return [a for a, _b in pairs], [b for _a, b in pairs]
    return old, new
