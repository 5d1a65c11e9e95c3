"""The `archive-app` command: headless commands over the Archive facade, and the window."""

from __future__ import annotations

from archive_app.cli.app import build_parser, main

__all__ = ["build_parser", "main"]
