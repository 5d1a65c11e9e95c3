"""Keyboard focus: set a window's Tab order from a list of its controls."""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtWidgets import QWidget


def chain_tabs(*widgets: QWidget) -> None:
    """Tab visits `widgets` in this order (each one's own children right after it).

    Qt orders Tab by when widgets were made, which rarely matches where they are shown: a
    dialog's shared buttons are made before a subclass's inputs, a chip after the whole window.
    """
    for first, second in pairwise(widgets):
        QWidget.setTabOrder(first, second)
