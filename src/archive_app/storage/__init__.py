"""The library folder on disk: layout, lock, originals, media files, atomic writes, leftovers."""
