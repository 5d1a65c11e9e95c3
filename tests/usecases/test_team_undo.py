"""Undo on a team library, with two database users on the test cluster: each change set names
the database user who made it, Undo and Redo step through that user's own changes only, and an
undo of a field someone else changed since is refused naming the article and the field."""

from __future__ import annotations

import getpass
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.postgres_server import PostgresServer

from archive_app.cli import main
from archive_app.domain.conflicts import ConflictError
from archive_app.usecases import team_members
from archive_app.usecases.archive import Archive


def _open(address: str, home: Path, monkeypatch: pytest.MonkeyPatch) -> Archive:
    """A desktop of its own: its index and lock live under XDG_DATA_HOME, read on opening."""
    monkeypatch.setenv("XDG_DATA_HOME", str(home))
    return Archive.open(address)


def _cataloguer(server: PostgresServer, address: str, stem: str) -> str:
    """A login role (a name no other test of the run takes: roles are the cluster's) made a
    cataloguer of the catalogue at `address`."""
    name = f"{stem}_{uuid.uuid4().hex[:12]}"
    server.admin(f"CREATE ROLE {name} LOGIN")
    team_members.grant(address, name, "cataloguer")
    return name


@pytest.fixture
def team(
    postgres_server: PostgresServer,
    migrated_postgres: str,
    seed_file: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> Iterator[tuple[Archive, Archive, str, str, int]]:
    """Ana's desktop and Bob's, each logged in as their own database user, on a catalogue
    holding the seed article (imported by the administrator)."""
    with _open(migrated_postgres, tmp_path / "admin", monkeypatch) as admin:
        [article_id] = [item.article_id for item in admin.import_paths([seed_file]).added]
    assert article_id is not None
    database = migrated_postgres.rsplit("/", 1)[1]
    ana = _cataloguer(postgres_server, migrated_postgres, "ana")
    bob = _cataloguer(postgres_server, migrated_postgres, "bob")
    one = _open(postgres_server.url(database, user=ana), tmp_path / "ana", monkeypatch)
    two = _open(postgres_server.url(database, user=bob), tmp_path / "bob", monkeypatch)
    try:
        yield one, two, ana, bob, article_id
    finally:
        two.close()
        one.close()


def test_history_names_the_database_user_and_undo_takes_back_only_ones_own_change(
    team: tuple[Archive, Archive, str, str, int],
    migrated_postgres: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    one, two, ana, bob, article_id = team
    original = one.article(article_id).record.title
    made = one.edit(article_id, {"title": "Forum Air Sedunia"})
    assert made.user == ana
    two.edit(article_id, {"note": "dicek Bob"})
    assert [(item.user, item.field) for item in one.history(article_id)] == [
        (ana, "title"),
        (bob, "note"),
    ]
    # the command line's history says who, by their database login
    assert main(["--library", migrated_postgres, "history", str(article_id)]) == 0
    out = capsys.readouterr().out
    assert f" {ana} #" in out and f" {bob} #" in out
    if getpass.getuser() not in (ana, bob):
        assert f" {getpass.getuser()} #" not in out

    # each desktop's Undo offers its own user's last change, not the latest of anyone's
    assert one.undo_state() == (f"edit title of article {article_id}", None)
    assert two.undo_state() == (f"edit note of article {article_id}", None)

    undone = two.undo()  # Bob's note goes, Ana's title stays
    assert undone is not None and undone.user == bob and undone.target_kind == "edit"
    after = one.article(article_id)
    assert (after.record.title, after.note) == ("Forum Air Sedunia", None)
    assert two.undo_state() == (None, f"edit note of article {article_id}")
    assert one.undo_state() == (f"edit title of article {article_id}", None)

    one.undo()  # Ana's undo takes back her own title, whatever Bob did meanwhile
    assert one.article(article_id).record.title == original
    assert one.undo_state() == (None, f"edit title of article {article_id}")
    two.redo()
    assert one.article(article_id).note == "dicek Bob"
    assert one.undo_state() == (None, f"edit title of article {article_id}")


def test_an_undo_of_a_field_someone_else_changed_since_is_refused_naming_it(
    team: tuple[Archive, Archive, str, str, int],
) -> None:
    one, two, _ana, _bob, article_id = team
    original = one.article(article_id).record.title
    one.edit(article_id, {"title": "Judul Ana"})
    two.edit(article_id, {"title": "Judul Bob"})

    with pytest.raises(ConflictError) as refused:
        one.undo()
    assert str(refused.value) == (
        f"article {article_id} (Judul Bob): title was changed by someone else since: "
        f"theirs 'Judul Bob', yours {original!r}"
    )
    assert one.article(article_id).record.title == "Judul Bob"  # nothing was changed
    assert one.undo_state() == (f"edit title of article {article_id}", None)  # still there

    two.undo()  # Bob takes his back: Ana's title is there again, and her undo may go
    assert one.article(article_id).record.title == "Judul Ana"
    one.undo()
    assert one.article(article_id).record.title == original
