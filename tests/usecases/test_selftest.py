"""The self-test's headless checks pass on the shipped samples and name what fails otherwise."""

from __future__ import annotations

import json
from pathlib import Path

from archive_app.usecases.selftest import SAMPLE_COUNT, headless_checks, sample_records


def test_the_shipped_samples_pass_every_check(tmp_path: Path) -> None:
    outcomes = headless_checks(tmp_path / "library")
    assert [o.problem for o in outcomes] == [None] * 4
    assert (tmp_path / "export.jsonl").read_text(encoding="utf-8").count("\n") == SAMPLE_COUNT


def test_the_samples_are_the_articles_arsip_ships(tmp_path: Path) -> None:
    # the manual's screenshots use the same file: it stays at resources/samples/
    rows = [json.loads(line) for line in sample_records().read_text("utf-8").splitlines()]
    assert sample_records().parent.name == "samples" and len(rows) == SAMPLE_COUNT
    assert {row["language"] for row in rows} == {"id", "en"}
    assert all(row["site"] in {"example.com", "example.org"} for row in rows)


def test_a_broken_sample_file_is_named_with_its_line_and_nothing_else_runs(
    tmp_path: Path,
) -> None:
    broken = tmp_path / "samples.jsonl"
    lines = sample_records().read_text("utf-8").splitlines()
    broken.write_text("\n".join([*lines[:2], lines[2][:40], *lines[3:]]) + "\n", "utf-8")
    (outcome,) = headless_checks(tmp_path / "library", broken)
    assert outcome.name == "import the sample records"
    assert outcome.problem is not None and outcome.problem.startswith("samples.jsonl: line 3")


def test_a_search_that_misses_says_which_query_found_what(tmp_path: Path) -> None:
    english_only = tmp_path / "samples.jsonl"
    lines = sample_records().read_text("utf-8").splitlines()
    # six articles still, but the Indonesian flood story is gone: its searches must fail
    bus = lines[3].replace("Ferry", "Bus").replace("ferry", "bus")
    english_only.write_text("\n".join([*lines[1:], bus]) + "\n", "utf-8")
    outcomes = headless_checks(tmp_path / "library", english_only)
    assert outcomes[0].problem is None
    search = outcomes[1]
    assert search.problem is not None and search.problem.startswith(
        "searching 'memperbaiki tanggul' found nothing"
    )


def test_a_library_that_cannot_be_made_is_one_failed_check_not_a_crash(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the library's parent folder should be")
    (outcome,) = headless_checks(blocker / "library")
    assert outcome.name == "create a temporary library"
    assert outcome.problem is not None and "not-a-folder" in outcome.problem
