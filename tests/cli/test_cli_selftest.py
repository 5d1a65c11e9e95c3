"""`archive-app selftest` runs the samples through the core and the window, printing ok or why."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

from archive_app import cli


@pytest.mark.slow
def test_selftest_prints_ok_and_shows_the_found_article_in_the_window(tmp_path: Path) -> None:
    picture = tmp_path / "window.png"
    result = subprocess.run(
        [sys.executable, "-m", "archive_app", "selftest", "-v", "--screenshot", str(picture)],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stderr == "", result.stderr  # no Qt warning, no log line: a clean run is quiet
    lines = result.stdout.splitlines()
    assert lines[-1] == "ok"
    assert "open the window offscreen: a search and an article: ok" in lines
    assert len(lines) == 6 and all(line.endswith(": ok") for line in lines[:-1])
    with Image.open(picture) as shot:
        # the window itself, not an empty grab: many colours (text, highlights, the table)
        assert shot.width >= 1000 and len(shot.convert("RGB").getcolors(1 << 20) or []) > 50


def test_without_the_window_the_selftest_fails_and_says_so(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # the CLI alone (no launcher) cannot open the window: that is a failure, never "ok"
    assert cli.main(["selftest"]) == 1
    out, err = capsys.readouterr()
    assert out.splitlines() == [
        "open the window offscreen: a search and an article: "
        "this command line was started without Qt"
    ]
    assert "selftest failed: 1 of 5 checks" in err
