"""Score one extracted record against its gold record, field by field."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from archive_app.domain.model import CatalogueRecord
from archive_app.evaluation.join import Joined
from archive_app.evaluation.metrics import (
    exact,
    norm,
    paragraphs_matched,
    set_f1,
    token_f1,
)

SCALARS = ("title", "site", "published", "updated", "dateline_place", "language")
SETS = ("people", "signoff", "related", "captions")
FIELDS = (*SCALARS, *SETS, "body", "paragraphs")


@dataclass(slots=True)
class RecordScore:
    """Scores in [0, 1] per field for one gold record, and the paragraph counts behind them."""

    joined: Joined
    scores: dict[str, float] = field(default_factory=dict)
    paragraphs_found: int = 0
    paragraphs_gold: int = 0

    @property
    def mean(self) -> float:
        return sum(self.scores.values()) / len(self.scores) if self.scores else 0.0


def items(name: str, value: Any) -> list[tuple[str | None, ...]]:
    """A set field as comparable tuples: people (name, role), captions (caption, credit)."""
    if name == "people":
        return [(norm(p["name"]), norm(p["role"])) for p in value or []]
    if name == "captions":
        return [(norm(c.get("caption")), norm(c.get("credit"))) for c in value or []]
    return [(norm(v),) for v in value or []]


def record_fields(record: CatalogueRecord) -> dict[str, Any]:
    """An extracted record in the gold's shape (gold `captions` are the record's photos)."""
    return {
        "title": record.title,
        "site": record.site,
        "published": record.published,
        "updated": record.updated,
        "dateline_place": record.dateline_place,
        "language": record.language,
        "people": [{"name": p.name, "role": p.role} for p in record.people],
        "signoff": list(record.signoff),
        "related": [link.title for link in record.related],
        "captions": [{"caption": p.caption, "credit": p.credit} for p in record.photos],
        "body": list(record.body),
    }


def score_record(joined: Joined) -> RecordScore:
    """Every field's score; a gold record with no extracted record scores 0 on every field."""
    gold = joined.gold.fields
    result = RecordScore(joined, paragraphs_gold=len(gold.get("body") or []))
    if joined.record is None:
        result.scores = dict.fromkeys(FIELDS, 0.0)
        return result
    got = record_fields(joined.record)
    for name in SCALARS:
        result.scores[name] = exact(gold.get(name), got[name])
    for name in SETS:
        result.scores[name] = set_f1(items(name, gold.get(name)), items(name, got[name]))
    gold_body = list(gold.get("body") or [])
    result.scores["body"] = token_f1(gold_body, got["body"])
    found, total = paragraphs_matched(gold_body, got["body"])
    result.paragraphs_found = found
    result.scores["paragraphs"] = found / total if total else float(not got["body"])
    return result
