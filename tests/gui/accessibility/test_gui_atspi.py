"""AT-SPI smoke test: a screen reader's view of the real window.

The window runs as its own process on a small library, on a virtual X screen (Xvfb) inside a
private D-Bus session, with Qt's AT-SPI bridge on (QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1). The
system Python reads its accessibility tree with pyatspi (atspi_reader.py) as Orca would, and
must find the search box, the results table and the reader by their names.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from tests.gui.conftest import ARTICLES

from archive_app.usecases.archive import Archive

SYSTEM_PYTHON = "/usr/bin/python3"
NEWEST = "Pemkot Jakbar Bagikan Bantuan untuk Korban Banjir"  # the window opens on it
BUS_LAUNCHER = Path("/usr/libexec/at-spi-bus-launcher")
READER = Path(__file__).with_name("atspi_reader.py")
# what a screen reader must find, and the AT-SPI roles Qt gives those widgets
EXPECTED = {
    "Search the archive": {"text", "entry"},
    "Search results": {"table", "tree table"},
    # Qt gives a read-only QTextBrowser the static text role ("label"); its Text interface
    # still carries the article, which is what a screen reader reads (checked below)
    "Article reader": {"text", "document text", "document web", "label"},
}


def _missing() -> str:
    """Why the test cannot run here ("" when it can)."""
    for tool, package in (
        ("dbus-run-session", "dbus"),
        ("xvfb-run", "xvfb"),
    ):
        if shutil.which(tool) is None:
            return f"{tool} is not installed (Debian package {package}; `make system-libs-a11y`)"
    if not BUS_LAUNCHER.exists():
        return f"{BUS_LAUNCHER} is missing (Debian package at-spi2-core; `make system-libs-a11y`)"
    probe = (
        subprocess.run(
            [SYSTEM_PYTHON, "-c", "import pyatspi"], capture_output=True, check=False, text=True
        )
        if Path(SYSTEM_PYTHON).exists()
        else None
    )
    if probe is None or probe.returncode != 0:
        return (
            "pyatspi does not import in /usr/bin/python3 "
            "(Debian package python3-pyatspi; `make system-libs-a11y`)"
        )
    return ""


def _library(folder: Path) -> Path:
    """A real library of the four test articles, closed again so the window can open it."""
    source = folder / "articles.jsonl"
    keys = ("judul", "isi_berita", "tanggal_publikasi", "sumber", "url", "author")
    source.write_text(
        "".join(json.dumps(dict(zip(keys, row, strict=True))) + "\n" for row in ARTICLES),
        encoding="utf-8",
    )
    library = folder / "lib"
    with Archive.open(library) as archive:
        assert len(archive.import_paths([source]).added) == len(ARTICLES)
    return library


def test_a_screen_reader_finds_the_search_box_results_and_reader(tmp_path: Path) -> None:
    why = _missing()
    if why:
        pytest.skip(why)
    library = _library(tmp_path)
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "xcb",  # a real X client on Xvfb: the offscreen platform has no AT-SPI
        "QT_LINUX_ACCESSIBILITY_ALWAYS_ON": "1",
        "XDG_CONFIG_HOME": str(tmp_path / "config"),  # the window's settings stay here
        "XDG_DATA_HOME": str(tmp_path / "data"),
    }
    env.pop("DBUS_SESSION_BUS_ADDRESS", None)
    # inside one private D-Bus session and one virtual screen: the window in the background,
    # the reader in front; the window is ended whatever the reader finds
    script = (
        '"$1" -m archive_app --library "$2" gui & app=$!; '
        '"$3" "$4" Arsip "$5" "$6" "$7"; found=$?; '
        "kill $app; wait $app; exit $found"
    )
    command = [
        "dbus-run-session",
        "--",
        "xvfb-run",
        "-a",
        "-s",
        "-screen 0 1400x900x24",
        "sh",
        "-c",
        script,
        "sh",
        sys.executable,
        str(library),
        SYSTEM_PYTHON,
        str(READER),
        "Search the archive",
        "Search results",
        f"Article reader={NEWEST}",
    ]
    done = subprocess.run(
        command, env=env, capture_output=True, text=True, timeout=180, check=False
    )
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    assert lines, (
        f"the reader printed nothing\nstdout: {done.stdout}\nstderr: {done.stderr[-3000:]}"
    )
    seen = json.loads(lines[-1])
    assert seen["application"] == "Arsip", seen
    for name, roles in EXPECTED.items():
        assert seen["found"][name] in roles, (name, seen, done.stderr[-2000:])
    # the window opens on the newest article, and the reader's text says it aloud
    assert NEWEST in seen["texts"]["Article reader"]
    assert done.returncode == 0, done.stderr[-2000:]
