"""The results model: a valid Qt model that fetches rows lazily, a batch at a time."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QModelIndex, Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from tests.gui.conftest import FakeArchive, shown_table

from archive_app.gui.search.results_model import BATCH, SNIPPET_ROLE, ResultsModel, missing_text

ROOT = QModelIndex()


def test_the_model_passes_qt_model_tester(qtmodeltester: ModelTester) -> None:
    source = FakeArchive(1000)
    model = ResultsModel(source)
    model.set_ids(source.ids)
    qtmodeltester.check(model)
    # the tester also exercises fetchMore: the model stays consistent as it grows
    assert model.rowCount() >= BATCH


def test_a_thousand_ids_are_fetched_a_batch_at_a_time() -> None:
    source = FakeArchive(1000)
    model = ResultsModel(source)
    model.set_ids(source.ids)

    # the first screenful at once; nothing beyond it has been read from the library
    assert model.rowCount() == BATCH
    assert model.total == 1000
    assert source.summary_calls == [source.ids[:BATCH]]
    assert model.canFetchMore(ROOT)

    while model.canFetchMore(ROOT):
        model.fetchMore(ROOT)
    assert model.rowCount() == 1000
    assert len(source.summary_calls) == 1000 // BATCH
    assert all(len(call) == BATCH for call in source.summary_calls)
    assert not model.canFetchMore(ROOT)


def test_rows_show_title_date_site_and_people() -> None:
    source = FakeArchive(3)
    model = ResultsModel(source)
    model.set_ids([3, 1, 2])
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(4)]
    assert headers == ["Title", "Date", "Site", "People"]
    row = [model.index(0, c).data() for c in range(4)]
    assert row == ["Article 3", "2024-05-04 08:00", "example.id", "Reporter 3"]
    assert model.article_id(1) == 1


def test_an_article_deleted_since_the_listing_shows_as_missing() -> None:
    source = FakeArchive(5)
    model = ResultsModel(source)
    model.set_ids([1, 99, 2])  # 99 is not in the library
    assert model.index(1, 0).data() == missing_text() == "(no longer in the library)"
    assert not model.flags(model.index(1, 0)) & Qt.ItemFlag.ItemIsSelectable
    assert model.index(2, 0).data() == "Article 2"


def test_scrolling_to_the_end_of_the_table_fetches_the_next_batch(qtbot: QtBot) -> None:
    source = FakeArchive(1000)
    model = ResultsModel(source)
    table = shown_table(qtbot, model)
    model.set_ids(source.ids)
    assert model.rowCount() == BATCH

    table.scrollToBottom()
    qtbot.waitUntil(lambda: model.rowCount() == 2 * BATCH)
    assert model.index(2 * BATCH - 1, 0).data() == f"Article {2 * BATCH}"
    # only what was scrolled past was fetched, not the whole list
    assert len(source.summary_calls) == 2


def test_ids_appended_while_the_end_is_visible_are_fetched(qtbot: QtBot) -> None:
    source = FakeArchive(150)
    model = ResultsModel(source)
    _table = shown_table(qtbot, model)  # kept: qtbot holds widgets weakly
    model.set_ids(source.ids[:5])  # a short first page: every row is on screen
    model.append_ids(source.ids[5:])
    # the view asked for one more batch: its last row is now far below the visible area
    assert model.rowCount() == 5 + BATCH
    assert model.index(5 + BATCH - 1, 0).data() == f"Article {5 + BATCH}"
    assert model.canFetchMore(ROOT)


def test_people_beyond_the_first_two_are_counted_and_listed_in_the_tooltip() -> None:
    source = FakeArchive(1)
    model = ResultsModel(source)
    model.set_ids([1])
    summary = model.summary(0)
    assert summary is not None
    model._rows[1] = summary.__class__(1, "A", None, None, None, ("Ana", "Budi", "Citra"), "id")
    assert model.index(0, 3).data() == "Ana, Budi +1"
    assert model.index(0, 3).data(Qt.ItemDataRole.ToolTipRole) == "Ana, Budi, Citra"


def test_a_search_hit_carries_its_snippet_for_the_title_cell() -> None:
    source = FakeArchive(3)
    model = ResultsModel(source)
    model.set_ids([2, 3], "banjir", {2: ('the <b class="hit">banjir</b> came',)})
    assert model.has_snippets
    assert model.index(0, 0).data(SNIPPET_ROLE) == 'the <b class="hit">banjir</b> came'
    assert model.index(1, 0).data(SNIPPET_ROLE) is None
    assert model.index(0, 1).data(SNIPPET_ROLE) is None  # only under the title


def test_the_end_of_a_search_asks_for_the_next_page_once(qtbot: QtBot) -> None:
    source = FakeArchive(10)
    model = ResultsModel(source, batch=5)
    model.set_ids(source.ids[:5], "q", more_pages=True)
    assert model.rowCount() == 5
    assert model.canFetchMore(ROOT)  # every known id is shown, but the search has more
    with qtbot.waitSignal(model.pageWanted):
        model.fetchMore(ROOT)
    assert not model.canFetchMore(ROOT)  # asked once; no second request until it answers
    model.append_ids(source.ids[5:], more_pages=False)
    assert model.canFetchMore(ROOT)
    model.fetchMore(ROOT)
    assert model.rowCount() == 10
    assert not model.canFetchMore(ROOT)


def test_the_model_with_more_pages_passes_qt_model_tester(qtmodeltester: ModelTester) -> None:
    source = FakeArchive(300)
    model = ResultsModel(source)
    model.set_ids(source.ids[:150], "q", {1: ("x",)}, more_pages=True)
    qtmodeltester.check(model)


def _changed(source: FakeArchive, model: ResultsModel) -> int:
    """Article 5 was edited; 20 (fetched) and 900 (not fetched yet) were deleted; 5000 was
    never listed."""
    source.ids = [i for i in source.ids if i not in (20, 900)]
    edited = replace(source.summaries([5])[0], title="Article 5, corrected")
    return model.update_rows([5, 20, 900, 5000], [edited])


def test_changed_rows_are_updated_in_place_and_deleted_ones_taken_out(
    qtmodeltester: ModelTester,
) -> None:
    source = FakeArchive(1000)
    model = ResultsModel(source)
    model.set_ids(source.ids)
    qtmodeltester.check(model)  # and it watches every signal the update sends (fetching more)
    kept = model.summary(10)
    assert model.among([5000, 900, 5]) == [900, 5]

    assert _changed(source, model) == 2
    assert model.index(4, 0).data() == "Article 5, corrected"
    assert model.summary(10) is kept  # not read again
    assert model.total == 998
    assert model.article_id(19) == 21 and model.row_of(21) == 19 and model.row_of(20) is None
    assert 900 not in model.listed() and model.listed()[-1] == 1000
    while model.canFetchMore(ROOT):
        model.fetchMore(ROOT)
    assert model.rowCount() == 998 and model.index(997, 0).data() == "Article 1000"


def test_a_change_keeps_the_tables_scroll_and_selection(qtbot: QtBot) -> None:
    source = FakeArchive(1000)
    model = ResultsModel(source)
    table = shown_table(qtbot, model)
    model.set_ids(source.ids)
    table.select_row(60)
    place = table.verticalScrollBar().value()
    assert place > 0
    with qtbot.assertNotEmitted(model.modelAboutToBeReset):
        assert _changed(source, model) == 2
    assert table.selected_ids() == [61]  # one row higher now, still chosen
    assert table.verticalScrollBar().value() == place
