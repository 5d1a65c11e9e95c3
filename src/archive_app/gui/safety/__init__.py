"""The library's safety: backup, restore, fixity and the index status note."""
