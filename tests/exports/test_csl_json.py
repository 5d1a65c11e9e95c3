"""CSL-JSON: article-newspaper items with the publication, dates and people in their roles."""

from __future__ import annotations

import io
import json
from typing import Any

from archive_app.domain.model import ArticleDetail
from archive_app.exports.csl_json import csl_item, write_csl_json
from archive_app.exports.keys import citation_key

# the CSL 1.0.2 item variables this export may use (csl-data.json)
CSL_VARIABLES = {
    "id",
    "type",
    "title",
    "author",
    "editor",
    "contributor",
    "container-title",
    "issued",
    "accessed",
    "URL",
    "language",
    "abstract",
    "keyword",
    "source",
    "custom",
    "publisher",
    "note",
}


def _items(details: list[ArticleDetail]) -> list[dict[str, Any]]:
    stream = io.StringIO()
    assert write_csl_json(stream, details) == len(details)
    items: list[dict[str, Any]] = json.loads(stream.getvalue())
    return items


def test_the_seed_as_a_newspaper_article(
    details: dict[str, ArticleDetail], imported_on: str
) -> None:
    (item,) = _items([details["seed"]])
    assert item["type"] == "article-newspaper"
    assert item["id"] == citation_key(details["seed"])
    assert item["title"] == "Gaungkan World Water Forum 2024, Kominfo Gandeng Humas Kementerian"
    assert item["container-title"] == "JPNN.com"
    assert item["issued"] == {"date-parts": [[2024, 5, 17]]}
    assert item["custom"]["published"] == "2024-05-17T03:50:00+07:00"  # the time, kept
    assert item["editor"] == [{"family": "Artada", "given": "Yessy"}]
    assert item["author"] == [{"family": "Artada", "given": "Yessy"}]  # the reporter
    assert "URL" not in item  # the seed has no address: left out, not null
    year, month, day = (int(x) for x in imported_on.split("-"))
    assert item["accessed"] == {"date-parts": [[year, month, day]]}
    assert item["language"] == "id"
    assert item["abstract"].startswith("Direktorat Jenderal Informasi dan Komunikasi Publik")
    assert set(item) <= CSL_VARIABLES
    assert all(value is not None for value in item.values())


def test_roles_url_and_keywords(details: dict[str, ArticleDetail]) -> None:
    item = csl_item(details["row"])
    assert item["URL"] == "https://example.com/news/row-1"
    assert item["author"] == [{"family": "Santoso", "given": "Budi"}]
    assert item["editor"] == [{"family": "Aminah", "given": "Siti"}]
    assert item["contributor"] == [{"family": "Salim", "given": "Agus"}]  # the photographer
    assert item["keyword"] == "banjir, Jakarta"
    assert item["issued"] == {"date-parts": [[2023, 2, 3]]}


def test_a_photo_record_is_a_graphic_by_its_photographer(details: dict[str, ArticleDetail]) -> None:
    item = csl_item(details["photo"])
    assert item["type"] == "graphic"
    assert item["author"] == [{"family": "Laverty", "given": "Duane A."}]
    assert "container-title" not in item and "contributor" not in item


def test_a_whole_selection_is_one_array(details: dict[str, ArticleDetail]) -> None:
    items = _items(list(details.values()))
    assert [i["custom"]["arsip-id"] for i in items] == [d.id for d in details.values()]
    assert len({i["id"] for i in items}) == 4
    assert _items([]) == []
