"""Helpers for the normaliser's tests: raw articles made the way the readers make them."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from tests.conftest import GOLD

from archive_app.domain.model import CatalogueRecord
from archive_app.ingest.normalise.pipeline import normalise
from archive_app.ingest.raw import RawArticle


def gold_records(name: str) -> list[dict[str, Any]]:
    """A gold file of ../shared/gold, skipping the test with a clear reason when it is absent."""
    path: Path = GOLD / name
    if not path.exists():
        pytest.skip(f"needs ../shared/gold ({path} is not there)")
    records: list[dict[str, Any]] = json.loads(path.read_text(encoding="utf-8"))
    return records


def body_article(text: str, **columns: str) -> CatalogueRecord:
    """Normalise article text as a table row gives it (the body, beside its columns)."""
    return normalise(RawArticle(locator="row 1", text=text, columns=dict(columns)))


def page_article(text: str) -> CatalogueRecord:
    """Normalise a page dump (headline first) as the text reader gives it."""
    return normalise(RawArticle(locator="file", text=text, layout="page"))
