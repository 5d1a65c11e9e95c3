"""Rows read ahead: the batch after the rows shown is read on a worker, so scrolling to it never
waits on the catalogue, and rows read for a list or a version no longer shown never appear."""

from __future__ import annotations

import threading
from array import array
from collections.abc import Callable, Sequence
from dataclasses import replace

from PySide6.QtCore import QEvent, QModelIndex, QObject
from PySide6.QtWidgets import QApplication
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from tests.gui.conftest import FakeArchive, shown_table

from archive_app.domain.model import ArticleSummary
from archive_app.gui.common.tasks import TaskRunner
from archive_app.gui.search.results_model import BATCH, ResultsModel
from archive_app.gui.search.results_view import ResultsTable

ROOT = QModelIndex()
Job = tuple[Callable[[], list[ArticleSummary]], Callable[[list[ArticleSummary]], None]]


class ThreadedArchive(FakeArchive):
    """Notes which thread read each batch of rows, and can retitle an article."""

    def __init__(self, size: int) -> None:
        super().__init__(size)
        self.on_gui_thread: list[list[int]] = []
        self.titles: dict[int, str] = {}

    def summaries(self, ids: Sequence[int]) -> list[ArticleSummary]:
        if threading.current_thread() is threading.main_thread():
            self.on_gui_thread.append(list(ids))
        found = super().summaries(ids)
        return [replace(s, title=self.titles.get(s.id, s.title)) for s in found]


class Later:
    """A read-ahead runner that keeps the jobs until the test runs them."""

    def __init__(self) -> None:
        self.jobs: list[Job] = []

    def __call__(
        self,
        job: Callable[[], list[ArticleSummary]],
        done: Callable[[list[ArticleSummary]], None],
        failed: Callable[[Exception], None],
    ) -> None:
        self.jobs.append((job, done))

    def run(self) -> None:
        jobs, self.jobs = self.jobs, []
        for job, done in jobs:
            done(job())


def test_the_next_batch_is_read_on_a_worker_and_shown_without_a_query(qtbot: QtBot) -> None:
    source = ThreadedArchive(1000)
    runner = TaskRunner(1)
    model = ResultsModel(source, read_ahead=runner.submit)
    model.set_ids(source.ids)
    assert source.on_gui_thread == [source.ids[:BATCH]]  # the first screenful, at once
    qtbot.waitUntil(model.read_ahead)
    model.fetchMore(ROOT)
    assert model.rowCount() == 2 * BATCH
    assert model.index(2 * BATCH - 1, 0).data() == f"Article {2 * BATCH}"
    # the second batch came from the worker: nothing more was read on the GUI thread
    assert source.on_gui_thread == [source.ids[:BATCH]]
    qtbot.waitUntil(lambda: not runner.busy)


def test_the_model_with_rows_read_ahead_passes_qt_model_tester(
    qtmodeltester: ModelTester,
) -> None:
    source = ThreadedArchive(1000)
    later = Later()
    model = ResultsModel(source, read_ahead=later)
    model.set_ids(source.ids)
    later.run()
    qtmodeltester.check(model)
    assert model.rowCount() >= 2 * BATCH


def test_rows_read_for_a_list_no_longer_shown_are_dropped() -> None:
    source = ThreadedArchive(1000)
    later = Later()
    model = ResultsModel(source, read_ahead=later)
    model.set_ids(source.ids)
    model.set_ids(list(reversed(source.ids)))  # another search before the first one's rows
    later.run()
    model.fetchMore(ROOT)
    # the reversed list's second batch: 900 down to 801, read for it, not the first list's
    assert model.index(BATCH, 0).data() == "Article 900"
    assert model.index(2 * BATCH - 1, 0).data() == "Article 801"


def test_an_article_changed_after_its_row_was_read_ahead_shows_its_change() -> None:
    source = ThreadedArchive(1000)
    later = Later()
    model = ResultsModel(source, read_ahead=later)
    model.set_ids(source.ids)
    later.run()  # rows 101-200 read ahead, "Article 150" among them
    source.titles[150] = "Banjir Jakarta, corrected"
    model.update_rows([150], source.summaries([150]))
    model.fetchMore(ROOT)
    assert model.index(149, 0).data() == "Banjir Jakarta, corrected"
    assert model.index(148, 0).data() == "Article 149"


def _scrolled_table(qtbot: QtBot) -> tuple[ThreadedArchive, ResultsModel, ResultsTable, Later]:
    """A shown table over 1,000 ids with their second batch read ahead (not yet taken)."""
    source = ThreadedArchive(1000)
    later = Later()
    model = ResultsModel(source, read_ahead=later)
    table = shown_table(qtbot, model)
    model.set_ids(source.ids)
    later.run()
    return source, model, table, later


def test_the_view_takes_the_rows_read_ahead_before_it_reaches_the_end(qtbot: QtBot) -> None:
    source, model, table, later = _scrolled_table(qtbot)
    assert model.rowCount() == BATCH  # the end is far below: the rows wait
    last = table.visualRect(model.index(BATCH - 1, 0))
    # scrolled to a little over one screen above the last row: still out of sight
    table.verticalScrollBar().setValue(last.top() + table.verticalScrollBar().value() - 600)
    assert model.rowCount() == 2 * BATCH
    assert table.visualRect(model.index(BATCH - 1, 0)).top() > table.viewport().height()
    # taking them read nothing more (the runner here reads on this thread when it is run)
    assert source.summary_calls == [source.ids[:BATCH], source.ids[BATCH : 2 * BATCH]]
    assert len(later.jobs) == 1  # and the batch after them is asked for


class _Paints(QObject):
    count = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


def test_rows_taken_while_scrolling_cost_the_frame_no_second_paint(qtbot: QtBot) -> None:
    _source, model, table, _later = _scrolled_table(qtbot)
    QApplication.processEvents()
    paints = _Paints()
    table.viewport().installEventFilter(paints)
    bar = table.verticalScrollBar()
    last = table.visualRect(model.index(BATCH - 1, 0))
    # a frame of scrolling that brings the end of the rows within two screens
    bar.setValue(bar.value() + last.top() - 600)
    table.viewport().repaint()
    QApplication.processEvents()
    assert model.rowCount() == 2 * BATCH
    assert paints.count == 1


def test_ids_arriving_while_the_view_waits_at_the_end_are_shown_from_a_worker(
    qtbot: QtBot,
) -> None:
    # the whole library's listing holds its first ids; the rest come when the view reaches
    # them: the rows after them are read on a worker, not in the frame that takes the ids
    source = ThreadedArchive(1000)
    later = Later()
    model = ResultsModel(source, read_ahead=later)
    table = shown_table(qtbot, model)
    model.set_ids(source.ids[:BATCH], more_pages=True)
    later.run()
    table.scrollToBottom()
    qtbot.waitUntil(lambda: model.rowCount() == BATCH)
    asked = len(source.summary_calls)
    model.append_ids(array("q", source.ids))
    assert model.total == 1000
    assert len(source.summary_calls) == asked  # nothing read in the frame taking the ids
    assert model.rowCount() == BATCH
    assert len(later.jobs) == 1
    later.run()  # the worker reads the rows after them (here on this thread, when run)
    assert source.summary_calls[asked:] == [source.ids[BATCH : 2 * BATCH]]
    assert model.rowCount() == 2 * BATCH  # and the view at the end takes them
    assert model.index(2 * BATCH - 1, 0).data() == f"Article {2 * BATCH}"
