"""People and places as authorities: the list with roles, counts, spellings and codes; merge
(the librarian chooses the name that stays), split, sign-off codes, a place's spellings."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QInputDialog
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from archive_app.domain.model import PersonInfo
from archive_app.gui.authorities.dialogs import MergeDialog, PlaceAliasDialog, SignoffDialog
from archive_app.gui.authorities.people_model import (
    ALIASES,
    ARTICLES,
    CODES,
    NAME,
    ROLES,
    PeopleModel,
)
from archive_app.gui.authorities.places_model import PlacesModel
from archive_app.gui.authorities.window import AuthorityWindow
from archive_app.gui.shell.main_window import MainWindow


def _open(qtbot: QtBot, window: MainWindow, tab: int = 0) -> AuthorityWindow:
    with qtbot.waitSignal(window.authority.loaded, timeout=10_000):
        window.actions_.people.trigger() if tab == 0 else window.actions_.places.trigger()
    authority = window.authority.window_
    assert authority is not None and authority.isVisible()
    return authority


def _row(authority: AuthorityWindow, name: str) -> dict[int, str]:
    model = authority.people
    row = model.row_of(name)
    assert row is not None, name
    return {column: model.index(row, column).data() for column in range(5)}


def test_people_are_listed_with_roles_counts_and_spellings(
    qtbot: QtBot, small_window: MainWindow
) -> None:
    authority = _open(qtbot, small_window)
    assert authority.people_count.text() == "4 people"
    assert _row(authority, "Brigitta Belia") == {
        NAME: "Brigitta Belia",
        ALIASES: "",
        ROLES: "author 1",
        ARTICLES: "1",
        CODES: "",
    }
    authority.filter_field.setText("belia")  # finds both spellings
    assert authority.people_proxy.rowCount() == 2
    authority.close()


def test_two_spellings_are_merged_into_the_name_the_librarian_keeps_and_split_again(
    qtbot: QtBot, small_window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    archive = small_window.archive
    authority = _open(qtbot, small_window)
    authority.filter_field.setText("belia")
    authority.people_view.selectAll()
    assert authority.merge.isEnabled() and not authority.split.isEnabled()
    authority.merge.click()
    dialog = authority.dialog
    assert isinstance(dialog, MergeDialog)
    dialog.choose("Brigitta Belia")
    assert (dialog.keep, dialog.other) == ("Brigitta Belia", "Brigita Belia")
    with qtbot.waitSignal(small_window.authority.loaded, timeout=10_000):
        dialog.accept()
    assert _row(authority, "Brigitta Belia")[ALIASES] == "Brigita Belia"
    assert _row(authority, "Brigitta Belia")[ARTICLES] == "2"
    assert authority.people.row_of("Brigita Belia") is None
    # searches find the person's articles under either spelling
    assert archive.search('person:"Brigita Belia"').total == 2
    assert len(archive.matching_ids('person:"Brigitta Belia"')) == 2

    authority.select_person("Brigitta Belia")
    assert authority.split.isEnabled()
    monkeypatch.setattr(
        QInputDialog, "getItem", staticmethod(lambda *args, **kwargs: ("Brigita Belia", True))
    )
    with qtbot.waitSignal(small_window.authority.loaded, timeout=10_000):
        authority.split.click()
    assert _row(authority, "Brigitta Belia")[ALIASES] == ""
    assert _row(authority, "Brigita Belia")[ARTICLES] == "1"
    authority.close()


def test_a_sign_off_code_is_attached_to_a_person_for_one_site(
    qtbot: QtBot, small_window: MainWindow
) -> None:
    authority = _open(qtbot, small_window)
    assert "detik.com" in authority.sites
    authority.select_person("Tira Santia")
    authority.signoff.click()
    dialog = authority.dialog
    assert isinstance(dialog, SignoffDialog)
    dialog.site.setCurrentText("liputan6.com")
    dialog.code.setText("tsa")
    with qtbot.waitSignal(small_window.authority.loaded, timeout=10_000):
        dialog.accept()
    assert _row(authority, "Tira Santia")[CODES] == "tsa (liputan6.com)"
    qtbot.waitUntil(lambda: small_window.actions_.undo.isEnabled(), timeout=10_000)
    assert "sign-off 'tsa' at liputan6.com is Tira Santia" in small_window.actions_.undo.text()
    authority.close()


def test_a_spelling_is_grouped_under_a_place(qtbot: QtBot, small_window: MainWindow) -> None:
    authority = _open(qtbot, small_window, tab=1)
    assert authority.tabs.currentIndex() == 1
    places = authority.places
    assert places.names() == ["Jakarta", "Jakarta Barat"]
    authority.places_view.setCurrentIndex(places.index(0, 0))
    authority.add_spelling.click()
    dialog = authority.dialog
    assert isinstance(dialog, PlaceAliasDialog)
    assert dialog.place.currentText() == "Jakarta"  # the chosen place is offered
    dialog.spelling.setText("Jakarta Barat")
    with qtbot.waitSignal(small_window.authority.loaded, timeout=10_000):
        dialog.accept()
    assert places.names() == ["Jakarta"]
    jakarta = places.index(0, 0)
    assert places.index(0, 1).data() == "3"
    assert [places.index(r, 0, jakarta).data() for r in range(places.rowCount(jakarta))] == [
        "Jakarta Barat"
    ]
    # the facets count the three as one place at once
    counts = small_window.archive.counts("date:.. OR -date:..")
    assert counts.facets["place"] == [("Jakarta", 3)]
    authority.close()


def test_the_authority_models_pass_qt_model_tester(qtmodeltester: ModelTester) -> None:
    people = PeopleModel()
    people.set_people(
        [
            PersonInfo(
                1,
                "Yessy Artada",
                ("Yesi Artada",),
                {"editor": 2, "reporter": 5},
                6,
                ("chi@jpnn.com",),
            )
        ]
    )
    qtmodeltester.check(people)
    assert people.index(0, ROLES).data() == "reporter 5 · editor 2"
    assert people.index(0, CODES).data() == "chi (jpnn.com)"
    places = PlacesModel()
    places.set_places(
        [("Jakarta", 12, ("DKI Jakarta", "JAKARTA", "Jakarta")), ("Bogor", 3, ("Bogor",))]
    )
    qtmodeltester.check(places)
    assert places.rowCount(places.index(0, 0)) == 2 and places.rowCount(places.index(1, 0)) == 0
