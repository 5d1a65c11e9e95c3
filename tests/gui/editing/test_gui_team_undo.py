"""Undo in the window on a team library, with two database users (a real PostgreSQL catalogue):
the window's Undo offers this user's own change, not the other desktop's later one, and an undo
of a title someone else changed since is refused in a message naming the article and field."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from tests.gui.conftest import ARTICLES
from tests.gui.shell.test_gui_libraries import titles
from tests.gui.shell.test_gui_team_library import (  # noqa: F401 (fixtures)
    _window,
    shown,
    team_catalogue,
)
from tests.postgres_server import SUPERUSER, PostgresServer

from archive_app.gui.editing import undo_controller
from archive_app.gui.shell.main_window import MainWindow
from archive_app.usecases import team_members
from archive_app.usecases.archive import Archive

FLOOD = ARTICLES[0][0]
OURS = "Banjir Rendam Tiga RT di Jakarta Barat"
THEIRS = "Banjir di Jakbar, Tiga RT Terendam Sejak Pagi"


def _cataloguer(server: PostgresServer, address: str, stem: str) -> str:
    """A login role of its own (the cluster's roles outlive each test), made a cataloguer;
    its address."""
    name = f"{stem}_{uuid.uuid4().hex[:12]}"
    server.admin(f"CREATE ROLE {name} LOGIN")
    team_members.grant(address, name, "cataloguer")
    return address.replace(f"{SUPERUSER}@", f"{name}@")


def test_undo_offers_ones_own_change_and_is_refused_naming_the_field_someone_changed(
    qtbot: QtBot,
    postgres_server: PostgresServer,
    team_catalogue: str,  # noqa: F811
    shown: list[MainWindow],  # noqa: F811
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    as_ana = _cataloguer(postgres_server, team_catalogue, "ana")
    as_bob = _cataloguer(postgres_server, team_catalogue, "bob")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "ana-desktop"))
    window = _window(qtbot, Archive.open(as_ana, check_later=True))
    shown.append(window)
    qtbot.waitUntil(lambda: len(titles(window)) == len(ARTICLES), timeout=20_000)
    [flood] = [
        i for i in window.archive.article_ids() if window.archive.article(i).record.title == FLOOD
    ]
    refusals: list[tuple[str, str]] = []
    monkeypatch.setattr(
        undo_controller, "show_error", lambda _parent, title, text: refusals.append((title, text))
    )

    with qtbot.waitSignal(window.changes.changed, timeout=10_000):
        window.changes.submit(lambda: window.archive.edit(flood, {"title": OURS}))
    ours = f"&Undo edit title of article {flood}"
    qtbot.waitUntil(lambda: window.undo.undo_action.text() == ours, timeout=10_000)

    # Bob, on his own desktop, retitles it after Ana and notes another article
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "bob-desktop"))
    with Archive.open(as_bob) as bob:
        bob.edit(flood, {"title": THEIRS})
        bob.edit(flood + 1, {"note": "dicek Bob"})
    qtbot.waitUntil(lambda: THEIRS in titles(window), timeout=20_000)
    assert window.archive.undo_state() == (f"edit title of article {flood}", None)
    assert window.undo.undo_action.text() == ours and window.undo.undo_action.isEnabled()

    # Ana's Undo takes back her own title, not Bob's later note, and meets Bob's title
    window.undo.undo_action.trigger()
    qtbot.waitUntil(lambda: bool(refusals), timeout=10_000)
    [(title, text)] = refusals
    assert title == "Undo refused"
    assert text.startswith("Nothing was undone: someone else changed these since")
    assert (
        f"article {flood} ({THEIRS}): title was changed by someone else since: "
        f"theirs {THEIRS!r}, yours {FLOOD!r}"
    ) in text
    assert window.archive.article(flood).record.title == THEIRS  # Bob's title stands
    # the refused step is offered again, the action usable once more
    qtbot.waitUntil(lambda: window.undo.undo_action.isEnabled(), timeout=10_000)
    assert window.undo.undo_action.text() == ours
