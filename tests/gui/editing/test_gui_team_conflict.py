"""Two desktops on one team library (a real PostgreSQL catalogue): the window's editor meets
the other desktop's edit of the same title in the conflict dialog, and neither edit is lost."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from tests.gui.conftest import ARTICLES
from tests.gui.editing.test_gui_editor import _line, _open_editor
from tests.gui.shell.test_gui_libraries import titles
from tests.gui.shell.test_gui_team_library import (  # noqa: F401 (fixtures)
    _window,
    shown,
    team_catalogue,
)

from archive_app.gui.editing.conflict_dialog import THEIRS
from archive_app.gui.shell.main_window import MainWindow
from archive_app.usecases.archive import Archive

FLOOD = ARTICLES[0][0]
OTHER_TITLE = "Banjir di Jakbar, Tiga RT Terendam Sejak Pagi"
OUR_TITLE = "Banjir Rendam Tiga RT di Jakarta Barat"


def _other_desktop_edits(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, address: str, article: int, title: str
) -> None:
    """Another desktop (its own index and lock under its own user data folder) retitles it."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "other-desktop"))
    with Archive.open(address) as other:
        version = other.article(article).row_version
        other.edit(article, {"title": title}, expected_version=version)


@pytest.mark.parametrize("keep", ["yours", "theirs"])
def test_an_edit_on_another_desktop_meets_the_open_editor_in_the_conflict_dialog(
    qtbot: QtBot,
    team_catalogue: str,  # noqa: F811
    shown: list[MainWindow],  # noqa: F811
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    keep: str,
) -> None:
    window = _window(qtbot, Archive.open(team_catalogue, check_later=True))
    shown.append(window)
    qtbot.waitUntil(lambda: len(titles(window)) == len(ARTICLES), timeout=10_000)
    editor = _open_editor(qtbot, window)
    flood = editor.detail.id
    _other_desktop_edits(monkeypatch, tmp_path, team_catalogue, flood, OTHER_TITLE)
    _line(editor, "title").setText(OUR_TITLE)
    editor.save.click()
    qtbot.waitUntil(lambda: window.editing.conflict is not None, timeout=10_000)
    dialog = window.editing.conflict
    assert dialog is not None and dialog.isVisible()
    choice = dialog.choice("title")
    assert choice.conflict.theirs == OTHER_TITLE and choice.conflict.yours == OUR_TITLE
    assert window.archive.article(flood).record.title == OTHER_TITLE  # nothing of ours yet
    if keep == "theirs":
        choice.choice.setCurrentIndex(THEIRS)
        dialog.save.click()  # nothing left to write: the editor closes
    else:
        with qtbot.waitSignal(window.changes.changed, timeout=10_000):
            dialog.save.click()
    qtbot.waitUntil(lambda: window.editing.editor is None, timeout=10_000)
    expected = OUR_TITLE if keep == "yours" else OTHER_TITLE
    assert window.archive.article(flood).record.title == expected
    # no update lost: the history holds the other desktop's edit, then ours when kept
    edits = [(h.old, h.new) for h in window.archive.history(flood) if h.field == "title"]
    assert (FLOOD, OTHER_TITLE) in edits
    assert ((OTHER_TITLE, OUR_TITLE) in edits) == (keep == "yours")
