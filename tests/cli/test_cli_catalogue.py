"""Cataloguing from the command line: the same operations as the window, scriptable."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from archive_app.cli import main


@pytest.fixture
def library(tmp_path: Path, seed_file: Path) -> str:
    path = str(tmp_path / "lib")
    assert main(["--library", path, "import", str(seed_file)]) == 0
    return path


def _json(capsys: pytest.CaptureFixture[str]) -> object:
    return json.loads(capsys.readouterr().out)


def test_edit_history_undo_redo(library: str, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    assert (
        main(
            [
                "--library",
                library,
                "edit",
                "1",
                "--set",
                "title=Judul Baru",
                "--set",
                "tags=bimtek,kominfo",
                "--json",
            ]
        )
        == 0
    )
    change = _json(capsys)
    assert change["articles"] == [1]
    assert main(["--library", library, "show", "1", "--json"]) == 0
    shown = _json(capsys)
    assert shown["title"] == "Judul Baru" and shown["tags"] == ["bimtek", "kominfo"]
    assert main(["--library", library, "history", "1", "--json"]) == 0
    assert [h["field"] for h in _json(capsys)] == ["title", "tags"]
    assert main(["--library", library, "undo"]) == 0
    capsys.readouterr()
    assert main(["--library", library, "search", "title:baru", "--json"]) == 0
    assert _json(capsys)["total"] == 0
    assert main(["--library", library, "redo"]) == 0
    capsys.readouterr()
    assert main(["--library", library, "search", "tag:kominfo", "--json"]) == 0
    assert _json(capsys)["total"] == 1


def test_bad_values_are_one_line_errors(library: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--library", library, "edit", "1", "--set", "published=kemarin"]) == 1
    err = capsys.readouterr().err
    assert "published:" in err and "is not a date" in err and len(err.strip().splitlines()) == 1
    assert main(["--library", library, "edit", "1", "--set", "url=not a url"]) == 1
    assert "url:" in capsys.readouterr().err


def test_bulk_collections_people_places(library: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--library", library, "bulk", "add", "tags", "air", "--query", "kominfo"]) == 0
    assert main(["--library", library, "collection", "add", "Lingkungan/Air", "--ids", "1"]) == 0
    capsys.readouterr()
    assert main(["--library", library, "collection", "list", "--json"]) == 0
    assert {c["path"]: c["articles"] for c in _json(capsys)} == {
        "Lingkungan": 0,
        "Lingkungan/Air": 1,
    }
    assert (
        main(
            [
                "--library",
                library,
                "people",
                "signoff",
                "Chika",
                "--site",
                "jpnn.com",
                "--code",
                "chi",
            ]
        )
        == 0
    )
    capsys.readouterr()
    assert main(["--library", library, "people", "list", "--json"]) == 0
    people = {p["name"]: p for p in _json(capsys)}
    assert people["Chika"]["signoff_codes"] == ["chi@jpnn.com"]
    assert main(["--library", library, "people", "merge", "Yessy Artada", "Chika"]) == 0
    capsys.readouterr()
    assert main(["--library", library, "search", "person:chika", "--json"]) == 0
    assert _json(capsys)["total"] == 1
    assert main(["--library", library, "place", "alias", "Pulau Dewata", "Bali"]) == 0
    capsys.readouterr()
    assert main(["--library", library, "place", "list", "--json"]) == 0
    assert _json(capsys)[0]["place"] == "Bali"


def test_replace_previews_then_applies(library: str, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    assert (
        main(["--library", library, "replace", "body", "Bimtek", "Bimbingan Teknis", "--ids", "1"])
        == 0
    )
    assert "1 articles would change" in capsys.readouterr().out
    assert main(["--library", library, "search", '"bimbingan teknis"', "--json"]) == 0
    assert _json(capsys)["total"] == 0
    assert (
        main(
            [
                "--library",
                library,
                "replace",
                "body",
                "Bimtek",
                "Bimbingan Teknis",
                "--ids",
                "1",
                "--apply",
            ]
        )
        == 0
    )
    capsys.readouterr()
    assert main(["--library", library, "search", '"bimbingan teknis"', "--json"]) == 0
    assert _json(capsys)["total"] == 1


def test_backup_restore_and_fixity(
    library: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    backup = str(tmp_path / "lib.zip")
    assert main(["--library", library, "backup", backup]) == 0
    assert main(["restore", backup, str(tmp_path / "copy")]) == 0
    assert main(["--library", str(tmp_path / "copy"), "check", "--fixity"]) == 0
    assert "OK" in capsys.readouterr().out
    original = next((tmp_path / "copy" / "originals").rglob("*.txt"))
    original.write_bytes(b"changed")
    assert main(["--library", str(tmp_path / "copy"), "check", "--fixity"]) == 1
    assert "changed: originals/" in capsys.readouterr().out
    assert main(["restore", str(original), str(tmp_path / "again")]) == 1
    assert "not an Arsip backup" in capsys.readouterr().err
