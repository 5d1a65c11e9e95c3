"""Wire-service XML (NITF, NewsML 1.2, NewsML-G2): hardened parsing and one module per format."""
