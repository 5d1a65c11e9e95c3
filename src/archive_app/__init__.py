"""Arsip: an offline desktop archive of news articles."""

from __future__ import annotations

__version__ = "0.1.0"
APP_NAME = "Arsip"
