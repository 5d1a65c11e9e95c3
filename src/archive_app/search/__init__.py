"""The full-text index (Whoosh): schema, analysis, queries, snippets; derived from the catalogue."""
