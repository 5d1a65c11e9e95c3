"""Register Arsip with the current user's desktop through the xdg tools, and take it away again."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from archive_app import APP_ID
from archive_app.desktop import files, leftovers
from archive_app.domain.errors import ArchiveError

# each tool, and the Debian package that brings it
TOOLS = {
    "xdg-desktop-menu": "xdg-utils",
    "xdg-icon-resource": "xdg-utils",
    "xdg-mime": "xdg-utils",
    "update-mime-database": "shared-mime-info",
    "update-desktop-database": "desktop-file-utils",
}
_TIMEOUT = 120  # seconds; a tool that hangs longer is reported rather than waited on


class DesktopError(ArchiveError):
    """Arsip cannot be registered with the desktop (or unregistered); says why in one line."""


@dataclass(slots=True)
class Registration:
    """Where Arsip's files are for the desktop, and the command its menu entry runs."""

    data_home: Path
    command: list[str] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)


def data_home() -> Path:
    """$XDG_DATA_HOME, or ~/.local/share when it is unset or not absolute (as the spec says)."""
    value = os.environ.get("XDG_DATA_HOME", "")
    return Path(value) if value and Path(value).is_absolute() else Path.home() / ".local/share"


def registered_files(home: Path) -> list[Path]:
    """Every file `install` puts under `home`, whether it is there or not."""
    icons = home / "icons" / "hicolor"
    return [
        home / "applications" / files.DESKTOP_FILE,
        *(icons / f"{s}x{s}" / "apps" / f"{APP_ID}.png" for s in files.ICON_SIZES),
        icons / "scalable" / "apps" / f"{APP_ID}.svg",
        home / "mime" / "packages" / f"{APP_ID}.xml",
        home / "metainfo" / files.METAINFO_FILE,
    ]


def _require_tools() -> None:
    missing = [tool for tool in TOOLS if shutil.which(tool) is None]
    if missing:
        packages = sorted({TOOLS[tool] for tool in missing})
        raise DesktopError(
            f"{', '.join(missing)} not found: install the package{'s' * (len(packages) > 1)} "
            f"{', '.join(packages)} (e.g. apt-get install {' '.join(packages)}), then try again"
        )
    if not sys.platform.startswith("linux"):
        raise DesktopError("desktop install follows the freedesktop conventions of Linux desktops")


def _usable(home: Path) -> Path:
    """`home`, if the xdg tools can work there: they split paths at spaces (xdg-utils 1.1)."""
    for name, folder in (("XDG_DATA_HOME", home), ("HOME", Path.home())):
        if any(character.isspace() for character in str(folder)):
            raise DesktopError(
                f"{folder} ({name}): the xdg tools cannot register Arsip under a folder whose "
                "path has a space; set XDG_DATA_HOME to another folder"
            )
    return home


def _run(arguments: Sequence[str], home: Path) -> None:
    # the tools read XDG_DATA_HOME themselves: give them the folder chosen here
    environment = {**os.environ, "XDG_DATA_HOME": str(home)}
    try:
        result = subprocess.run(
            list(arguments),
            capture_output=True,
            text=True,
            env=environment,
            timeout=_TIMEOUT,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as error:
        raise DesktopError(f"{arguments[0]} could not run: {error}") from error
    if result.returncode != 0:
        said = (result.stderr or result.stdout).strip().splitlines()
        raise DesktopError(
            f"{arguments[0]} failed (exit {result.returncode})" + (f": {said[-1]}" if said else "")
        )


def _shipped() -> tuple[Path, Path, Path, dict[int, Path]]:
    """The shipped files (metainfo, MIME package, SVG icon, PNG icons), all checked present."""
    try:
        return (
            files.desktop_resource(files.METAINFO_FILE),
            files.desktop_resource(files.MIME_PACKAGE),
            files.icon_svg(),
            {size: files.icon_png(size) for size in files.ICON_SIZES},
        )
    except FileNotFoundError as error:
        raise DesktopError(str(error)) from error


def install(home: Path | None = None, command: list[str] | None = None) -> Registration:
    """Add Arsip's menu entry, icons, backup type and metainfo for the current user; the entry
    starts `command` (this Arsip by default). Installing again replaces them."""
    _require_tools()
    home = _usable(home or data_home())
    command = command or files.launch_command()
    metainfo, mime, svg, pngs = _shipped()
    user = "--mode", "user"
    icon = "xdg-icon-resource", "install", *user, "--noupdate", "--novendor", "--context", "apps"
    with tempfile.TemporaryDirectory(prefix="arsip-desktop-") as scratch:
        # the tools install a file under its own name: copies named as they are to be found
        entry = Path(scratch) / files.DESKTOP_FILE
        entry.write_text(files.desktop_entry(command), encoding="utf-8")
        package = Path(scratch) / f"{APP_ID}.xml"
        shutil.copyfile(mime, package)
        _run(["xdg-desktop-menu", "install", *user, "--novendor", str(entry)], home)
        for size, png in pngs.items():
            _run([*icon, "--size", str(size), str(png), APP_ID], home)
        scalable = home / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg"
        scalable.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(svg, scalable)  # xdg-icon-resource takes PNG and XPM only
        _run(["xdg-icon-resource", "forceupdate", *user], home)
        _run(["xdg-mime", "install", *user, "--novendor", str(package)], home)
    (home / "metainfo").mkdir(parents=True, exist_ok=True)
    shutil.copyfile(metainfo, home / "metainfo" / files.METAINFO_FILE)
    _run(["update-mime-database", str(home / "mime")], home)
    _run(["update-desktop-database", str(home / "applications")], home)
    return Registration(home, command, [p for p in registered_files(home) if p.exists()])


def uninstall(home: Path | None = None) -> Registration:
    """Remove every file `install` added for the current user (those still there are listed)
    and bring the desktop's caches up to date; empty folders left behind go too."""
    _require_tools()
    home = _usable(home or data_home())
    present = [path for path in registered_files(home) if path.exists()]
    user = "--mode", "user"
    icon = "xdg-icon-resource", "uninstall", *user, "--noupdate", "--context", "apps"
    _run(["xdg-desktop-menu", "uninstall", *user, "--novendor", files.DESKTOP_FILE], home)
    for size in files.ICON_SIZES:
        _run([*icon, "--size", str(size), APP_ID], home)
    with tempfile.TemporaryDirectory(prefix="arsip-desktop-") as scratch:
        # xdg-mime removes the package of that name; it reads nothing from the file
        package = Path(scratch) / f"{APP_ID}.xml"
        package.write_text("", encoding="utf-8")
        _run(["xdg-mime", "uninstall", *user, "--novendor", str(package)], home)
    for path in registered_files(home):
        path.unlink(missing_ok=True)
    leftovers.drop_default(home / "applications")
    if (home / "icons" / "hicolor").is_dir():
        _run(["xdg-icon-resource", "forceupdate", *user], home)
    if (home / "mime").is_dir():
        _run(["update-mime-database", str(home / "mime")], home)
    if (home / "applications").is_dir():
        _run(["update-desktop-database", str(home / "applications")], home)
    leftovers.drop_empty_caches(home)
    leftovers.drop_dummy_menu()
    for path in registered_files(home):
        leftovers.prune(path.parent, home)
    leftovers.prune(leftovers.legacy_gnome_apps(), Path.home())
    return Registration(home, [], present)
