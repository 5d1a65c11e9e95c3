"""Change sets (db/change_sets.py) on a real, migrated catalogue: an edit is recorded with its
history, undo and redo put the recorded values back, and history lists every step."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from tests.postgres_server import SUPERUSER

from archive_app.db.change_sets import ChangeSetStore
from archive_app.db.models import Article
from archive_app.db.sessions import Sessions
from archive_app.db.store import CatalogueWriter, Source
from archive_app.domain.clock import utc_now
from archive_app.domain.errors import ArticleNotFoundError
from archive_app.domain.model import CatalogueRecord

AddArticle = Callable[..., int]


@pytest.fixture
def store(sessions: Sessions) -> ChangeSetStore:
    return ChangeSetStore(sessions, imported_fields=("title",), review_field="review")


def _title(store: ChangeSetStore, article_id: int) -> object:
    [(_, exists, value)] = store.values([article_id], "title")
    assert exists
    return value


def test_undo_restores_the_old_value_and_history_lists_both_steps(
    store: ChangeSetStore, add_article: AddArticle, sessions: Sessions
) -> None:
    article = add_article(title="Banjir di Jakarta")
    edit = store.record("edit", "edit title", "ana", [(article, "title", "Banjir Jakarta")], None)
    assert edit.articles == [article]
    assert _title(store, article) == "Banjir Jakarta"
    assert store.undo_state() == ("edit title", None)

    undo = store.step("budi", backwards=True)
    assert undo is not None and undo.articles == [article]
    assert _title(store, article) == "Banjir di Jakarta"
    assert store.undo_state() == (None, "edit title")

    history = [(h.kind, h.user, h.old, h.new, h.undone) for h in store.history(article)]
    # a team catalogue records its database login (the test cluster's superuser), not the
    # name the caller passes (this computer's user)
    with sessions() as session:
        team = session.get_bind().dialect.name == "postgresql"
    assert history == [
        ("edit", SUPERUSER if team else "ana", "Banjir di Jakarta", "Banjir Jakarta", True),
        ("undo", SUPERUSER if team else "budi", "Banjir Jakarta", "Banjir di Jakarta", False),
    ]


def test_redo_makes_the_change_again(store: ChangeSetStore, add_article: AddArticle) -> None:
    article = add_article(title="Gempa")
    store.record("edit", "edit title", "ana", [(article, "title", "Gempa Cianjur")], None)
    store.step("ana", backwards=True)
    assert store.step("ana", backwards=False) is not None
    assert _title(store, article) == "Gempa Cianjur"
    assert store.undo_state() == ("edit title", None)
    assert store.step("ana", backwards=False) is None  # nothing left to redo


def test_undo_takes_back_the_latest_change_first(
    store: ChangeSetStore, add_article: AddArticle
) -> None:
    article = add_article(title="A")
    store.record("edit", "to B", "ana", [(article, "title", "B")], None)
    store.record("edit", "to C", "ana", [(article, "title", "C")], None)
    store.step("ana", backwards=True)
    assert _title(store, article) == "B"
    assert store.undo_state() == ("to B", "to C")


def test_setting_a_field_to_its_value_records_nothing(
    store: ChangeSetStore, add_article: AddArticle
) -> None:
    article = add_article(title="Sama")
    info = store.record("edit", "same title", "ana", [(article, "title", "Sama")], None)
    assert info.articles == []
    assert store.history(article) == []


def test_an_edit_of_a_missing_article_changes_nothing(
    store: ChangeSetStore, add_article: AddArticle
) -> None:
    article = add_article(title="Ada")
    with pytest.raises(ArticleNotFoundError):
        store.record(
            "bulk", "two titles", "ana", [(article, "title", "Baru"), (999, "title", "X")], None
        )
    assert _title(store, article) == "Ada"  # one transaction: the first edit went too
    assert store.undo_state() == (None, None)


def _newer_text(sessions: Sessions, article_id: int, title: str) -> None:
    """A newer import of the article (same URL, other text) becomes its current record."""
    with sessions.begin() as session:
        article = session.get(Article, article_id)
        assert article is not None
        origin = Source("b" * 64, "lagi.csv", "row 1", "csv", "csv-rows", None)
        writer = CatalogueWriter(session, utc_now())
        writer.original(origin.sha256, 1, "csv", "originals/b.csv")
        record = CatalogueRecord(title=title, body=["Isi baru."])
        writer.add_version(article, record, title, origin, make_current=True)


def test_an_edit_outlives_a_newer_import_until_it_is_undone(
    sessions: Sessions, store: ChangeSetStore, add_article: AddArticle
) -> None:
    article = add_article(title="Judul impor")
    store.record("edit", "edit title", "ana", [(article, "title", "Judul pustakawan")], None)
    _newer_text(sessions, article, "Judul impor kedua")
    assert _title(store, article) == "Judul pustakawan"
    store.step("ana", backwards=True)  # the override goes with the edit
    _newer_text(sessions, article, "Judul impor ketiga")
    assert _title(store, article) == "Judul impor ketiga"
