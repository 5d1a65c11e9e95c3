"""Alembic migrations of the catalogue schema, applied when a library is opened."""
