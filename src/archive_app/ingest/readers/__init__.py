"""Readers: one per source format, each turning a file's bytes into raw articles."""
