"""Opening a library, and the window over it, loads only what reading needs: not alembic (the
catalogue is at the head already), not the readers and the normaliser (only importing uses
them). They cost about a second of every launch."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from archive_app.usecases.archive import Archive

# what opening a library and showing the window need not load: alembic (the catalogue is at
# the head already), the readers and the normaliser (only an import uses them)
NOT_AT_OPENING = (
    "alembic",
    "archive_app.usecases.importer",
    "archive_app.ingest.extract",
    "trafilatura",
    "lxml",
    "numpy",
    "py3langid",
    "tldextract",
    "ftfy",
    "dateparser",
)


def test_opening_an_up_to_date_library_and_its_window_loads_no_import_machinery(
    tmp_path: Path,
) -> None:
    library = tmp_path / "library"
    Archive.open(library).close()  # created and migrated here
    probe = (
        "import sys\n"
        "import archive_app.launcher, archive_app.gui.shell.app\n"
        "from archive_app.usecases.archive import Archive\n"
        "for readonly in (False, True):\n"
        "    with Archive.open(sys.argv[1], readonly=readonly) as archive:\n"
        "        archive.search('banjir jakarta'), archive.counts('banjir')\n"
        f"print(sorted(m for m in {NOT_AT_OPENING!r} if m in sys.modules))\n"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    run = subprocess.run(
        [sys.executable, "-c", probe, str(library)],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    assert run.stdout.strip() == "[]"
