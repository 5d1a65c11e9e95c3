"""Every search the manual shows, in English and Indonesian, finds articles in a real library.

The library is the built-in samples (resources/samples/, the words the manual's examples use),
catalogued as the manual tells (an article tagged `banjir`), plus one article of this folder
whose date cannot be read, so the importer flags it for review as it would in any library.
"""

from __future__ import annotations

import html
import re
import shlex
from collections.abc import Iterator
from pathlib import Path

import pytest

from archive_app.cli import build_parser
from archive_app.gui.help.chapters import LANGUAGES, manual_folder
from archive_app.resources import resource
from archive_app.usecases.archive import Archive

HERE = Path(__file__).parent
EXAMPLE = re.compile(r'<code class="query">(.*?)</code>', re.DOTALL)
COMMAND = re.compile(r"<code>(archive-app\s.*?)</code>", re.DOTALL)


def examples(language: str) -> list[str]:
    """The query examples of the manual in `language`, as a person reads (and types) them."""
    found = []
    for chapter in sorted(manual_folder(language).glob("*.html")):
        found += [html.unescape(m) for m in EXAMPLE.findall(chapter.read_text(encoding="utf-8"))]
    return found


@pytest.fixture(scope="module")
def samples_library(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Archive]:
    archive = Archive.open(tmp_path_factory.mktemp("manual") / "library")
    try:
        samples = sorted(resource("samples").glob("*.jsonl"))
        report = archive.import_paths([*samples, HERE / "unsure-article.jsonl"])
        assert not report.failed and len(report.added) >= 7, report
        archive.bulk(archive.matching_ids('"kali code"'), "add", "tags", "banjir")
        yield archive
    finally:
        archive.close()


def test_both_manuals_show_the_same_searches() -> None:
    english, indonesian = examples("en"), examples("id")
    assert len(english) >= 30
    assert english == indonesian


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_search_in_the_manual_finds_articles(samples_library: Archive, language: str) -> None:
    empty = [q for q in examples(language) if samples_library.search(q, 1).total == 0]
    assert not empty, f"the {language} manual shows searches that find nothing: {empty}"


def test_a_search_the_manual_narrows_finds_fewer(samples_library: Archive) -> None:
    # the examples are not merely non-empty: the narrowing ones do narrow
    everything = samples_library.search("", 1).total
    assert samples_library.search("tanggul -yogyakarta", 1).total < everything
    assert samples_library.search("review:any", 1).total == 1
    assert samples_library.search("-review:any", 1).total == everything - 1


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_command_in_the_manual_is_one_archive_app_takes(language: str) -> None:
    commands = []
    for chapter in sorted(manual_folder(language).glob("*.html")):
        commands += COMMAND.findall(chapter.read_text(encoding="utf-8"))
    assert len(commands) >= 6
    parser = build_parser()
    for command in commands:
        argv = shlex.split(html.unescape(command))
        parsed = parser.parse_args(argv[1:])  # exits (failing the test) on a wrong option
        assert parsed.command == argv[-1] or parsed.command in argv, command
