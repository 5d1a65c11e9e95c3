"""Tidy what the xdg tools leave behind when Arsip is unregistered: entries, caches, folders."""

from __future__ import annotations

import os
from pathlib import Path

from archive_app.desktop import files

# the files update-mime-database writes from mime/packages (its database, not anyone's input)
MIME_DATABASE = (
    "aliases",
    "generic-icons",
    "globs",
    "globs2",
    "icons",
    "magic",
    "mime.cache",
    "subclasses",
    "treemagic",
    "types",
    "version",
    "XMLnamespaces",
)
_DUMMY_MENU = "xdg-desktop-menu-dummy.menu"


def config_home() -> Path:
    value = os.environ.get("XDG_CONFIG_HOME", "")
    return Path(value) if value and Path(value).is_absolute() else Path.home() / ".config"


def legacy_gnome_apps() -> Path:
    """Where xdg-desktop-menu also copies a user's entry, for GNOME 2 (it removes the copy)."""
    return Path.home() / ".gnome" / "apps"


def drop_default(applications: Path) -> None:
    """Take Arsip out of applications/defaults.list, where xdg-desktop-menu made it the default
    for its backup type (its uninstall leaves the line); the file goes when nothing is left."""
    defaults = applications / "defaults.list"
    if not defaults.is_file():
        return
    kept: list[str] = []
    for line in defaults.read_text(encoding="utf-8").splitlines():
        key, equals, value = line.partition("=")
        if equals and not key.startswith("["):
            apps = [app for app in value.split(";") if app and app != files.DESKTOP_FILE]
            if not apps:
                continue
            line = f"{key}={';'.join(apps)}"
        kept.append(line)
    if all(line.startswith("[") or not line.strip() for line in kept):
        defaults.unlink()
    else:
        defaults.write_text("\n".join(kept) + "\n", encoding="utf-8")


def drop_empty_caches(home: Path) -> None:
    """The desktop and MIME databases made of nothing once Arsip's files are gone: an
    applications/ folder with no entry left, a mime/ folder with no package left."""
    applications = home / "applications"
    if applications.is_dir() and not any(applications.glob("*.desktop")):
        (applications / "mimeinfo.cache").unlink(missing_ok=True)
    mime = home / "mime"
    packages = mime / "packages"
    if mime.is_dir() and not (packages.is_dir() and any(packages.iterdir())):
        for name in MIME_DATABASE:
            (mime / name).unlink(missing_ok=True)
        for folder in sorted(mime.iterdir()) if mime.is_dir() else []:
            prune(folder, home)


def drop_dummy_menu() -> None:
    """xdg-desktop-menu touches an empty menu file so that some menus reload; it holds nothing,
    and removing it makes them reload as well."""
    dummy = config_home() / "menus" / "applications-merged" / _DUMMY_MENU
    if dummy.is_file() and dummy.stat().st_size == 0:
        dummy.unlink()
        prune(dummy.parent, config_home())


def prune(folder: Path, top: Path) -> None:
    """Remove `folder` and its parents below `top` while they are empty."""
    while folder != top and folder.is_relative_to(top) and folder.is_dir():
        try:
            folder.rmdir()
        except OSError:  # not empty: someone else's files live there
            return
        folder = folder.parent
