"""schema.org NewsArticle JSON-LD, photos as ImageObjects with caption and credit."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

from archive_app.domain.model import ArticleDetail
from archive_app.exports.jsonld import write_jsonld


def _graph(details: list[ArticleDetail]) -> list[dict[str, Any]]:
    stream = io.StringIO()
    assert write_jsonld(stream, details) == len(details)
    document = json.loads(stream.getvalue())
    assert document["@context"] == "https://schema.org"
    graph: list[dict[str, Any]] = document["@graph"]
    return graph


def test_the_seed_as_a_news_article(details: dict[str, ArticleDetail]) -> None:
    (node,) = _graph([details["seed"]])
    assert node["@type"] == "NewsArticle"
    assert node["headline"] == details["seed"].record.title
    assert node["datePublished"] == "2024-05-17T03:50:00+07:00"
    assert node["inLanguage"] == "id" and node["dateline"] == "Bali"
    assert node["author"] == [{"@type": "Person", "name": "Yessy Artada"}]
    assert node["editor"] == [{"@type": "Person", "name": "Yessy Artada"}]
    assert node["publisher"] == {"@type": "Organization", "name": "JPNN.com"}
    assert "url" not in node
    (image,) = node["image"]
    assert image["@type"] == "ImageObject"
    assert image["caption"].startswith("Direktorat Jenderal Informasi")
    assert image["creditText"] == "dok Kominfo"
    assert "contentUrl" not in image  # the seed's photo itself was never archived
    assert node["articleBody"].split("\n\n") == details["seed"].record.body


def test_an_archived_photo_points_at_its_file(
    details: dict[str, ArticleDetail], export_library: Path
) -> None:
    (node,) = _graph([details["photo"]])
    (image,) = node["image"]
    assert image["creditText"] == "AP"
    assert image["creator"] == {"@type": "Person", "name": "Duane A. Laverty"}
    assert image["sourceOrganization"] == {"@type": "Organization", "name": "AP"}
    assert image["contentUrl"].startswith("media/") and image["contentUrl"].endswith(".jpg")
    archived = export_library / image["contentUrl"]  # relative to the library folder
    assert archived.read_bytes()[:2] == b"\xff\xd8"
    assert "(AP Photo/Duane A. Laverty)" in image["caption"]


def test_a_selection_is_one_graph(details: dict[str, ArticleDetail]) -> None:
    graph = _graph(list(details.values()))
    assert [n["@id"] for n in graph] == [f"#article-{d.id}" for d in details.values()]
    row = graph[2]
    assert row["url"] == "https://example.com/news/row-1"
    assert row["contributor"] == [{"@type": "Person", "name": "Agus Salim"}]
    assert row["keywords"] == ["banjir", "Jakarta"]
    assert _graph([]) == []
