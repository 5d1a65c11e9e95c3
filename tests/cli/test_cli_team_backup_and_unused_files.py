"""On a real server: a reader (SELECT only) backs a team library up, and `team prune-files`
lists, then with --apply removes, the files no article uses; a reader may not remove them."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest
from tests.conftest import corpus_path
from tests.postgres_server import PostgresServer

from archive_app.cli import main
from archive_app.usecases.archive import Archive


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def _reader(server: PostgresServer, address: str, capsys: pytest.CaptureFixture[str]) -> str:
    """A new login made reader of the team library; the address they open it by."""
    name = f"rini_{uuid.uuid4().hex[:12]}"
    server.admin(f"CREATE ROLE {name} LOGIN")
    code, out, err = _run(capsys, "--library", address, "team", "grant", name, "reader")
    assert code == 0 and f"{name} is now reader" in out, err
    return server.url(address.rsplit("/", 1)[1], user=name)


def test_a_reader_backs_the_team_library_up_and_it_restores_whole(
    postgres_server: PostgresServer,
    migrated_postgres: str,
    seed_file: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    photo = corpus_path("photos", "exifr", "Bush-dog.jpg")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "importer"))
    code, out, err = _run(
        capsys, "--library", migrated_postgres, "import", str(seed_file), str(photo)
    )
    assert code == 0 and "2 added" in out, err
    as_reader = _reader(postgres_server, migrated_postgres, capsys)

    # the reader's own desktop, which never saw these files: they come from the catalogue
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "reader"))
    backup = tmp_path / "cadangan.zip"
    code, out, err = _run(capsys, "--library", as_reader, "backup", str(backup))
    assert code == 0 and "backed up 2 articles" in out, err
    code, out, err = _run(capsys, "restore", str(backup), str(tmp_path / "pulih"))
    assert code == 0 and "restored 2 articles" in out, err
    code, out, err = _run(capsys, "--library", str(tmp_path / "pulih"), "check", "--fixity")
    assert code == 0, out + err
    code, out, err = _run(
        capsys, "--library", str(tmp_path / "pulih"), "search", '"world water forum"'
    )
    assert code == 0 and "World Water Forum" in out, err
    with Archive.open(tmp_path / "pulih", readonly=True) as restored:
        assert restored.layout.team is None
        shown = [restored.article(i) for i in restored.article_ids("added")]
        kept = [d for d in shown if any(p.media_path for p in d.record.photos)]
        stored = restored.path / (kept[0].record.photos[0].media_path or "")
        assert stored.read_bytes() == photo.read_bytes()


def test_prune_files_lists_then_removes_what_no_article_uses(
    postgres_server: PostgresServer,
    migrated_postgres: str,
    seed_file: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    photo = corpus_path("photos", "exifr", "Bush-dog.jpg")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "desk"))
    code, out, err = _run(
        capsys, "--library", migrated_postgres, "import", str(seed_file), str(photo)
    )
    assert code == 0, err
    code, out, _ = _run(capsys, "--library", migrated_postgres, "team", "prune-files")
    assert code == 0 and out.strip() == (
        "every original and photo file in the team catalogue is used by an article"
    )
    with Archive.open(migrated_postgres) as team:
        [gone] = [  # the photo imported as a file (the seed's photos have no file)
            i
            for i in team.article_ids("added")
            if any(p.media_path for p in team.article(i).record.photos)
        ]
        original = team.article(gone).provenance[0].original_path or ""
        team.delete_articles([gone])

    code, out, _ = _run(capsys, "--library", migrated_postgres, "team", "prune-files")
    lines = out.strip().splitlines()
    assert code == 0 and original in lines
    assert lines[-1] == (
        "1 original and 1 photo file no article uses (1 stored file, 0.1 MB): "
        "add --apply to remove them"
    )
    as_reader = _reader(postgres_server, migrated_postgres, capsys)
    code, _, err = _run(capsys, "--library", as_reader, "team", "prune-files", "--apply")
    assert code == 1 and "your role on this team library is reader" in err
    code, out, err = _run(capsys, "--library", migrated_postgres, "team", "prune-files", "--apply")
    assert code == 0 and out.strip() == (
        "removed 1 original and 1 photo file no article uses (1 stored file, 0.1 MB)"
    ), err
    code, out, err = _run(capsys, "--library", migrated_postgres, "check", "--fixity")
    assert code == 0, out + err


@pytest.mark.sqlite_only("a folder a test opens is a team library on --backend postgresql")
def test_prune_files_on_a_folder_library_is_refused_in_one_line(
    tmp_path: Path, seed_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = str(tmp_path / "folder")
    assert _run(capsys, "--library", folder, "import", str(seed_file))[0] == 0
    code, _, err = _run(capsys, "--library", folder, "team", "prune-files")
    assert code == 1 and "is a folder library" in err and len(err.strip().splitlines()) == 1
