"""`archive-app desktop install` and `uninstall` with the real xdg tools, in a private home."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from tests.desktop.conftest import tool

from archive_app import APP_ID
from archive_app.desktop import files, register
from archive_app.usecases.archive import Archive

ARCHIVE_APP = Path(sys.executable).with_name("archive-app")


def _archive_app(*arguments: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(ARCHIVE_APP), *arguments], capture_output=True, text=True, timeout=300, check=False
    )


def _filetype(path: Path) -> str:
    result = subprocess.run(
        [tool("xdg-mime"), "query", "filetype", str(path)],
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout.strip()


def _everything(*folders: Path) -> list[Path]:
    return sorted(p for folder in folders if folder.exists() for p in folder.rglob("*"))


@pytest.fixture
def backup(tmp_path: Path) -> Path:
    """A backup written by Arsip, under a name of the person's choosing (not arsip-backup-…)."""
    target = tmp_path / "cadangan.zip"
    # the library's user data (on --backend postgresql, this desktop's part of a team library)
    # is no part of what `desktop install` adds: it is kept out of the desktop's data folder
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("XDG_DATA_HOME", str(tmp_path / "library-desktop"))
        with Archive.open(tmp_path / "library") as archive:
            archive.backup(target)
    return target


def test_install_registers_the_entry_icons_type_and_metainfo_where_freedesktop_says(
    desktop_home: Path, backup: Path, tmp_path: Path
) -> None:
    result = _archive_app("desktop", "install")
    assert result.returncode == 0, result.stderr
    entry = desktop_home / "applications" / files.DESKTOP_FILE
    assert f"Arsip is in the desktop menu: {entry}" in result.stdout
    for size in files.ICON_SIZES:
        icon = desktop_home / f"icons/hicolor/{size}x{size}/apps/{APP_ID}.png"
        assert icon.read_bytes() == files.icon_png(size).read_bytes()
    assert (desktop_home / f"icons/hicolor/scalable/apps/{APP_ID}.svg").is_file()
    assert (desktop_home / f"metainfo/{APP_ID}.metainfo.xml").is_file()
    assert (desktop_home / f"mime/packages/{APP_ID}.xml").is_file()

    # the menu entry is valid and starts the archive-app that installed it
    subprocess.run([tool("desktop-file-validate"), str(entry)], check=True)
    text = entry.read_text(encoding="utf-8")
    assert f"Exec={ARCHIVE_APP} gui %f" in text.splitlines()
    assert _archive_app("--version").stdout.startswith("archive-app ")

    # the desktop knows a backup made by Arsip, whatever its name, and opens it with Arsip
    assert _filetype(backup) == files.MIME_TYPE
    default = subprocess.run(
        [tool("xdg-mime"), "query", "default", files.MIME_TYPE],
        capture_output=True,
        text=True,
        check=True,
    )
    assert default.stdout.strip() == files.DESKTOP_FILE
    cache = (desktop_home / "applications" / "mimeinfo.cache").read_text(encoding="utf-8")
    assert f"{files.MIME_TYPE}={files.DESKTOP_FILE};" in cache
    # ... and leaves any other zip alone
    other = tmp_path / "photos.zip"
    with zipfile.ZipFile(other, "w") as archive:
        archive.writestr("photo.txt", "not a backup")
    assert _filetype(other) == "application/zip"


def test_uninstall_removes_everything_install_added(desktop_home: Path, backup: Path) -> None:
    home = Path.home()
    assert _archive_app("desktop", "install").returncode == 0
    assert _filetype(backup) == files.MIME_TYPE
    result = _archive_app("desktop", "uninstall")
    assert result.returncode == 0, result.stderr
    assert f"(13 files) from {desktop_home}" in result.stdout
    left = [p for p in _everything(desktop_home, home) if p.is_file() or p.is_symlink()]
    assert left == []  # not even a cache or a default-application line naming Arsip
    assert [p for p in _everything(desktop_home, home) if p.name != ".config"] == []
    assert _filetype(backup) == "application/zip"
    again = _archive_app("desktop", "uninstall")
    assert again.returncode == 0
    assert again.stdout.strip() == (
        f"Arsip was not registered under {desktop_home}: nothing to remove"
    )


