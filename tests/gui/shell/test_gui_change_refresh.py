"""After a change the window refreshes what the change names: those rows in place, the reader,
the counts and Undo; the search does not run again, the other rows and the selection stay. A
change of names (a merge of people) runs the search again."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import partial

import pytest
from pytestqt.qtbot import QtBot
from tests.gui.conftest import ARTICLES, article_id

from archive_app.domain.model import ChangeInfo
from archive_app.gui.search.results_model import TITLE
from archive_app.gui.shell.main_window import MainWindow
from archive_app.usecases.archive import Archive

LONG = 10_000
FLOOD, ALERT, RELIEF, CHILLI = (row[0] for row in ARTICLES)
NEW_TITLE = "Banjir Rendam Tiga RT di Jakarta Barat"


@dataclass
class Watch:
    """What the window did to its list: searches started, model resets, rows changed."""

    searches: int = 0
    resets: int = 0
    changed_rows: list[int] = field(default_factory=list)


@pytest.fixture
def watch(small_window: MainWindow) -> Iterator[Watch]:
    seen = Watch()

    def searched() -> None:
        seen.searches += 1

    def reset() -> None:
        seen.resets += 1

    window = small_window
    window.session.ran.connect(searched)
    window.searches.started.connect(searched)
    window.model.modelAboutToBeReset.connect(reset)
    window.model.dataChanged.connect(lambda top, _bottom: seen.changed_rows.append(top.row()))
    yield seen


def _row(window: MainWindow, title: str) -> int:
    row = window.model.row_of(article_id(window.archive, title))
    assert row is not None
    return row


def _title(window: MainWindow, title_now: str) -> str:
    return window.model.cell_text(_row(window, title_now), TITLE)


def _read(qtbot: QtBot, window: MainWindow, title: str) -> None:
    """Choose the article's row and wait for the reader to show it."""
    window.table.select_row(_row(window, title))
    qtbot.waitUntil(lambda: _reading(window) == title, timeout=LONG)


def _reading(window: MainWindow) -> str | None:
    reading = window.reader.reading
    return reading.detail.record.title if reading is not None else None


def _change(qtbot: QtBot, window: MainWindow, job: Callable[[], object]) -> ChangeInfo:
    """Run a change through the window's runner; return once it is applied and the result
    counted again (the last step of the refresh)."""
    with (
        qtbot.waitSignal(window.searches.counted, timeout=LONG),
        qtbot.waitSignal(window.changes.changed, timeout=LONG) as applied,
    ):
        window.changes.submit(job)
    info = applied.args[0]
    assert isinstance(info, ChangeInfo)
    return info


def test_an_edit_updates_only_its_row_and_its_undo_does_the_same(
    qtbot: QtBot, small_window: MainWindow, watch: Watch
) -> None:
    window, archive = small_window, small_window.archive
    flood = article_id(archive, FLOOD)
    _read(qtbot, window, FLOOD)
    chosen = [flood, article_id(archive, ALERT)]
    window.table.select_ids(chosen)
    rows = {title: _row(window, title) for title in (FLOOD, ALERT, RELIEF, CHILLI)}
    others = {row: window.model.summary(row) for title, row in rows.items() if title != FLOOD}

    info = _change(qtbot, window, partial(archive.edit, flood, {"title": NEW_TITLE}))
    assert info.kind == "edit" and info.articles == [flood]
    # the row shows the new title where it was, and the reader reads it again
    assert window.model.cell_text(rows[FLOOD], TITLE) == NEW_TITLE
    qtbot.waitUntil(lambda: _reading(window) == NEW_TITLE, timeout=LONG)
    # no search, no reset: the other rows are the very objects they were, still selected
    assert watch.searches == 0 and watch.resets == 0
    assert set(watch.changed_rows) == {rows[FLOOD]}
    assert all(window.model.summary(row) is summary for row, summary in others.items())
    assert window.table.selected_ids() == sorted(chosen, key=lambda i: window.model.row_of(i))
    assert window.search_bar.count.text() == "4 articles"
    qtbot.waitUntil(window.actions_.undo.isEnabled, timeout=LONG)
    assert window.actions_.undo.text() == f"&Undo edit title of article {flood}"

    with (
        qtbot.waitSignal(window.searches.counted, timeout=LONG),
        qtbot.waitSignal(window.changes.changed, timeout=LONG) as undone,
    ):
        window.actions_.undo.trigger()  # Edit ▸ Undo
    assert undone.args[0].kind == "undo" and undone.args[0].target_kind == "edit"
    assert window.model.cell_text(rows[FLOOD], TITLE) == FLOOD
    qtbot.waitUntil(lambda: _reading(window) == FLOOD, timeout=LONG)
    assert watch.searches == 0 and watch.resets == 0
    assert all(window.model.summary(row) is summary for row, summary in others.items())
    assert len(window.table.selected_ids()) == 2
    qtbot.waitUntil(window.actions_.redo.isEnabled, timeout=LONG)


