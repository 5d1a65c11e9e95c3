"""The floors are enforced, not described: import-linter keeps them and catches an upward import."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO

LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def _lint(source_root: Path, config: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(LINT_IMPORTS), "--config", str(config), "--no-cache"],
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(source_root), "PATH": "/usr/bin:/bin"},
        timeout=300,
    )


def _copy_of_the_package(tmp_path: Path) -> Path:
    copy = tmp_path / "src" / "archive_app"
    skip = shutil.ignore_patterns("__pycache__")
    shutil.copytree(REPO / "src" / "archive_app", copy, ignore=skip)
    return copy


def test_the_package_keeps_its_floors() -> None:
    result = _lint(REPO / "src", REPO / "pyproject.toml")
    assert result.returncode == 0, result.stdout[-2000:]
    assert "0 broken" in result.stdout


def test_an_upward_import_breaks_the_floors(tmp_path: Path) -> None:
    # a copy of the package where a domain type reaches up into the use cases
    copy = tmp_path / "src" / "archive_app"
    shutil.copytree(
        REPO / "src" / "archive_app", copy, ignore=shutil.ignore_patterns("__pycache__")
    )
    model = copy / "domain" / "model.py"
    model.write_text(model.read_text("utf-8") + "\nimport archive_app.usecases.archive\n", "utf-8")
    result = _lint(tmp_path / "src", REPO / "pyproject.toml")
    assert result.returncode != 0
    assert "BROKEN" in result.stdout
    assert "archive_app.domain.model -> archive_app.usecases.archive" in result.stdout


def test_the_window_may_not_reach_the_catalogue_directly(tmp_path: Path) -> None:
    copy = tmp_path / "src" / "archive_app"
    shutil.copytree(
        REPO / "src" / "archive_app", copy, ignore=shutil.ignore_patterns("__pycache__")
    )
    gui = copy / "gui" / "__init__.py"
    gui.write_text(gui.read_text("utf-8") + "\nimport sqlalchemy\n", "utf-8")
    result = _lint(tmp_path / "src", REPO / "pyproject.toml")
    assert result.returncode != 0
    assert "archive_app.gui -> sqlalchemy" in result.stdout
