"""The normaliser every importer shares: raw article text and columns -> catalogue record.

`normalise` lives in `pipeline`; this package file holds nothing, so no stage imports it back.
"""
