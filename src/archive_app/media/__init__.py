"""Photos with Pillow: decode safely, read embedded credits (IPTC, XMP, EXIF), make thumbnails."""
