"""Photos: decoding archived files, the zoomable canvas, the viewer dialog and its details."""
