"""Read a running application's accessibility tree over AT-SPI and print what it names.

Run by the system Python (`/usr/bin/python3 atspi_reader.py APP NAME...`): pyatspi comes from
Debian's python3-pyatspi, not from PyPI. It waits until the application named APP is on the
accessibility bus and every NAME is found on an object of its tree (or the time runs out),
then prints one JSON object: the application's name, each NAME with the role of the object
found by it (null when none) and the start of its text where it has some (a screen reader
reads it out), and how many objects the tree held.
"""

from __future__ import annotations

import json
import sys
import time

import pyatspi  # type: ignore[import-not-found]

WAIT_S = 40.0
MAX_OBJECTS = 5000  # a runaway tree (a huge table) must not keep the reader walking forever


def walk(root):  # type: ignore[no-untyped-def]
    """Every object under root, breadth first (AT-SPI is a tree of remote objects)."""
    queue, seen = [root], 0
    while queue and seen < MAX_OBJECTS:
        node = queue.pop(0)
        if node is None:
            continue
        seen += 1
        yield node
        try:
            queue.extend(node[i] for i in range(node.childCount))
        except Exception:  # an object can vanish while it is read (a repaint, a popup)
            continue


def application(name: str):  # type: ignore[no-untyped-def]
    desktop = pyatspi.Registry.getDesktop(0)
    for i in range(desktop.childCount):
        app = desktop[i]
        if app is not None and app.name == name:
            return app
    return None


def text_of(node, length: int = 400) -> str:  # type: ignore[no-untyped-def]
    """The first characters of an object's text, "" when it has no Text interface."""
    try:
        text = node.queryText()
        return str(text.getText(0, min(length, text.characterCount)))
    except Exception:  # NotImplementedError for objects without text
        return ""


def main(argv: list[str]) -> int:
    """argv: the application's name, then NAME or NAME=TEXT (the object must also say TEXT)."""
    app_name = argv[0]
    wanted = dict(arg.partition("=")[::2] for arg in argv[1:])
    found: dict[str, str | None] = {name: None for name in wanted}
    texts: dict[str, str] = {}
    objects, app = 0, None
    deadline = time.monotonic() + WAIT_S
    while time.monotonic() < deadline:
        app = application(app_name)
        if app is not None:
            objects = 0
            for node in walk(app):
                objects += 1
                try:
                    name, role = node.name, node.getRoleName()
                except Exception:
                    continue
                if name in found and (found[name] is None or wanted[name] not in texts[name]):
                    found[name], texts[name] = role, text_of(node)
            if all(found.values()) and all(t in texts[n] for n, t in wanted.items()):
                break
        time.sleep(0.5)
    print(
        json.dumps(
            {
                "application": app.name if app is not None else None,
                "found": found,
                "texts": texts,
                "objects": objects,
            }
        )
    )
    return 0 if all(found.values()) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
