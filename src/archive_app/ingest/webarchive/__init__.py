"""Web archives (WARC, ARC): walk the records, index the captures, read pages back by offset."""
