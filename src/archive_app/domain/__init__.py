"""Plain types every floor uses: records, errors, query tree, clock, progress, shared rule tables.

Imports nothing else of Arsip.
"""
