"""Desktop integration on Linux: Arsip's freedesktop files and their registration for a user."""
