"""Lay out the main window: search column, results, the right-hand pane, welcome, status bar."""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QSplitter, QStackedWidget, QVBoxLayout, QWidget

from archive_app.gui.common.focus import chain_tabs
from archive_app.gui.search.bar import SearchBar
from archive_app.gui.shell.window_parts import FramedWindow

SIDEBAR, CENTRE, RIGHT = 250, 580, 570  # the columns' first widths (their stretch: 0, 5, 6)


class Frame(NamedTuple):
    """The containers the window keeps: the browsing view, the right pane, the splitter, and
    the stack that shows either the welcome view or the browsing view."""

    browse: QWidget
    right: QStackedWidget
    main_splitter: QSplitter
    stack: QStackedWidget


def lay_out(window: FramedWindow) -> Frame:
    """Place the window's widgets (made already) and return the containers it keeps."""
    centre = QWidget()
    column = QVBoxLayout(centre)
    column.setContentsMargins(8, 10, 4, 6)
    column.setSpacing(6)
    column.addWidget(window.search_bar)
    column.addWidget(window.filter_bar)
    column.addWidget(window.table, 1)
    right = QStackedWidget()
    right.addWidget(window.reader_pane)
    right.addWidget(window.person_page)
    main_splitter = QSplitter(Qt.Orientation.Horizontal)
    main_splitter.setObjectName("browseSplitter")
    main_splitter.setChildrenCollapsible(False)
    for widget, stretch in ((window.sidebar, 0), (centre, 5), (right, 6)):
        main_splitter.addWidget(widget)
        main_splitter.setStretchFactor(main_splitter.count() - 1, stretch)
    main_splitter.setSizes([SIDEBAR, CENTRE, RIGHT])
    browse = QWidget()
    browse.setObjectName("browse")
    outer = QVBoxLayout(browse)
    outer.setContentsMargins(0, 0, 8, 0)
    outer.addWidget(main_splitter)
    stack = QStackedWidget()
    stack.addWidget(window.welcome)
    stack.addWidget(browse)
    window.setCentralWidget(stack)
    side, bar = window.sidebar, window.search_bar
    # Tab follows the columns as they are shown, from the sidebar's top to the reader's tools
    chain_tabs(
        side.catalogue.tree,
        side.catalogue.new,
        side.catalogue.delete,
        side.histogram,
        side.facets,
        bar.field,
        bar.help,
        bar.sort,
        window.table,
        window.reader_pane,
        window.person_page,
    )
    window.filter_bar.tab_after = bar.sort
    bar.field.setFocus()  # the window opens ready to search
    window.statusBar().addPermanentWidget(window.index_status)
    window.statusBar().addPermanentWidget(window.import_status, 1)
    return Frame(browse, right, main_splitter, stack)


def waiting_frame(search_bar: SearchBar) -> QWidget:
    """What the window shows while its library opens: the search row where the results column
    will have it, taking keys, and nothing else yet (lay_out moves the row into its column)."""
    frame = QWidget()
    row = QHBoxLayout(frame)
    row.setContentsMargins(SIDEBAR, 0, 8, 0)
    column = QVBoxLayout()
    column.setContentsMargins(8, 10, 4, 6)
    column.addWidget(search_bar)
    column.addStretch(1)
    row.addLayout(column, 5)
    row.addStretch(6)
    return frame
