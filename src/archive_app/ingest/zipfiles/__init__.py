"""Zip files: which members are safe to read, and how a member finds the others it refers to."""
