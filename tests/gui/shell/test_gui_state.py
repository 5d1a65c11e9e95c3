"""What the window remembers between runs, and its light and dark themes."""

from __future__ import annotations

from pytestqt.qtbot import QtBot
from tests.gui.conftest import open_window

from archive_app.gui.search.filters import Filter
from archive_app.gui.shell.main_window import MainWindow
from archive_app.gui.shell.settings import Settings
from archive_app.gui.shell.theme import DARK, LIGHT
from archive_app.usecases.archive import Archive


def test_splitters_columns_geometry_and_the_last_search_come_back(
    qtbot: QtBot, seeded_archive: Archive
) -> None:
    first = open_window(qtbot, seeded_archive)
    qtbot.waitUntil(lambda: first.model.rowCount() == 1)
    first.resize(790, 700)  # inside the offscreen test screen (800 × 800), which clamps
    qtbot.waitUntil(lambda: first.height() == 700)
    size = (first.width(), first.height())
    first.main_splitter.setSizes([230, 300, 240])
    sizes = first.main_splitter.sizes()
    first.table.horizontalHeader().resizeSection(1, 171)
    first.search_bar.set_sort("newest")
    with qtbot.waitSignal(first.searches.counted, timeout=10_000):
        first.search_bar.set_query("kominfo")
    first.session.toggle_filter(Filter("site", "jpnn.com"))
    first.close()

    second = MainWindow(seeded_archive)
    qtbot.addWidget(second)
    second.show()
    qtbot.waitExposed(second)
    assert (second.width(), second.height()) == size
    assert second.main_splitter.sizes() == sizes
    assert second.table.horizontalHeader().sectionSize(1) == 171
    assert second.search_bar.query == "kominfo"
    assert second.search_bar.sort_key == "newest"
    assert list(second.filters) == [Filter("site", "jpnn.com")]
    qtbot.waitUntil(lambda: second.model.rowCount() == 1, timeout=10_000)
    assert [c.text() for c in second.filter_bar.chips] == ["Site: jpnn.com  ✕"]
    second.close()


def test_damaged_settings_fall_back_to_defaults(qtbot: QtBot) -> None:
    settings = Settings()
    settings.store.setValue("search/sort", "sideways")
    settings.store.setValue("reader/zoom", "huge")
    settings.store.setValue("look/theme", 42)
    assert settings.sort == "relevance"
    assert settings.zoom == 100
    assert settings.theme == "system"


def test_the_dark_theme_recolours_the_window_and_the_reader(
    qtbot: QtBot, seeded_window: MainWindow
) -> None:
    qtbot.waitUntil(lambda: seeded_window.reader.reading is not None, timeout=10_000)
    with qtbot.waitSignal(seeded_window.theme.changed):
        seeded_window.theme.apply("dark")
    assert seeded_window.reader.colours is DARK
    assert DARK.text in seeded_window.reader.document().defaultStyleSheet()
    assert seeded_window.table.delegate.colours is DARK
    window_colour = seeded_window.palette().window().color().name()
    assert window_colour == DARK.paper
    seeded_window.theme.apply("light")
    assert seeded_window.reader.colours is LIGHT


def test_a_theme_chosen_in_preferences_is_kept(qtbot: QtBot, seeded_window: MainWindow) -> None:
    from archive_app.gui.shell.preferences import PreferencesDialog

    dialog = PreferencesDialog(seeded_window.settings, seeded_window)
    qtbot.addWidget(dialog)
    dialog.theme.setCurrentIndex(dialog.theme.findData("dark"))
    dialog.language.setCurrentIndex(dialog.language.findData("id"))
    dialog.accept()
    assert Settings().theme == "dark" and Settings().language == "id"
    seeded_window.theme.apply(Settings().theme)
    assert seeded_window.reader.colours is DARK
    seeded_window.theme.apply("light")
