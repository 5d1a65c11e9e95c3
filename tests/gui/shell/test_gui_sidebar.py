"""The sidebar's library counts and saved searches, and the index status in the status bar."""

from __future__ import annotations

import sys
from typing import cast

import pytest
from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QInputDialog
from pytestqt.qtbot import QtBot
from tests.gui.conftest import FakeArchive, open_window

from archive_app.domain.model import IndexStatus
from archive_app.gui.catalogue.model import COUNT, SMART, TAG
from archive_app.gui.safety.index_status import IndexStatusLabel
from archive_app.gui.shell.main_window import MainWindow
from archive_app.usecases.archive import Archive


def test_the_library_counts_show_in_the_sidebar(qtbot: QtBot, seeded_window: MainWindow) -> None:
    expected = ["1 article", "1 site", "1 language", "1 person"]
    qtbot.waitUntil(
        lambda: seeded_window.sidebar.counts.text().splitlines() == expected, timeout=10_000
    )


def test_a_search_is_saved_as_a_smart_collection_run_and_deleted(
    qtbot: QtBot, seeded_window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    panel = seeded_window.sidebar.catalogue
    assert panel.smart_names() == []
    with qtbot.waitSignal(seeded_window.searches.counted, timeout=10_000):
        seeded_window.search_bar.set_query("kominfo")
    seeded_window.session.toggle_filter(
        seeded_window.sidebar.facet_model.filter_at(
            seeded_window.sidebar.facet_model.index(
                0, 0, seeded_window.sidebar.facet_model.index(0, 0)
            )
        )
    )
    monkeypatch.setattr(
        QInputDialog, "getText", staticmethod(lambda *args, **kwargs: ("Kominfo di jpnn", True))
    )
    seeded_window.actions_.save_search.trigger()  # Ctrl+S
    qtbot.waitUntil(lambda: panel.smart_names() == ["Kominfo di jpnn"], timeout=10_000)
    assert seeded_window.archive.saved_searches()[0].query == "kominfo site:jpnn.com"
    smart = panel.model.find(SMART, "Kominfo di jpnn")
    assert smart.siblingAtColumn(COUNT).data() == "1"  # it finds the seed now

    seeded_window.search_bar.set_query("")
    seeded_window.session.clear_filters()
    with qtbot.waitSignal(seeded_window.searches.started, timeout=10_000):
        qtbot.mouseClick(
            panel.tree.viewport(),
            Qt.MouseButton.LeftButton,
            pos=panel.tree.visualRect(smart).center(),
        )
    assert seeded_window.search_bar.query == "kominfo site:jpnn.com"
    panel.tree.setCurrentIndex(panel.model.find(SMART, "Kominfo di jpnn"))
    panel.delete.click()
    qtbot.waitUntil(lambda: panel.smart_names() == [], timeout=10_000)
    assert seeded_window.archive.saved_searches() == []


def test_smart_collection_counts_stay_current(qtbot: QtBot, seeded_window: MainWindow) -> None:
    """A saved search's count follows the catalogue: a tag added to the seed shows up in a
    smart collection of that tag without touching the sidebar."""
    archive = seeded_window.archive
    archive.save_search("Liputan khusus", 'tag:"liputan khusus"')
    panel = seeded_window.sidebar.catalogue
    seeded_window.catalogue.reload()
    qtbot.waitUntil(lambda: panel.model.find(SMART, "Liputan khusus").isValid(), timeout=10_000)
    count = panel.model.find(SMART, "Liputan khusus").siblingAtColumn(COUNT)
    assert count.data() == "0"
    seed = archive.article_ids()[0]
    seeded_window.changes.submit(lambda: archive.bulk([seed], "add", "tags", "liputan khusus"))
    qtbot.waitUntil(
        lambda: panel.model.find(SMART, "Liputan khusus").siblingAtColumn(COUNT).data() == "1",
        timeout=10_000,
    )
    assert panel.model.find(TAG, "liputan khusus").siblingAtColumn(COUNT).data() == "1"


class Indexing(QObject):
    """A facade whose background index repair is at 120 of 3,000."""

    def __init__(self) -> None:
        super().__init__()
        self.index_status = IndexStatus(True, 120, 3000)


def test_the_status_bar_says_while_the_index_catches_up(qtbot: QtBot) -> None:
    source = Indexing()
    label = IndexStatusLabel(source)
    qtbot.addWidget(label)
    label.show()
    assert label.text() == "indexing 120 of 3,000, results may be incomplete"
    source.index_status = IndexStatus(False, 0, 0)
    with qtbot.waitSignal(label.finished, timeout=5_000):
        pass  # the next poll sees the repair finished
    assert label.isHidden()
    label.stop()


def test_a_finished_repair_runs_the_search_again(qtbot: QtBot) -> None:
    archive = FakeArchive(5)
    archive.index_status = IndexStatus(True, 1, 5)
    window = open_window(qtbot, cast(Archive, archive))
    # the first listing's counts are in (the facets show them), so the counts awaited below
    # can only be those of the search run again
    qtbot.waitUntil(
        lambda: (
            window.index_status.isVisible()
            and window.model.rowCount() == 5
            and window.sidebar.facet_model.rowCount() > 0
        )
    )
    calls = len(archive.search_calls) + len(archive.counts_calls)
    with qtbot.waitSignal(window.searches.counted, timeout=5_000):
        archive.index_status = IndexStatus(False, 0, 0)  # the next poll sees it finished
    assert not window.index_status.isVisible()
    assert len(archive.search_calls) + len(archive.counts_calls) > calls  # searched again
    window.close()


def test_qt_does_not_leak_references_to_none_or_false(qtbot: QtBot) -> None:
    """PySide6-Essentials 6.12.0 lost a reference each time Qt handed None to Python, which
    aborted a long session ("none_dealloc"); pyproject.toml keeps below it. This guards the
    pin."""
    probe = QObject()
    none_before, false_before = sys.getrefcount(None), sys.getrefcount(False)
    for _ in range(5_000):
        probe.parent()
        probe.signalsBlocked()
    assert sys.getrefcount(None) >= none_before - 100
    assert sys.getrefcount(False) >= false_before - 100
