"""An installed Arsip carries its resources, migrations and rule tables, and finds them."""

from __future__ import annotations

import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from tests.conftest import REPO


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(out),
            str(REPO),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    (built,) = out.glob("archive_app-*.whl")
    return built


def test_the_wheel_holds_what_the_app_reads_at_run_time(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for required in (
        "archive_app/resources/style.qss",
        "archive_app/db/migrations/env.py",
        "archive_app/db/migrations/versions/0001_initial_catalogue.py",
        "archive_app/domain/tables/sites.toml",
        "archive_app/domain/tables/general.toml",
        # `archive-app desktop install` registers these from an installed copy too
        "archive_app/resources/desktop/io.github.arsip.Arsip.desktop",
        "archive_app/resources/desktop/io.github.arsip.Arsip.metainfo.xml",
        "archive_app/resources/desktop/io.github.arsip.Arsip.mime.xml",
        "archive_app/resources/icons/hicolor/512x512/apps/io.github.arsip.Arsip.png",
    ):
        assert required in names, required
    assert any(n.startswith("archive_app/resources/icons/") for n in names)
    entry_points = next(n for n in names if n.endswith("entry_points.txt"))
    text = zipfile.ZipFile(wheel).read(entry_points).decode()
    assert "archive-app = archive_app.launcher:main" in text


# development tooling lives beside the package (scripts/screenshots/, benchmarks/), never in it
TOOLING = re.compile(r"^archive_app/.*/(screenshots?\w*|bench\w*|waiting|screenshot_kit)(/|\.py$)")


def test_the_wheel_carries_no_development_tooling(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    modules = [n for n in names if n.startswith("archive_app/") and n.endswith(".py")]
    assert any(n.startswith("archive_app/gui/") for n in modules)
    tooling = [n for n in names if TOOLING.match(n)]
    assert not tooling, f"development tooling in the wheel: {tooling}"


def test_an_installed_copy_finds_its_own_resources(wheel: Path, tmp_path: Path) -> None:
    target = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--no-deps",
            "-q",
            "--target",
            str(target),
            str(wheel),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    script = (
        "import sys; sys.path.insert(0, sys.argv[1])\n"
        "import archive_app.resources as r, archive_app\n"
        "print(archive_app.__file__); print(r.resource('style.qss'))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script, str(target)],
        capture_output=True,
        text=True,
        check=True,
        cwd=tmp_path,
    )
    package_file, style = result.stdout.split()
    assert package_file.startswith(str(target))
    assert style.startswith(str(target)) and Path(style).is_file()
