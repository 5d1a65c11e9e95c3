"""The one dependency rule: nothing outside archive_app.gui imports Qt."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import archive_app


def test_no_module_outside_gui_loads_pyside6() -> None:
    # __main__ runs the CLI and migrations.env runs only inside Alembic: neither can be imported
    skipped = {"archive_app.__main__", "archive_app.db.migrations.env"}
    modules = [
        info.name
        for info in pkgutil.walk_packages(archive_app.__path__, "archive_app.")
        if not info.name.startswith("archive_app.gui") and info.name not in skipped
    ]
    assert "archive_app.usecases.archive" in modules and "archive_app.cli" in modules
    script = (
        "import importlib, sys\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
        "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