def test_installing_twice_keeps_one_registration(desktop_home: Path) -> None:
    first = register.install()
    second = register.install()
    assert first.files == second.files and len(second.files) == 13
    defaults = (desktop_home / "applications" / "defaults.list").read_text(encoding="utf-8")
    assert defaults.count(files.DESKTOP_FILE) == 1
    register.uninstall()
    assert _everything(desktop_home / "applications") == []


def test_a_missing_tool_is_named_with_its_package_in_one_line(
    desktop_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(desktop_home / "no-tools-here"))
    result = _archive_app("desktop", "install")
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith("archive-app: xdg-desktop-menu, xdg-icon-resource, xdg-mime,")
    assert "desktop-file-utils, shared-mime-info, xdg-utils" in result.stderr
    assert not desktop_home.exists()  # nothing half-registered


def test_a_data_folder_the_xdg_tools_would_split_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, desktop_home: Path
) -> None:
    spaced = tmp_path / "data home"
    monkeypatch.setenv("XDG_DATA_HOME", str(spaced))
    result = _archive_app("desktop", "install")
    assert result.returncode == 1
    assert result.stderr == (
        f"archive-app: {spaced} (XDG_DATA_HOME): the xdg tools cannot register Arsip under a "
        "folder whose path has a space; set XDG_DATA_HOME to another folder\n"
    )
    assert not spaced.exists() and not (tmp_path / "data").exists()


def test_uninstall_leaves_other_applications_registered_beside_arsip(desktop_home: Path) -> None:
    # another program the person installed for themselves, with a file type of its own
    other_entry = desktop_home / "applications" / "org.example.Notes.desktop"
    other_entry.parent.mkdir(parents=True)
    other_entry.write_text(
        "[Desktop Entry]\nType=Application\nName=Notes\nExec=notes %f\n"
        "MimeType=application/x-example-notes;\n",
        encoding="utf-8",
    )
    other_type = desktop_home / "mime" / "packages" / "org.example.Notes.xml"
    other_type.parent.mkdir(parents=True)
    other_type.write_text(
        '<?xml version="1.0"?>\n'
        '<mime-info xmlns="http://www.freedesktop.org/standards/shared-mime-info">\n'
        '  <mime-type type="application/x-example-notes"><glob pattern="*.exnotes"/>'
        "</mime-type>\n</mime-info>\n",
        encoding="utf-8",
    )
    register.install()
    register.uninstall()
    assert other_entry.is_file() and other_type.is_file()
    cache = (desktop_home / "applications" / "mimeinfo.cache").read_text(encoding="utf-8")
    assert "application/x-example-notes=org.example.Notes.desktop;" in cache
    assert APP_ID not in cache
    notes = desktop_home / "week.exnotes"
    notes.write_text("notes", encoding="utf-8")
    assert _filetype(notes) == "application/x-example-notes"
    assert not (desktop_home / "mime" / "packages" / f"{APP_ID}.xml").exists()


def test_the_entry_starts_whichever_archive_app_ran_install(
    desktop_home: Path, tmp_path: Path
) -> None:
    # a second copy of the script (as pip --user puts one in ~/.local/bin), not beside python
    elsewhere = tmp_path / "bin" / "archive-app"
    elsewhere.parent.mkdir()
    elsewhere.write_bytes(ARCHIVE_APP.read_bytes())
    elsewhere.chmod(0o755)
    subprocess.run([str(elsewhere), "desktop", "install"], check=True, capture_output=True)
    entry = (desktop_home / "applications" / files.DESKTOP_FILE).read_text(encoding="utf-8")
    assert f"Exec={elsewhere} gui %f" in entry.splitlines()
    # started as `python -m archive_app`, the entry names the environment's own script
    subprocess.run(
        [sys.executable, "-m", "archive_app", "desktop", "install"], check=True, capture_output=True
    )
    entry = (desktop_home / "applications" / files.DESKTOP_FILE).read_text(encoding="utf-8")
    assert f"Exec={ARCHIVE_APP} gui %f" in entry.splitlines()
