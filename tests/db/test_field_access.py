"""One field of an article read and written (db/field_access.py) on a real, migrated
catalogue: what is written is what is read back, as history records it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import select

from archive_app.db.field_access import collection_path, find_collection, read_field, write_field
from archive_app.db.models import Article, Tag
from archive_app.db.sessions import Sessions
from archive_app.db.store import CatalogueWriter
from archive_app.domain.clock import utc_now
from archive_app.domain.model import Photo

AddArticle = Callable[..., int]


def _write_and_read(sessions: Sessions, article_id: int, field: str, value: Any) -> Any:
    with sessions.begin() as session:
        article = session.get(Article, article_id)
        assert article is not None
        write_field(session, CatalogueWriter(session, utc_now()), article, field, value)
    with sessions() as session:
        article = session.get(Article, article_id)
        assert article is not None
        return read_field(session, article, field)


@pytest.mark.parametrize(
    ("field", "value", "read"),
    [
        ("title", "Judul baru", "Judul baru"),
        ("body", ["Satu.", "Dua."], ["Satu.", "Dua."]),
        ("site", "antaranews.com", "antaranews.com"),
        ("site", None, None),
        ("tags", ["rob", "banjir"], ["banjir", "rob"]),  # read back in order
        ("collections", ["Banjir/Jawa Timur", "Arsip"], ["Arsip", "Banjir/Jawa Timur"]),
        (
            "people",
            [{"name": "Ana W.", "role": "reporter"}, {"name": "Budi", "role": "editor"}],
            [{"name": "Ana W.", "role": "reporter"}, {"name": "Budi", "role": "editor"}],
        ),
        (
            "related",
            [{"title": "Banjir kemarin", "url": "https://jpnn.com/1"}],
            [{"title": "Banjir kemarin", "url": "https://jpnn.com/1"}],
        ),
    ],
)
def test_a_written_value_reads_back(
    sessions: Sessions, add_article: AddArticle, field: str, value: Any, read: Any
) -> None:
    article = add_article(title="Judul", site="jpnn.com")
    assert _write_and_read(sessions, article, field, value) == read


def test_a_date_keeps_its_zone_and_sorts_by_its_moment(
    sessions: Sessions, add_article: AddArticle
) -> None:
    article = add_article(published="2024-05-01")
    _write_and_read(sessions, article, "published", "2024-05-20T09:00:00+07:00")
    with sessions() as session:
        row = session.get(Article, article)
        assert row is not None
        assert (row.published, row.published_raw) == ("2024-05-20T09:00:00+07:00",) * 2
        assert row.sort_date == "2024-05-20T02:00:00Z"


def test_photo_credits_are_corrected_in_place(sessions: Sessions, add_article: AddArticle) -> None:
    article = add_article(photos=[Photo("Banjir", "Antara"), Photo("Pengungsi", None)])
    corrected = [{"caption": "Banjir rob", "credit": "Antara/Ana"}]  # the first photo only
    photos = _write_and_read(sessions, article, "photos", corrected)
    assert [(p["caption"], p["credit"]) for p in photos] == [
        ("Banjir rob", "Antara/Ana"),
        ("Pengungsi", None),
    ]


def test_tags_and_collections_are_shared_not_doubled(
    sessions: Sessions, add_article: AddArticle
) -> None:
    first, second = add_article(title="Satu"), add_article(title="Dua")
    _write_and_read(sessions, first, "tags", ["banjir"])
    _write_and_read(sessions, second, "tags", ["banjir", "rob"])
    _write_and_read(sessions, first, "collections", ["Banjir/Jawa Timur"])
    _write_and_read(sessions, second, "collections", ["Banjir/Jawa Timur"])
    with sessions() as session:
        assert sorted(session.scalars(select(Tag.name))) == ["banjir", "rob"]
        found = find_collection(session, " Banjir / Jawa Timur ", create=False)
        assert found is not None and collection_path(session, found) == "Banjir/Jawa Timur"
        assert find_collection(session, "Banjir/Jawa Barat", create=False) is None
