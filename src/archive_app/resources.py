"""Find the files in resources/ (icons, stylesheet) for an installed app and a source tree."""

from __future__ import annotations

from functools import cache
from importlib import resources as importlib_resources
from pathlib import Path


@cache
def resource_dir() -> Path:
    """The resources folder: inside the installed package, else the repository's resources/."""
    packaged = Path(str(importlib_resources.files("archive_app"))) / "resources"
    if packaged.is_dir():
        return packaged
    source_tree = Path(__file__).resolve().parents[2] / "resources"
    if source_tree.is_dir():
        return source_tree
    raise FileNotFoundError(
        f"Arsip's resources are missing: looked in {packaged} and {source_tree}"
    )


def resource(name: str) -> Path:
    path = resource_dir() / name
    if not path.exists():
        raise FileNotFoundError(f"Arsip resource {name!r} is missing from {resource_dir()}")
    return path
