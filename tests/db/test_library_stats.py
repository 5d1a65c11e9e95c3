"""A library's statistics and stored files (db/library_stats.py) on a real, migrated catalogue:
articles, versions, photos and people are counted as a person would count them."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from archive_app.db.library_stats import (
    media_paths,
    original_paths,
    provenance_original_paths,
    stats,
)
from archive_app.db.models import Article
from archive_app.db.sessions import Sessions
from archive_app.db.store import CatalogueWriter, Source
from archive_app.domain.clock import utc_now
from archive_app.domain.model import CatalogueRecord, PersonRole, Photo

AddArticle = Callable[..., int]


def test_an_empty_library_counts_nothing(sessions: Sessions, tmp_path: Path) -> None:
    with sessions() as session:
        counted = stats(session, tmp_path)
    assert counted.path == str(tmp_path)
    assert (counted.articles, counted.versions, counted.photos, counted.people) == (0, 0, 0, 0)
    assert counted.by_site == {} and counted.by_language == {}


def test_articles_versions_photos_and_people_are_counted(
    sessions: Sessions, add_article: AddArticle, tmp_path: Path
) -> None:
    satu: dict[str, Any] = {
        "title": "Satu",
        "site": "jpnn.com",
        "language": "id",
        "photos": [Photo("Banjir", "Antara"), Photo("Pengungsi", None)],
        "people": [PersonRole("Ana", "reporter"), PersonRole("Budi", "editor")],
    }
    first = add_article(**satu)
    add_article(title="Dua", site="jpnn.com", language="id", people=[PersonRole("Ana", "editor")])
    add_article(title="Tiga", site="antaranews.com", language="en", photos=[Photo("Gempa", None)])
    add_article(title="Empat")  # no site, no language
    with sessions.begin() as session:  # a second text of the first article
        article = session.get(Article, first)
        assert article is not None
        origin = Source("d" * 64, "lagi.html", "page", "html", "html-page", None)
        writer = CatalogueWriter(session, utc_now())
        writer.original(origin.sha256, 1, "html", "originals/d.html")
        writer.add_version(article, CatalogueRecord(**satu), "v2", origin, make_current=True)
    with sessions() as session:
        counted = stats(session, tmp_path)
    assert counted.articles == 4  # a new version is not a new article
    assert counted.versions == 5
    assert counted.photos == 3  # the photos of each article's current text
    assert counted.people == 2  # Ana once, though credited twice
    assert counted.sites == 2
    assert counted.by_site == {"jpnn.com": 2, "antaranews.com": 1, "(unknown)": 1}
    assert list(counted.by_site.values()) == [2, 1, 1]  # the most articles first
    assert counted.by_language == {"id": 2, "en": 1, "(unknown)": 1}
    assert counted.originals == 2


def test_an_original_no_article_names_is_told_apart(sessions: Sessions) -> None:
    origin = Source("e" * 64, "berita.csv", "row 1", "csv", "csv-rows", None)
    with sessions.begin() as session:
        writer = CatalogueWriter(session, utc_now())
        writer.original(origin.sha256, 1, "csv", "originals/e.csv")
        writer.original("f" * 64, 1, "csv", "originals/f.csv")  # its articles were deleted
        writer.add_article(CatalogueRecord(title="Ada"), "h", None, origin)
        writer.media("9" * 64, "media/9.jpg", 10, "image/jpeg", 4, 3, {}, "thumbs/9.jpg")
    with sessions() as session:
        assert sorted(original_paths(session)) == ["originals/e.csv", "originals/f.csv"]
        assert provenance_original_paths(session) == {"originals/e.csv"}
        assert media_paths(session) == ["media/9.jpg"]  # not the thumbnail
