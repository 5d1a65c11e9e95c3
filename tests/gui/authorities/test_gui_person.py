"""A person's page: their articles grouped by role, counts by year, gathered off the GUI thread."""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from archive_app.domain.model import ArticleSummary
from archive_app.domain.progress import CancelToken
from archive_app.gui.authorities.person_data import Cancelled, PersonArticles, load_person
from archive_app.gui.authorities.person_model import PersonModel
from archive_app.gui.shell.main_window import MainWindow
from archive_app.usecases.archive import Archive

SEED_TITLE = "Gaungkan World Water Forum 2024, Kominfo Gandeng Humas Kementerian"


def test_the_seed_reporter_is_found_in_both_roles(seeded_archive: Archive) -> None:
    person = load_person(seeded_archive, "Yessy Artada")
    assert list(person.by_role) == ["reporter", "editor"]
    assert [s.title for s in person.by_role["editor"]] == [SEED_TITLE]
    assert person.total == 1
    assert person.years == [("2024", 1)]
    nobody = load_person(seeded_archive, "Nobody Here")
    assert nobody.total == 0 and not nobody.by_role


def test_a_cancelled_load_stops(seeded_archive: Archive) -> None:
    token = CancelToken()
    token.cancel()
    try:
        load_person(seeded_archive, "Yessy Artada", token)
    except Cancelled:
        return
    raise AssertionError("a cancelled load went on")


def _person() -> PersonArticles:
    def row(i: int, year: int) -> ArticleSummary:
        return ArticleSummary(i, f"Artikel {i}", f"{year}-01-0{i}", "jpnn.com", None, (), "id")

    return PersonArticles(
        "Rina",
        3,
        {"reporter": [row(1, 2024), row(2, 2023)], "photographer": [row(3, 2024)]},
        [("2023", 1), ("2024", 2)],
    )


def test_the_person_model_passes_qt_model_tester(qtmodeltester: ModelTester) -> None:
    model = PersonModel()
    model.set_person(_person())
    qtmodeltester.check(model)
    assert model.index(0, 0).data() == "As reporter (2)"
    assert model.index(1, 0).data() == "As photographer (1)"
    first = model.index(0, 0, model.index(0, 0))
    assert (first.data(), model.index(0, 1, model.index(0, 0)).data()) == (
        "Artikel 1",
        "2024-01-01",
    )
    assert model.article_at(first) == 1


def test_the_page_opens_from_the_reader_and_leads_back_to_articles(
    qtbot: QtBot, seeded_window: MainWindow
) -> None:
    qtbot.waitUntil(lambda: seeded_window.reader.reading is not None, timeout=10_000)
    page = seeded_window.person_page
    seeded_window.reader.anchorClicked.emit(QUrl("arsip-person:Yessy%20Artada"))
    qtbot.waitUntil(lambda: page.person is not None, timeout=10_000)
    assert seeded_window.right.currentWidget() is page
    assert page.name.text() == "Yessy Artada"
    assert page.summary.text() == "1 article · reporter 1 · editor 1"
    assert page.by_year.text() == "By year: 2024 — 1"
    groups = [page.model.index(r, 0).data() for r in range(page.model.rowCount())]
    assert groups == ["As reporter (1)", "As editor (1)"]
    article = page.model.index(0, 0, page.model.index(0, 0))
    page.tree.setCurrentIndex(article)
    with qtbot.waitSignal(page.articleRequested) as asked:
        qtbot.keyClick(page.tree, Qt.Key.Key_Return)
    assert seeded_window.right.currentWidget() is seeded_window.reader_pane
    assert seeded_window.reader.reading is not None
    assert asked.args == [seeded_window.reader.reading.detail.id]
    # the page's search button puts the person in the search box
    seeded_window.reader.anchorClicked.emit(QUrl("arsip-person:Yessy%20Artada"))
    qtbot.waitUntil(lambda: page.person is not None, timeout=10_000)
    with qtbot.waitSignal(seeded_window.searches.started, timeout=10_000):
        page.search.click()
    assert seeded_window.search_bar.query == 'person:"Yessy Artada"'
    assert seeded_window.model.rowCount() == 1


def test_esc_leaves_the_person_page(qtbot: QtBot, seeded_window: MainWindow) -> None:
    seeded_window.reading.show_person("Yessy Artada")
    assert seeded_window.right.currentWidget() is seeded_window.person_page
    qtbot.keyClick(seeded_window, Qt.Key.Key_Escape)
    assert seeded_window.right.currentWidget() is seeded_window.reader_pane
