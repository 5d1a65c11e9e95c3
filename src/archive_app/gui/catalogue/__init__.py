"""The sidebar catalogue: collections, smart collections and tags."""
