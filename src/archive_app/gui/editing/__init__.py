"""Changing records: the editor, bulk changes, find-and-replace, previews, undo, history."""
