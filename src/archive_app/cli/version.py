"""`archive-app --version`: Arsip's version and what it runs on, as Help ▸ About shows them."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from typing import Any


def version_text() -> str:
    """`archive-app 0.1.0`, then one line per library (Qt itself only the window can name)."""
    # imported here: every command builds the parser holding this action, few ask the version
    from archive_app.usecases.about import arsip_version, component_versions

    lines = [f"archive-app {arsip_version()}"]
    lines += [f"{name} {version}" for name, version in component_versions()]
    return "\n".join(lines)


class VersionAction(argparse.Action):
    """Prints the lines as they are: argparse's own version action refills them as a paragraph."""

    def __init__(self, option_strings: Sequence[str], dest: str, **_kwargs: Any) -> None:
        super().__init__(
            option_strings,
            dest,
            nargs=0,
            default=argparse.SUPPRESS,
            help="show Arsip's version and the versions of Python, PySide6, Whoosh and "
            "SQLAlchemy, then exit",
        )

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: object,
        option_string: str | None = None,
    ) -> None:
        print(version_text())
        parser.exit()
