"""Shared fixtures: headless Qt, the shared corpus, and fresh libraries in temporary folders."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

# --backend postgresql: the whole suite on team catalogues (tests/backends.py)
from tests.backends import (  # noqa: F401
    _drop_test_catalogues,
    _team_backend,
    pytest_addoption,
    pytest_collection_modifyitems,
)

# the throwaway PostgreSQL cluster, started when a test first asks for it
from tests.postgres_server import (  # noqa: F401
    migrated_postgres,
    postgres_database,
    postgres_server,
)

# Qt aborts the process without a display: choose the offscreen platform before any
# QApplication can exist (pytest-qt creates it lazily, after this module is imported).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
CORPUS = SHARED / "corpus"
GOLD = SHARED / "gold"
SEED = CORPUS / "seed" / "jpnn-world-water-forum-2024.txt"


def corpus_path(*parts: str) -> Path:
    """A path in ../shared/corpus, skipping the test with a clear reason when it is absent."""
    path = CORPUS.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"needs ../shared/corpus ({path} is not there)")
    return path


def library_made(folder: Path) -> bool:
    """A library was made in `folder`: its catalogue file, or on `--backend postgresql` the
    .arsip-team naming its team catalogue."""
    return (folder / "catalogue.sqlite").is_file() or (folder / ".arsip-team").is_file()


@pytest.fixture
def seed_file() -> Path:
    return corpus_path("seed", "jpnn-world-water-forum-2024.txt")


@pytest.fixture
def library_path(tmp_path: Path) -> Path:
    return tmp_path / "library"


@pytest.fixture
def archive(library_path: Path) -> Iterator[object]:
    from archive_app.usecases.archive import Archive

    opened = Archive.open(library_path)
    try:
        yield opened
    finally:
        opened.close()


@pytest.fixture(scope="session")
def corpus_library(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A library holding the seed and every Indonesian table record (built once, ~15 s).

    Tests must only read it: open it with `Archive.open(path, readonly=True)`.
    """
    from archive_app.usecases.archive import Archive

    sources = [corpus_path("seed"), corpus_path("id_json"), corpus_path("id_csv")]
    root = tmp_path_factory.mktemp("corpus") / "library"
    with Archive.open(root) as archive:
        archive.import_paths(sources)
    return root
