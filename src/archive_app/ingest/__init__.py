"""Readers per format and the normaliser that turns what they read into catalogue records."""
