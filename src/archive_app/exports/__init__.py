"""Exports and citations: catalogue records written in the formats other tools read."""
