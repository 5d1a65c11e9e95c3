"""The wheel, installed into a fresh virtual environment with its dependencies, passes selftest."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import venv
from pathlib import Path

import pytest
from tests.conftest import REPO

BIN = "Scripts" if sys.platform == "win32" else "bin"


def _run(args: list[str | Path], cwd: Path, timeout: int = 900) -> str:
    # a clean environment for the installed copy: nothing points back at this checkout
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    result = subprocess.run(
        [str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout
    )
    assert result.returncode == 0, f"{args}: {result.stdout}\n{result.stderr}"
    return result.stdout


@pytest.mark.wheel_install
def test_the_wheel_installs_into_a_fresh_environment_and_passes_selftest(tmp_path: Path) -> None:
    started = time.monotonic()
    dist = tmp_path / "dist"
    _run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
          "-w", dist, REPO], tmp_path)  # fmt: skip
    (wheel,) = dist.glob("archive_app-*.whl")
    environment = tmp_path / "env"
    venv.EnvBuilder(with_pip=True).create(environment)
    python = environment / BIN / "python"
    built = time.monotonic()
    # dependencies come from pip's cache when it is warm (a first run downloads PySide6)
    _run([python, "-m", "pip", "install", "-q", wheel], tmp_path)
    installed = time.monotonic()
    where = _run([python, "-c", "import archive_app; print(archive_app.__file__)"], tmp_path)
    assert Path(where.strip()).is_relative_to(environment), where
    out = _run([environment / BIN / "archive-app", "selftest", "--verbose"], tmp_path)
    assert out.splitlines()[-1] == "ok", out
    assert "open the window offscreen: a search and an article: ok" in out
    print(
        f"\nwheel + fresh venv {built - started:.0f} s, pip install {installed - built:.0f} s, "
        f"selftest {time.monotonic() - installed:.0f} s\n{out}"
    )
