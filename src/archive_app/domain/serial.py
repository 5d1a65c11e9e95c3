"""Catalogue records to and from plain JSON-ready dicts (for versions and exports)."""

from __future__ import annotations

from typing import Any

from archive_app.domain.model import CatalogueRecord, PersonRole, Photo, RelatedLink
from archive_app.domain.review import flags_from_json


def record_to_dict(record: CatalogueRecord) -> dict[str, Any]:
    """The record as plain dicts and lists (what dataclasses.asdict gives, without its deep
    copy of every value: a record holds only strings, flat frozen dataclasses and a dict of
    strings, and the copy cost the import about 0.3 ms a record)."""
    return _plain(record)  # type: ignore[no-any-return]


def _plain(value: Any) -> Any:
    if type(value) is list or type(value) is tuple:
        return type(value)(_plain(item) for item in value)
    if type(value) is dict:
        return {key: _plain(item) for key, item in value.items()}
    names = getattr(type(value), "__dataclass_fields__", None)
    if names is not None:
        return {name: _plain(getattr(value, name)) for name in names}
    return value


def record_from_dict(data: dict[str, Any]) -> CatalogueRecord:
    fields = dict(data)
    fields["people"] = [PersonRole(**p) for p in data.get("people", [])]
    fields["related"] = [RelatedLink(**r) for r in data.get("related", [])]
    fields["photos"] = [Photo(**p) for p in data.get("photos", [])]
    fields["review"] = flags_from_json(data.get("review", []))
    known = set(CatalogueRecord.__dataclass_fields__)
    return CatalogueRecord(**{k: v for k, v in fields.items() if k in known})
