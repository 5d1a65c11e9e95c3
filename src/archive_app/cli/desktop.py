"""`desktop install` and `desktop uninstall`: Arsip in the current user's desktop menu."""

from __future__ import annotations

import argparse

from archive_app.desktop import files, register


def cmd_install(_args: argparse.Namespace) -> int:
    done = register.install()
    print(f"Arsip is in the desktop menu: {done.files[0]}")
    print(f"it starts {' '.join(done.command)}")
    print(
        f"icons, the metainfo and the backup type {files.MIME_TYPE} (double-click a backup "
        f"to restore it) are registered under {done.data_home}"
    )
    return 0


def cmd_uninstall(_args: argparse.Namespace) -> int:
    done = register.uninstall()
    if done.files:
        print(
            f"removed Arsip's menu entry, icons, metainfo and backup type "
            f"({len(done.files)} files) from {done.data_home}"
        )
    else:
        print(f"Arsip was not registered under {done.data_home}: nothing to remove")
    return 0


def add_desktop(p: argparse.ArgumentParser) -> None:
    actions = p.add_subparsers(dest="desktop_action", metavar="ACTION", required=True)
    actions.add_parser(
        "install",
        help="register the menu entry, icons, metainfo and backup file type (under "
        "$XDG_DATA_HOME, ~/.local/share by default); the entry starts this archive-app",
    ).set_defaults(run=cmd_install)
    actions.add_parser(
        "uninstall", help="remove everything `desktop install` registered"
    ).set_defaults(run=cmd_uninstall)
