"""The founding jpnn.com page comes out exactly as the cataloguer read it, field by field."""

from __future__ import annotations

from typing import Any

import pytest
from tests.conftest import corpus_path
from tests.ingest.conftest import gold_records

from archive_app.domain.model import CatalogueRecord
from archive_app.ingest.extract import extract_file


@pytest.fixture(scope="module")
def seed() -> tuple[CatalogueRecord, dict[str, Any]]:
    path = corpus_path("seed", "jpnn-world-water-forum-2024.txt")
    gold = gold_records("seed.json")[0]
    items = list(extract_file(path.name, path.read_bytes()).items)
    assert len(items) == 1 and items[0].record is not None, items
    return items[0].record, gold


@pytest.mark.parametrize(
    "field",
    ["title", "site", "published", "updated", "dateline_place", "language", "signoff", "body"],
)
def test_seed_field(seed: tuple[CatalogueRecord, dict[str, Any]], field: str) -> None:
    record, gold = seed
    assert getattr(record, field) == gold[field]


def test_seed_people_with_roles(seed: tuple[CatalogueRecord, dict[str, Any]]) -> None:
    record, gold = seed
    # "Redaktur & Reporter : Yessy Artada" is one person in two roles
    assert [{"name": p.name, "role": p.role} for p in record.people] == gold["people"]


def test_seed_related_links_are_not_body(seed: tuple[CatalogueRecord, dict[str, Any]]) -> None:
    record, gold = seed
    assert [link.title for link in record.related] == gold["related"]
    assert not any("BACA JUGA" in paragraph for paragraph in record.body)


def test_seed_caption_and_credit(seed: tuple[CatalogueRecord, dict[str, Any]]) -> None:
    record, gold = seed
    assert [{"caption": p.caption, "credit": p.credit} for p in record.photos] == gold["captions"]
    assert record.photos[0].photographer is None  # "dok Kominfo" is a source, not a person


def test_seed_keeps_the_original_date_and_names_its_rules(
    seed: tuple[CatalogueRecord, dict[str, Any]],
) -> None:
    record, _gold = seed
    assert record.published_raw == "Jumat, 17 Mei 2024 – 03:50 WIB"
    assert record.warnings == []
    for field in (
        "title",
        "published",
        "dateline_place",
        "signoff",
        "related",
        "captions",
        "people.editor",
        "people.reporter",
        "body",
    ):
        assert record.rules.get(field), f"no rule recorded for {field}"
    assert record.rules["dateline_place"] == "dateline:site-place"
