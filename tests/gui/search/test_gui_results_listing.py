"""The results model over a long listing: the rest of the ids appended after the first rows,
rows found by id, and rows taken out after a delete, in the order the library gave."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex
from tests.gui.conftest import FakeArchive

from archive_app.domain.model import ArticleSummary
from archive_app.gui.search.results_model import BATCH, ResultsModel

ROOT = QModelIndex()


def test_the_rest_of_a_listing_follows_its_first_rows_once() -> None:
    source = FakeArchive(1000)
    newest_first = list(reversed(source.ids))
    model = ResultsModel(source)
    model.set_ids(newest_first[:200], more_pages=True)
    model.append_ids(newest_first)  # every id again, from the first: those held are skipped
    assert model.total == 1000
    assert model.listed() == newest_first
    while model.canFetchMore(ROOT):
        model.fetchMore(ROOT)
    assert [model.article_id(row) for row in range(1000)] == newest_first
    assert model.row_of(newest_first[-1]) == 999


def test_ids_already_listed_are_not_listed_twice() -> None:
    source = FakeArchive(50)
    model = ResultsModel(source)
    model.set_ids([5, 6, 7, 5])
    model.append_ids([8, 6, 9, 9])
    assert model.listed() == [5, 6, 7, 8, 9]


def test_only_fetched_rows_are_found_but_every_listed_id_is_among_the_list() -> None:
    source = FakeArchive(500)
    model = ResultsModel(source)
    model.set_ids(source.ids)
    last = source.ids[-1]
    assert model.row_of(source.ids[BATCH - 1]) == BATCH - 1
    assert model.row_of(last) is None  # not fetched yet: no row to select
    assert model.among([last, 10_000, source.ids[0]]) == [last, source.ids[0]]


def test_a_deleted_article_leaves_the_list_and_the_rows_after_it_move_up() -> None:
    source = FakeArchive(300)
    model = ResultsModel(source)
    model.set_ids(source.ids)
    model.fetchMore(ROOT)  # 200 rows fetched
    gone, kept = source.ids[10], source.ids[11]
    found: list[ArticleSummary] = source.summaries([kept])
    assert model.update_rows([gone, kept], found) == 1
    assert model.total == 299 and model.row_of(gone) is None
    assert model.row_of(kept) == 10
    assert model.row_of(source.ids[199]) == 198
    assert model.article_id(10) == kept
