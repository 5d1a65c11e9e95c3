"""Searching: the search bar, the session a person builds, results, facets, histogram."""
