"""Arsip: an offline desktop archive of news articles."""

from __future__ import annotations

__version__ = "0.1.0"
APP_NAME = "Arsip"
# the reverse-DNS id the desktop knows Arsip by: .desktop and metainfo names, icon, Wayland app id
APP_ID = "io.github.arsip.Arsip"
# the environment variable naming the library to open (here so that the command line's help
# can name it without loading the storage layer)
LIBRARY_ENV_VAR = "ARCHIVE_APP_LIBRARY"
