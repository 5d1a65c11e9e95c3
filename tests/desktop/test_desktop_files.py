"""The shipped .desktop entry, AppStream metainfo, MIME type and icons pass the validators."""

from __future__ import annotations

import configparser
import subprocess
import time
import xml.etree.ElementTree as ET
from pathlib import Path

from PIL import Image
from tests.conftest import REPO
from tests.desktop.conftest import tool

from archive_app import APP_ID, APP_NAME, __version__
from archive_app.desktop import files

SCREENSHOTS_AT = "https://raw.githubusercontent.com/arsip/arsip/main/"
MIME_NS = "{http://www.freedesktop.org/standards/shared-mime-info}"


def _entry(text: str) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys keep their case
    parser.read_string(text)
    return parser["Desktop Entry"]


def _validate_desktop(path: Path) -> None:
    result = subprocess.run(
        [tool("desktop-file-validate"), str(path)], capture_output=True, text=True, check=False
    )
    # it prints nothing for a clean file: any error or hint would show here
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout


def test_the_shipped_desktop_entry_is_valid_and_names_arsip_consistently() -> None:
    path = files.desktop_resource(files.DESKTOP_FILE)
    _validate_desktop(path)
    entry = _entry(path.read_text(encoding="utf-8"))
    assert entry["Name"] == APP_NAME and entry["Icon"] == APP_ID
    assert entry["GenericName[id]"] and entry["Comment[id]"] and entry["Keywords[id]"]
    assert entry["MimeType"] == f"{files.MIME_TYPE};"
    # Qt names an X11 window's class after the application name (QXcbIntegration::wmClass)
    assert entry["StartupWMClass"] == APP_NAME
    assert entry["Exec"].endswith(" gui %f")  # a double-clicked backup goes to `gui FILE`


def test_the_entry_made_for_a_command_in_an_awkward_folder_runs_it_with_the_file(
    tmp_path: Path,
) -> None:
    # a clone in a folder with a space, a quote and a dollar: the Exec line must still run it
    folder = tmp_path / 'my "clone" $HOME'
    folder.mkdir()
    script = folder / "archive-app"
    said = tmp_path / "argv.txt"
    script.write_text(f"#!/bin/sh\nprintf '%s\\n' \"$@\" > '{said}'\n", encoding="utf-8")
    script.chmod(0o755)
    entry = tmp_path / f"{APP_ID}.desktop"
    entry.write_text(files.desktop_entry([str(script)]), encoding="utf-8")
    _validate_desktop(entry)
    backup = tmp_path / "cadangan 2026.zip"
    backup.write_bytes(b"")
    # GLib starts it as a desktop does on a double-click ("open with")
    subprocess.run([tool("gio"), "launch", str(entry), str(backup)], check=True, timeout=60)
    for _ in range(100):  # gio returns once it has spawned the command, not when it ends
        if said.is_file() and said.read_text(encoding="utf-8").count("\n") == 2:
            break
        time.sleep(0.1)
    assert said.read_text(encoding="utf-8").splitlines() == ["gui", str(backup)]


def test_the_metainfo_is_valid_appstream_for_this_release() -> None:
    path = files.desktop_resource(files.METAINFO_FILE)
    result = subprocess.run(
        [tool("appstreamcli"), "validate", "--no-net", "--explain", str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout
    # no error, warning or info; only the pedantic note on the capitals of the id asked for
    assert "E:" not in result.stdout and "W:" not in result.stdout and "I:" not in result.stdout
    root = ET.parse(path).getroot()
    assert root.findtext("id") == APP_ID and root.findtext("name") == APP_NAME
    assert root.findtext("launchable") == files.DESKTOP_FILE
    assert root.findtext("metadata_license") == "CC0-1.0"
    assert root.findtext("project_license") == "MIT"  # pyproject's licence
    release = root.find("releases/release")
    assert release is not None and release.get("version") == __version__
    assert root.find("content_rating[@type='oars-1.1']") is not None
    images = [image.text or "" for image in root.iter("image")]
    assert len(images) >= 2
    for url in images:
        # software centres fetch them from the repository: each must be a committed file
        assert url.startswith(SCREENSHOTS_AT), url
        assert (REPO / url.removeprefix(SCREENSHOTS_AT)).is_file(), url
    assert root.findtext("provides/mediatype") == files.MIME_TYPE


def test_the_backup_type_recognises_a_backup_by_its_first_member() -> None:
    root = ET.parse(files.desktop_resource(files.MIME_PACKAGE)).getroot()
    kind = root.find(f"{MIME_NS}mime-type")
    assert kind is not None and kind.get("type") == files.MIME_TYPE
    outer = kind.find(f"{MIME_NS}magic/{MIME_NS}match")
    assert outer is not None and outer.get("value") == "PK\\003\\004"
    inner = outer.find(f"{MIME_NS}match")
    # usecases/backup.py writes the catalogue first: its name follows the 30-byte zip header
    assert inner is not None and (inner.get("offset"), inner.get("value")) == (
        "30",
        "catalogue.sqlite",
    )


def test_the_icon_is_shipped_in_every_hicolor_size() -> None:
    assert files.icon_svg().read_text(encoding="utf-8").lstrip().startswith("<?xml")
    for size in files.ICON_SIZES:
        with Image.open(files.icon_png(size)) as image:
            assert image.size == (size, size) and image.mode == "RGBA"
            alpha = image.getchannel("A")
            # the rounded square fills the middle; its corners stay transparent
            assert alpha.getpixel((size // 2, size // 2)) == 255
            assert alpha.getpixel((0, 0)) == 0
