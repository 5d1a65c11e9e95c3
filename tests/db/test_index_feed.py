"""The index feed (db/index_feed.py) on a real, migrated catalogue: one document for every
article asked for, holding what searches find, and the texts phrases are checked against."""

from __future__ import annotations

import random
from collections.abc import Callable

from sqlalchemy import select

from archive_app.db.article_people import CHUNK
from archive_app.db.change_sets import ChangeSetStore
from archive_app.db.field_access import write_field
from archive_app.db.index_feed import field_texts, index_documents
from archive_app.db.models import Article, PlaceAlias
from archive_app.db.sessions import Sessions
from archive_app.db.store import CatalogueWriter, Source
from archive_app.domain.clock import utc_now
from archive_app.domain.model import CatalogueRecord, PersonRole, Photo

AddArticle = Callable[..., int]


def test_every_article_asked_for_comes_exactly_once(sessions: Sessions) -> None:
    origin = Source("c" * 64, "banyak.csv", "row", "csv", "csv-rows", None)
    with sessions.begin() as session:
        writer = CatalogueWriter(session, utc_now())
        writer.original(origin.sha256, 1, "csv", "originals/c.csv")
        for n in range(CHUNK + 7):  # more than one chunk of ids
            writer.add_article(CatalogueRecord(title=f"Berita {n}"), f"hash {n}", None, origin)
    with sessions() as session:
        ids = sorted(session.scalars(select(Article.id)))
        asked = [*ids, 10_000]  # an id no article has gives nothing
        random.Random(7).shuffle(asked)
        documents = list(index_documents(session, asked))
    assert sorted(d.id for d in documents) == ids
    assert {d.id: d.title for d in documents}[ids[-1]] == f"Berita {CHUNK + 6}"


def test_a_document_holds_what_searches_find(sessions: Sessions, add_article: AddArticle) -> None:
    article = add_article(
        title="Banjir rob",
        body=["Air laut naik.", "Warga mengungsi."],
        site="jpnn.com",
        dateline_place="Jkt",
        published=None,
        updated="2024-05-20T09:00:00+07:00",
        language="id",
        people=[PersonRole("Ana Widya", "reporter"), PersonRole("Budi", "editor")],
        photos=[Photo("Warga di pengungsian", "Antara"), Photo(None, "Foto: Dok")],
    )
    with sessions.begin() as session:
        session.add(PlaceAlias(key="jkt", place="Jakarta"))
        row = session.get(Article, article)
        assert row is not None
        write_field(session, CatalogueWriter(session, utc_now()), row, "tags", ["rob", "banjir"])
    with sessions() as session:
        [document] = index_documents(session, [article])
    assert document.title == "Banjir rob"
    assert document.body == ("Air laut naik.", "Warga mengungsi.")
    assert document.people == (PersonRole("Ana Widya", "reporter"), PersonRole("Budi", "editor"))
    assert document.site == "jpnn.com"
    assert (document.place, document.place_group) == ("Jkt", "Jakarta")
    assert document.date == "2024-05-20T09:00:00+07:00"  # no published date: the update's
    assert document.captions == ("Warga di pengungsian", "Antara", "Foto: Dok")
    assert sorted(document.tags) == ["banjir", "rob"]


def test_an_edit_gives_the_article_a_newer_document(
    sessions: Sessions, add_article: AddArticle
) -> None:
    article = add_article(title="Lama")
    with sessions() as session:
        [before] = index_documents(session, [article])
    store = ChangeSetStore(sessions, imported_fields=("title",), review_field="review")
    store.record("edit", "edit title", "ana", [(article, "title", "Baru")], None)
    with sessions() as session:
        [after] = index_documents(session, [article])
    assert (after.title, after.version) == ("Baru", before.version + 1)


def test_field_texts_give_the_fields_asked_for(sessions: Sessions, add_article: AddArticle) -> None:
    article = add_article(
        title="Pemilu",
        body=["Hasil hitung cepat."],
        photos=[Photo("TPS di Bogor", "Antara")],
        people=[PersonRole("Ana", "reporter"), PersonRole("Budi", "photographer")],
    )
    with sessions() as session:
        plain = field_texts(session, [article])[article]
        credited = field_texts(session, [article], frozenset({"photographer"}))[article]
    assert plain["text"] == "Pemilu\nHasil hitung cepat.\nTPS di Bogor\nAntara"
    assert plain["caption"] == "TPS di Bogor\nAntara"
    assert "people" not in plain  # not asked for, not read
    assert credited["photographer"] == "Budi"
    assert credited["people"] == "Ana\nBudi"
