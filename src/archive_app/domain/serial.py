"""Catalogue records to and from plain JSON-ready dicts (for versions and exports)."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from archive_app.domain.model import CatalogueRecord, PersonRole, Photo, RelatedLink
from archive_app.domain.review import flags_from_json


def record_to_dict(record: CatalogueRecord) -> dict[str, Any]:
    return asdict(record)


def record_from_dict(data: dict[str, Any]) -> CatalogueRecord:
    fields = dict(data)
    fields["people"] = [PersonRole(**p) for p in data.get("people", [])]
    fields["related"] = [RelatedLink(**r) for r in data.get("related", [])]
    fields["photos"] = [Photo(**p) for p in data.get("photos", [])]
    fields["review"] = flags_from_json(data.get("review", []))
    known = set(CatalogueRecord.__dataclass_fields__)
    return CatalogueRecord(**{k: v for k, v in fields.items() if k in known})
