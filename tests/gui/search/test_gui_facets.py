"""Facets, the date histogram and filter chips: click to filter, click again to remove."""

from __future__ import annotations

from typing import cast

from PySide6.QtCore import QPoint, Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from tests.gui.conftest import FakeArchive, open_window

from archive_app.gui.search.facet_model import FacetModel
from archive_app.gui.search.filters import Filter, FilterSet
from archive_app.gui.search.histogram import Histogram, bins, range_value
from archive_app.gui.shell.main_window import MainWindow
from archive_app.usecases.archive import Archive

FACETS = {
    "site": [("jpnn.com", 12), ("detik.com", 3)],
    "year": [("2024", 10), ("2025", 5)],
    "language": [("id", 14), ("en", 1)],
    "person": [("Yessy Artada", 2)],
    "place": [],
}


def test_the_facet_model_passes_qt_model_tester(qtmodeltester: ModelTester) -> None:
    model = FacetModel()
    model.set_counts(FACETS, [Filter("site", "jpnn.com")])
    qtmodeltester.check(model)
    # empty facets are left out; languages are named, not coded
    groups = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert groups == ["Sites", "Years", "Languages", "People"]
    languages = model.index(2, 0)
    assert model.index(0, 0, languages).data() == "Indonesian"
    assert model.index(0, 1, languages).data() == "14"
    jpnn = model.index(0, 0, model.index(0, 0))
    assert jpnn.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked


def test_filters_write_query_clauses_and_keep_one_date() -> None:
    filters = FilterSet()
    assert filters.toggle(Filter.from_facet("person", "Yessy Artada"))
    filters.toggle(Filter.from_facet("year", "2024"))
    filters.set_date("2024-05..2024-07")
    assert filters.clauses() == ('person:"Yessy Artada"', "date:2024-05..2024-07")
    assert not filters.toggle(Filter.from_facet("person", "Yessy Artada"))  # again: removed
    assert Filter("date", "2024-05..2024-07").label == "Date: May 2024 – July 2024"
    assert Filter.from_clause('place:"Jakarta Selatan"') == Filter("place", "Jakarta Selatan")


def _window(qtbot: QtBot) -> tuple[MainWindow, FakeArchive]:
    archive = FakeArchive(40)
    window = open_window(qtbot, cast(Archive, archive))
    qtbot.waitUntil(lambda: window.sidebar.facet_model.rowCount() > 0, timeout=10_000)
    return window, archive


def test_clicking_a_facet_filters_and_clicking_again_removes_it(qtbot: QtBot) -> None:
    window, archive = _window(qtbot)
    model, view = window.sidebar.facet_model, window.sidebar.facets
    with qtbot.waitSignal(window.searches.counted, timeout=10_000):
        window.search_bar.set_query("banjir")
    site = model.index(0, 0, model.index(0, 0))
    assert site.data() == "example.id"
    with qtbot.waitSignal(window.searches.counted, timeout=10_000):
        qtbot.mouseClick(
            view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(site).center()
        )
    # the typed words and the clicked filter combine; the chip shows what is on
    assert archive.search_calls[-1][0] == "banjir"
    assert archive.search_calls[-1][3] == ("site:example.id",)
    assert window.filter_bar.isVisible()
    assert [c.text() for c in window.filter_bar.chips] == ["Site: example.id  ✕"]
    site = model.index(0, 0, model.index(0, 0))
    assert site.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    with qtbot.waitSignal(window.searches.counted, timeout=10_000):
        qtbot.mouseClick(
            view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(site).center()
        )
    assert archive.search_calls[-1][3] == ()
    assert not window.filter_bar.isVisible()
    window.close()


def test_a_chip_removes_its_filter(qtbot: QtBot) -> None:
    window, _archive = _window(qtbot)
    window.session.toggle_filter(Filter("person", "Reporter 1"))
    qtbot.waitUntil(lambda: bool(window.filter_bar.chips))
    chip = window.filter_bar.chips[0]
    assert chip.accessibleName() == "Remove filter Person: Reporter 1"
    with qtbot.waitSignal(window.searches.started, timeout=10_000):
        qtbot.mouseClick(chip, Qt.MouseButton.LeftButton)
    assert not len(window.filters)
    window.close()


def test_dragging_across_the_histogram_filters_by_those_months(qtbot: QtBot) -> None:
    histogram = Histogram()
    qtbot.addWidget(histogram)
    histogram.resize(240, 90)
    histogram.show()
    histogram.set_months([("2024-03", 4), ("2024-05", 2), ("2024-07", 9)])
    assert [k for k, _n in histogram.bins] == [
        "2024-03",
        "2024-04",
        "2024-05",
        "2024-06",
        "2024-07",
    ]  # the empty months are there too
    chart = histogram._chart()
    step = chart.width() / len(histogram.bins)

    def at(index: int) -> QPoint:
        return QPoint(round(chart.left() + (index + 0.5) * step), chart.center().y())

    with qtbot.waitSignal(histogram.rangeChosen) as chosen:
        qtbot.mousePress(histogram, Qt.MouseButton.LeftButton, pos=at(1))
        qtbot.mouseMove(histogram, at(3))
        qtbot.mouseRelease(histogram, Qt.MouseButton.LeftButton, pos=at(3))
    assert chosen.args == ["2024-04..2024-06"]
    # the keyboard does the same: arrows, Shift+arrows, Enter
    histogram.setFocus()
    with qtbot.waitSignal(histogram.rangeChosen) as chosen:
        qtbot.keyClick(histogram, Qt.Key.Key_Left)
        qtbot.keyClick(histogram, Qt.Key.Key_Left, Qt.KeyboardModifier.ShiftModifier)
        qtbot.keyClick(histogram, Qt.Key.Key_Return)
    assert chosen.args == ["2024-06..2024-07"]


def test_long_spans_are_counted_by_year() -> None:
    yearly = bins([("2015-01", 1), ("2025-06", 30), ("2025-07", 2)])
    assert yearly[0] == ("2015", 1) and yearly[-1] == ("2025", 32)
    assert len(yearly) == 11
    assert range_value("2025", "2019") == "2019..2025"
    assert range_value("2024-05", "2024-05") == "2024-05"


def test_a_histogram_range_becomes_a_date_filter_in_the_window(qtbot: QtBot) -> None:
    window, archive = _window(qtbot)
    window.sidebar.histogram.rangeChosen.emit("2024-05..2024-06")
    # the window's own first searches may still be answering: wait for the filtered one
    qtbot.waitUntil(
        lambda: (
            archive.search_calls[-1:] != []
            and archive.search_calls[-1][3] == ("date:2024-05..2024-06",)
        ),
        timeout=10_000,
    )
    qtbot.waitUntil(
        lambda: window.sidebar.histogram._selected == ("2024-05", "2024-06"), timeout=10_000
    )
    assert window.filter_bar.chips[0].text().startswith("Date: May 2024 – June 2024")
    window.close()
