"""Allow `python -m archive_app` to behave like the `archive-app` command."""

from __future__ import annotations

from archive_app.launcher import main

raise SystemExit(main())
