"""Catalogue records to plain dicts and back, on records the normaliser made from the corpus."""

from __future__ import annotations

import json
from dataclasses import asdict

from tests.conftest import CORPUS

from archive_app.domain.model import CatalogueRecord
from archive_app.domain.serial import record_from_dict, record_to_dict
from archive_app.ingest.extract import extract_file


def _records() -> list[CatalogueRecord]:
    paths = [*sorted((CORPUS / "id_csv").glob("*.csv"))[:2], *sorted((CORPUS / "photos").glob("*"))]
    records: list[CatalogueRecord] = []
    for path in paths:
        if path.is_file():
            opened = extract_file(path.name, path.read_bytes(), path)
            records.extend(item.record for item in opened.items if item.record is not None)
    return records


def test_a_record_as_a_dict_is_what_asdict_gives_and_reads_back_the_same() -> None:
    records = _records()
    assert len(records) > 100
    assert any(r.people for r in records) and any(r.photos for r in records)
    for record in records:
        plain = record_to_dict(record)
        # the version stored in the catalogue: same JSON as the standard library's conversion
        assert json.dumps(plain, sort_keys=True) == json.dumps(asdict(record), sort_keys=True)
        assert record_from_dict(json.loads(json.dumps(plain))) == record
