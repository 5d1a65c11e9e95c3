"""The self-test's headless checks: import the built-in samples, search, read, export, cite."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from archive_app.exports.citations import cite
from archive_app.resources import resource
from archive_app.usecases.archive import Archive

SAMPLES = "samples/arsip-samples.jsonl"
SAMPLE_COUNT = 6
# what the shipped samples hold (resources/samples/): each check names what it expects
FLOOD_TITLE = "Warga Bantaran Kali Code Gotong Royong Memperbaiki Tanggul"
FERRY_TITLE = "Ferry Timetable Changes as Monsoon Winds Strengthen"
FERRY_CITATION = "Whitfield, S. (2024, March 12). Ferry Timetable Changes"
# word forms the texts do not hold, found only through the stemmers: "diperbaiki" (the text
# has "memperbaiki" and "perbaikan") and an English plural the text writes in the singular
WORD_FORM_QUERIES = (("diperbaiki", FLOOD_TITLE), ("ferries", FERRY_TITLE))


class SelftestFailure(Exception):
    """One check found the app not doing what it should; the message says what and how."""


@dataclass(frozen=True, slots=True)
class Outcome:
    """A check by name, and what went wrong (None when it passed)."""

    name: str
    problem: str | None = None


def sample_records() -> Path:
    """The JSON Lines file of sample articles Arsip ships."""
    return resource(SAMPLES)


def _expect(condition: bool, problem: str) -> None:
    if not condition:
        raise SelftestFailure(problem)


def check_import(archive: Archive, samples: Path) -> None:
    report = archive.import_paths([samples])
    failed = "; ".join(f"{item.locator}: {item.message}" for item in report.failed)
    _expect(not failed, f"{samples.name}: {failed}")
    _expect(
        len(report.added) == SAMPLE_COUNT,
        f"{samples.name}: {len(report.added)} articles added, expected {SAMPLE_COUNT}",
    )


def _find(archive: Archive, query: str, title: str) -> int:
    page = archive.search(query, limit=10)
    titles = [hit.title for hit in page.hits]
    _expect(title in titles, f"searching {query!r} found {titles or 'nothing'}, not {title!r}")
    return page.hits[titles.index(title)].id


def check_search(archive: Archive) -> None:
    _find(archive, "memperbaiki tanggul", FLOOD_TITLE)
    _find(archive, '"monsoon winds"', FERRY_TITLE)
    for query, title in WORD_FORM_QUERIES:
        _find(archive, query, title)


def check_read(archive: Archive) -> None:
    record = archive.article(_find(archive, "tanggul", FLOOD_TITLE)).record
    _expect(record.dateline_place == "Yogyakarta", f"dateline read as {record.dateline_place!r}")
    _expect(
        (record.published or "").startswith("2024-06-03T09:15"),
        f"'Senin, 3 Juni 2024 09:15 WIB' read as {record.published!r}",
    )
    authors = [person.name for person in record.people if person.role == "author"]
    _expect(authors == ["Dewi Lestari Rahayu"], f"authors read as {authors}")
    credits = [photo.credit for photo in record.photos]
    _expect(credits == ["Agus Wicaksono/Berita Contoh"], f"photo credits read as {credits}")
    _expect(len(record.body) == 3, f"{len(record.body)} paragraphs, expected 3")


def check_export(archive: Archive, folder: Path) -> None:
    target = folder / "export.jsonl"
    with target.open("w", encoding="utf-8") as stream:
        written = archive.export_jsonl(stream)
    with target.open(encoding="utf-8") as stream:
        titles = [json.loads(line)["title"] for line in stream]
    _expect(written == SAMPLE_COUNT, f"{target.name}: {written} records written")
    _expect(FERRY_TITLE in titles, f"{target.name}: {FERRY_TITLE!r} missing from {titles}")
    citation = cite(archive.article(_find(archive, "ferry", FERRY_TITLE)), "apa")
    _expect(citation.startswith(FERRY_CITATION), f"APA citation reads {citation!r}")


def headless_checks(library: Path, samples: Path | None = None) -> list[Outcome]:
    """Run every check on a new library at `library`; after a failed import nothing else runs
    (there would be nothing to find), otherwise each check runs whatever the others gave."""
    opened: list[Archive] = []
    problem = problem_of(lambda: opened.append(Archive.open(library)))
    if problem is not None:
        return [Outcome("create a temporary library", problem)]
    outcomes: list[Outcome] = []
    with opened[0] as archive:
        checks: tuple[tuple[str, Callable[[], None]], ...] = (
            (
                "import the sample records",
                lambda: check_import(archive, samples or sample_records()),
            ),
            ("search: phrases, Indonesian and English word forms", lambda: check_search(archive)),
            ("read an article", lambda: check_read(archive)),
            (
                "export JSON Lines and an APA citation",
                lambda: check_export(archive, library.parent),
            ),
        )
        for name, check in checks:
            outcomes.append(Outcome(name, problem_of(check)))
            if outcomes[0].problem is not None:
                break
    return outcomes


def problem_of(check: Callable[[], None]) -> str | None:
    """What went wrong in a check, in one line; None when it passed."""
    try:
        check()
    except SelftestFailure as failure:
        return str(failure)
    except Exception as error:  # the self-test reports any failure as a line, never a traceback
        return f"{type(error).__name__}: {error}"
    return None
