"""The desktop window (PySide6): the only package that imports Qt."""

from archive_app.gui.none_guard import protect

# before any widget exists: PySide6 6.12 on Python 3.11 would otherwise let None be freed
protect()
