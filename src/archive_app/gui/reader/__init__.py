"""Reading one article: the rendered view, its tools, find, citation, printing."""
