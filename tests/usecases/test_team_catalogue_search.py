"""A new desktop on a team catalogue searches at once: PostgreSQL's own full-text search answers
(indonesian and english configurations) while this desktop's index is built, then the index."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.conftest import corpus_path

from archive_app.usecases.archive import Archive

ENGLISH = (
    "wire",
    "newsml-g2",
    "newsmlvalidator_reuters_2013-10-21T192044Z_L1N0IB1MQ_BBO-SOX-CARDINALS-NEWS.xml",
)


@pytest.fixture
def team(
    migrated_postgres: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, seed_file: Path
) -> Iterator[tuple[str, int, int]]:
    """A team catalogue holding the Indonesian seed article and an English Reuters story,
    imported by a first desktop; the address and the two articles' ids."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "desk1"))
    with Archive.open(migrated_postgres) as one:
        report = one.import_paths([seed_file, corpus_path(*ENGLISH)])
        assert not report.failed, report.failed
        ids = [item.article_id for item in report.added if item.article_id is not None]
        by_language = {one.article(i).record.language: i for i in ids}
    yield migrated_postgres, by_language["id"], by_language["en"]


def _new_desktop(
    address: str, home: Path, monkeypatch: pytest.MonkeyPatch, readonly: bool = False
) -> Archive:
    monkeypatch.setenv("XDG_DATA_HOME", str(home))
    return Archive.open(address, readonly=readonly)


def test_a_new_desktop_searches_the_catalogue_until_its_index_is_built(
    team: tuple[str, int, int], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    address, indonesian, english = team
    with _new_desktop(address, tmp_path / "desk2", monkeypatch) as two:
        # an -nya form finds the article saying "Kegiatan", a me-...-kan form "gaungkan"
        page = two.search("kegiatannya")
        assert page.from_catalogue
        assert page.index_built == (0, 2)
        assert [hit.id for hit in page.hits] == [indonesian]
        assert any('<b class="hit">Kegiatan</b>' in s for s in page.hits[0].snippets)
        assert [hit.id for hit in two.search("gaungkan").hits] == [indonesian]
        # an English phrase, stemmed (pounds) and in order only
        assert [hit.id for hit in two.search('"pounds the strike zone"').hits] == [english]
        assert two.search('"zone strike"').hits == ()
        assert two.search("Wainwright -lester").hits == ()
        assert two.matching_ids("lang:en strike") == [english]
        assert two.counts("world").total == 2  # World Water Forum, World Series
        # what it cannot do is said, and left out
        caption = two.search("caption:foto gaungkan")
        assert caption.unanswered == ("captions (caption:) are not in the catalogue's search",)
        assert [hit.id for hit in caption.hits] == [indonesian]

        assert two.repair_index() == 2  # what the window does after opening
        page = two.search("kegiatan")
        assert not page.from_catalogue
        assert [hit.id for hit in page.hits] == [indonesian]
        assert [h.id for h in two.search('"pound the strike zone"').hits] == [english]
        assert not two.search("gaungkan").from_catalogue


def test_a_command_that_only_reads_on_a_new_desktop_answers_from_the_catalogue(
    team: tuple[str, int, int], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    address, indonesian, _english = team
    with _new_desktop(address, tmp_path / "desk3", monkeypatch, readonly=True) as reader:
        page = reader.search("menggaungkan")
        assert page.from_catalogue
        assert [hit.id for hit in page.hits] == [indonesian]


def test_a_folder_library_never_answers_from_a_catalogue(tmp_path: Path, seed_file: Path) -> None:
    with Archive.open(tmp_path / "lib") as archive:
        archive.import_paths([seed_file])
        assert not archive.search("gaungkan").from_catalogue