def test_a_bulk_change_updates_the_rows_it_names_and_the_sidebar(
    qtbot: QtBot, small_window: MainWindow, watch: Watch
) -> None:
    window, archive = small_window, small_window.archive
    ids = [article_id(archive, title) for title in (ALERT, CHILLI)]
    untouched = window.model.summary(_row(window, RELIEF))
    _change(qtbot, window, partial(archive.bulk, ids, "set", "site", "tempo.co"))
    assert {window.model.summary(_row(window, t)).site for t in (ALERT, CHILLI)} == {"tempo.co"}
    assert window.model.summary(_row(window, RELIEF)) is untouched
    assert watch.searches == 0 and watch.resets == 0
    # the facets are counted again: the new site is there to filter by
    facets = window.sidebar.facet_model
    qtbot.waitUntil(
        lambda: any(
            facets.index(r, 0, facets.index(p, 0)).data() == "tempo.co"
            for p in range(facets.rowCount())
            for r in range(facets.rowCount(facets.index(p, 0)))
        ),
        timeout=LONG,
    )


def _delete(archive: Archive, article: int) -> ChangeInfo:
    """A change that deletes an article and names it (the window has no Delete command yet)."""
    assert archive.delete_articles([article]) == 1
    return ChangeInfo(0, "delete", f"delete article {article}", "test", "", [article])


def test_a_deleted_article_leaves_the_list_and_the_reader_moves_on(
    qtbot: QtBot, small_window: MainWindow, watch: Watch
) -> None:
    window, archive = small_window, small_window.archive
    _read(qtbot, window, ALERT)
    alert = article_id(archive, ALERT)
    chilli = window.model.summary(_row(window, CHILLI))
    _change(qtbot, window, partial(_delete, archive, alert))
    assert window.model.rowCount() == 3 and window.model.row_of(alert) is None
    assert [window.model.cell_text(r, TITLE) for r in range(3)] == [RELIEF, FLOOD, CHILLI]
    assert window.model.summary(2) is chilli  # moved up a row, not read again
    assert watch.searches == 0 and watch.resets == 0
    # the reader shows the row that took the current one's place; the counts say three
    qtbot.waitUntil(lambda: _reading(window) in (FLOOD, CHILLI), timeout=LONG)
    qtbot.waitUntil(lambda: window.search_bar.count.text() == "3 articles", timeout=LONG)
    qtbot.waitUntil(lambda: window.sidebar.counts.text().startswith("3 articles"), timeout=LONG)


def test_a_merge_of_people_runs_the_search_again_and_so_does_its_undo(
    qtbot: QtBot, small_window: MainWindow, watch: Watch
) -> None:
    window, archive = small_window, small_window.archive
    with qtbot.waitSignal(window.searches.started, timeout=LONG):
        window.changes.submit(partial(archive.merge_people, "Brigitta Belia", "Brigita Belia"))
    assert watch.resets == 1
    qtbot.waitUntil(window.actions_.undo.isEnabled, timeout=LONG)
    with qtbot.waitSignal(window.searches.started, timeout=LONG):
        window.actions_.undo.trigger()
    assert watch.resets == 2


def test_a_result_naming_no_article_runs_the_search_again(
    qtbot: QtBot, small_window: MainWindow, watch: Watch
) -> None:
    with qtbot.waitSignal(small_window.searches.started, timeout=LONG):
        small_window.changes.submit(lambda: None)  # an Undo with nothing left to undo
    assert watch.resets == 1
    assert _title(small_window, FLOOD) == FLOOD
