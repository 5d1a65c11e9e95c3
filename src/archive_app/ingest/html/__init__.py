"""Saved web pages: decoding, metadata, body text, photos and the "is it an article?" test."""
