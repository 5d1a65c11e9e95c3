"""The freedesktop files Arsip ships, and its .desktop entry made to start this very Arsip."""

from __future__ import annotations

import re
import sys
from pathlib import Path

from archive_app import APP_ID
from archive_app.domain.errors import ArchiveError
from archive_app.resources import resource

# the hicolor sizes the icon is shipped in, besides the scalable SVG
ICON_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
MIME_TYPE = "application/x-arsip-backup"
DESKTOP_FILE = f"{APP_ID}.desktop"
METAINFO_FILE = f"{APP_ID}.metainfo.xml"
MIME_PACKAGE = f"{APP_ID}.mime.xml"  # installed into mime/packages as <APP_ID>.xml
ICON_SVG = "icons/arsip.svg"

# characters the desktop entry spec reserves in Exec arguments: such an argument is quoted
_RESERVED = frozenset(" \t\n\"'\\><~|&;$*?#()`")
_ESCAPED_IN_QUOTES = re.compile(r'(["`$\\])')


def desktop_resource(name: str) -> Path:
    """One of the files in resources/desktop/."""
    return resource(f"desktop/{name}")


def icon_png(size: int) -> Path:
    """The icon rendered at `size` pixels (scripts/render_icons.py writes them)."""
    return resource(f"icons/hicolor/{size}x{size}/apps/{APP_ID}.png")


def icon_svg() -> Path:
    return resource(ICON_SVG)


def launch_command() -> list[str]:
    """The command that starts the Arsip running now: a bundle's own executable, else the
    `archive-app` script this command runs as, else the one of this Python's environment (a
    venv's bin/), else this Python running the package; so a menu entry made from a clone
    starts that clone."""
    if getattr(sys, "frozen", False):
        return [str(Path(sys.executable).absolute())]
    running = Path(sys.argv[0]) if sys.argv and sys.argv[0] else None
    if running is not None and running.name == "archive-app" and running.is_file():
        return [str(running.absolute())]  # the script this command was started as
    # not resolved: a venv's python is a symlink out of the venv, and its script is beside it
    python = Path(sys.executable).absolute()
    script = python.with_name("archive-app")
    if script.is_file():
        return [str(script)]
    return [str(python), "-m", "archive_app"]


def exec_argument(argument: str) -> str:
    """One argument of an Exec line, quoted and escaped as the desktop entry spec says.

    Hand-written: no maintained Python library writes Exec lines (pyxdg only reads them).
    """
    if "\n" in argument or "\r" in argument:
        raise ArchiveError(f"cannot start Arsip from a menu entry: {argument!r} has a line break")
    argument = argument.replace("%", "%%")
    if any(character in _RESERVED for character in argument):
        argument = '"' + _ESCAPED_IN_QUOTES.sub(r"\\\1", argument) + '"'
    # a desktop file's strings escape a backslash once more, after the quoting
    return argument.replace("\\", "\\\\")


def desktop_entry(command: list[str]) -> str:
    """The shipped .desktop entry with Exec (and TryExec) starting `command`; a double-click
    on a backup runs `command gui FILE`, which opens the window's Restore with it."""
    lines = []
    for line in desktop_resource(DESKTOP_FILE).read_text(encoding="utf-8").splitlines():
        if line.startswith("Exec="):
            words = [exec_argument(word) for word in command]
            lines.append("Exec=" + " ".join([*words, "gui", "%f"]))
            lines.append("TryExec=" + command[0].replace("\\", "\\\\"))
        else:
            lines.append(line)
    return "\n".join(lines) + "\n"
