"""The results rows as drawn: a row drawn again (its texts laid out once and kept) looks as it
did the first time, and a changed title is drawn anew, not taken from what was kept."""

from __future__ import annotations

from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot
from tests.gui.conftest import shown_table
from tests.gui.search.test_gui_results_read_ahead import ThreadedArchive

from archive_app.gui.search.results_model import ResultsModel
from archive_app.gui.search.results_view import ResultsTable


def _drawn(table: ResultsTable) -> QImage:
    return table.viewport().grab().toImage()


def _differing_rows(first: QImage, second: QImage, row_height: int) -> set[int]:
    rows = set()
    for y in range(0, min(first.height(), second.height()), 2):
        for x in range(0, min(first.width(), second.width()), 2):
            if first.pixel(x, y) != second.pixel(x, y):
                rows.add(y // row_height)
                break
    return rows


def test_a_row_drawn_again_looks_the_same_and_a_new_title_is_drawn(qtbot: QtBot) -> None:
    source = ThreadedArchive(60)
    model = ResultsModel(source)
    table = shown_table(qtbot, model, height=300)
    model.set_ids(source.ids)
    first = _drawn(table)  # every text drawn for the first time
    again = _drawn(table)  # the same texts, laid out once and kept
    height = table.verticalHeader().defaultSectionSize()
    assert _differing_rows(first, again, height) == set()
    source.titles[3] = "Banjir rob merendam pesisir utara Jakarta"
    model.update_rows([3], source.summaries([3]))
    changed = _drawn(table)
    assert _differing_rows(again, changed, height) == {2}  # the third row only
