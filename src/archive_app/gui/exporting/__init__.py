"""Exports from the window: the dialog and the writer run off the GUI thread."""
