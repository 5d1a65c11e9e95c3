"""Walk a window's Tab order and name what a screen reader would say for each stop."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QRadioButton, QWidget


def _radio_skipped(widget: QWidget) -> bool:
    """Tab stops once in a group of exclusive radio buttons, at the checked one (the arrows
    move within the group), as Qt does."""
    if not isinstance(widget, QRadioButton) or widget.isChecked():
        return False
    group = widget.group()
    if group is not None:
        return group.exclusive() and group.checkedButton() is not None
    parent = widget.parentWidget()
    return (
        widget.autoExclusive()
        and parent is not None
        and any(r.isChecked() for r in parent.findChildren(QRadioButton) if r.autoExclusive())
    )


def tab_stops(root: QWidget, every: bool = False) -> list[QWidget]:
    """The widgets Tab visits in `root`'s window, in order from the one that has the focus
    (where a keyboard user starts): focusable, shown and enabled; `every` keeps the radio
    buttons Tab passes over (the arrows reach them)."""
    window = root.window()
    start = window.focusWidget() or window
    stops: list[QWidget] = []
    widget = start
    while True:
        if (
            widget is not window
            and widget.window() is window
            and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
            and widget.isVisibleTo(window)
            and widget.isEnabled()
            and widget.focusProxy() is None  # Tab stops at the proxy, listed on its own
            and widget not in stops
            and (every or not _radio_skipped(widget))
        ):
            stops.append(widget)
        widget = widget.nextInFocusChain()
        if widget is start:
            return stops


def spoken_name(widget: QWidget) -> str:
    """The accessible name set on a widget; a button with a text says its text (mnemonic
    removed), which Qt reports as its name."""
    if widget.accessibleName():
        return widget.accessibleName()
    if isinstance(widget, QAbstractButton) and widget.text():
        return widget.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
    return ""


def describe(widget: QWidget) -> str:
    """How an offender is listed: its class, object name and the nearest named ancestor."""
    owner = widget.parentWidget()
    while owner is not None and not (owner.objectName() or owner.accessibleName()):
        owner = owner.parentWidget()
    where = f" in {owner.objectName() or owner.accessibleName()}" if owner is not None else ""
    return f"{type(widget).__name__}({widget.objectName() or '?'}){where}"


def unnamed(root: QWidget) -> list[str]:
    """Every Tab stop of `root`'s window without an accessible name, described."""
    return [describe(w) for w in tab_stops(root, every=True) if not spoken_name(w)]


def spoken_chain(root: QWidget) -> list[str]:
    """The Tab order as a screen reader names it ("?class" for an unnamed stop)."""
    return [spoken_name(w) or f"?{describe(w)}" for w in tab_stops(root)]
