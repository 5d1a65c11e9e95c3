"""The normaliser every importer shares: raw article text and columns -> catalogue record."""

from __future__ import annotations

from archive_app.ingest.normalise.pipeline import normalise

__all__ = ["normalise"]
