"""Crash reports: frames and versions written, article text and values left out."""

from __future__ import annotations

from pathlib import Path

import pytest

from archive_app.usecases.crash_report import KEEP_REPORTS, redacted, write_report

BODY = (
    "JAKARTA - Banjir merendam tiga rukun tetangga di Jakbar sejak pagi. "
    "Warga mengungsi ke masjid terdekat."
)


def failure(text: str) -> ValueError:
    """A ValueError raised from a KeyError, both carrying article text, as code raises them."""
    try:
        try:
            raise KeyError(text)
        except KeyError as error:
            raise ValueError(f"cannot read “{text[:20]}” in the body: {text}") from error
    except ValueError as raised:
        return raised


def test_quoted_and_long_text_is_taken_out_of_a_message() -> None:
    assert redacted("no such table: articles_fts") == "no such table: articles_fts"
    assert redacted("'title'") == "[quoted text, 5 characters]"
    assert redacted(f"bad date in {BODY}") == "bad date in JAKARTA - [text, 14 words]"
    long = redacted("x" * 500)
    assert len(long) < 200 and long.endswith("[340 characters more]")


def test_a_report_has_the_frames_the_chain_and_the_versions_but_no_article_text(
    tmp_path: Path,
) -> None:
    report = write_report(failure(BODY), "File ▸ Import files", tmp_path, {"Qt": "6.11"})
    assert report.parent == tmp_path / "logs" / "crashes"
    text = report.read_text(encoding="utf-8")
    assert "Doing: File ▸ Import files" in text
    assert "builtins.ValueError: cannot read [quoted text, 20 characters] in the body:" in text
    assert "It was caused by:\nbuiltins.KeyError: [quoted text" in text
    assert f'File "{__file__}"' in text and "in failure" in text
    for name in ("Arsip", "Python", "Qt", "Whoosh", "SQLAlchemy", "OS"):
        assert f"\n  {name}: " in text
    for word in ("Banjir", "merendam", "Jakbar", "mengungsi", "masjid"):
        assert word not in text


def test_without_a_library_the_report_goes_to_the_users_state_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    report = write_report(failure("x"), "using the window", None)
    assert report.parent == tmp_path / "state" / "Arsip" / "crashes"
    assert "Library: none open" in report.read_text(encoding="utf-8")


def test_only_the_newest_reports_are_kept(tmp_path: Path) -> None:
    folder = tmp_path / "logs" / "crashes"
    folder.mkdir(parents=True)
    for day in range(1, KEEP_REPORTS + 5):
        (folder / f"crash-202601{day:02d}T000000Z-1.txt").write_text("old")
    newest = write_report(failure("x"), "using the window", tmp_path)
    kept = sorted(folder.glob("crash-*.txt"))
    assert len(kept) == KEEP_REPORTS and newest in kept
    assert folder / "crash-20260101T000000Z-1.txt" not in kept
