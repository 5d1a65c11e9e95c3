"""The bundle's entry point: `archive-app`'s main, made safe for spawned worker processes."""

from __future__ import annotations

import multiprocessing
import sys

from archive_app.launcher import main

if __name__ == "__main__":
    # the importer's indexing process and reindex's workers are spawned: in a frozen program
    # a child starts this same executable, which must become the worker, not a second Arsip
    multiprocessing.freeze_support()
    sys.exit(main())
