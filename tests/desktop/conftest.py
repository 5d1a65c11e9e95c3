"""Desktop fixtures: a private home and XDG data folder, and the real freedesktop tools."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

# what `make test` installs (Makefile: DESKTOP_DEBS)
NEEDED = (
    "desktop-file-validate",
    "appstreamcli",
    "xdg-mime",
    "xdg-desktop-menu",
    "xdg-icon-resource",
    "update-mime-database",
    "update-desktop-database",
    "mimetype",
    "gio",
)


def tool(name: str) -> str:
    """The path of a freedesktop tool; the test fails, naming what to install, without it."""
    found = shutil.which(name)
    if found is None:
        pytest.fail(f"{name} is missing: `make system-libs-desktop` installs the desktop tools")
    return found


@pytest.fixture
def desktop_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh home and XDG_DATA_HOME, outside any desktop session (so xdg-mime asks the
    shared-mime-info database rather than a running desktop); returns XDG_DATA_HOME."""
    for name in NEEDED:
        tool(name)
    home = tmp_path / "home"
    data = tmp_path / "data"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(data))
    for variable in (
        "XDG_CONFIG_HOME",
        "XDG_CURRENT_DESKTOP",
        "XDG_SESSION_DESKTOP",
        "DESKTOP_SESSION",
        "KDE_FULL_SESSION",
        "GNOME_DESKTOP_SESSION_ID",
        "DBUS_SESSION_BUS_ADDRESS",
        "DISPLAY",
        "WAYLAND_DISPLAY",
    ):
        monkeypatch.delenv(variable, raising=False)
    return data
