"""What people do with a library: import, edit and undo, catalogue, authorities, backup, repair.

Sits over db/, search/, ingest/ and exports/; the window and the CLI sit over it.
"""
